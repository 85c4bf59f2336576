package org.turnladder.ladder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.net.Endpoint;

/**
 * Columns from roles per IP address: all addresses with the same known role merge into one column (two Edge
 * addresses are one Edge); a name given by the user makes a box of its own. Addresses without a role keep one
 * column each, after the known roles.
 */
public final class RoleColumns implements Columns {
    private final Map<String, Role> roles;
    private final Map<String, String> names;

    /**
     * @param roleByHost role per IP address text ({@link Endpoint#host()})
     * @param nameByHost box name per IP address text, for boxes the user named; may be empty
     */
    public RoleColumns(Map<String, Role> roleByHost, Map<String, String> nameByHost) {
        this.roles = Map.copyOf(roleByHost);
        this.names = Map.copyOf(nameByHost);
    }

    /**
     * Columns for the boxes the analysis found: every address of a box goes to the box's column; a box whose name
     * is not just its role (two CMS, unknown boxes of several addresses) gets its own.
     */
    public static RoleColumns of(List<RoleAssignment> boxes) {
        return of(boxes, Map.of());
    }

    /**
     * The same, with the names the user gave boxes: a name given to any address of a box names the whole box and
     * gives it a column of its own. The window and the {@code export} command both build their columns here, so
     * they draw the same boxes.
     *
     * @param userNames box name by IP address; may be empty
     */
    public static RoleColumns of(List<RoleAssignment> boxes, Map<String, String> userNames) {
        Map<String, Role> roles = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (RoleAssignment box : boxes) {
            String name = userName(box, userNames);
            if (name == null && !box.box().equals(box.role().label())
                    && (box.role() != Role.UNKNOWN || box.addresses().size() > 1)) {
                name = box.box();
            }
            for (String address : box.addresses()) {
                roles.put(address, box.role());
                if (name != null) {
                    names.put(address, name);
                }
            }
        }
        return new RoleColumns(roles, names);
    }

    /** The name the user gave one of the box's addresses, null if none. */
    public static String userName(RoleAssignment box, Map<String, String> userNames) {
        if (userNames.isEmpty()) {
            return null;
        }
        for (String a : box.addresses()) {
            String n = userNames.get(a);
            if (n != null && !n.isBlank()) {
                return n.strip();
            }
        }
        return null;
    }

    @Override
    public ColumnId columnOf(Endpoint endpoint) {
        String host = endpoint.host();
        Role role = roles.getOrDefault(host, Role.UNKNOWN);
        String name = names.get(host);
        if (name != null) {
            return new ColumnId("name:" + role.name() + ":" + name, role, name);
        }
        if (role != Role.UNKNOWN) {
            return new ColumnId("role:" + role.name(), role, role.label());
        }
        return new ColumnId("host:" + host, Role.UNKNOWN, host);
    }
}
