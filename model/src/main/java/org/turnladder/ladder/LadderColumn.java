package org.turnladder.ladder;

import java.util.List;
import org.turnladder.analysis.Role;

/**
 * A column of a built ladder: one box and the addresses merged into it, or the column that gathers the boxes of a
 * role beyond {@link LadderOptions#columnsPerRole()} ("Other addresses" for addresses without a role).
 *
 * @param index        0-based, left to right
 * @param id           the column's identity from {@link Columns}, or {@link #others(Role)}
 * @param addresses    the first IP addresses seen in this column, in order of appearance: at most
 *                     {@link #KEPT_ADDRESSES} (a column gathering thousands keeps only what its header shows)
 * @param addressCount how many distinct IP addresses the column holds
 */
public record LadderColumn(int index, ColumnId id, List<String> addresses, int addressCount) {
    /** Addresses a column keeps for its header; the count says how many there are. */
    public static final int KEPT_ADDRESSES = 4;
    /** Key prefix of {@link #others(Role)} columns. */
    private static final String OTHERS = "others:";
    /** The column of addresses without a role that did not get a column of their own. */
    public static final ColumnId OTHER_ADDRESSES = others(Role.UNKNOWN);

    public LadderColumn {
        if (addressCount < addresses.size()) {
            throw new IllegalArgumentException("addressCount " + addressCount + " < " + addresses.size());
        }
        addresses = List.copyOf(addresses.size() <= KEPT_ADDRESSES ? addresses : addresses.subList(0, KEPT_ADDRESSES));
    }

    /** A column holding exactly these addresses (only the first {@link #KEPT_ADDRESSES} are kept). */
    public LadderColumn(int index, ColumnId id, List<String> addresses) {
        this(index, id, addresses, addresses.size());
    }

    public String title() {
        return id.title();
    }

    public Role role() {
        return id.role();
    }

    /** The column gathering the boxes of a role that did not get their own: "Other CMS boxes", "Other addresses". */
    public static ColumnId others(Role role) {
        String title = role == Role.UNKNOWN ? "Other addresses" : "Other " + role.label() + " boxes";
        return new ColumnId(OTHERS + role.name(), role, title);
    }

    /** This column gathers several boxes ({@link #others(Role)}). */
    public boolean grouped() {
        return id.key().startsWith(OTHERS);
    }

    /**
     * The addresses line under the title, short whatever the number of addresses: empty when the title already is
     * the only address; "8 222 addresses: 10.1.2.3, 10.1.2.4, …" for a grouped column; the first three and the
     * count when a box has more than {@link #KEPT_ADDRESSES}.
     */
    public String addressLine() {
        if (grouped()) {
            return count(addressCount) + (addressCount == 1 ? " address: " : " addresses: ") + list(2);
        }
        if (addressCount == 1 && addresses.get(0).equals(title())) {
            return "";
        }
        if (addressCount <= KEPT_ADDRESSES) {
            return String.join(", ", addresses);
        }
        return list(3) + " (" + count(addressCount) + " addresses)";
    }

    /** Title and addresses, one per line: what the column header shows. */
    public String headerText() {
        String a = addressLine();
        return a.isEmpty() ? title() : title() + "\n" + a;
    }

    /** The first {@code n} addresses, with an ellipsis when there are more. */
    private String list(int n) {
        String shown = String.join(", ", addresses.subList(0, Math.min(n, addresses.size())));
        return addressCount > n ? shown + ", …" : shown;
    }

    /** 8222 as "8 222": thousands apart, the same in every locale (the window and the export agree). */
    static String count(int n) {
        String s = Integer.toString(n);
        StringBuilder b = new StringBuilder(s.length() + 3);
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) {
                b.append(' ');
            }
            b.append(s.charAt(i));
        }
        return b.toString();
    }
}
