package org.turnladder.analysis.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.analysis.roles.SipScenarios.EXPRESSWAY_UA;
import static org.turnladder.analysis.roles.SipScenarios.SKYPE_UA;

import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Role;

/** Roles from SIP header strings, Expressway breadcrumbs and SDP, on message sequences with real-looking headers. */
class RoleDetectorSipTest {

    @Test
    void expresswayOpeningTheTraversalZoneIsExpresswayC() {
        Wire w = new Wire();
        SipScenarios.throughExpresswayC(w);

        RoleAssignment expC = w.box("10.0.0.11");
        assertThat(expC.role()).isEqualTo(Role.EXPRESSWAY_C);
        assertThat(expC.box()).isEqualTo("Expressway-C");
        assertThat(expC.evidence()).contains(
                "User-Agent 'TANDBERG/4352 (X8.10.2)' (Cisco Expressway / VCS) in frame 1",
                "connected to port 7001 from ports 25000–29999 (traversal client: Expressway-C) in frame 1",
                "an Expressway that is a traversal client: Expressway-C");
    }

    @Test
    void expresswayListeningOnTheTraversalPortIsExpresswayEAndItsRelayCandidateIsItsOwn() {
        Wire w = new Wire();
        SipScenarios.throughExpresswayC(w);

        RoleAssignment expE = w.box("192.0.2.11");
        assertThat(expE.role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(expE.addresses()).containsExactly("192.0.2.11");
        assertThat(expE.evidence()).contains(
                "accepted connections on port 7001 (Expressway traversal zone server: Expressway-E) in frame 1",
                "SIP Via with Expressway's parameters (proxy-call-id, ingress-/egress-zone) in frames 3, 4, 5, 6",
                "relay candidate 192.0.2.11:24012 in the SDP of 'Acano CallBridge' (CMS relays on Expressway-E) "
                        + "in frames 5, 6");
    }

    @Test
    void userAgentOfAForwardedRequestBelongsToTheBottomViaNotToTheProxy() {
        Wire w = new Wire();
        SipScenarios.throughExpresswayC(w);

        RoleAssignment client = w.box("10.20.30.40");
        assertThat(client.role()).isEqualTo(Role.SKYPE_CLIENT);
        assertThat(client.evidence()).first().asString().isEqualTo("User-Agent '" + SKYPE_UA
                + "' (Skype for Business / Lync client) on a request it wrote (bottom Via), forwarded by 192.0.2.11 "
                + "in frames 3, 4");
        assertThat(client.addresses()).containsExactly("10.20.30.40", "198.51.100.77");
        assertThat(w.box("10.0.0.11").evidence()).noneMatch(e -> e.contains("UCCAPI"));
        assertThat(w.box("203.0.113.10").role()).isEqualTo(Role.SKYPE_EDGE);
    }

    @Test
    void serverStringOfAResponseForwardedByARecordRouteProxyIsNotTheProxys() {
        Wire w = new Wire();
        SipScenarios.throughExpresswayC(w);

        RoleAssignment cms = w.box("10.1.1.20");
        assertThat(cms.role()).isEqualTo(Role.CMS);
        assertThat(cms.evidence()).first().asString()
                .isEqualTo("Server 'Acano CallBridge' (Cisco Meeting Server) in frame 5");
        assertThat(w.box("10.0.0.11").evidence()).noneMatch(e -> e.contains("Acano"));
        assertThat(w.roles()).extracting(RoleAssignment::role).containsExactly(Role.SKYPE_CLIENT, Role.SKYPE_EDGE,
                Role.EXPRESSWAY_E, Role.EXPRESSWAY_C, Role.CMS);
    }

    @Test
    void expresswayTalkingOnlyToCmsIsExpresswayC() {
        Wire w = new Wire();
        SipScenarios.optionsExchange(w, "10.0.0.12:5061", "TANDBERG/4352 (X8.10.2-b2bua-1.0)", "10.1.1.20:5061",
                "Acano CallBridge");

        RoleAssignment exp = w.box("10.0.0.12");
        assertThat(exp.role()).isEqualTo(Role.EXPRESSWAY_C);
        assertThat(exp.evidence()).containsExactly(
                "User-Agent 'TANDBERG/4352 (X8.10.2-b2bua-1.0)' (Cisco Expressway B2BUA) in frame 1",
                "an Expressway that talks to CMS (10.1.1.20): Expressway-C");
    }

    @Test
    void expresswayTalkingToTheSkypeSideIsExpresswayEAndTheRtcServerFederatingWithItIsTheEdge() {
        Wire w = new Wire();
        SipScenarios.optionsExchange(w, "192.0.2.10:5061", EXPRESSWAY_UA, "198.51.100.5:5061", "RTC/6.0");

        RoleAssignment exp = w.box("192.0.2.10");
        assertThat(exp.role()).isEqualTo(Role.EXPRESSWAY_E);
        assertThat(exp.evidence()).contains("an Expressway that talks to the Skype side (198.51.100.5): Expressway-E");
        RoleAssignment edge = w.box("198.51.100.5");
        assertThat(edge.role()).isEqualTo(Role.SKYPE_EDGE);
        assertThat(edge.evidence()).containsExactly(
                "Server 'RTC/6.0' (Skype/Lync server (Skype for Business 2015), a Front End or Edge) in frame 2",
                "a Skype/Lync server that talks to the Cisco side (192.0.2.10): the Edge, which federates");
    }

    @Test
    void rtcServerTalkingOnlyToSkypeClientsIsTheFrontEnd() {
        Wire w = new Wire();
        SipScenarios.optionsExchange(w, "10.20.30.40:50123", SKYPE_UA, "10.5.5.5:5061", "RTC/5.0");

        RoleAssignment fe = w.box("10.5.5.5");
        assertThat(fe.role()).isEqualTo(Role.SKYPE_FRONT_END);
        assertThat(fe.evidence()).contains("a Skype/Lync server that talks only to the Skype side (10.20.30.40): "
                + "Front End");
    }

    @Test
    void mcuAndMediationServerStringsAreTheFrontEnd() {
        Wire w = new Wire();
        SipScenarios.optionsExchange(w, "10.5.5.6:5065", "RTCC/7.0.0.0 ASMCU", "10.1.1.20:5061", null);
        SipScenarios.optionsExchange(w, "10.5.5.7:5068", "RTCC/5.0.0.0 MediationServer", "10.1.1.21:5061", null);

        assertThat(w.box("10.5.5.6").role()).isEqualTo(Role.SKYPE_FRONT_END);
        assertThat(w.box("10.5.5.7").role()).isEqualTo(Role.SKYPE_FRONT_END);
        assertThat(w.box("10.5.5.7").evidence()).first().asString().contains("MediationServer");
    }

    @Test
    void cucmIsNamedButGetsNoRoleOfThisPath() {
        Wire w = new Wire();
        SipScenarios.optionsExchange(w, "10.0.0.12:5061", EXPRESSWAY_UA, "10.9.9.9:5060", "Cisco-CUCM10.5");

        RoleAssignment cucm = w.box("10.9.9.9");
        assertThat(cucm.role()).isEqualTo(Role.UNKNOWN);
        assertThat(cucm.box()).isEqualTo("10.9.9.9");
        assertThat(cucm.evidence()).containsExactly(
                "Server 'Cisco-CUCM10.5' (Cisco Unified CM, not part of this path) in frame 2");
    }

    @Test
    void unrecognisedStringsStayVisibleWhileBehaviourDecides() {
        Wire w = new Wire();
        SipScenarios.optionsExchange(w, "10.1.1.30:5061", "sipp", "10.0.0.12:5061", null);
        w.stun("10.1.1.30:40000", "10.0.0.50:3478", w.allocate(Wire_TCP).build());

        RoleAssignment cms = w.box("10.1.1.30");
        assertThat(cms.role()).isEqualTo(Role.CMS);
        assertThat(cms.evidence()).containsExactly(
                "asked for TCP relays (Allocate with REQUESTED-TRANSPORT TCP: CMS does) in frame 3",
                "User-Agent 'sipp' (not recognised) in frame 1");
        assertThat(w.box("10.0.0.12").role()).isEqualTo(Role.UNKNOWN);
    }

    @Test
    void responseServerStringOfABoxThatForwardsSipCountsLittle() {
        Wire w = new Wire();
        // 192.0.2.10 forwards a request (two Vias, Expressway breadcrumbs) and later sends a response that carries
        // CMS's Server string without being on a Record-Route: the string may be CMS's, not its own
        w.sip("192.0.2.10:5061", "10.1.1.20:5061", """
                INVITE sip:cms.space@cms.example.com SIP/2.0
                Via: SIP/2.0/TLS 192.0.2.10:5061;egress-zone=CMSZone;branch=z9hG4bKx1;proxy-call-id=abc-1;rport
                Via: SIP/2.0/TLS 10.20.30.40:50123;branch=z9hG4bK1A2B3C4D
                From: <sip:alice@skype.example.org>;tag=1
                To: <sip:cms.space@cms.example.com>
                Call-ID: fwd-1
                CSeq: 1 INVITE
                User-Agent: UCCAPI/16.0.4417.1000 OC/16.0.4417.1000 (Skype for Business)""");
        w.sip("192.0.2.10:5061", "10.20.30.40:50123", """
                SIP/2.0 200 OK
                Via: SIP/2.0/TLS 10.20.30.40:50123;branch=z9hG4bK1A2B3C4D
                From: <sip:alice@skype.example.org>;tag=1
                To: <sip:cms.space@cms.example.com>;tag=2
                Call-ID: fwd-1
                CSeq: 1 INVITE
                Server: Acano CallBridge""");

        RoleAssignment proxy = w.box("192.0.2.10");
        assertThat(proxy.role()).isIn(Role.EXPRESSWAY_E, Role.EXPRESSWAY_C);
        assertThat(proxy.evidence()).contains("also looks like CMS: Server 'Acano CallBridge' (Cisco Meeting Server) "
                + "in frame 2 (it also forwards SIP for others, so this may name another box)");
    }

    private static final int Wire_TCP = TurnClues.TCP;
}
