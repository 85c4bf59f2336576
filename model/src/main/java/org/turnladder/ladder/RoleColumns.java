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
     * is not just its role (two CMS, a box the user named, unknown boxes of several addresses) gets its own.
     */
    public static RoleColumns of(List<RoleAssignment> boxes) {
        Map<String, Role> roles = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (RoleAssignment box : boxes) {
            boolean ownColumn = !box.box().equals(box.role().label())
                    && (box.role() != Role.UNKNOWN || box.addresses().size() > 1);
            for (String address : box.addresses()) {
                roles.put(address, box.role());
                if (ownColumn) {
                    names.put(address, box.box());
                }
            }
        }
        return new RoleColumns(roles, names);
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
