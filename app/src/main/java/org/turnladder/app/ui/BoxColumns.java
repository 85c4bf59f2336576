package org.turnladder.app.ui;

import java.util.HashMap;
import java.util.Map;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.views.roles.RoleChoice;

/** The ladder's columns from the analysis' boxes and the names the user gave them (see {@link RoleColumns#of}). */
final class BoxColumns {
    private BoxColumns() {
    }

    /** One column per role, named columns for boxes the user named or detection told apart. */
    static RoleColumns of(Analysis analysis, Map<String, RoleChoice> choices) {
        return RoleColumns.of(analysis.roles(), names(choices));
    }

    /** The name the user gave one of the box's addresses, null if none. */
    static String userName(RoleAssignment r, Map<String, RoleChoice> choices) {
        return RoleColumns.userName(r, names(choices));
    }

    private static Map<String, String> names(Map<String, RoleChoice> choices) {
        Map<String, String> names = new HashMap<>();
        choices.forEach((address, c) -> {
            if (c.name() != null) {
                names.put(address, c.name());
            }
        });
        return names;
    }
}
