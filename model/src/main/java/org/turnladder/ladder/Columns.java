package org.turnladder.ladder;

import org.turnladder.analysis.Role;
import org.turnladder.net.Endpoint;

/**
 * Assigns addresses to ladder columns. Role detection (or the user) supplies one; {@link #byHost()} is the
 * fallback: one column per IP address.
 */
@FunctionalInterface
public interface Columns {

    ColumnId columnOf(Endpoint endpoint);

    /** One column per IP address, role unknown, in order of appearance. */
    static Columns byHost() {
        return e -> new ColumnId("host:" + e.host(), Role.UNKNOWN, e.host());
    }
}
