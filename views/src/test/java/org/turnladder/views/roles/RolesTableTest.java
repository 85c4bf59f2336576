package org.turnladder.views.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.roles.RoleAssignment;

/** Boxes with detected roles and evidence; the user's role and name are reported at once. */
@ExtendWith(ApplicationExtension.class)
class RolesTableTest {
    private static final RoleAssignment EDGE = new RoleAssignment("203.0.113.10", List.of("203.0.113.10"),
            "Skype Edge", Role.SKYPE_EDGE, List.of("relay candidate in the SDP in frame 1"), 0.57, false);
    private static final RoleAssignment SERVER = new RoleAssignment("127.0.0.8", List.of("127.0.0.8"), "CMS",
            Role.CMS, List.of("set by the user"), 1.0, true);

    private RolesTable table;
    private final List<RoleChoice> choices = new ArrayList<>();

    @Start
    void start(Stage stage) {
        table = new RolesTable();
        table.setBoxes(List.of(EDGE, SERVER), Map.of("127.0.0.8", Role.SKYPE_FRONT_END), Map.of());
        table.setOnChoice(choices::add);
        stage.setScene(new Scene(table, 700, 400));
        stage.show();
    }

    private Node inRow(FxRobot robot, String style, int row) {
        return robot.lookup(style).queryAll().stream().filter(n -> rowOf(n) == row).findFirst().orElseThrow();
    }

    private static int rowOf(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x instanceof TableRow<?> r) {
                return r.getIndex();
            }
        }
        return -1;
    }

    @Test
    void showsDetectedRoleWithConfidenceAndTheUsersRole(FxRobot robot) {
        assertThat(RolesTable.detectedText(table.table().getItems().get(0))).isEqualTo("Skype Edge · 57%");
        assertThat(RolesTable.detectedText(table.table().getItems().get(1)))
                .isEqualTo("Skype Front End (you: CMS)");
        @SuppressWarnings("unchecked")
        ComboBox<Role> second = (ComboBox<Role>) inRow(robot, ".role-combo", 1);
        assertThat(second.getValue()).isEqualTo(Role.CMS);
        @SuppressWarnings("unchecked")
        ComboBox<Role> first = (ComboBox<Role>) inRow(robot, ".role-combo", 0);
        assertThat(first.getValue()).as("Detected").isNull();
    }

    @Test
    void choosingARoleIsReportedAtOnce(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Role> first = (ComboBox<Role>) inRow(robot, ".role-combo", 0);
        robot.interact(() -> first.setValue(Role.EXPRESSWAY_E));
        assertThat(choices).containsExactly(new RoleChoice("203.0.113.10", Role.EXPRESSWAY_E, null));
    }

    @Test
    void typingANameIsReportedOnEnter(FxRobot robot) {
        TextField name = (TextField) inRow(robot, ".box-name", 0);
        robot.clickOn(name).write("Edge pool 2").type(KeyCode.ENTER);
        assertThat(choices).containsExactly(new RoleChoice("203.0.113.10", null, "Edge pool 2"));
    }

    @Test
    void selectingABoxShowsItsEvidence(FxRobot robot) {
        robot.interact(() -> table.table().getSelectionModel().select(0));
        assertThat(((Label) robot.lookup(".roles-evidence").query()).getText())
                .isEqualTo("Skype Edge: \n• relay candidate in the SDP in frame 1");
    }
}
