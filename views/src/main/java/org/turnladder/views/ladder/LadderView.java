package org.turnladder.views.ladder;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import org.turnladder.ladder.LadderLayout;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderRow;
import org.turnladder.ladder.TimeMode;

/**
 * The ladder on screen: a sticky column header, a pinned time and frame gutter, and arrows between lifelines.
 * Both canvases are viewport-sized and only the visible rows are drawn, so 100 000 rows scroll as smoothly as
 * ten (a canvas as tall as the ladder would be blank past the texture limits). Click a row or use the arrow keys
 * to select; Enter or a double click activates the selected row.
 */
public class LadderView extends Region {
    /** Room kept beside an arrow scrolled into view. */
    private static final double SIDE_ROOM = 40;
    private final LadderPainter painter = new LadderPainter();
    private final Canvas header = new Canvas();
    private final Canvas body = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final ObjectProperty<LadderModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<TimeMode> timeMode = new SimpleObjectProperty<>(this, "timeMode", TimeMode.RELATIVE);
    private final ReadOnlyIntegerWrapper selectedRow = new ReadOnlyIntegerWrapper(this, "selectedRow", -1);
    private Consumer<LadderRow> onRowActivated = r -> { };
    private LadderLayout layout;

    public LadderView() {
        getStyleClass().add("ladder-view");
        setFocusTraversable(true);
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        getChildren().addAll(header, body, vbar, hbar);
        model.addListener((o, a, b) -> {
            LadderLayout before = layout;
            layout = null; // the old layout does not fit the new model: draw nothing until relayout
            if (!grown(a, b)) {
                selectedRow.set(-1);
                vbar.setValue(0);
                before = null;
            } else if (selectedRow.get() >= b.reusedRowCount()) {
                selectedRow.set(-1); // the row may have changed (a run that grew): the owner selects again
            }
            relayout(before);
        });
        timeMode.addListener((o, a, b) -> relayout());
        selectedRow.addListener((o, a, b) -> redraw());
        vbar.valueProperty().addListener((o, a, b) -> redraw());
        hbar.valueProperty().addListener((o, a, b) -> redraw());
        body.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        setPrefSize(900, 600);
        setMinSize(200, 120);
    }

    /**
     * The ladder shown; {@code null} shows nothing. Setting a new model clears the selection and scrolls to the
     * top, unless it extends the one shown ({@link LadderModel#extend}, a live capture grew): then the selection
     * stays on a row taken over unchanged, the scroll position stays, and only the new rows are laid out.
     */
    public ObjectProperty<LadderModel> modelProperty() {
        return model;
    }

    public LadderModel getModel() {
        return model.get();
    }

    public void setModel(LadderModel m) {
        model.set(m);
    }

    /** How the time column reads. */
    public ObjectProperty<TimeMode> timeModeProperty() {
        return timeMode;
    }

    public void setTimeMode(TimeMode m) {
        timeMode.set(m);
    }

    /** Index of the selected row, -1 if none. */
    public ReadOnlyIntegerProperty selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public int getSelectedRow() {
        return selectedRow.get();
    }

    /** What Enter or a double click on a row does (e.g. open the details). */
    public void setOnRowActivated(Consumer<LadderRow> action) {
        onRowActivated = action == null ? r -> { } : action;
    }

    /** The layout in use (null before a model is set). */
    public LadderLayout getLadderLayout() {
        return layout;
    }

    /** Selects a row (-1 clears) and scrolls it into view. */
    public void select(int row) {
        LadderModel m = model.get();
        if (m == null || row < 0 || row >= m.rowCount()) {
            selectedRow.set(-1);
            return;
        }
        selectedRow.set(row);
        scrollToRow(row);
    }

