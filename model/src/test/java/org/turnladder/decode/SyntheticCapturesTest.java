package org.turnladder.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.capture.RawPacket;
import org.turnladder.framing.Framing;
import org.turnladder.net.Endpoint;
import org.turnladder.sip.SipMessage;
import org.turnladder.stun.Dialect;
import org.turnladder.stun.StunMessage;

/**
 * The decoder on what no program here records: MS-TURN with pseudo-TLS behind a VLAN tag, RFC 6062 over IPv6 in
 * SLL2, a fragmented SIP INVITE, an ICMP-bounced check. The same captures are committed in
 * test-captures/synthetic/ (for the GUI and for people); a test keeps them identical to what this code writes.
 */
class SyntheticCapturesTest {

    static List<DecodedMessage> decode(List<RawPacket> packets) {
        List<DecodedMessage> out = new java.util.ArrayList<>();
        DecodeEngine engine = new DecodeEngine(out::add);
        packets.forEach(engine::accept);
        engine.finish();
        return out;
    }

    static StunMessage stun(DecodedMessage m) {
        return (StunMessage) m.payload();
    }

    @Test
    void msTurnOnTheEdgeIsDecodedPastThePseudoTlsHelloAndReorderedSegments() {
        List<DecodedMessage> ms = decode(SyntheticCaptures.msTurnEdge());
        assertThat(ms).extracting(m -> stun(m).typeHex())
                .containsExactly("0x0003", "0x0113", "0x0003", "0x0103", "0x0001", "0x0101");
        assertThat(ms).allSatisfy(m -> assertThat(m.framing()).isEqualTo(Framing.MS_TURN));
        assertThat(ms.subList(0, 4)).allSatisfy(m -> assertThat(stun(m).dialect()).isEqualTo(Dialect.MS_TURN));
        assertThat(stun(ms.get(1)).transactionId()).hasSize(32);
        assertThat(stun(ms.get(1)).errorCode()).isEqualTo(401);
        // MS numbering: 0x0015 is REALM, 0x0014 NONCE
        assertThat(stun(ms.get(1)).realm()).hasValueSatisfying(r -> assertThat(r).contains("SfB Edge"));
        assertThat(stun(ms.get(1)).nonce()).hasValueSatisfying(n -> assertThat(n).contains("nonce-1234"));
        assertThat(stun(ms.get(2)).username()).contains("MRAS-user");
        assertThat(stun(ms.get(2)).warnings()).isEmpty();
        StunMessage success = stun(ms.get(3));
        assertThat(success.relayedAddress()).contains(SyntheticCaptures.EDGE_RELAY);
        assertThat(success.mappedAddress()).contains(SyntheticCaptures.CLIENT_NAT);
        assertThat(success.lifetime()).hasValue(480);
        assertThat(stun(ms.get(4)).username()).contains("c7Hn:Yq5v");
        assertThat(ms).extracting(DecodedMessage::frame).isSorted();
    }

    @Test
    void rfc6062OverIpv6InSll2IsFollowedIntoTheDataConnection() {
        List<DecodedMessage> ms = decode(SyntheticCaptures.rfc6062Ipv6Sll2());
        assertThat(ms).extracting(m -> stun(m).methodName() + " " + stun(m).messageClass().json() + " "
                        + m.framing().json())
                .containsExactly("Allocate request stream", "Allocate error stream", "Allocate request stream",
                        "Allocate success stream", "CreatePermission request stream",
                        "CreatePermission success stream", "Connect request stream", "Connect success stream",
                        "ConnectionBind request stream", "ConnectionBind success stream",
                        "Binding request relayed", "Binding success relayed", "Binding request relayed",
                        "Binding success relayed");
        StunMessage allocated = stun(ms.get(3));
        assertThat(allocated.relayedAddress()).contains(SyntheticCaptures.EXPRESSWAY_RELAY);
        assertThat(ms.get(3).src().toString()).isEqualTo("[2001:db8::50]:3478");
        assertThat(stun(ms.get(6)).xorPeerAddress()).contains(SyntheticCaptures.PEER);
        assertThat(stun(ms.get(7)).connectionId()).hasValue(0x1234ABCDL);
        assertThat(stun(ms.get(8)).connectionId()).hasValue(0x1234ABCDL);
        assertThat(stun(ms.get(12)).useCandidate()).isTrue();
        // the relayed check that shared a segment with the bind success completes in that same frame
        assertThat(ms.get(10).frame()).isEqualTo(ms.get(9).frame());
    }

    @Test
    void aFragmentedSipInviteIsReassembledAndTheRejectionCarriesTheDiagnostic() {
        List<DecodedMessage> ms = decode(SyntheticCaptures.fragmentedSip());
        assertThat(ms).hasSize(2);
        SipMessage invite = (SipMessage) ms.get(0).payload();
        assertThat(invite.hasApplicationSharing()).isTrue();
        assertThat(invite.applicationSharing().orElseThrow().candidates()).singleElement()
                .satisfies(c -> assertThat(c.transport()).isEqualTo("TCP-PASS"));
        assertThat(ms.get(0).frame()).isEqualTo(3); // the frame that completed the datagram
        assertThat(ms.get(0).spans()).hasSize(3);
        assertThat(ms.get(0).warnings()).isEmpty();
        SipMessage reject = (SipMessage) ms.get(1).payload();
        assertThat(reject.msDiagnostics()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo(21002));
    }

    @Test
    void aBindingRequestBouncedByIcmpIsShownWithTheError() {
        List<DecodedMessage> ms = decode(SyntheticCaptures.bouncedBinding());
        assertThat(ms).hasSize(2);
        DecodedMessage bounced = ms.get(1);
        assertThat(bounced.frame()).isEqualTo(2);
        assertThat(bounced.src()).isEqualTo(Endpoint.parse("10.1.1.20:33000"));
        assertThat(bounced.dst()).isEqualTo(Endpoint.parse("192.0.2.50:3478"));
        assertThat(stun(bounced).transactionId()).isEqualTo(stun(ms.get(0)).transactionId());
        assertThat(bounced.warnings()).singleElement().asString().contains("Port unreachable");
    }

    @Test
    void theCommittedSyntheticCapturesAreWhatThisCodeWrites() throws IOException {
        assertSame("ms-turn-edge-pseudo-tls.pcapng", SyntheticCaptures.pcapng(SyntheticCaptures.msTurnEdge()));
        assertSame("rfc6062-ipv6-sll2.pcapng", SyntheticCaptures.pcapng(SyntheticCaptures.rfc6062Ipv6Sll2()));
        assertSame("sip-fragmented-udp.pcap", SyntheticCaptures.pcap(SyntheticCaptures.fragmentedSip()));
        assertSame("stun-icmp-unreachable.pcap", SyntheticCaptures.pcap(SyntheticCaptures.bouncedBinding()));
    }

    private static void assertSame(String name, byte[] written) throws IOException {
        Path committed = TestCaptures.dir().resolve("synthetic").resolve(name);
        if (Boolean.getBoolean("turnladder.writeSynthetic")) {
            Files.createDirectories(committed.getParent());
            Files.write(committed, written);
        }
        assertThat(committed).as("regenerate with -Dturnladder.writeSynthetic=true").exists();
        assertThat(Files.readAllBytes(committed)).as(name).isEqualTo(written);
    }
}
