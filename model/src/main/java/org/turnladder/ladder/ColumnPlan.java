package org.turnladder.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.analysis.Role;
import org.turnladder.net.Endpoint;

/**
 * The columns of one ladder, from the rows it keeps: in role order (addresses without a role last), each role's
 * boxes by first appearance. When a role has more boxes than the limit, the busiest {@code limit - 1} (most kept
 * messages touching them; ties by first appearance) keep their column and the others merge into one column at the
 * end of the role's columns ({@link LadderColumn#others(Role)}: "Other addresses" for unknown roles). Linear in the
 * kept messages, plus sorting a crowded role's boxes once. The boxes and their counts ({@link Boxes}) can be copied
 * and fed more messages, so a growing ladder plans its columns again without counting the old messages again.
 */
final class ColumnPlan {
    /** One box seen in the kept messages, while the columns are being decided. */
    private static final class Box {
        final ColumnId id;
        final int appearance;
        final Set<String> hosts;
        int messages;

        Box(ColumnId id, int appearance, Set<String> hosts) {
            this.id = id;
            this.appearance = appearance;
            this.hosts = hosts;
        }
    }

    /**
     * The boxes the kept messages touched so far, with their addresses and message counts. Mutable; {@link #copy()}
     * before feeding one that a built ladder keeps.
     */
    static final class Boxes {
        private final Map<Endpoint, Box> byEndpoint;
        private final Map<String, Box> byKey;
        private final List<Box> boxes;

        Boxes() {
            this(new HashMap<>(), new HashMap<>(), new ArrayList<>());
        }

        private Boxes(Map<Endpoint, Box> byEndpoint, Map<String, Box> byKey, List<Box> boxes) {
            this.byEndpoint = byEndpoint;
            this.byKey = byKey;
            this.boxes = boxes;
        }

        /** Counts one kept message. */
        void add(LadderEntry e, Columns columns) {
            Box a = box(e.src(), columns);
            Box b = box(e.dst(), columns);
            a.messages++;
            if (b != a) {
                b.messages++;
            }
        }

        /** The box of an endpoint; the address text is made once per endpoint, not per message. */
        private Box box(Endpoint ep, Columns columns) {
            Box b = byEndpoint.get(ep);
            if (b == null) {
                ColumnId id = columns.columnOf(ep);
                b = byKey.get(id.key());
                if (b == null) {
                    b = new Box(id, boxes.size(), new LinkedHashSet<>(2));
                    byKey.put(id.key(), b);
                    boxes.add(b);
                }
                b.hosts.add(ep.host());
                byEndpoint.put(ep, b);
            }
            return b;
        }

        /** Whether these columns put every endpoint seen so far in the same box as the columns they were fed with. */
        boolean sameBoxes(Columns columns) {
            for (Map.Entry<Endpoint, Box> e : byEndpoint.entrySet()) {
                if (!columns.columnOf(e.getKey()).equals(e.getValue().id)) {
                    return false;
                }
            }
            return true;
        }

        int count() {
            return boxes.size();
        }

        /** An independent copy (the boxes, their addresses and counts). */
        Boxes copy() {
            List<Box> list = new ArrayList<>(boxes.size() + 4);
            Map<String, Box> keys = new HashMap<>(byKey.size() * 2);
            for (Box b : boxes) {
                Box c = new Box(b.id, b.appearance, new LinkedHashSet<>(b.hosts));
                c.messages = b.messages;
                list.add(c);
                keys.put(c.id.key(), c);
            }
            Map<Endpoint, Box> eps = new HashMap<>(byEndpoint.size() * 2);
            for (Map.Entry<Endpoint, Box> e : byEndpoint.entrySet()) {
                eps.put(e.getKey(), list.get(e.getValue().appearance));
            }
            return new Boxes(eps, keys, list);
        }

        /** The columns for the boxes as counted now. */
        ColumnPlan plan(int limit) {
            int[] index = new int[boxes.size()];
            List<List<Box>> byRole = new ArrayList<>();
            for (int r = 0; r < Role.values().length; r++) {
                byRole.add(new ArrayList<>());
            }
            for (Box b : boxes) { // each role's boxes in order of first appearance
                byRole.get(b.id.role().ordinal()).add(b);
            }
            List<LadderColumn> out = new ArrayList<>();
            for (Role role : Role.values()) {
                List<Box> all = byRole.get(role.ordinal());
                if (limit == 0 || all.size() <= limit) {
                    for (Box b : all) {
                        index[b.appearance] = out.size();
                        out.add(new LadderColumn(out.size(), b.id, first(b.hosts), b.hosts.size()));
                    }
                    continue;
                }
                List<Box> busiest = new ArrayList<>(all);
                busiest.sort((x, y) -> x.messages != y.messages ? Integer.compare(y.messages, x.messages)
                        : Integer.compare(x.appearance, y.appearance));
                Set<Box> own = new HashSet<>(busiest.subList(0, limit - 1));
                List<Box> merged = new ArrayList<>(all.size() - limit + 1);
                for (Box b : all) {
                    if (own.contains(b)) {
                        index[b.appearance] = out.size();
                        out.add(new LadderColumn(out.size(), b.id, first(b.hosts), b.hosts.size()));
                    } else {
                        merged.add(b);
                    }
                }
                out.add(merge(merged, out.size(), role, index));
            }
            return new ColumnPlan(this, index, List.copyOf(out));
        }
    }

    private final Boxes boxes;
    private final int[] index;
    private final List<LadderColumn> columns;

    private ColumnPlan(Boxes boxes, int[] index, List<LadderColumn> columns) {
        this.boxes = boxes;
        this.index = index;
        this.columns = columns;
    }

    /** @param limit {@link LadderOptions#columnsPerRole()}: most columns per role, the merged one included; 0: none */
    static ColumnPlan of(List<LadderEntry> kept, Columns columns, int limit) {
        Boxes b = new Boxes();
        for (LadderEntry e : kept) {
            b.add(e, columns);
        }
        return b.plan(limit);
    }

    /** One column for the boxes of a role that did not get their own, its addresses counted but few kept. */
    private static LadderColumn merge(List<Box> merged, int column, Role role, int[] index) {
        Set<String> hosts = new HashSet<>();
        List<String> shown = new ArrayList<>(LadderColumn.KEPT_ADDRESSES);
        for (Box b : merged) {
            index[b.appearance] = column;
            for (String h : b.hosts) {
                if (hosts.add(h) && shown.size() < LadderColumn.KEPT_ADDRESSES) {
                    shown.add(h);
                }
            }
        }
        return new LadderColumn(column, LadderColumn.others(role), shown, hosts.size());
    }

    private static List<String> first(Set<String> hosts) {
        List<String> out = new ArrayList<>(Math.min(hosts.size(), LadderColumn.KEPT_ADDRESSES));
        for (String h : hosts) {
            if (out.size() == LadderColumn.KEPT_ADDRESSES) {
                break;
            }
            out.add(h);
        }
        return out;
    }

    List<LadderColumn> columns() {
        return columns;
    }

    /** The boxes this plan was made from (do not feed them: copy first). */
    Boxes boxes() {
        return boxes;
    }

    /** Whether every box of an older plan of the same boxes (fewer of them, maybe) keeps its column here. */
    boolean keepsColumnsOf(ColumnPlan older) {
        return older.index.length <= index.length
                && Arrays.equals(older.index, 0, older.index.length, index, 0, older.index.length);
    }

    /** Column index of an endpoint of a kept message. */
    int columnOf(Endpoint ep) {
        return index[boxes.byEndpoint.get(ep).appearance];
    }
}
