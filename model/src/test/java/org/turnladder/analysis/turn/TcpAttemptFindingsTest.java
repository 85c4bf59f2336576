package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.analysis.turn.TurnScript.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.Framing;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.sip.SipDecoder;
import org.turnladder.sip.SipMessage;

/** TCP connections that never opened, reported only towards addresses that matter to the call. */
class TcpAttemptFindingsTest {

    /** A connection attempt as the framing layer reports it: SYNs, and whether SYN-ACK or RST answered. */
    private static TcpFlowSummary attempt(long id, Endpoint client, Endpoint server, long firstFrame, int syns,
                                          boolean refused, long lastFrame) {
        long lastSyn = refused ? lastFrame - 1 : lastFrame;
        return new TcpFlowSummary(id, client, server, "", true, firstFrame, lastFrame, false, 0, -1, 0, 0, 0, 0, syns,
                false, refused, lastSyn);
    }

    private static TcpAttemptFindings withTurnServer() {
        TcpAttemptFindings tcp = new TcpAttemptFindings();
        TurnScript s = new TurnScript().tcpAllocation().connect(3, EDGE, 0x31);
        s.messages.forEach(tcp::message);
        return tcp;
    }

    @Test
    void synsToTheTurnServerRetransmittedWithoutAnswerAreUnanswered() {
        TcpAttemptFindings tcp = withTurnServer();
        tcp.tcpFlow(attempt(7, Endpoint.parse("10.1.1.20:40100"), EXPRESSWAY, 20, 3, false, 25));

        List<Finding> findings = tcp.findings(0, true);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("tcp.connect-unanswered");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.frames()).containsExactly(20L, 25L);
            assertThat(f.title()).isEqualTo("TCP connection unanswered by the TURN server 192.0.2.50:3478");
            assertThat(f.detail()).contains("3 SYNs", "no SYN-ACK");
            assertThat(f.fix()).contains("tcpPortNumberOverride");
        });
    }

    @Test
    void aSingleSynWithoutAnswerIsNotYetAFinding() {
        TcpAttemptFindings tcp = withTurnServer();
        tcp.tcpFlow(attempt(7, Endpoint.parse("10.1.1.20:40100"), EXPRESSWAY, 20, 1, false, 20));

        assertThat(tcp.findings(0, true)).isEmpty();
    }

    @Test
    void peerSynsToTheRelayedAddressAnsweredByRstAreRefused() {
        TcpAttemptFindings tcp = withTurnServer();
        tcp.tcpFlow(attempt(8, EDGE.withPort(50001), RELAY, 30, 1, true, 31));

        Finding f = tcp.findings(0, true).get(0);
        assertThat(f.id()).isEqualTo("tcp.connect-refused");
        assertThat(f.frames()).containsExactly(30L, 31L);
        assertThat(f.detail()).contains("the relayed address 192.0.2.50:24012 (allocated to 10.1.1.20:40000)", "RST");
        assertThat(f.fix()).contains("24000–29999", "permission");
    }

    @Test
    void relaySynsToTheConnectPeerUnansweredNameThePeerOfConnect() {
        TcpAttemptFindings tcp = withTurnServer();
        tcp.tcpFlow(attempt(9, RELAY, EDGE, 40, 4, false, 47));

        Finding f = tcp.findings(0, true).get(0);
        assertThat(f.id()).isEqualTo("tcp.connect-unanswered");
        assertThat(f.detail()).startsWith("The TURN server, from the relayed address 192.0.2.50:24012")
                .contains("the peer of Connect 203.0.113.10:52044 (frame 5)");
        assertThat(f.fix()).contains("50000–59999");
    }

    @Test
    void refusedSipPortIsReportedEvenWithoutTurn() {
        TcpAttemptFindings tcp = new TcpAttemptFindings();
        tcp.tcpFlow(attempt(1, Endpoint.parse("10.0.0.7:51000"), Endpoint.parse("10.0.0.8:5061"), 1, 1, true, 2));

        Finding f = tcp.findings(0, true).get(0);
        assertThat(f.id()).isEqualTo("tcp.connect-refused");
        assertThat(f.title()).isEqualTo("TCP connection refused by the SIP port 10.0.0.8:5061");
        assertThat(f.fix()).contains("5061");
    }

    @Test
    void attemptsToUnrelatedAddressesAreIgnored() {
        TcpAttemptFindings tcp = new TcpAttemptFindings();
        tcp.tcpFlow(attempt(1, Endpoint.parse("10.0.0.7:51000"), Endpoint.parse("10.0.0.8:8080"), 1, 5, false, 9));
        tcp.tcpFlow(attempt(2, Endpoint.parse("10.0.0.7:51001"), Endpoint.parse("10.0.0.8:443"), 10, 5, false, 19));

        assertThat(tcp.findings(0, true)).isEmpty(); // 443 counts as a TURN port only once TURN was seen
    }

    @Test
    void turnPortOfAnotherHostCountsOnceTurnWasSeen() {
        TcpAttemptFindings tcp = withTurnServer();
        tcp.tcpFlow(attempt(2, Endpoint.parse("10.0.0.7:51001"), Endpoint.parse("198.51.100.9:443"), 10, 2, false,
                12));

        assertThat(tcp.findings(0, true)).singleElement()
                .satisfies(f -> assertThat(f.title()).endsWith("the TURN port 198.51.100.9:443"));
    }

    @Test
    void unansweredSynsToAnSdpCandidateNameTheCandidate() throws IOException {
        byte[] invite;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/turnladder/sip/messages/lync-invite-appsharing-multipart.sip")) {
            invite = in.readAllBytes();
        }
        SipMessage sip = SipDecoder.decode(invite, 0, invite.length);
        TcpAttemptFindings tcp = new TcpAttemptFindings();
        tcp.message(new DecodedMessage(3, START, Endpoint.parse("10.20.30.40:5061"), Endpoint.parse("10.0.0.8:5061"),
                Transport.TCP, Framing.STREAM, List.of(), 0, sip, List.of()));
        tcp.tcpFlow(attempt(4, RELAY, Endpoint.parse("203.0.113.10:52044"), 50, 3, false, 56));

        Finding f = tcp.findings(0, true).get(0);
        assertThat(f.id()).isEqualTo("tcp.connect-unanswered");
        assertThat(f.detail()).contains("the SDP candidate 203.0.113.10:52044 (SIP frame 3)");
    }
}
