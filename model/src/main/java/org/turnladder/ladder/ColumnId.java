package org.turnladder.ladder;

import org.turnladder.analysis.Role;

/**
 * Which ladder column an address belongs to. Addresses with equal keys share one column.
 *
 * @param key   identity of the column ("role:EXPRESSWAY_E", "host:192.0.2.10")
 * @param role  the box's role; columns are ordered by role, then by first appearance
 * @param title what the header says first ("Expressway-E", "Edge pool 2", "192.0.2.10")
 */
public record ColumnId(String key, Role role, String title) {
}
