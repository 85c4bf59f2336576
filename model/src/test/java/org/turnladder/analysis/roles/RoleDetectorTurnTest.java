package org.turnladder.analysis.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.analysis.roles.Wire.XOR_MAPPED_ADDRESS;
import static org.turnladder.analysis.roles.Wire.XOR_PEER_ADDRESS;
import static org.turnladder.analysis.roles.Wire.XOR_RELAYED_ADDRESS;

import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Role;
import org.turnladder.framing.Framing;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.framing.TestStun;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.StunDecoder;

/** Roles from TURN behaviour alone: RFC 5766/6062 (CMS ⇄ Expressway-E) and MS-TURN (Skype client ⇄ Edge). */
class RoleDetectorTurnTest {
    private static final String CMS = "10.1.1.20:40000";
    private static final String EXPRESSWAY_PRIVATE = "10.0.0.50:3478";

    @Test
    void expresswayRelayingOnItsPublicAddressIsOneBox() {
        Wire w = new Wire();
        w.stun(CMS, EXPRESSWAY_PRIVATE, w.allocate(TurnClues.TCP).build());
        w.stun(EXPRESSWAY_PRIVATE, CMS, w.allocateError().errorCode(401, "Unauthorized")
                .text(Wire.REALM, "TANDBERG").build());
        w.stun(CMS, EXPRESSWAY_PRIVATE, w.allocate(TurnClues.TCP).integrity().build());
        w.stun(EXPRESSWAY_PRIVATE, CMS, w.allocateSuccess()
                .address(XOR_RELAYED_ADDRESS, Endpoint.parse("192.0.2.50:24012"), true)
                .address(XOR_MAPPED_ADDRESS, Endpoint.parse(CMS), true).build());

        RoleAssignment expE = w.box("192.0.2.50");
        assertThat(expE.role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(expE.address()).isEqualTo("10.0.0.50");
        assertThat(expE.addresses()).containsExactly("10.0.0.50", "192.0.2.50");
        assertThat(expE.box()).isEqualTo("Expressway-E");
        assertThat(expE.evidence()).contains("TURN realm 'TANDBERG' (Expressway's) in frame 2",
                "relayed address 192.0.2.50:24012 returned by its TURN server 10.0.0.50 in frame 4");
        assertThat(w.box("10.1.1.20").role()).isEqualTo(Role.CMS);
        assertThat(w.roles()).hasSize(2);
    }

    @Test
    void expresswayStringOnATurnServerMakesItExpresswayEEvenWhenItTalksToCms() {
        Wire w = new Wire();
        SipScenarios.optionsExchange(w, "10.1.1.20:5061", "Acano CallBridge", "10.0.0.50:5061",
                SipScenarios.EXPRESSWAY_UA);
        w.stun(CMS, EXPRESSWAY_PRIVATE, w.allocate(TurnClues.TCP).build());
        w.stun(EXPRESSWAY_PRIVATE, CMS, w.allocateError().errorCode(401, "Unauthorized").build());

        RoleAssignment exp = w.box("10.0.0.50");
        assertThat(exp.role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(exp.evidence()).startsWith(
                "Server 'TANDBERG/4352 (X8.10.2)' (Cisco Expressway / VCS) in frame 2",
                "answered TCP Allocate requests (TURN server for TCP relays: Expressway-E does) in frame 4");
        assertThat(exp.evidence()).contains("an Expressway that is also a TURN or traversal server: Expressway-E");
    }

    @Test
    void theSkypeServerAnsweringMsTurnIsTheEdge() {
        Wire w = new Wire();
        SipScenarios.optionsExchange(w, "10.20.30.40:50123", SipScenarios.SKYPE_UA, "10.6.6.6:5061", "RTC/6.0");
        w.feed("10.20.30.40:50110", "10.6.6.6:443", Transport.TCP, Framing.MS_TURN, StunDecoder.decode(
                msAllocate(), 0, msAllocate().length));
        byte[] success = TestStun.of(0x0103, 9).noCookie().msTurn()
                .address(0x0001, Endpoint.parse("10.6.6.6:50200"), false).build();
        w.feed("10.6.6.6:443", "10.20.30.40:50110", Transport.TCP, Framing.MS_TURN,
                StunDecoder.decode(success, 0, success.length));

        RoleAssignment edge = w.box("10.6.6.6");
        assertThat(edge.role()).isEqualTo(Role.SKYPE_EDGE);
        assertThat(edge.evidence()).contains("answered MS-TURN Allocate requests (A/V Edge) in frame 4",
                "a Skype/Lync server that also does an Edge's work: Skype Edge",
                "relays on ports 50000–59999 (Skype Edge relay range) in frame 4");
        assertThat(w.box("10.20.30.40").role()).isEqualTo(Role.SKYPE_CLIENT);
    }

    @Test
    void twoTurnClientsAskingForTcpRelaysAreBothCms() {
        Wire w = new Wire();
        w.stun("10.1.1.20:40000", EXPRESSWAY_PRIVATE, w.allocate(TurnClues.TCP).build());
        w.stun(EXPRESSWAY_PRIVATE, "10.1.1.20:40000", w.allocateError().errorCode(401, "Unauthorized").build());
        w.stun("10.1.1.21:40000", EXPRESSWAY_PRIVATE, w.allocate(TurnClues.TCP).build());
        w.stun(EXPRESSWAY_PRIVATE, "10.1.1.21:40000", w.allocateError().errorCode(401, "Unauthorized").build());

        assertThat(w.roles()).extracting(RoleAssignment::box)
                .containsExactly("Expressway-E", "CMS (10.1.1.20)", "CMS (10.1.1.21)");
    }

    @Test
    void thePeerOfACmsTcpRelayIsWeaklyTheSkypeEdge() {
        Wire w = new Wire();
        byte[] connect = TestStun.of(0x000A, 5)
                .address(XOR_PEER_ADDRESS, Endpoint.parse("203.0.113.10:52044"), true).build();
        w.stun(CMS, EXPRESSWAY_PRIVATE, connect);

        RoleAssignment peer = w.box("203.0.113.10");
        assertThat(peer.role()).isEqualTo(Role.SKYPE_EDGE);
        assertThat(peer.confidence()).isLessThan(0.5);
        assertThat(peer.evidence()).containsExactly("peer a TURN client asked its relay to connect to (Connect; a CMS "
                        + "relay's peer is normally the Skype Edge relay) in frame 1",
                "TURN peer on ports 50000–59999 (Skype Edge relay range) in frame 1");
    }

    @Test
    void checksInsideARelayedPipeSayNothingAboutTheBoxesCarryingThem() {
        Wire w = new Wire();
        byte[] check = TestStun.of(TestStun.BINDING_REQUEST, 3).username("Yq5v:c7Hn").u32(0x8070, 2).build();
        w.feed("10.1.1.20:40001", EXPRESSWAY_PRIVATE, Transport.TCP, Framing.RELAYED,
                StunDecoder.decode(check, 0, check.length));

        assertThat(w.roles()).allSatisfy(r -> {
            assertThat(r.role()).isEqualTo(Role.UNKNOWN);
            assertThat(r.evidence()).singleElement().asString()
                    .isEqualTo("no role evidence (seen in 1 messages or connections, first in frame 1)");
        });
    }

    @Test
    void aRefusedConnectionToTheTurnPortIsOnlyAHint() {
        RoleDetector d = new RoleDetector();
        d.tcpFlow(new TcpFlowSummary(0, Endpoint.parse("127.0.0.3:36693"), Endpoint.parse("127.0.0.2:3478"), "", true,
                1, 2, false, 0, -1, 0, 0, 0, 0, 1, false, true, 1));

        RoleAssignment server = Wire.box(d.roles(), "127.0.0.2");
        assertThat(server.role()).isEqualTo(Role.UNKNOWN);
        assertThat(server.evidence()).containsExactly("too little evidence to name a role",
                "also looks like Expressway-E: was contacted on TCP port 3478 (TURN) in frame 1");
    }

    @Test
    void theTraversalZoneNamesBothExpresswaysInAnEncryptedCapture() {
        RoleDetector d = new RoleDetector();
        d.tcpFlow(new TcpFlowSummary(3, Endpoint.parse("10.0.0.11:25001"), Endpoint.parse("192.0.2.11:7001"), "TLS",
                true, 40, 900, false, 0, -1, 5000, 4000, 0, 0, 1, true, false, 40));

        assertThat(Wire.box(d.roles(), "192.0.2.11").role()).isEqualTo(Role.EXPRESSWAY_E);
        RoleAssignment expC = Wire.box(d.roles(), "10.0.0.11");
        assertThat(expC.role()).isEqualTo(Role.EXPRESSWAY_C);
        assertThat(expC.evidence()).containsExactly(
                "connected to port 7001 from ports 25000–29999 (traversal client: Expressway-C) in frame 40");
    }

    private static byte[] msAllocate() {
        return TestStun.of(0x0003, 9).noCookie().msTurn().u32(0x8008, 6).build();
    }
}
