package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.decode.TestCaptures;

/** Arrow labels and styles, read off real captures, the way an engineer says them. */
class LadderLabelsTest {

    static LadderModel ladder(String capture) {
        return LadderModel.build(TestCaptures.decode(TestCaptures.path(capture)), Columns.byHost(), List.of(),
                LadderOptions.showAll());
    }

    static LadderRow rowOfFrame(LadderModel m, long frame) {
        return m.row(m.rowOfFrame(frame));
    }

    @Test
    void tcpAllocationReadsAsChallengeThenSuccessWithTheRelay() {
        LadderModel m = ladder("coturn-rfc6062.pcapng");
        assertThat(m.rows()).extracting(LadderRow::label).startsWith(
                "Allocate TCP",
                "Allocate TCP → 401 Unauthorized",
                "Allocate TCP with credentials",
                "Allocate TCP → Success relay=127.0.0.2:49160",
                "CreatePermission 127.0.0.4",
                "CreatePermission 127.0.0.4 → Success");
        assertThat(m.row(1).style()).isEqualTo(new ArrowStyle(LadderProtocol.TURN, Outcome.NEUTRAL));
        assertThat(m.row(3).style()).isEqualTo(new ArrowStyle(LadderProtocol.TURN, Outcome.OK));
    }

    @Test
    void connectAndConnectionBindShowPeerAndConnectionId() {
        LadderModel m = ladder("coturn-rfc6062.pcapng");
        assertThat(rowOfFrame(m, 12).label()).isEqualTo("Connect peer=127.0.0.4:52044");
        assertThat(rowOfFrame(m, 16).label()).isEqualTo("Connect peer=127.0.0.4:52044 → Success cid=0xbcf6d200");
        assertThat(rowOfFrame(m, 20).label()).isEqualTo("ConnectionBind cid=0xbcf6d200");
        assertThat(rowOfFrame(m, 59).label()).isEqualTo("ConnectionAttempt peer=127.0.0.4:45227 cid=0x1295d100");
    }

    @Test
    void checksInsideADataConnectionSayInRelayAndAreIce() {
        LadderModel m = ladder("coturn-rfc6062.pcapng");
        LadderRow client = rowOfFrame(m, 25);
        assertThat(client.label()).isEqualTo("Binding Request USE-CANDIDATE (in relay)");
        assertThat(client.style().protocol()).isEqualTo(LadderProtocol.ICE);
        LadderRow peerLeg = rowOfFrame(m, 26);
        assertThat(peerLeg.label()).isEqualTo("Binding Request USE-CANDIDATE");
        assertThat(rowOfFrame(m, 30).label()).isEqualTo("Binding USE-CANDIDATE → Success (in relay)");
        assertThat(rowOfFrame(m, 30).style().outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void frameWithTwoMessagesGivesTwoRows() {
        LadderModel m = ladder("coturn-rfc6062.pcapng");
        assertThat(m.rows()).filteredOn(r -> r.frame() == 66).extracting(LadderRow::label).containsExactly(
                "ConnectionBind cid=0x1295d100 → Success", "Binding Request (in relay)");
    }

    @Test
    void rejectedShareShowsTheDiagnosticAndIsAnError() {
        LadderModel m = ladder("sipp-appsharing-rejected.pcap");
        assertThat(m.rows()).extracting(LadderRow::label).containsExactly(
                "INVITE m=applicationsharing", "100 Trying", "488 Not Acceptable Here · ms-diag 21002", "ACK");
        assertThat(m.row(2).style()).isEqualTo(new ArrowStyle(LadderProtocol.SIP, Outcome.ERROR));
        assertThat(m.row(0).style().styleClass()).isEqualTo("sip-neutral");
    }

    @Test
    void responsesToOtherRequestsThanInviteNameTheirMethod() {
        LadderModel m = ladder("sipp-appsharing-accepted-tcp.pcap");
        assertThat(m.rows()).extracting(LadderRow::label).containsExactly(
                "INVITE m=applicationsharing", "100 Trying", "200 OK m=applicationsharing", "ACK", "BYE",
                "200 OK (BYE)");
        assertThat(m.row(2).style().outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void wrongPasswordIsAnErrorButTheFirstChallengeIsNot() {
        LadderModel m = ladder("coturn-wrong-password.pcap");
        assertThat(m.row(1).label()).isEqualTo("Allocate UDP → 401 Unauthorized");
        assertThat(m.row(1).style().outcome()).isEqualTo(Outcome.NEUTRAL);
        assertThat(m.row(3).label()).isEqualTo("Allocate UDP with credentials → 401 Unauthorized");
        assertThat(m.row(3).style().outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void connectFailureIsAnError() {
        LadderModel m = ladder("coturn-connect-failed.pcap");
        LadderRow r = rowOfFrame(m, 15);
        assertThat(r.label()).startsWith("Connect peer=127.0.0.4:52045 → 447");
        assertThat(r.style().outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void staleNonceIsPartOfTheNormalExchange() {
        LadderModel m = ladder("coturn-stale-nonce.pcap");
        LadderRow r = rowOfFrame(m, 8);
        assertThat(r.label()).isEqualTo("Refresh 600 s → 438 Stale nonce");
        assertThat(r.style().outcome()).isEqualTo(Outcome.NEUTRAL);
        assertThat(rowOfFrame(m, 13).label()).isEqualTo("Refresh lifetime=0 (deallocate)");
    }

    @Test
    void channelDataShowsChannelAndSize() {
        LadderModel m = ladder("coturn-udp-allocation.pcap");
        LadderRow r = rowOfFrame(m, 27);
        assertThat(r.label()).isEqualTo("ChannelData 0x6995 (100 B)");
        assertThat(r.style().protocol()).isEqualTo(LadderProtocol.CHANNELDATA);
        assertThat(rowOfFrame(m, 13).label()).isEqualTo("ChannelBind 0x700d peer=127.0.0.4:3481");
        assertThat(rowOfFrame(m, 57).label()).isEqualTo("Send peer=127.0.0.4:3480");
        assertThat(rowOfFrame(m, 60).label()).isEqualTo("Data peer=127.0.0.4:3480");
    }

    @Test
    void sameTransactionSentAgainIsARetransmission() {
        LadderModel m = ladder("libnice-msice2-udp.pcap");
        assertThat(rowOfFrame(m, 1).label()).isEqualTo("Binding Request");
        assertThat(rowOfFrame(m, 2).label()).isEqualTo("Binding Request (retransmission)");
        assertThat(rowOfFrame(m, 2).entry().retransmission()).isTrue();
        assertThat(rowOfFrame(m, 8).label()).isEqualTo("Binding Indication");
        assertThat(rowOfFrame(m, 8).entry().keepAlive()).isTrue();
    }

    @Test
    void msTurnAllocateWithoutRequestedTransportIsJustAllocate() {
        LadderModel m = ladder("synthetic/ms-turn-edge-pseudo-tls.pcapng");
        assertThat(m.rows()).extracting(LadderRow::label).startsWith(
                "Allocate", "Allocate → 401 Unauthorized", "Allocate with credentials",
                "Allocate → Success relay=203.0.113.10:52044");
    }
}
