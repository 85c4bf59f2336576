package org.turnladder.analysis.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.analysis.roles.Wire.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Role;

/** Roles found in the real captures of test-captures/ (see its README for who is who). */
class RoleDetectorCaptureTest {

    @Test
    void rfc6062TurnServerAnsweringTcpAllocationsIsExpresswayEWithItsRelay() {
        List<RoleAssignment> roles = CaptureRoles.detect("coturn-rfc6062.pcapng").roles();

        RoleAssignment server = box(roles, "127.0.0.2");
        assertThat(server.role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(server.box()).isEqualTo("Expressway-E");
        assertThat(server.evidence()).contains(
                "answered TCP Allocate requests (TURN server for TCP relays: Expressway-E does) in frames 6, 9",
                "relayed address 127.0.0.2:49160 returned by its TURN server in frame 9",
                "announced TCP connections to its relay (RFC 6062 ConnectionAttempt) in frame 59");
        assertThat(server.confidence()).isGreaterThan(0.7);
    }

    @Test
    void rfc6062ClientAskingForTcpRelaysIsCms() {
        RoleAssignment client = box(CaptureRoles.detect("coturn-rfc6062.pcapng").roles(), "127.0.0.3");

        assertThat(client.role()).isEqualTo(Role.CMS);
        assertThat(client.addresses()).containsExactly("127.0.0.3");
        assertThat(client.evidence()).first().asString()
                .isEqualTo("asked for TCP relays (Allocate with REQUESTED-TRANSPORT TCP: CMS does) in frames 4, 8");
        assertThat(client.evidence()).contains("STUN SOFTWARE 'turnladder rfc6062_client.py' in frames 4, 8");
    }

    @Test
    void rfc6062PeerIsOnlyWeaklyTheSkypeSide() {
        RoleAssignment peer = box(CaptureRoles.detect("coturn-rfc6062.pcapng").roles(), "127.0.0.4");

        assertThat(peer.role()).isIn(Role.SKYPE_EDGE, Role.UNKNOWN);
        assertThat(peer.confidence()).isLessThan(0.5);
        assertThat(peer.evidence()).anyMatch(e -> e.contains("Connect") && e.endsWith("in frame 12"));
    }

    @Test
    void boxesComeInLadderOrder() {
        List<RoleAssignment> roles = CaptureRoles.detect("coturn-rfc6062.pcapng").roles();

        assertThat(roles).extracting(RoleAssignment::address).containsExactly("127.0.0.4", "127.0.0.2", "127.0.0.3");
        assertThat(roles).extracting(RoleAssignment::role).isSorted();
    }

    @Test
    void rolesAreKnownAsSoonAsTheFramesThatShowThemWereSeen() {
        RoleDetector early = CaptureRoles.detect("coturn-rfc6062.pcapng", 6);

        assertThat(box(early.roles(), "127.0.0.2").role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(box(early.roles(), "127.0.0.2").evidence())
                .contains("answered TCP Allocate requests (TURN server for TCP relays: Expressway-E does) in frame 6");
        assertThat(box(early.roles(), "127.0.0.3").role()).isEqualTo(Role.CMS);
    }

    @Test
    void skypeForBusinessUserAgentIsTheClientAndAcanoCallBridgeIsCms() {
        List<RoleAssignment> roles = CaptureRoles.detect("sipp-appsharing-accepted-tcp.pcap").roles();

        RoleAssignment client = box(roles, "127.0.0.7");
        assertThat(client.role()).isEqualTo(Role.SKYPE_CLIENT);
        assertThat(client.evidence()).first().asString().isEqualTo(
                "User-Agent 'UCCAPI/16.0.4417.1000 OC/16.0.4417.1000 (Skype for Business)' (Skype for Business / Lync "
                        + "client) in frames 4, 10, 12");
        assertThat(client.confidence()).isGreaterThan(0.8);

        RoleAssignment cms = box(roles, "127.0.0.8");
        assertThat(cms.role()).isEqualTo(Role.CMS);
        assertThat(cms.box()).isEqualTo("CMS");
        assertThat(cms.evidence()).first().asString()
                .isEqualTo("Server 'Acano CallBridge' (Cisco Meeting Server) in frames 6, 8, 14");
    }

    @Test
    void sdpAddressesJoinTheirAuthorsBoxAndRelayCandidatesNameTheTurnServers() {
        List<RoleAssignment> roles = CaptureRoles.detect("sipp-appsharing-accepted-tcp.pcap").roles();

        // the offer's host and reflexive candidates are the client's, its relay candidate is the Edge's
        assertThat(box(roles, "127.0.0.7").addresses()).containsExactly("127.0.0.7", "10.20.30.40", "198.51.100.77");
        assertThat(box(roles, "203.0.113.10").role()).isEqualTo(Role.SKYPE_EDGE);
        // the answer's host candidate is CMS's own, its relay candidate is on Expressway-E
        assertThat(box(roles, "127.0.0.8").addresses()).containsExactly("127.0.0.8", "10.1.1.20");
        RoleAssignment expE = box(roles, "192.0.2.50");
        assertThat(expE.role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(expE.evidence()).containsExactly("relay candidate 192.0.2.50:24012 in the SDP of 'Acano CallBridge' "
                + "(CMS relays on Expressway-E) in frame 8");
    }

    @Test
    void rtcServerAnsweringForTheAsmcuIsTheFrontEnd() {
        RoleAssignment server = box(CaptureRoles.detect("sipp-appsharing-rejected.pcap").roles(), "127.0.0.8");

        assertThat(server.role()).isEqualTo(Role.SKYPE_FRONT_END);
        assertThat(server.evidence()).contains(
                "Server 'RTC/6.0' (Skype/Lync server (Skype for Business 2015), a Front End or Edge) in frames 2, 3",
                "ms-diagnostics-public 21002 from component ASMCU (a conferencing MCU of the Front End) in frame 3");
    }

    @Test
    void msTurnAloneNamesTheEdgeAndItsClient() {
        List<RoleAssignment> roles = CaptureRoles.detect("synthetic/ms-turn-edge-pseudo-tls.pcapng").roles();

        RoleAssignment edge = box(roles, "203.0.113.10");
        assertThat(edge.role()).isEqualTo(Role.SKYPE_EDGE);
        assertThat(edge.evidence()).contains("answered MS-TURN Allocate requests (A/V Edge) in frames 7, 10",
                "served an MS-TURN connection on TCP 443 (A/V Edge) in frame 1",
                "relayed address 203.0.113.10:52044 returned by its A/V Edge in frame 10");
        RoleAssignment client = box(roles, "10.20.30.40");
        assertThat(client.role()).isEqualTo(Role.SKYPE_CLIENT);
        assertThat(client.evidence()).contains("sent MS-TURN requests to an A/V Edge (Skype client) in frames 6, 8");
        // the NAT address the Edge saw is the client's public face
        assertThat(client.addresses()).containsExactly("10.20.30.40", "198.51.100.77");
        assertThat(roles).hasSize(2);
    }

    @Test
    void ipv6AddressesAndTheExpresswayRealm() {
        List<RoleAssignment> roles = CaptureRoles.detect("synthetic/rfc6062-ipv6-sll2.pcapng").roles();

        RoleAssignment expE = box(roles, "2001:db8::50");
        assertThat(expE.role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(expE.evidence()).contains("TURN realm 'TANDBERG' (Expressway's) in frames 5, 6",
                "relays on ports 24000–29999 (Expressway-E's relay range) in frame 8",
                "relayed address [2001:db8::50]:24012 returned by its TURN server in frame 8");
        assertThat(expE.confidence()).isGreaterThan(0.9);
        assertThat(box(roles, "2001:db8::20").role()).isEqualTo(Role.CMS);
        assertThat(box(roles, "2001:db8::10").role()).isIn(Role.SKYPE_EDGE, Role.UNKNOWN);
    }

    @Test
    void withoutAnyStringsTurnOverUdpIsWeakEvidence() {
        List<RoleAssignment> roles = CaptureRoles.detect("coturn-udp-allocation.pcap").roles();

        RoleAssignment server = box(roles, "127.0.0.2");
        RoleAssignment client = box(roles, "127.0.0.3");
        assertThat(server.role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(client.role()).isEqualTo(Role.CMS);
        assertThat(client.evidence()).first().asString().startsWith("asked for UDP relays");
        assertThat(client.confidence()).isLessThan(box(CaptureRoles.detect("coturn-rfc6062.pcapng").roles(),
                "127.0.0.3").confidence());
        // a permission alone does not make the peer a Skype Edge, but the hint stays visible
        RoleAssignment peer = box(roles, "127.0.0.4");
        assertThat(peer.role()).isEqualTo(Role.UNKNOWN);
        assertThat(peer.confidence()).isZero();
        assertThat(peer.evidence()).contains("too little evidence to name a role")
                .anyMatch(e -> e.startsWith("also looks like Skype Edge: peer a TURN client gave a permission to"));
    }

    @Test
    void iceChecksAloneNameNoRole() {
        List<RoleAssignment> roles = CaptureRoles.detect("libnice-ice-tcp.pcap").roles();

        assertThat(roles).extracting(RoleAssignment::address).containsExactly("127.0.0.5", "127.0.0.6");
        assertThat(roles).allSatisfy(r -> {
            assertThat(r.role()).isEqualTo(Role.UNKNOWN);
            assertThat(r.box()).isEqualTo(r.address());
            assertThat(r.evidence()).singleElement().asString().startsWith("no role evidence (seen in ");
        });
    }

    @Test
    void raisesNoFindings() {
        for (String name : List.of("coturn-rfc6062.pcapng", "coturn-udp-allocation.pcap", "libnice-ice-tcp.pcap",
                "sipp-appsharing-accepted-tcp.pcap")) {
            assertThat(CaptureRoles.detect(name).findings(Long.MAX_VALUE, true)).as(name).isEmpty();
        }
    }
}
