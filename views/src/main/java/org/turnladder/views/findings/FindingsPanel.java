package org.turnladder.views.findings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;

/**
 * The analysis findings as cards grouped by severity (errors first): title, the explanation, the fix and the
 * frames that show it; the first {@value #PAGE} of each severity, more on demand. Clicking a card selects it and
 * tells the listener, which typically scrolls the ladder to the finding's first frame.
 */
public class FindingsPanel extends ScrollPane {
    /** Cards shown at first per severity, and added per click on the group's "Show more" button. */
    public static final int PAGE = 20;

    private final VBox content = new VBox(6);
    private final ReadOnlyObjectWrapper<Finding> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final List<Card> cards = new ArrayList<>();
    private Consumer<Finding> onFindingSelected = f -> { };

    public FindingsPanel() {
        getStyleClass().add("findings-panel");
        content.getStyleClass().add("findings-content");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setFindings(List.of());
    }

    /** Shows these findings (replacing any shown); the selection is cleared. */
    public void setFindings(List<Finding> findings) {
        content.getChildren().clear();
        cards.clear();
        selected.set(null);
        if (findings.isEmpty()) {
            Label none = new Label("No findings: nothing in this capture looks wrong to the analysis.");
            none.setWrapText(true);
            none.getStyleClass().add("findings-none");
            content.getChildren().add(none);
            return;
        }
        Map<Severity, List<Finding>> bySeverity = findings.stream().collect(Collectors.groupingBy(Finding::severity,
                () -> new EnumMap<>(Severity.class), Collectors.toList()));
        for (var group : bySeverity.entrySet()) {
            Label head = new Label(heading(group.getKey(), group.getValue().size()));
            head.getStyleClass().addAll("findings-heading", group.getKey().json());
            content.getChildren().add(head);
            addCards(group.getValue(), 0, content.getChildren().size());
        }
    }

    /**
     * Adds cards for findings {@code from} on, at most {@link #PAGE}, at child position {@code at}; a button for
     * the next page follows when more remain (thousands of cards would take the window a minute to lay out).
     */
    private void addCards(List<Finding> group, int from, int at) {
        int to = Math.min(group.size(), from + PAGE);
        List<Node> added = new ArrayList<>(to - from + 1);
        for (Finding f : group.subList(from, to)) {
            Card c = new Card(f);
            cards.add(c);
            added.add(c);
        }
        if (to < group.size()) {
            int left = group.size() - to;
            Button more = new Button(String.format("Show %d more of %,d not shown", Math.min(PAGE, left), left));
            more.getStyleClass().add("findings-more");
            more.setMaxWidth(Double.MAX_VALUE);
            more.setOnAction(e -> {
                int i = content.getChildren().indexOf(more);
                content.getChildren().remove(i);
                addCards(group, to, i);
            });
            added.add(more);
        }
        content.getChildren().addAll(at, added);
    }

    /** What clicking a finding does, beside selecting it. */
    public void setOnFindingSelected(Consumer<Finding> action) {
        onFindingSelected = action == null ? f -> { } : action;
    }

    public ReadOnlyObjectProperty<Finding> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Selects a finding as a click would (and tells the listener). */
    public void select(Finding f) {
        selected.set(f);
        for (Card c : cards) {
            c.pseudoSelected(c.finding.equals(f));
        }
        if (f != null) {
            onFindingSelected.accept(f);
        }
    }

    /** The card showing a finding (for tests and keyboard focus); null if not shown (yet). */
    public Node cardOf(Finding f) {
        return cards.stream().filter(c -> c.finding.equals(f)).findFirst().orElse(null);
    }

    static String heading(Severity s, int n) {
        String word = switch (s) {
            case ERROR -> n == 1 ? "Error" : "Errors";
            case WARNING -> n == 1 ? "Warning" : "Warnings";
            case INFO -> "Information";
        };
        return word + " (" + n + ")";
    }

    static String frames(List<Long> frames) {
        if (frames.isEmpty()) {
            return "";
        }
        String list = frames.stream().limit(12).map(String::valueOf).collect(Collectors.joining(", "));
        return (frames.size() == 1 ? "Frame " : "Frames ") + list + (frames.size() > 12 ? ", …" : "");
    }

    /** One finding. */
    private final class Card extends VBox {
        private final Finding finding;

        Card(Finding f) {
            super(3);
            this.finding = f;
            getStyleClass().addAll("finding-card", f.severity().json());
            Label title = new Label(f.title());
            title.getStyleClass().add("finding-title");
            Label detail = new Label(f.detail());
            detail.getStyleClass().add("finding-detail");
            Label fix = new Label("Fix: " + f.fix());
            fix.getStyleClass().add("finding-fix");
            Label where = new Label(frames(f.frames()) + "  ·  " + f.id());
            where.getStyleClass().add("finding-frames");
            for (Label l : new Label[] {title, detail, fix, where}) {
                l.setWrapText(true);
                l.setMinHeight(Label.USE_PREF_SIZE);
            }
            getChildren().addAll(title, detail);
            if (!f.fix().isBlank()) {
                getChildren().add(fix);
            }
            getChildren().add(where);
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> select(finding));
            setAccessibleText(f.severity().json().toUpperCase(Locale.ROOT) + ": " + f.title());
        }

        void pseudoSelected(boolean on) {
            getStyleClass().remove("selected");
            if (on) {
                getStyleClass().add("selected");
            }
        }
    }
}
