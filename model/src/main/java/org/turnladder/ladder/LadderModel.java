package org.turnladder.ladder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.turnladder.analysis.Finding;
import org.turnladder.decode.DecodedMessage;

/**
 * The ladder computed apart from drawing: ordered columns and the rows that remain after filtering and
 * collapsing, each with its columns, label, style and finding marks. Immutable. Build it again (it is linear in
 * the number of messages) when options, columns or findings change; {@link #extend extend} it when a live
 * capture has grown.
 */
public final class LadderModel {
    private final List<LadderColumn> columns;
    private final List<LadderRow> rows;
    private final LadderOptions options;
    private final long firstNanos;
    private final long lastNanos;
    private final int messages;
    private final LadderAppender.Basis basis;
    private final int reusedRows;

    /** @param rows not copied: the caller hands it over */
    LadderModel(List<LadderColumn> columns, List<LadderRow> rows, LadderOptions options, long firstNanos,
                long lastNanos, int messages, LadderAppender.Basis basis, int reusedRows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(rows);
        this.options = options;
        this.firstNanos = firstNanos;
        this.lastNanos = lastNanos;
        this.messages = messages;
        this.basis = basis;
        this.reusedRows = reusedRows;
    }

    /** Feeds every message to a new {@link LadderFeed} and builds from it. */
    public static LadderModel build(List<DecodedMessage> messages, Columns columns, List<Finding> findings,
                                    LadderOptions options) {
        LadderFeed feed = new LadderFeed();
        for (DecodedMessage m : messages) {
            feed.add(m);
        }
        return build(feed, columns, findings, options);
    }

    /** Builds the ladder from what the feed has so far (on the thread that feeds it). */
    public static LadderModel build(LadderFeed feed, Columns columns, List<Finding> findings, LadderOptions options) {
        return build(feed.snapshotFor(options.callId()), columns, findings, options);
    }

    /** Builds the ladder from a snapshot of a feed (linear in its entries). */
    public static LadderModel build(LadderSnapshot snapshot, Columns columns, List<Finding> findings,
                                    LadderOptions options) {
        return LadderAppender.build(snapshot, columns, findings, options);
    }

    /**
     * The ladder of a grown feed, reusing a ladder built from an earlier snapshot of the same feed: rows are made
     * for the new entries only (and for the last few old ones whose collapsing the new entries may change), so a
     * refresh costs what is new. The result equals {@link #build(LadderSnapshot, Columns, List, LadderOptions)
     * build(snapshot, …)}: whenever reusing cannot be exact — other options, an address now in another box, a
     * column that moved (a role's busiest boxes changed), a finding that now marks an old row or no longer does,
     * a call filter whose addresses grew, another feed — it builds the whole ladder.
     *
     * @param previous a ladder built (or extended) from an earlier snapshot of the same feed; null: build
     */
    public static LadderModel extend(LadderModel previous, LadderSnapshot snapshot, Columns columns,
                                     List<Finding> findings, LadderOptions options) {
        return LadderAppender.extend(previous, snapshot, columns, findings, options);
    }

    /** What extending this ladder needs. */
    LadderAppender.Basis basis() {
        return basis;
    }

    /**
     * Leading rows that stay as they are, the very same objects, in every ladder extended from this one: rows
     * whose collapsing more entries cannot change. A layout of this ladder extends from them.
     */
    public int settledRowCount() {
        return basis.settledRows();
    }

    /** How many leading rows were taken over from the ladder this one extended (0 for a build). */
    public int reusedRowCount() {
        return reusedRows;
    }

    public List<LadderColumn> columns() {
        return columns;
    }

    public List<LadderRow> rows() {
        return rows;
    }

    public int rowCount() {
        return rows.size();
    }

    public LadderRow row(int i) {
        return rows.get(i);
    }

    public LadderOptions options() {
        return options;
    }

    /** Capture time of the first message fed (the origin of relative times), 0 if none. */
    public long firstNanos() {
        return firstNanos;
    }

    /** Capture time of the last message fed. */
    public long lastNanos() {
        return lastNanos;
    }

    /** Messages fed, before filtering. */
    public int messageCount() {
        return messages;
    }

    /**
     * The row showing this frame, else the row nearest after it (a filtered-out frame scrolls to where it would
     * be); -1 if the ladder is empty.
     */
    public int rowOfFrame(long frame) {
        if (rows.isEmpty()) {
            return -1;
        }
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo < hi) { // last row whose first frame is <= frame
            int mid = (lo + hi + 1) >>> 1;
            if (rows.get(mid).frame() <= frame) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // collapsed pairs interleave (rows A and B hold frames 1,3,5 and 2,4,6): look back a little
        for (int i = lo; i >= Math.max(0, lo - 2); i--) {
            if (rows.get(i).containsFrame(frame)) {
                return i;
            }
        }
        return rows.get(lo).frame() >= frame || lo == rows.size() - 1 ? lo : lo + 1;
    }

    /** Rows whose label contains the text, ignoring case, in order. */
    public List<Integer> find(String text) {
        List<Integer> out = new ArrayList<>();
        String needle = text.toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return out;
        }
        for (LadderRow r : rows) {
            if (r.label().toLowerCase(Locale.ROOT).contains(needle)) {
                out.add(r.index());
            }
        }
        return out;
    }

    /** How many of rows {@code [from, to)} have a label containing the text, ignoring case. */
    public int count(String text, int from, int to) {
        String needle = text.toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            if (rows.get(i).label().toLowerCase(Locale.ROOT).contains(needle)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The next row after {@code from} (or before it, backwards) whose label contains the text, wrapping around;
     * -1 if none.
     */
    public int findNext(String text, int from, boolean forward) {
        String needle = text.toLowerCase(Locale.ROOT);
        int n = rows.size();
        if (needle.isEmpty() || n == 0) {
            return -1;
        }
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + (forward ? step : -step), n);
            if (rows.get(i).label().toLowerCase(Locale.ROOT).contains(needle)) {
                return i;
            }
        }
        return -1;
    }

    /** Rows marked with this finding. */
    public List<Integer> rowsWithFinding(String findingId) {
        List<Integer> out = new ArrayList<>();
        for (LadderRow r : rows) {
            if (r.findingIds().contains(findingId)) {
                out.add(r.index());
            }
        }
        return out;
    }
}
