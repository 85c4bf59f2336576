package org.turnladder.ladder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.analysis.Finding;
import org.turnladder.net.Endpoint;

/**
 * Builds a {@link LadderModel} from a {@link LadderSnapshot}, or extends one built from an earlier snapshot of the
 * same feed: the settled rows (whose collapsing no later entry can change) are kept as they are, and collapsing
 * resumes after them with the old unsettled entries and the new ones. Every reason the result could differ from a
 * full build is checked first, and then the whole ladder is built instead.
 */
final class LadderAppender {
    private LadderAppender() {
    }

    /**
     * What a built ladder keeps so that it can be extended.
     *
     * @param plan            the columns and the boxes counted for them (not to be fed: copy first)
     * @param marks           finding ids by frame, as the rows were marked
     * @param settledRows     leading rows that no later entry changes
     * @param open            kept entries after the settled rows (collapsing resumes with them)
     * @param fed             entries of the snapshot the ladder was built from
     * @param lastFed         the last of them (tells whether a snapshot continues the same feed), null if none
     * @param callMedia       addresses the call filter kept traffic of (empty without a call filter)
     * @param callSessions    TURN sessions the call filter kept
     * @param settledMaxFrame highest frame in the settled rows, -1 if none
     */
    record Basis(ColumnPlan plan, Map<Long, List<String>> marks, int settledRows, List<LadderEntry> open, int fed,
                 LadderEntry lastFed, Set<Endpoint> callMedia, Set<Integer> callSessions, long settledMaxFrame) {
    }

    static LadderModel build(LadderSnapshot s, Columns columns, List<Finding> findings, LadderOptions o) {
        List<LadderEntry> all = s.entries();
        EntryFilter filter = new EntryFilter(s, o);
        List<LadderEntry> kept = new ArrayList<>(all.size());
        for (LadderEntry e : all) {
            if (filter.keeps(e)) {
                kept.add(e);
            }
        }
        ColumnPlan plan = ColumnPlan.of(kept, columns, o.columnsPerRole());
        return rows(s, o, filter, plan, marks(findings), new ArrayList<>(kept.size()), kept, -1, 0);
    }

    static LadderModel extend(LadderModel previous, LadderSnapshot s, Columns columns, List<Finding> findings,
                              LadderOptions o) {
        Basis b = previous == null ? null : previous.basis();
        List<LadderEntry> all = s.entries();
        int n = all.size();
        if (b == null || !o.equals(previous.options()) || n < b.fed()
                || (b.fed() > 0 && all.get(b.fed() - 1) != b.lastFed())) {
            return build(s, columns, findings, o);
        }
        EntryFilter filter = new EntryFilter(s, o);
        Map<Long, List<String>> marks = marks(findings);
        if (!filter.callMedia.equals(b.callMedia()) || !filter.callSessions.equals(b.callSessions())
                || !sameMarks(b.marks(), marks, b.settledMaxFrame()) || !b.plan().boxes().sameBoxes(columns)) {
            return build(s, columns, findings, o);
        }
        ColumnPlan.Boxes boxes = b.plan().boxes().copy();
        List<LadderEntry> open = new ArrayList<>(b.open().size() + n - b.fed());
        open.addAll(b.open());
        for (int i = b.fed(); i < n; i++) {
            LadderEntry e = all.get(i);
            if (filter.keeps(e)) {
                open.add(e);
                boxes.add(e, columns);
            }
        }
        ColumnPlan plan = boxes.plan(o.columnsPerRole());
        if (!plan.keepsColumnsOf(b.plan())) { // a box moved to another column: old rows point elsewhere now
            return build(s, columns, findings, o);
        }
        List<LadderRow> rows = new ArrayList<>(b.settledRows() + open.size());
        rows.addAll(previous.rows().subList(0, b.settledRows()));
        return rows(s, o, filter, plan, marks, rows, open, b.settledMaxFrame(), b.settledRows());
    }

    /** Collapses the open entries into rows after the given ones and makes the model. */
    private static LadderModel rows(LadderSnapshot s, LadderOptions o, EntryFilter filter, ColumnPlan plan,
                                    Map<Long, List<String>> marks, List<LadderRow> rows, List<LadderEntry> open,
                                    long settledMaxFrame, int reused) {
        Collapser.Collapsed c = Collapser.collapseSettled(open, o.collapseAt());
        int settledRows = rows.size() + c.settledGroups();
        for (LadderEntry[] g : c.groups()) {
            LadderEntry e = g[0];
            rows.add(new LadderRow(rows.size(), g, plan.columnOf(e.src()), plan.columnOf(e.dst()), label(g),
                    findingIds(g, marks)));
        }
        long maxFrame = settledMaxFrame;
        for (int k = 0; k < c.settledEntries(); k++) {
            maxFrame = Math.max(maxFrame, open.get(k).frame());
        }
        List<LadderEntry> all = s.entries();
        int n = all.size();
        Basis basis = new Basis(plan, marks, settledRows,
                new ArrayList<>(open.subList(c.settledEntries(), open.size())), n, n == 0 ? null : all.get(n - 1),
                filter.callMedia, filter.callSessions, maxFrame);
        long first = n == 0 ? 0 : all.get(0).epochNanos();
        long last = n == 0 ? 0 : all.get(n - 1).epochNanos();
        return new LadderModel(plan.columns(), rows, o, first, last, n, basis, reused);
    }

    private static Map<Long, List<String>> marks(List<Finding> findings) {
        Map<Long, List<String>> byFrame = new HashMap<>();
        for (Finding f : findings) {
            for (Long frame : f.frames()) {
                byFrame.computeIfAbsent(frame, k -> new ArrayList<>(1)).add(f.id());
            }
        }
        return byFrame;
    }

    /** Whether both mark the frames up to {@code upTo} alike (rows there keep their finding ids). */
    private static boolean sameMarks(Map<Long, List<String>> a, Map<Long, List<String>> b, long upTo) {
        for (Map.Entry<Long, List<String>> e : a.entrySet()) {
            if (e.getKey() <= upTo && !e.getValue().equals(b.get(e.getKey()))) {
                return false;
            }
        }
        for (Long frame : b.keySet()) {
            if (frame <= upTo && !a.containsKey(frame)) {
                return false;
            }
        }
        return true;
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

    /** Decides per entry whether the options keep it. */
    private static final class EntryFilter {
        private final LadderOptions o;
        private final Set<Endpoint> callMedia;
        private final Set<Integer> callSessions = new HashSet<>();

        EntryFilter(LadderSnapshot s, LadderOptions o) {
            this.o = o;
            this.callMedia = o.callId() == null ? Set.of() : s.callMediaEndpoints(o.callId());
            if (o.callId() != null) {
                for (TurnSession t : s.sessions()) {
                    if (t.relayed() != null && callMedia.contains(t.relayed())) {
                        callSessions.add(t.id());
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
