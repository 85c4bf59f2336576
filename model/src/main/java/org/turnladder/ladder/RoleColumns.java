package org.turnladder.ladder;

import java.util.Map;
import org.turnladder.analysis.Role;
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
