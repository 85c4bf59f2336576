package org.turnladder.analysis.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.analysis.roles.Wire.box;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Role;
import org.turnladder.json.JsonWriter;

/** The user's labels always win, are marked, and keep the detector's evidence visible; and the JSON form. */
class RoleOverridesTest {
    private final RoleDetector rfc6062 = CaptureRoles.detect("coturn-rfc6062.pcapng");

    @Test
    void anOverrideWinsAndIsMarked() {
        RoleAssignment peer = box(rfc6062.roles(Map.of("127.0.0.4", Role.SKYPE_EDGE)), "127.0.0.4");

        assertThat(peer.role()).isEqualTo(Role.SKYPE_EDGE);
        assertThat(peer.overridden()).isTrue();
        assertThat(peer.confidence()).isEqualTo(1.0);
        assertThat(peer.evidence()).first().isEqualTo("set by you");
        assertThat(peer.evidence()).anyMatch(e -> e.contains("(Connect;"));
    }

    @Test
    void overridingAgainstTheEvidenceKeepsTheEvidenceAsAlsoLooksLike() {
        List<RoleAssignment> roles = rfc6062.roles(Map.of("127.0.0.2", Role.CMS));

        RoleAssignment server = box(roles, "127.0.0.2");
        assertThat(server.role()).isEqualTo(Role.CMS);
        assertThat(server.evidence()).first().isEqualTo("set by you");
        assertThat(server.evidence()).contains("also looks like Expressway-E: answered TCP Allocate requests (TURN "
                + "server for TCP relays: Expressway-E does) in frames 6, 9");
        // two CMS now: both kept, named by address
        assertThat(roles).extracting(RoleAssignment::box).contains("CMS (127.0.0.2)", "CMS (127.0.0.3)");
        assertThat(box(roles, "127.0.0.3").overridden()).isFalse();
    }

    @Test
    void anOverrideOnAnyAddressOfABoxLabelsTheWholeBox() {
        Wire w = new Wire();
        w.stun("10.1.1.20:40000", "10.0.0.50:3478", w.allocate(TurnClues.TCP).build());
        w.stun("10.0.0.50:3478", "10.1.1.20:40000", w.allocateSuccess().address(Wire.XOR_RELAYED_ADDRESS,
                org.turnladder.net.Endpoint.parse("192.0.2.50:24012"), true).build());

        RoleAssignment box = box(w.roles(Map.of("192.0.2.50", Role.EXPRESSWAY_C)), "10.0.0.50");
        assertThat(box.role()).isEqualTo(Role.EXPRESSWAY_C);
        assertThat(box.addresses()).containsExactly("10.0.0.50", "192.0.2.50");
        assertThat(box.overridden()).isTrue();
    }

    @Test
    void anOverrideByBoxName() {
        RoleAssignment client = box(rfc6062.roles(Map.of("cms", Role.EXPRESSWAY_C)), "127.0.0.3");

        assertThat(client.role()).isEqualTo(Role.EXPRESSWAY_C);
        assertThat(client.box()).isEqualTo("Expressway-C");
        assertThat(client.overridden()).isTrue();
    }

    @Test
    void ipv6OverridesWithBracketsOrLongForm() {
        RoleDetector v6 = CaptureRoles.detect("synthetic/rfc6062-ipv6-sll2.pcapng");

        assertThat(box(v6.roles(Map.of("[2001:db8::10]", Role.SKYPE_CLIENT)), "2001:db8::10").role())
                .isEqualTo(Role.SKYPE_CLIENT);
        assertThat(box(v6.roles(Map.of("2001:0db8:0:0:0:0:0:0020", Role.UNKNOWN)), "2001:db8::20").role())
                .isEqualTo(Role.UNKNOWN);
    }

    @Test
    void overridesForAddressesNotSeenChangeNothing() {
        assertThat(rfc6062.roles(Map.of("192.0.2.99", Role.CMS, "no such box", Role.CMS)))
                .isEqualTo(rfc6062.roles());
    }

    @Test
    void writesItselfAsJson() {
        RoleAssignment server = box(rfc6062.roles(), "127.0.0.2");
        StringBuilder sb = new StringBuilder();
        server.writeJson(new JsonWriter(sb));

        JsonObject o = JsonParser.parseString(sb.toString()).getAsJsonObject();
        assertThat(o.get("address").getAsString()).isEqualTo("127.0.0.2");
        assertThat(o.get("role").getAsString()).isEqualTo("EXPRESSWAY_E");
        assertThat(o.get("box").getAsString()).isEqualTo("Expressway-E");
        assertThat(o.getAsJsonArray("addresses")).hasSize(1);
        assertThat(o.getAsJsonArray("evidence").get(0).getAsString()).isEqualTo(server.evidence().get(0));
        assertThat(o.getAsJsonArray("evidence")).hasSize(server.evidence().size());
        assertThat(o.get("confidence").getAsDouble()).isEqualTo(server.confidence());
        assertThat(o.get("overridden").getAsBoolean()).isFalse();
    }
}
