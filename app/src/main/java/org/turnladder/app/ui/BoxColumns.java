package org.turnladder.app.ui;

import java.util.HashMap;
import java.util.Map;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.views.roles.RoleChoice;

/** The ladder's columns from the analysis' boxes and the names the user gave them. */
final class BoxColumns {
    private BoxColumns() {
    }

    /** One column per role, named columns for boxes the user named or detection told apart. */
    static RoleColumns of(Analysis analysis, Map<String, RoleChoice> choices) {
        Map<String, Role> roleByHost = new HashMap<>();
        Map<String, String> nameByHost = new HashMap<>();
        for (RoleAssignment r : analysis.roles()) {
            String name = userName(r, choices);
            if (name == null && r.role() != Role.UNKNOWN && !r.box().equals(r.role().label())) {
                name = r.box();
            } else if (name == null && r.role() == Role.UNKNOWN && r.addresses().size() > 1) {
                name = r.box();
            }
            for (String a : r.addresses()) {
                roleByHost.put(a, r.role());
                if (name != null) {
                    nameByHost.put(a, name);
                }
            }
        }
        return new RoleColumns(roleByHost, nameByHost);
    }

    /** The name the user gave one of the box's addresses, null if none. */
    static String userName(RoleAssignment r, Map<String, RoleChoice> choices) {
        for (String a : r.addresses()) {
            RoleChoice c = choices.get(a);
            if (c != null && c.name() != null) {
                return c.name();
            }
        }
        return null;
    }
}
