package org.turnladder.views.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;

/** Findings as cards grouped by severity; a click selects and tells the listener. */
@ExtendWith(ApplicationExtension.class)
class FindingsPanelTest {
    private static final Finding INFO = new Finding("sip.none", Severity.INFO, "No SIP", "No SIP was seen.",
            "Take the SIP trace.", List.of());
    private static final Finding ERROR = new Finding("turn.connect-failed", Severity.ERROR,
            "TURN server could not open TCP to the peer (447)", "Connect answered 447.", "Open TCP to the peer.",
            List.of(15L, 12L));
    private static final Finding WARNING = new Finding("ice.slow", Severity.WARNING, "Slow checks", "Slow.", "",
            List.of(3L));

    private FindingsPanel panel;
    private final List<Finding> clicked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        panel = new FindingsPanel();
        panel.setFindings(List.of(INFO, ERROR, WARNING));
        panel.setOnFindingSelected(clicked::add);
        stage.setScene(new Scene(panel, 420, 600));
        stage.show();
    }

    @Test
    void groupsBySeverityErrorsFirst(FxRobot robot) {
        List<String> headings = robot.lookup(".findings-heading").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertThat(headings).containsExactly("Error (1)", "Warning (1)", "Information (1)");
        List<String> titles = robot.lookup(".finding-title").queryAll().stream().map(n -> ((Label) n).getText())
                .toList();
        assertThat(titles).containsExactly(ERROR.title(), WARNING.title(), INFO.title());
    }

    @Test
    void aCardSaysWhatHowToFixAndWhere(FxRobot robot) {
        Node card = panel.cardOf(ERROR);
        List<String> texts = robot.from(card).lookup(".label").queryAll().stream().map(n -> ((Label) n).getText())
                .toList();
        assertThat(texts).contains("Connect answered 447.", "Fix: Open TCP to the peer.",
                "Frames 12, 15  ·  turn.connect-failed");
        assertThat(robot.from(panel.cardOf(WARNING)).lookup(".finding-fix").queryAll()).as("no empty fix").isEmpty();
    }

    @Test
    void clickingACardSelectsItAndTellsTheListener(FxRobot robot) {
        robot.clickOn(panel.cardOf(ERROR));
        assertThat(clicked).containsExactly(ERROR);
        assertThat(panel.selectedProperty().get()).isEqualTo(ERROR);
        assertThat(panel.cardOf(ERROR).getStyleClass()).contains("selected");
        robot.clickOn(panel.cardOf(INFO));
        assertThat(panel.cardOf(ERROR).getStyleClass()).doesNotContain("selected");
    }

    @Test
    void noFindingsSaysSo(FxRobot robot) {
        robot.interact(() -> panel.setFindings(List.of()));
        assertThat(((Label) robot.lookup(".findings-none").query()).getText()).startsWith("No findings");
    }

    @Test
    void thousandsOfFindingsShowAPageOfCardsPerSeverityAndMoreOnDemand(FxRobot robot) {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(new Finding("turn.capacity", Severity.ERROR, "Quota " + i, "486.", "Raise it.", List.of(1L + i)));
        }
        many.add(WARNING);
        robot.interact(() -> panel.setFindings(many));
        List<String> headings = robot.lookup(".findings-heading").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertThat(headings).containsExactly("Errors (1000)", "Warning (1)");
        assertThat(robot.lookup(".finding-card").queryAll()).hasSize(FindingsPanel.PAGE + 1);
        assertThat(panel.cardOf(WARNING)).isNotNull();
        assertThat(panel.cardOf(many.get(FindingsPanel.PAGE))).isNull();
        javafx.scene.control.Button more = robot.lookup(".findings-more").queryButton();
        assertThat(more.getText()).isEqualTo(String.format("Show %d more of %d not shown", FindingsPanel.PAGE,
                1000 - FindingsPanel.PAGE));
        robot.interact(more::fire);
        assertThat(robot.lookup(".finding-card").queryAll()).hasSize(2 * FindingsPanel.PAGE + 1);
        assertThat(panel.cardOf(many.get(FindingsPanel.PAGE))).isNotNull();
        assertThat(robot.lookup(".findings-more").queryButton().getText()).isEqualTo(
                String.format("Show %d more of %d not shown", FindingsPanel.PAGE, 1000 - 2 * FindingsPanel.PAGE));
        // the new cards follow the first page, before the warnings
        List<Node> children = ((javafx.scene.layout.VBox) panel.getContent()).getChildrenUnmodifiable();
        assertThat(children.indexOf(panel.cardOf(many.get(2 * FindingsPanel.PAGE - 1))))
                .isLessThan(children.indexOf(panel.cardOf(WARNING)));
    }
}
