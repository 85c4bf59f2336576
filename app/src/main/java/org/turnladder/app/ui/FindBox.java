package org.turnladder.app.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderRow;
import org.turnladder.views.ladder.LadderView;

/**
 * Find in a ladder's arrow labels: the field (Enter next, Shift+Enter previous, Esc back to the ladder), ▲ ▼ and
 * the number of matches. A live ladder grows by extension, so the count of its settled rows is kept and only the
 * rows after them are counted again.
 */
final class FindBox {
    private final LadderView ladder;
    private final TextField field = new TextField();
    private final Label count = new Label();
    private final Button prev = new Button("▲");
    private final Button next = new Button("▼");
    private Counted counted;

    /** Matches of a find text among a ladder's settled rows, which the ladders extended from it take over. */
    private record Counted(String text, int settledRows, LadderRow lastSettled, int matches) {
    }

    FindBox(LadderView ladder) {
        this.ladder = ladder;
        field.setPromptText("Find in arrows (Ctrl+F)");
        field.setPrefColumnCount(16);
        field.getStyleClass().add("find-field");
        field.setOnAction(e -> next(true));
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                next(false);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
                ladder.requestFocus();
                e.consume();
            }
        });
        field.textProperty().addListener((o, a, t) -> updateCount());
        prev.setTooltip(new Tooltip("Previous match (Shift+Enter)"));
        prev.setOnAction(e -> next(false));
        next.setTooltip(new Tooltip("Next match (Enter)"));
        next.setOnAction(e -> next(true));
        count.getStyleClass().add("find-count");
    }

    /** The field, ▲, ▼ and the count, for a tool bar. */
    List<Node> nodes() {
        return List.of(field, prev, next, count);
    }

    TextField field() {
        return field;
    }

    String countText() {
        return count.getText();
    }

    void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** Selects the next (or previous) row whose label holds the find text; false if none does. */
    boolean next(boolean forward) {
        LadderModel m = ladder.getModel();
        String text = field.getText();
        if (m == null || text == null || text.isBlank()) {
            return false;
        }
        int from = ladder.getSelectedRow() >= 0 ? ladder.getSelectedRow() : (forward ? -1 : 0);
        int r = m.findNext(text.strip(), from, forward);
        if (r >= 0) {
            ladder.select(r);
            return true;
        }
        return false;
    }

    /** Counts the matches again (the text or the ladder changed). */
    void updateCount() {
        LadderModel m = ladder.getModel();
        String t = field.getText();
        if (m == null || t == null || t.isBlank()) {
            count.setText("");
            return;
        }
        String text = t.strip();
        int settled = m.settledRowCount();
        int before;
        int from;
        Counted c = counted;
        if (c != null && c.text().equals(text) && c.settledRows() <= settled
                && (c.settledRows() == 0 || m.row(c.settledRows() - 1) == c.lastSettled())) {
            before = c.matches(); // a live refresh took these rows over: count only the rows after them
            from = c.settledRows();
        } else {
            before = 0;
            from = 0;
        }
        int inSettled = before + m.count(text, from, settled);
        counted = new Counted(text, settled, settled == 0 ? null : m.row(settled - 1), inSettled);
        int n = inSettled + m.count(text, settled, m.rowCount());
        count.setText(n == 0 ? "no match" : n == 1 ? "1 match" : n + " matches");
    }
}