    /**
     * Scrolls so that the row is visible, moving as little as possible; on a ladder wider than the view, also
     * sideways so that its arrow is (its middle, where the label is, if it is wider than the view).
     */
    public void scrollToRow(int row) {
        LadderModel m = model.get();
        if (layout == null || m == null || row < 0 || row >= m.rowCount()) {
            return;
        }
        double top = layout.rowY(row);
        double view = bodyHeight();
        double v = vbar.getValue();
        if (top < v) {
            vbar.setValue(top);
        } else if (top + LadderLayout.ROW_HEIGHT > v + view) {
            vbar.setValue(Math.min(vbar.getMax(), top + LadderLayout.ROW_HEIGHT - view));
        }
        LadderRow r = m.row(row);
        double a = Math.min(layout.columnX(r.from()), layout.columnX(r.to())) - SIDE_ROOM;
        double b = Math.max(layout.columnX(r.from()), layout.columnX(r.to()))
                + (r.from() == r.to() ? LadderLayout.LOOP : 0) + SIDE_ROOM;
        double lanes = body.getWidth() - layout.gutter(); // the time and frame cells cover the left of the lanes
        double h = hbar.getValue();
        double shownLeft = h + layout.gutter();
        double shownRight = h + body.getWidth();
        if (b - a <= lanes) { // the whole arrow fits: move as little as shows it
            if (a < shownLeft) {
                hbar.setValue(clamp(a - layout.gutter(), hbar.getMax()));
            } else if (b > shownRight) {
                hbar.setValue(clamp(b - body.getWidth(), hbar.getMax()));
            }
        } else { // wider than the view: show its middle, where the label is
            double middle = (a + b) / 2;
            if (middle < shownLeft || middle > shownRight) {
                hbar.setValue(clamp(middle - layout.gutter() - lanes / 2, hbar.getMax()));
            }
        }
    }

    /** Selects and shows the row holding this frame (or the nearest after it); false if the ladder is empty. */
    public boolean scrollToFrame(long frame) {
        LadderModel m = model.get();
        int r = m == null ? -1 : m.rowOfFrame(frame);
        if (r < 0) {
            return false;
        }
        select(r);
        return true;
    }

    /** First row (partly) visible. */
    public int firstVisibleRow() {
        return layout == null ? 0 : (int) Math.floor(vbar.getValue() / LadderLayout.ROW_HEIGHT);
    }

    /** Rows that fit the viewport. */
    public int visibleRowCount() {
        return (int) Math.ceil(bodyHeight() / LadderLayout.ROW_HEIGHT);
    }

    /** The middle of a row's arrow in this control's coordinates (for tests and tooltips); null if not shown. */
    public Point2D arrowCenter(int row) {
        LadderModel m = model.get();
        if (m == null || layout == null || row < 0 || row >= m.rowCount()) {
            return null;
        }
        LadderRow r = m.row(row);
        double x = (layout.columnX(r.from()) + layout.columnX(r.to())) / 2 - hbar.getValue();
        if (r.from() == r.to()) {
            x = layout.columnX(r.from()) + LadderLayout.LOOP / 2 - hbar.getValue();
        }
        double y = LadderLayout.HEADER_HEIGHT + layout.rowY(row) - vbar.getValue() + LadderLayout.ROW_HEIGHT * 0.7;
        return new Point2D(x, y);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double vw = vbar.prefWidth(-1);
        double hh = hbar.prefHeight(-1);
        boolean needH = layout != null && layout.width() > w - vw;
        double cw = Math.max(0, w - vw);
        double ch = Math.max(0, h - LadderLayout.HEADER_HEIGHT - (needH ? hh : 0));
        header.setWidth(cw);
        header.setHeight(LadderLayout.HEADER_HEIGHT);
        header.relocate(0, 0);
        body.setWidth(cw);
        body.setHeight(ch);
        body.relocate(0, LadderLayout.HEADER_HEIGHT);
        vbar.resizeRelocate(cw, 0, vw, h - (needH ? hh : 0));
        hbar.setVisible(needH);
        hbar.resizeRelocate(0, h - hh, cw, hh);
        updateScrollBars();
        redraw();
    }

    private double bodyHeight() {
        return body.getHeight();
    }

    /** Whether the new model continues the old one: its leading rows are the old one's (see LadderModel.extend). */
    private static boolean grown(LadderModel old, LadderModel now) {
        int reused = now == null ? 0 : now.reusedRowCount();
        return old != null && reused > 0 && reused <= old.rowCount() && now.row(reused - 1) == old.row(reused - 1);
    }

