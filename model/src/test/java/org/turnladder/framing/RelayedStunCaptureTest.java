package org.turnladder.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.FrameSpan;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.ChannelDataMessage;
import org.turnladder.stun.StunMessage;

/**
 * libnice-turn-udp.pcap: two relay-only libnice agents check each other through coturn over UDP. Their checks ride
 * in Send/Data indications, then (consent freshness) in ChannelData; each one is decoded as a message of its own
 * right behind its carrier, addressed between the TURN client and the peer.
 */
class RelayedStunCaptureTest {
    static final Endpoint SERVER = Endpoint.parse("127.0.0.2:3478");

    static List<DecodedMessage> messages() {
        return TestCaptures.decode(TestCaptures.path("libnice-turn-udp.pcap"));
    }

    static String type(DecodedMessage m) {
        return m.payload() instanceof StunMessage s ? s.typeHex() : m.protocol();
    }

    @Test
    void everyCheckInsideASendOrDataIndicationOrChannelDataFollowsItsCarrier() {
        List<DecodedMessage> all = messages();
        int inner = 0;
        for (int i = 0; i < all.size(); i++) {
            DecodedMessage m = all.get(i);
            if (m.framing() != Framing.RELAYED) {
                continue;
            }
            inner++;
            DecodedMessage carrier = all.get(i - 1);
            assertThat(TurnCarrier.holds(carrier, m)).as("frame %d", m.frame()).isTrue();
            assertThat(m.transport()).isEqualTo(Transport.UDP);
            assertThat(m.connection()).isEqualTo(-1);
            assertThat(m.warnings()).isEmpty();
            assertThat(((StunMessage) m.payload()).warnings()).isEmpty();
        }
        // the capture's ICE checks: Send/Data indications before ChannelBind, ChannelData after (consent freshness)
        assertThat(inner).isGreaterThanOrEqualTo(12);
        assertThat(all).filteredOn(m -> m.framing() == Framing.RELAYED)
                .anySatisfy(m -> assertThat(carrierOf(all, m).payload()).isInstanceOf(ChannelDataMessage.class))
                .anySatisfy(m -> assertThat(type(carrierOf(all, m))).isEqualTo("0x0016"))
                .anySatisfy(m -> assertThat(type(carrierOf(all, m))).isEqualTo("0x0017"));
    }

    @Test
    void aSendGoesFromTheClientToThePeerAndADataIndicationFromThePeerToTheClient() {
        List<DecodedMessage> all = messages();
        for (DecodedMessage m : all) {
            if (m.framing() != Framing.RELAYED) {
                continue;
            }
            DecodedMessage carrier = carrierOf(all, m);
            if (carrier.payload() instanceof StunMessage s) {
                Endpoint peer = s.xorPeerAddress().orElseThrow();
                if (s.typeHex().equals("0x0016")) {
                    assertThat(m.src()).isEqualTo(carrier.src());
                    assertThat(m.dst()).isEqualTo(peer);
                } else {
                    assertThat(m.src()).isEqualTo(peer);
                    assertThat(m.dst()).isEqualTo(carrier.dst());
                }
            }
        }
    }

    @Test
    void channelDataChecksGoToAndFromThePeerBoundToTheChannelOnThat5Tuple() {
        List<DecodedMessage> all = messages();
        Map<Endpoint, Endpoint> peerOfClient = new HashMap<>();
        for (DecodedMessage m : all) {
            if (m.payload() instanceof StunMessage s && s.typeHex().equals("0x0009")) {
                peerOfClient.put(m.src(), s.xorPeerAddress().orElseThrow());
            }
        }
        // one ChannelBind per agent (127.0.0.5 left, 127.0.0.6 right), to the other agent's relayed address
        assertThat(peerOfClient.keySet()).extracting(Endpoint::host).containsExactlyInAnyOrder("127.0.0.5",
                "127.0.0.6");
        List<DecodedMessage> viaChannel = all.stream().filter(m -> m.framing() == Framing.RELAYED
                && carrierOf(all, m).payload() instanceof ChannelDataMessage).toList();
        assertThat(viaChannel).isNotEmpty();
        for (DecodedMessage m : viaChannel) {
            DecodedMessage carrier = carrierOf(all, m);
            if (carrier.dst().equals(SERVER)) {
                assertThat(m.src()).isEqualTo(carrier.src());
                assertThat(m.dst()).isEqualTo(peerOfClient.get(carrier.src()));
            } else {
                assertThat(m.src()).isEqualTo(peerOfClient.get(carrier.dst()));
                assertThat(m.dst()).isEqualTo(carrier.dst());
            }
        }
        assertThat(viaChannel).extracting(RelayedStunCaptureTest::type).contains("0x0001", "0x0101");
    }

    @Test
    void theInnerSpansAreExactlyTheInnerBytesOfTheFrame() throws IOException {
        Map<Long, byte[]> frames = new HashMap<>();
        try (PacketSource src = CaptureFiles.open(TestCaptures.path("libnice-turn-udp.pcap"))) {
            RawPacket p;
            while ((p = src.next()) != null) {
                frames.put(p.frame(), p.data());
            }
        }
        for (DecodedMessage m : messages()) {
            if (m.framing() != Framing.RELAYED) {
                continue;
            }
            StunMessage s = (StunMessage) m.payload();
            assertThat(m.spans()).hasSize(1);
            FrameSpan span = m.spans().get(0);
            assertThat(span.length()).isEqualTo(s.length());
            byte[] f = frames.get(span.frame());
            // the header's type and the magic cookie sit where the span says the message starts
            assertThat(((f[span.frameOffset()] & 0xff) << 8) | (f[span.frameOffset() + 1] & 0xff)).isEqualTo(s.type());
            assertThat(f[span.frameOffset() + 4]).isEqualTo((byte) 0x21);
            assertThat(f[span.frameOffset() + 7]).isEqualTo((byte) 0x42);
        }
    }

    @Test
    void theSameCheckCrossesTheRelayToRelayLegThatTsharkDecodes() {
        List<DecodedMessage> all = messages();
        List<DecodedMessage> relayLeg = all.stream().filter(m -> m.framing() == Framing.DATAGRAM
                && m.src().host().equals("127.0.0.2") && m.dst().host().equals("127.0.0.2")
                && m.payload() instanceof StunMessage).toList();
        assertThat(relayLeg).isNotEmpty();
        for (DecodedMessage m : all) {
            if (m.framing() == Framing.RELAYED) {
                StunMessage s = (StunMessage) m.payload();
                assertThat(relayLeg).as("relay leg of %s %s", s.typeHex(), s.transactionId()).anySatisfy(r -> {
                    assertThat(((StunMessage) r.payload()).transactionId()).isEqualTo(s.transactionId());
                    assertThat(((StunMessage) r.payload()).type()).isEqualTo(s.type());
                });
            }
        }
    }

    private static DecodedMessage carrierOf(List<DecodedMessage> all, DecodedMessage inner) {
        return all.get(all.indexOf(inner) - 1);
    }

    @Test
    void theCaptureIsCommitted() {
        assertThat(Files.exists(TestCaptures.path("libnice-turn-udp.pcap"))).isTrue();
    }
}
