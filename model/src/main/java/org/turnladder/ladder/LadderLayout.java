package org.turnladder.ladder;

import java.util.List;

/**
 * Where everything of a ladder goes, in pixels, apart from any drawing surface: the on-screen view and the PNG
 * export use the same layout and so show the same picture. Columns are spaced by the widest label that must fit
 * between them (a label is centred over its arrow), never closer than a minimum, so labels do not overlap the
 * lifelines of the boxes they cross. Time and memory are linear in rows and columns (only the pairs of columns
 * that some arrow joins are remembered), so a ladder of thousands of columns lays out as fast as its rows.
 *
 * <pre>
 * | time | frame | ── col 0 ──────── col 1 ───── col 2 ── |
 * </pre>
 */
public final class LadderLayout {
    /** Height of one row. */
    public static final double ROW_HEIGHT = 26;
    /** Height of the sticky column header (title and address lines). */
    public static final double HEADER_HEIGHT = 46;
    /** Labels wider than this are cut with an ellipsis. */
    public static final double MAX_LABEL = 520;
    /** Room around a label on its arrow. */
    public static final double LABEL_PAD = 36;
    /** Least distance between two lifelines. */
    public static final double MIN_GAP = 170;
    /** Width of the loop drawn for a message between two addresses of one box. */
    public static final double LOOP = 28;
    /** Space between the frame column and the first lifeline, and after the last one. */
    public static final double MARGIN = 24;
    /** Inner padding of the time and frame cells. */
    public static final double CELL_PAD = 8;

    private final double timeWidth;
    private final double frameWidth;
    private final double[] columnX;
    private final double[] halfHeader;
    private final double maxHalfHeader;
    private final double width;
    private final int rows;
    /** What the model's settled rows need, so that a layout of a grown model measures only the rows after them. */
    private final PairNeeds.Widest settled;
    private final int settledRows;
    private final LadderRow settledLast;
    private final long settledMaxFrame;

    private LadderLayout(double timeWidth, double frameWidth, double[] columnX, double[] halfHeader,
                         double maxHalfHeader, double width, int rows, PairNeeds.Widest settled, int settledRows,
                         LadderRow settledLast, long settledMaxFrame) {
        this.timeWidth = timeWidth;
        this.frameWidth = frameWidth;
        this.columnX = columnX;
        this.halfHeader = halfHeader;
        this.maxHalfHeader = maxHalfHeader;
        this.width = width;
        this.rows = rows;
        this.settled = settled;
        this.settledRows = settledRows;
        this.settledLast = settledLast;
        this.settledMaxFrame = settledMaxFrame;
    }

    /**
     * Lays out a ladder.
     *
     * @param labels  measures arrow labels
     * @param headers measures header text (may be a bolder font)
     * @param time    the time mode shown (sizes the time column)
     */
    public static LadderLayout compute(LadderModel model, TextWidth labels, TextWidth headers, TimeMode time) {
        return lay(model, new PairNeeds.Widest(), 0, 0, labels, headers, time);
    }

    /**
     * Lays out a ladder extended from the one {@code previous} laid out ({@link LadderModel#extend}): only the rows
     * after that ladder's settled rows are measured (columns move apart only when a new label needs more room).
     * The same as {@link #compute} — which it does when the model does not continue the previous one's settled
     * rows, or when there is no previous layout. Measure with the same fonts as {@code previous} did.
     */
    public static LadderLayout extend(LadderLayout previous, LadderModel model, TextWidth labels, TextWidth headers,
                                      TimeMode time) {
        if (previous == null || previous.settledRows > model.settledRowCount()
                || (previous.settledRows > 0 && model.row(previous.settledRows - 1) != previous.settledLast)) {
            return compute(model, labels, headers, time);
        }
        return lay(model, previous.settled.copy(), previous.settledRows, previous.settledMaxFrame, labels, headers,
                time);
    }

