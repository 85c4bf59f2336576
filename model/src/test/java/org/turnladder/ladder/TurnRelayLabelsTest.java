package org.turnladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.decode.TestCaptures;

/** Checks carried through a UDP TURN relay (libnice-turn-udp.pcap) read like those inside an RFC 6062 pipe. */
class TurnRelayLabelsTest {

    static List<LadderRow> rowsOfFrame(LadderModel m, long frame) {
        return m.rows().stream().filter(r -> r.frame() == frame).toList();
    }

    @Test
    void aCheckInsideASendIndicationIsARelayedIceArrowRightAfterItsCarrier() {
        LadderModel m = LadderModel.build(TestCaptures.decode(TestCaptures.path("libnice-turn-udp.pcap")),
                Columns.byHost(), List.of(), LadderOptions.showAll());

        List<LadderRow> send = rowsOfFrame(m, 14);
        assertThat(send).extracting(LadderRow::label).containsExactly("Send peer=127.0.0.2:49152",
                "Binding Request USE-CANDIDATE (in relay)");
        assertThat(send.get(1).style().protocol()).isEqualTo(LadderProtocol.ICE);
        assertThat(rowsOfFrame(m, 24)).extracting(LadderRow::label).last()
                .isEqualTo("Binding USE-CANDIDATE → Success (in relay)");
        // consent freshness after ChannelBind (libnice's aggressive nomination sets USE-CANDIDATE on every check):
        // the check rides in ChannelData
        assertThat(rowsOfFrame(m, 65)).extracting(LadderRow::label).last()
                .isEqualTo("Binding Request USE-CANDIDATE (in relay)");
        assertThat(rowsOfFrame(m, 70)).extracting(LadderRow::label).last()
                .isEqualTo("Binding USE-CANDIDATE → Success (in relay)");
    }

    @Test
    void aCheckInsideACarrierBelongsToTheCarriersTurnSession() {
        LadderFeed feed = new LadderFeed();
        List<org.turnladder.decode.DecodedMessage> ms = TestCaptures.decode(TestCaptures.path("libnice-turn-udp.pcap"));
        List<LadderEntry> entries = ms.stream().map(feed::add).toList();

        int inner = 0;
        for (int i = 1; i < ms.size(); i++) {
            if (ms.get(i).framing() == org.turnladder.framing.Framing.RELAYED) {
                inner++;
                assertThat(entries.get(i).turnSession()).as("frame %d", ms.get(i).frame())
                        .isEqualTo(entries.get(i - 1).turnSession()).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(inner).isGreaterThan(0);
        assertThat(feed.turnSessions()).hasSize(2);
    }
}
