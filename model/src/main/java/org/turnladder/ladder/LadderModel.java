package org.turnladder.ladder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.turnladder.analysis.Finding;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.net.Endpoint;

/**
 * The ladder computed apart from drawing: ordered columns and the rows that remain after filtering and
 * collapsing, each with its columns, label, style and finding marks. Immutable. Build it again (it is linear in
 * the number of messages) when options, columns or findings change, or when a live capture has grown.
 */
public final class LadderModel {
    private final List<LadderColumn> columns;
    private final List<LadderRow> rows;
    private final LadderOptions options;
    private final long firstNanos;
    private final long lastNanos;
    private final int messages;

    private LadderModel(List<LadderColumn> columns, List<LadderRow> rows, LadderOptions options, long firstNanos,
                        long lastNanos, int messages) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.options = options;
        this.firstNanos = firstNanos;
        this.lastNanos = lastNanos;
        this.messages = messages;
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

    /** Builds the ladder from what the feed has so far. */
    public static LadderModel build(LadderFeed feed, Columns columns, List<Finding> findings, LadderOptions options) {
        List<LadderEntry> all = feed.entries();
        List<LadderEntry> kept = new ArrayList<>(all.size());
        EntryFilter filter = new EntryFilter(feed, options);
        for (LadderEntry e : all) {
            if (filter.keeps(e)) {
                kept.add(e);
            }
        }
        ColumnPlan plan = ColumnPlan.of(kept, columns, options.columnsPerRole());
        List<LadderColumn> cols = plan.columns();
        Map<Long, List<String>> findingsByFrame = new HashMap<>();
        for (Finding f : findings) {
            for (Long frame : f.frames()) {
                findingsByFrame.computeIfAbsent(frame, k -> new ArrayList<>(1)).add(f.id());
            }
        }
        List<LadderEntry[]> groups = Collapser.collapse(kept, options.collapseAt());
        List<LadderRow> rows = new ArrayList<>(groups.size());
        for (LadderEntry[] g : groups) {
            LadderEntry e = g[0];
            int from = plan.columnOf(e.src());
            int to = plan.columnOf(e.dst());
            rows.add(new LadderRow(rows.size(), g, from, to, label(g), findingIds(g, findingsByFrame)));
        }
        long first = all.isEmpty() ? 0 : all.get(0).epochNanos();
        long last = all.isEmpty() ? 0 : all.get(all.size() - 1).epochNanos();
        return new LadderModel(cols, rows, options, first, last, all.size());
    }

    private static String label(LadderEntry[] g) {
        if (g.length == 1) {
            return g[0].label();
        }
        long bytes = 0;
        for (LadderEntry e : g) {
            bytes += e.dataBytes();
        }
        return g[0].collapseKey() + " ×" + g.length + (bytes > 0 ? " (" + bytes + " B)" : "");
    }

    private static List<String> findingIds(LadderEntry[] g, Map<Long, List<String>> byFrame) {
        if (byFrame.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (LadderEntry e : g) {
            List<String> f = byFrame.get(e.frame());
            if (f != null) {
                ids.addAll(f);
            }
        }
        return new ArrayList<>(ids);
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

    /** Decides per entry whether the options keep it. */
    private static final class EntryFilter {
        private final LadderOptions o;
        private final Set<Endpoint> callMedia;
        private final Set<Integer> callSessions = new HashSet<>();

        EntryFilter(LadderFeed feed, LadderOptions o) {
            this.o = o;
            this.callMedia = o.callId() == null ? Set.of() : feed.callMediaEndpoints(o.callId());
            if (o.callId() != null) {
                for (TurnSession s : feed.turnSessions()) {
                    if (s.relayed() != null && callMedia.contains(s.relayed())) {
                        callSessions.add(s.id());
                    }
                }
            }
        }

        boolean keeps(LadderEntry e) {
            if (!o.protocols().contains(e.style().protocol())
                    || (o.hideRefreshes() && e.refresh())
                    || (o.hideKeepAlives() && e.keepAlive())
                    || (o.hideRetransmissions() && e.retransmission())
                    || (o.turnSession() >= 0 && e.turnSession() != o.turnSession())) {
                return false;
            }
            if (o.callId() == null) {
                return true;
            }
            if (e.callId() != null) {
                return e.callId().equals(o.callId());
            }
            return callMedia.contains(e.src()) || callMedia.contains(e.dst()) || callSessions.contains(e.turnSession());
        }
    }
}
