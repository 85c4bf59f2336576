package org.turnladder.views.roles;

import org.turnladder.analysis.Role;

/**
 * What the user chose for one box.
 *
 * @param address the box's main address (the key the choice is remembered under)
 * @param role    the role the user gave, {@code null} to use the detected one
 * @param name    the box name the user gave, {@code null} or blank for none
 */
public record RoleChoice(String address, Role role, String name) {
    public RoleChoice {
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** Neither a role nor a name: the detected box as it is. */
    public boolean isEmpty() {
        return role == null && name == null;
    }
}
