package org.turnladder.ladder;

import java.util.ArrayList;
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
 * kept messages, plus sorting a crowded role's boxes once.
 */
final class ColumnPlan {
    /** One box seen in the kept messages, while the columns are being decided. */
    private static final class Box {
        final ColumnId id;
        final int appearance;
        final Set<String> hosts = new LinkedHashSet<>(2);
        int messages;
        int index = -1;

        Box(ColumnId id, int appearance) {
            this.id = id;
            this.appearance = appearance;
        }
    }

    private final Map<Endpoint, Box> byEndpoint;
    private final List<LadderColumn> columns;

    private ColumnPlan(Map<Endpoint, Box> byEndpoint, List<LadderColumn> columns) {
        this.byEndpoint = byEndpoint;
        this.columns = columns;
    }

    /** @param limit {@link LadderOptions#columnsPerRole()}: most columns per role, the merged one included; 0: none */
    static ColumnPlan of(List<LadderEntry> kept, Columns columns, int limit) {
        Map<Endpoint, Box> byEndpoint = new HashMap<>();
        Map<String, Box> byKey = new HashMap<>();
        List<Box> boxes = new ArrayList<>();
        for (LadderEntry e : kept) {
            Box a = box(e.src(), columns, byEndpoint, byKey, boxes);
            Box b = box(e.dst(), columns, byEndpoint, byKey, boxes);
            a.messages++;
            if (b != a) {
                b.messages++;
            }
        }
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
                    b.index = out.size();
                    out.add(new LadderColumn(b.index, b.id, first(b.hosts), b.hosts.size()));
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
                    b.index = out.size();
                    out.add(new LadderColumn(b.index, b.id, first(b.hosts), b.hosts.size()));
                } else {
                    merged.add(b);
                }
            }
            out.add(merge(merged, out.size(), role));
        }
        return new ColumnPlan(byEndpoint, List.copyOf(out));
    }

    /** One column for the boxes of a role that did not get their own, its addresses counted but few kept. */
    private static LadderColumn merge(List<Box> merged, int index, Role role) {
        Set<String> hosts = new HashSet<>();
        List<String> shown = new ArrayList<>(LadderColumn.KEPT_ADDRESSES);
        for (Box b : merged) {
            b.index = index;
            for (String h : b.hosts) {
                if (hosts.add(h) && shown.size() < LadderColumn.KEPT_ADDRESSES) {
                    shown.add(h);
                }
            }
        }
        return new LadderColumn(index, LadderColumn.others(role), shown, hosts.size());
    }

    /** The box of an endpoint; the address text is made once per endpoint, not per message. */
    private static Box box(Endpoint ep, Columns columns, Map<Endpoint, Box> byEndpoint, Map<String, Box> byKey,
                           List<Box> boxes) {
        Box b = byEndpoint.get(ep);
        if (b == null) {
            ColumnId id = columns.columnOf(ep);
            b = byKey.get(id.key());
            if (b == null) {
                b = new Box(id, boxes.size());
                byKey.put(id.key(), b);
                boxes.add(b);
            }
            b.hosts.add(ep.host());
            byEndpoint.put(ep, b);
        }
        return b;
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

    /** Column index of an endpoint of a kept message. */
    int columnOf(Endpoint ep) {
        return byEndpoint.get(ep).index;
    }
}