    /** @param widest what rows {@code [0, measured)} need (fed further here, then kept by the layout) */
    private static LadderLayout lay(LadderModel model, PairNeeds.Widest widest, int measured, long maxFrame,
                                    TextWidth labels, TextWidth headers, TimeMode time) {
        int n = model.columns().size();
        List<LadderRow> all = model.rows();
        int settledRows = model.settledRowCount();
        widest.add(all, measured, settledRows, labels);
        for (int i = measured; i < settledRows; i++) {
            maxFrame = Math.max(maxFrame, all.get(i).lastFrame());
        }
        long settledMax = maxFrame;
        PairNeeds.Widest whole = widest;
        if (settledRows < all.size()) {
            whole = widest.copy(); // the settled part is kept apart: the rows after it may change
            whole.add(all, settledRows, all.size(), labels);
            for (int i = settledRows; i < all.size(); i++) {
                maxFrame = Math.max(maxFrame, all.get(i).lastFrame());
            }
        }
        double timeW = Math.max(labels.of(time.sample()), headers.of(time.header())) + 2 * CELL_PAD;
        double frameW = Math.max(labels.of(Long.toString(Math.max(maxFrame, 99999))), headers.of("Frame"))
                + 2 * CELL_PAD;
        PairNeeds needs = whole.needs(n);
        double[] halfHeader = new double[n];
        double maxHalf = 0;
        for (int i = 0; i < n; i++) {
            LadderColumn c = model.columns().get(i);
            halfHeader[i] = (Math.max(headers.of(c.title()), labels.of(c.addressLine())) + CELL_PAD * 2) / 2;
            maxHalf = Math.max(maxHalf, halfHeader[i]);
        }
        double[] x = new double[n];
        double left = timeW + frameW + MARGIN;
        for (int j = 0; j < n; j++) {
            if (j == 0) {
                x[j] = left + halfHeader[0];
                continue;
            }
            double xj = x[j - 1] + Math.max(MIN_GAP, Math.max(halfHeader[j - 1] + halfHeader[j], needs.loop(j - 1)));
            for (int k = needs.firstInto(j); k < needs.firstInto(j + 1); k++) {
                xj = Math.max(xj, x[needs.from(k)] + needs.need(k));
            }
            x[j] = xj;
        }
        double right = n == 0 ? left + MIN_GAP
                : x[n - 1] + Math.max(halfHeader[n - 1], needs.loop(n - 1)) + MARGIN;
        return new LadderLayout(timeW, frameW, x, halfHeader, maxHalf, Math.ceil(right), model.rowCount(), widest,
                settledRows, settledRows == 0 ? null : all.get(settledRows - 1), settledMax);
    }

    public double timeWidth() {
        return timeWidth;
    }

    public double frameWidth() {
        return frameWidth;
    }

    /** Left edge of the lifeline area (right edge of the frame column). */
    public double gutter() {
        return timeWidth + frameWidth;
    }

    /** X of a column's lifeline. */
    public double columnX(int column) {
        return columnX[column];
    }

    public int columnCount() {
        return columnX.length;
    }

    /** Half the width the column's header box needs (title or address line, whichever is wider, and padding). */
    public double headerHalfWidth(int column) {
        return halfHeader[column];
    }

    /**
     * The columns whose lifeline or header box may reach into ladder x {@code [left, right]}, as {@code {first,
     * end}} (end exclusive; first == end when none): what a viewport or a tile has to draw. Found by binary search,
     * so drawing a narrow window of a ladder with thousands of columns costs no more than of a small one.
     */
    public int[] columnsIn(double left, double right) {
        int first = firstAtOrAfter(left - maxHalfHeader);
        int end = firstAtOrAfter(Math.nextUp(right + maxHalfHeader));
        return new int[] {first, Math.max(first, end)};
    }

    /** Index of the first column whose lifeline is at x or right of it; the column count if none. */
    private int firstAtOrAfter(double x) {
        int lo = 0;
        int hi = columnX.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (columnX[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Total width of the ladder. */
    public double width() {
        return width;
    }

    /** Height of all rows (without the header). */
    public double bodyHeight() {
        return rows * ROW_HEIGHT;
    }

    /** Top of a row, relative to the top of the body. */
    public double rowY(int row) {
        return row * ROW_HEIGHT;
    }

    /** The row at a body y, or -1 outside the rows. */
    public int rowAt(double bodyY) {
        if (bodyY < 0) {
            return -1;
        }
        int r = (int) (bodyY / ROW_HEIGHT);
        return r < rows ? r : -1;
    }
}