    private void relayout() {
        relayout(layout);
    }

    /** @param previous the layout of the ladder this one grew from, null if none */
    private void relayout(LadderLayout previous) {
        LadderModel m = model.get();
        layout = m == null ? null : painter.layout(previous, m, timeMode.get());
        requestLayout();
        updateScrollBars();
        redraw();
    }

    private void updateScrollBars() {
        double content = layout == null ? 0 : layout.bodyHeight();
        double view = bodyHeight();
        vbar.setMin(0);
        vbar.setMax(Math.max(0, content - view));
        vbar.setVisibleAmount(Math.max(1, Math.min(view, content)) * Math.max(0, content - view)
                / Math.max(1, content));
        vbar.setUnitIncrement(LadderLayout.ROW_HEIGHT);
        vbar.setBlockIncrement(Math.max(LadderLayout.ROW_HEIGHT, view - LadderLayout.ROW_HEIGHT));
        vbar.setValue(Math.min(vbar.getValue(), vbar.getMax()));
        double cw = body.getWidth();
        double wide = layout == null ? 0 : layout.width();
        hbar.setMin(0);
        hbar.setMax(Math.max(0, wide - cw));
        hbar.setVisibleAmount(Math.max(1, cw) * Math.max(0, wide - cw) / Math.max(1, wide));
        hbar.setUnitIncrement(40);
        hbar.setValue(Math.min(hbar.getValue(), hbar.getMax()));
    }

    private void redraw() {
        var hg = header.getGraphicsContext2D();
        var bg = body.getGraphicsContext2D();
        double w = body.getWidth();
        hg.setFill(LadderPalette.BACKGROUND);
        hg.fillRect(0, 0, header.getWidth(), header.getHeight());
        bg.setFill(LadderPalette.BACKGROUND);
        bg.fillRect(0, 0, w, body.getHeight());
        LadderModel m = model.get();
        if (m == null || layout == null) {
            return;
        }
        double sx = hbar.getValue();
        double sy = vbar.getValue();
        painter.paintHeader(hg, m, layout, timeMode.get(), sx, 0, header.getWidth());
        int first = Math.max(0, layout.rowAt(sy));
        int last = Math.min(m.rowCount(), first + visibleRowCount() + 1);
        if (m.rowCount() > 0 && first < last) {
            painter.paintRows(bg, m, layout, timeMode.get(), first, last, sx, -sy, w, selectedRow.get());
        }
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (layout == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int r = layout.rowAt(e.getY() + vbar.getValue());
        if (r >= 0) {
            select(r);
            if (e.getClickCount() == 2) {
                onRowActivated.accept(model.get().row(r));
            }
        }
    }

    private void scrolled(ScrollEvent e) {
        if (layout == null) {
            return;
        }
        vbar.setValue(clamp(vbar.getValue() - e.getDeltaY(), vbar.getMax()));
        hbar.setValue(clamp(hbar.getValue() - e.getDeltaX(), hbar.getMax()));
        e.consume();
    }

    private void key(KeyEvent e) {
        LadderModel m = model.get();
        if (m == null || m.rowCount() == 0) {
            return;
        }
        int cur = selectedRow.get();
        int page = Math.max(1, visibleRowCount() - 1);
        int next = switch (e.getCode()) {
            case DOWN, KP_DOWN -> cur < 0 ? firstVisibleRow() : cur + 1;
            case UP, KP_UP -> cur < 0 ? firstVisibleRow() : cur - 1;
            case PAGE_DOWN -> Math.max(cur, 0) + page;
            case PAGE_UP -> Math.max(cur, 0) - page;
            case HOME -> 0;
            case END -> m.rowCount() - 1;
            case ENTER -> {
                if (cur >= 0) {
                    onRowActivated.accept(m.row(cur));
                }
                yield Integer.MIN_VALUE;
            }
            default -> Integer.MIN_VALUE;
        };
        if (next != Integer.MIN_VALUE) {
            select(Math.max(0, Math.min(m.rowCount() - 1, next)));
            e.consume();
        } else if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            e.consume();
        }
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
