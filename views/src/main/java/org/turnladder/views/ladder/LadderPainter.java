package org.turnladder.views.ladder;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.turnladder.ladder.LadderColumn;
import org.turnladder.ladder.LadderLayout;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderRow;
import org.turnladder.ladder.Outcome;
import org.turnladder.ladder.TimeMode;

/**
 * Draws a laid-out ladder onto any {@link GraphicsContext}: the screen's viewport-sized canvases and the export's
 * tiles. It only draws what it is asked for (a band of rows at a given offset), so the surface never has to be as
 * tall as the ladder. Call on the JavaFX thread.
 */
public final class LadderPainter {
    private static final double ARROW_HEAD = 8;
    private static final double LINE_FROM_TOP = 0.70;
    /** Room a finding or warning badge may take beside an arrow's label. */
    private static final double BADGE_ROOM = 24;

    private final LadderPalette palette = new LadderPalette();
    private final Text measurer = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private final Map<String, String> elided = new HashMap<>();

    public LadderPalette palette() {
        return palette;
    }

    /** Lays the model out with this painter's fonts. */
    public LadderLayout layout(LadderModel model, TimeMode mode) {
        // labels are measured bold: error rows are drawn bold and must fit as well as the others
        return LadderLayout.compute(model, s -> width(s, palette.labelBold), s -> width(s, palette.title), mode);
    }

    /**
     * Lays out a ladder extended from the one {@code previous} laid out (a live capture grew), measuring only its
     * new rows; the same as {@link #layout} otherwise. {@code previous} must come from this painter.
     */
    public LadderLayout layout(LadderLayout previous, LadderModel model, TimeMode mode) {
        return LadderLayout.extend(previous, model, s -> width(s, palette.labelBold), s -> width(s, palette.title),
                mode);
    }

    /** Width of text in a font (cached per font and text). */
    public double width(String s, Font font) {
        if (s.isEmpty()) {
            return 0;
        }
        if (widths.size() > 250_000) { // labels of a huge capture: keep memory bounded
            widths.clear();
            elided.clear();
        }
        return widths.computeIfAbsent(font.getName() + font.getSize() + '\u0000' + s, k -> {
            measurer.setFont(font);
            measurer.setText(s);
            return measurer.getLayoutBounds().getWidth();
        });
    }

    /**
     * The sticky column header: time and frame headings, then a box per column with its title and addresses.
     *
     * @param scrollX horizontal scroll of the lanes (the time and frame cells stay put)
     * @param top     y of the header's top on the surface
     * @param width   width of the surface
     */
    public void paintHeader(GraphicsContext gc, LadderModel m, LadderLayout l, TimeMode mode, double scrollX,
                            double top, double width) {
        paintHeader(gc, m, l, mode, scrollX, top, width, 0, width);
    }

    /**
     * The header, drawing only the columns that reach into surface x {@code [fromX, toX]} (what a viewport or a
     * tile shows): a ladder of thousands of columns costs per frame what its visible ones do.
     */
    public void paintHeader(GraphicsContext gc, LadderModel m, LadderLayout l, TimeMode mode, double scrollX,
                            double top, double width, double fromX, double toX) {
        double h = LadderLayout.HEADER_HEIGHT;
        gc.setFill(LadderPalette.HEADER_BG);
        gc.fillRect(0, top, width, h);
        // no clip: Canvas clipping renders every primitive through a surface-sized mask (slow on big tiles);
        // the gutter is painted over the lanes afterwards instead
        int[] cols = columnsToPaint(l, scrollX, fromX, toX);
        for (int ci = cols[0]; ci < cols[1]; ci++) {
            LadderColumn c = m.columns().get(ci);
            double x = l.columnX(c.index()) - scrollX;
            String addr = c.addressLine();
            double bw = Math.max(width(c.title(), palette.title), width(addr, palette.small)) + 16;
            double bh = addr.isEmpty() ? 22 : 34;
            double by = top + (h - bh) / 2;
            gc.setFill(LadderPalette.BOX_FILL);
            gc.fillRoundRect(x - bw / 2, by, bw, bh, 8, 8);
            gc.setStroke(LadderPalette.BOX_EDGE);
            gc.setLineWidth(1);
            gc.setLineDashes();
            gc.strokeRoundRect(snap(x - bw / 2), snap(by), Math.round(bw), Math.round(bh), 8, 8);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            gc.setFill(LadderPalette.TITLE);
            gc.setFont(palette.title);
            gc.fillText(c.title(), x, by + 3);
            if (!addr.isEmpty()) {
                gc.setFill(LadderPalette.MUTED);
                gc.setFont(palette.small);
                gc.fillText(addr, x, by + 18);
            }
            gc.setStroke(LadderPalette.LIFELINE);
            gc.strokeLine(snap(x), by + bh, snap(x), top + h);
        }
        gc.setFill(LadderPalette.HEADER_BG);
        gc.fillRect(0, top, l.gutter(), h);
        gc.setFill(LadderPalette.MUTED);
        gc.setFont(palette.title);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(mode.header(), LadderLayout.CELL_PAD, top + h - 6);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText("Frame", l.gutter() - LadderLayout.CELL_PAD, top + h - 6);
        gc.setStroke(LadderPalette.HEADER_RULE);
        gc.setLineWidth(1);
        gc.strokeLine(0, snap(top + h - 1), width, snap(top + h - 1));
        gc.strokeLine(snap(l.gutter()), top, snap(l.gutter()), top + h);
    }

