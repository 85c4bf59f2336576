package org.turnladder.ladder;

import java.util.List;
import org.turnladder.analysis.Role;

/**
 * A column of a built ladder: one box and the addresses merged into it.
 *
 * @param index     0-based, left to right
 * @param id        the column's identity from {@link Columns}
 * @param addresses IP addresses seen in this column, in order of appearance
 */
public record LadderColumn(int index, ColumnId id, List<String> addresses) {
    public LadderColumn {
        addresses = List.copyOf(addresses);
    }

    public String title() {
        return id.title();
    }

    public Role role() {
        return id.role();
    }

    /** The addresses line under the title, empty when the title already is the only address. */
    public String addressLine() {
        if (addresses.size() == 1 && addresses.get(0).equals(title())) {
            return "";
        }
        return String.join(", ", addresses);
    }

    /** Title and addresses, one per line: what the column header shows. */
    public String headerText() {
        String a = addressLine();
        return a.isEmpty() ? title() : title() + "\n" + a;
    }
}
