package org.turnladder.analysis.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/**
 * The ICE check matrix of libnice-turn-udp.pcap (two relay-only agents through coturn over UDP; see the README):
 * each check shows on three legs — the sender's Send indication or ChannelData to its TURN server, the datagram
 * between the two relayed addresses, and the Data indication or ChannelData to the receiver — and each leg is one
 * working, nominated pair.
 */
class IceTurnRelayCaptureTest {

    private static IceTracker fed() {
        IceTracker t = new IceTracker();
        for (DecodedMessage m : TestCaptures.decode(TestCaptures.path("libnice-turn-udp.pcap"))) {
            t.message(m);
        }
        return t;
    }

    @Test
    void eachAgentsTurnLegAndTheRelayToRelayLegAreWorkingNominatedPairs() {
        List<IcePair> pairs = fed().pairs();

        assertThat(pairs).hasSize(3).allMatch(IcePair::works).allMatch(IcePair::nominated)
                .allMatch(p -> p.transport() == Transport.UDP);
        IcePair right = pairs.get(0);
        assertThat(right.carrier().kind()).isEqualTo(IceCarrier.Kind.TURN_RELAY);
        assertThat(right.a().endpoint()).isEqualTo(Endpoint.parse("127.0.0.6:40412"));
        assertThat(right.b().endpoint()).isEqualTo(Endpoint.parse("127.0.0.2:49155")); // the left agent's relay
        // out in Send indications (13, 25) and, after ChannelBind, ChannelData (59); answers in Data/ChannelData
        assertThat(right.ab().requestFrames()).containsExactly(13L, 25L, 59L);
        assertThat(right.ab().responseFrames()).containsExactly(23L, 37L, 64L);
        assertThat(right.ba().requestFrames()).containsExactly(18L, 36L, 67L);
        assertThat(right.ba().responseFrames()).containsExactly(20L, 38L, 68L);

        IcePair left = pairs.get(1);
        assertThat(left.carrier().kind()).isEqualTo(IceCarrier.Kind.TURN_RELAY);
        assertThat(left.a().endpoint()).isEqualTo(Endpoint.parse("127.0.0.5:40408"));
        assertThat(left.b().endpoint()).isEqualTo(Endpoint.parse("127.0.0.2:49152"));
        assertThat(left.ab().requestFrames()).containsExactly(14L, 29L, 65L);
        assertThat(left.ba().requestFrames()).containsExactly(17L, 28L, 61L);
        assertThat(left.a().ufrag()).isEqualTo(right.b().ufrag());

        IcePair relays = pairs.get(2);
        assertThat(relays.carrier()).isNull();
        assertThat(relays.describe()).startsWith("UDP 127.0.0.2:49152 ⇄ 127.0.0.2:49155");
        assertThat(relays.ab().requestFrames()).containsExactly(15L, 27L, 60L);
        assertThat(relays.ba().requestFrames()).containsExactly(16L, 32L, 66L);
    }

    @Test
    void theTurnRelayPairSaysWhatCarriesItAndTheCaptureHasNoIceFindings() {
        IceTracker t = fed();

        assertThat(t.pairs().get(0).describe()).isEqualTo("UDP inside the TURN relay (Send/Data indications, "
                + "ChannelData) 127.0.0.6:40412 ⇄ 127.0.0.2:49155 with ufrags " + t.pairs().get(0).a().ufrag()
                + " ⇄ " + t.pairs().get(0).b().ufrag());
        assertThat(t.findings(Long.MAX_VALUE, true)).isEmpty();
    }
}