    /**
     * Rows {@code first} (inclusive) to {@code last} (exclusive).
     *
     * @param scrollX  horizontal scroll of the lanes
     * @param bodyTop  y on the surface where the body (row 0) would start; negative when scrolled or tiled
     * @param width    width of the surface
     * @param selected selected row, -1 for none
     */
    public void paintRows(GraphicsContext gc, LadderModel m, LadderLayout l, TimeMode mode, int first, int last,
                          double scrollX, double bodyTop, double width, int selected) {
        paintRows(gc, m, l, mode, first, last, scrollX, bodyTop, width, selected, 0, width);
    }

    /**
     * Rows {@code first} to {@code last}, drawing only the lifelines, arrows and gutter that reach into surface x
     * {@code [fromX, toX]}.
     */
    public void paintRows(GraphicsContext gc, LadderModel m, LadderLayout l, TimeMode mode, int first, int last,
                          double scrollX, double bodyTop, double width, int selected, double fromX, double toX) {
        double rh = LadderLayout.ROW_HEIGHT;
        double bandTop = bodyTop + l.rowY(first);
        double bandHeight = (last - first) * rh;
        gc.setFill(LadderPalette.BACKGROUND);
        gc.fillRect(0, bandTop, width, bandHeight);
        for (int r = first; r < last; r++) {
            LadderRow row = m.row(r);
            double y = bodyTop + l.rowY(r);
            Color bg = r == selected ? LadderPalette.SELECTED_ROW
                    : row.style().outcome() == Outcome.ERROR ? LadderPalette.ERROR_ROW
                    : (r & 1) == 1 ? LadderPalette.STRIPE : null;
            if (bg != null) {
                gc.setFill(bg);
                gc.fillRect(0, y, width, rh);
            }
        }
        gc.setStroke(LadderPalette.LIFELINE);
        gc.setLineWidth(1);
        gc.setLineDashes();
        int[] cols = columnsToPaint(l, scrollX, fromX, toX);
        for (int c = cols[0]; c < cols[1]; c++) {
            double x = snap(l.columnX(c) - scrollX);
            gc.strokeLine(x, bandTop, x, bandTop + bandHeight);
        }
        for (int r = first; r < last; r++) {
            LadderRow row = m.row(r);
            if (arrowReaches(row, l, scrollX, fromX, toX)) {
                paintArrow(gc, row, l, scrollX, bodyTop + l.rowY(r));
            }
        }
        if (fromX < l.gutter()) { // a tile right of the time and frame cells has none to draw
            paintGutter(gc, m, l, mode, first, last, bodyTop, selected);
        }
    }

    /**
     * The columns whose header box or lifeline reaches into surface x {@code [fromX, toX]} with the lanes scrolled
     * by {@code scrollX}, as {@code {first, end}} (end exclusive).
     */
    static int[] columnsToPaint(LadderLayout l, double scrollX, double fromX, double toX) {
        return l.columnsIn(fromX + scrollX, toX + scrollX);
    }

    /** Whether any of a row's arrow, label or badges can fall into surface x {@code [fromX, toX]}. */
    static boolean arrowReaches(LadderRow row, LadderLayout l, double scrollX, double fromX, double toX) {
        double x1 = l.columnX(row.from()) - scrollX;
        double x2 = l.columnX(row.to()) - scrollX;
        double left = Math.min(x1, x2) - BADGE_ROOM;
        double right = row.from() == row.to()
                ? x1 + LadderLayout.LOOP + 6 + LadderLayout.MAX_LABEL + BADGE_ROOM
                : Math.max(x1, x2) + BADGE_ROOM;
        return right >= fromX && left <= toX;
    }

    private void paintGutter(GraphicsContext gc, LadderModel m, LadderLayout l, TimeMode mode, int first, int last,
                             double bodyTop, int selected) {
        double rh = LadderLayout.ROW_HEIGHT;
        gc.setFont(palette.mono);
        gc.setTextBaseline(VPos.CENTER);
        for (int r = first; r < last; r++) {
            LadderRow row = m.row(r);
            double y = bodyTop + l.rowY(r);
            Color bg = r == selected ? LadderPalette.SELECTED_ROW
                    : row.style().outcome() == Outcome.ERROR ? LadderPalette.ERROR_ROW
                    : (r & 1) == 1 ? LadderPalette.STRIPE : LadderPalette.BACKGROUND;
            gc.setFill(bg);
            gc.fillRect(0, y, l.gutter(), rh);
            if (r == selected) {
                gc.setFill(LadderPalette.SELECTED_EDGE);
                gc.fillRect(0, y, 3, rh);
            }
            gc.setFill(LadderPalette.CELL_TEXT);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText(mode.format(m, r), LadderLayout.CELL_PAD, y + rh / 2);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(Long.toString(row.frame()), l.gutter() - LadderLayout.CELL_PAD, y + rh / 2);
        }
        gc.setStroke(LadderPalette.HEADER_RULE);
        gc.setLineWidth(1);
        gc.setLineDashes();
        double x = snap(l.gutter());
        gc.strokeLine(x, bodyTop + l.rowY(first), x, bodyTop + l.rowY(last));
    }

