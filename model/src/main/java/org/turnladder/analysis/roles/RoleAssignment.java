package org.turnladder.analysis.roles;

import java.util.List;
import org.turnladder.analysis.Role;
import org.turnladder.json.JsonWriter;

/**
 * The role of one box of the call, with why.
 *
 * @param address    the box's main IP address (the one seen on the wire doing what gave it its role)
 * @param addresses  every IP address of the box, main first (relayed addresses of a TURN server, a client's NAT
 *                   address, addresses its SDP names as its own)
 * @param box        a name for the box: the role ("CMS"), with the address when two boxes share a role
 *                   ("Expressway-E (192.0.2.50)"), or the address alone when the role is unknown
 * @param role       the role; {@link Role#UNKNOWN} when nothing, or too little, speaks for one
 * @param evidence   short sentences with frame numbers, strongest first: what made the role, then facts that tie
 *                   addresses to the box, then what speaks for other roles ("also looks like …")
 * @param confidence 0..1: 1 for a role set by the user; about 0.8 and more for a product string or decisive
 *                   behaviour; below 0.5 for circumstantial clues; 0 for unknown
 * @param overridden the role was set by the user
 */
public record RoleAssignment(String address, List<String> addresses, String box, Role role, List<String> evidence,
                             double confidence, boolean overridden) {

    public RoleAssignment {
        addresses = List.copyOf(addresses);
        evidence = List.copyOf(evidence);
    }

    /** Whether this box owns the address (any of its addresses). */
    public boolean has(String ip) {
        return addresses.contains(ip);
    }

    /** {@code {address, role, evidence, box, addresses, confidence, overridden}}; role as its enum name. */
    public void writeJson(JsonWriter w) {
        w.beginObject();
        w.field("address", address);
        w.field("role", role.name());
        w.name("evidence").beginArray();
        for (String e : evidence) {
            w.value(e);
        }
        w.endArray();
        w.field("box", box);
        w.name("addresses").beginArray();
        for (String a : addresses) {
            w.value(a);
        }
        w.endArray();
        w.field("confidence", confidence);
        w.field("overridden", overridden);
        w.endObject();
    }
}