    private void paintArrow(GraphicsContext gc, LadderRow row, LadderLayout l, double scrollX, double top) {
        boolean error = row.style().outcome() == Outcome.ERROR;
        Color color = LadderPalette.arrowColor(row.style());
        double x1 = l.columnX(row.from()) - scrollX;
        double x2 = l.columnX(row.to()) - scrollX;
        double y = Math.round(top + LadderLayout.ROW_HEIGHT * LINE_FROM_TOP) + 0.5;
        double lw = error ? 2 : row.count() > 1 ? 1.6 : 1.2;
        gc.setStroke(color);
        gc.setFill(color);
        gc.setLineWidth(lw);
        gc.setLineCap(StrokeLineCap.BUTT);
        if (row.entry().response()) {
            gc.setLineDashes(5, 3);
        } else {
            gc.setLineDashes();
        }
        double labelLeft;
        double labelRoom;
        double labelCenter;
        if (row.from() == row.to()) {
            double w = LadderLayout.LOOP;
            double yTop = y - 7;
            gc.strokePolyline(new double[] {x1, x1 + w, x1 + w, x1 + ARROW_HEAD},
                    new double[] {yTop, yTop, y, y}, 4);
            gc.setLineDashes();
            head(gc, x1 + ARROW_HEAD, y, x1, y);
            labelLeft = x1 + w + 6;
            labelRoom = LadderLayout.MAX_LABEL;
            labelCenter = Double.NaN;
        } else {
            double dir = Math.signum(x2 - x1);
            gc.strokeLine(x1, y, x2 - dir * ARROW_HEAD, y);
            gc.setLineDashes();
            head(gc, x2 - dir * ARROW_HEAD, y, x2, y);
            if (row.count() > 1) { // a second head marks a collapsed run
                head(gc, x2 - dir * ARROW_HEAD * 1.9, y, x2 - dir * ARROW_HEAD * 0.9, y);
            }
            labelRoom = Math.min(LadderLayout.MAX_LABEL, Math.abs(x2 - x1) - 16);
            labelCenter = (x1 + x2) / 2;
            labelLeft = Double.NaN;
        }
        Font font = error ? palette.labelBold : palette.label;
        String text = elide(row.label(), font, labelRoom);
        double tw = width(text, font);
        double tx = Double.isNaN(labelLeft) ? labelCenter - tw / 2 : labelLeft;
        double ty = Double.isNaN(labelLeft) ? y - 3 : y + 1;
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(Double.isNaN(labelLeft) ? VPos.BOTTOM : VPos.CENTER);
        gc.setFill(color);
        gc.fillText(text, tx, Double.isNaN(labelLeft) ? ty : top + LadderLayout.ROW_HEIGHT / 2);
        double after = tx + tw + 5;
        if (!row.findingIds().isEmpty()) {
            double cy = Double.isNaN(labelLeft) ? y - 9 : top + LadderLayout.ROW_HEIGHT / 2;
            badge(gc, tx - 11, cy, LadderPalette.FINDING, "!");
        }
        if (row.warning()) {
            double cy = Double.isNaN(labelLeft) ? y - 9 : top + LadderLayout.ROW_HEIGHT / 2;
            badge(gc, after + 4, cy, LadderPalette.MUTED, "?");
        }
    }

    /** A filled circle with a one-character glyph, centred at (cx, cy). */
    private void badge(GraphicsContext gc, double cx, double cy, Color color, String glyph) {
        gc.setFill(color);
        gc.fillOval(cx - 6, cy - 6, 12, 12);
        gc.setFill(Color.WHITE);
        gc.setFont(palette.labelBold);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(glyph, cx, cy + 0.5);
    }

    private static void head(GraphicsContext gc, double fromX, double y, double tipX, double tipY) {
        double dir = Math.signum(tipX - fromX);
        gc.fillPolygon(new double[] {tipX, tipX - dir * ARROW_HEAD, tipX - dir * ARROW_HEAD},
                new double[] {tipY, tipY - 4, tipY + 4}, 3);
    }

    /** The text cut with an ellipsis to fit the room. */
    String elide(String text, Font font, double room) {
        if (width(text, font) <= room) {
            return text;
        }
        String key = font.getName() + (int) room + '\u0000' + text;
        return elided.computeIfAbsent(key, k -> {
            int lo = 0;
            int hi = text.length();
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (width(text.substring(0, mid) + "…", font) <= room) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return text.substring(0, lo) + "…";
        });
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }
}
