package org.turnladder.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.framing.TestStun.concat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.capture.FrameSpan;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.net.TransportPacket;
import org.turnladder.net.TransportPacket.TcpHeader;
import org.turnladder.sip.SipMessage;
import org.turnladder.stun.StunMessage;
import org.turnladder.tcp.TcpReassembler;

class TcpStreamDecoderTest {
    static final Endpoint CMS = Endpoint.parse("127.0.0.3:40000");
    static final Endpoint CMS_DATA = Endpoint.parse("127.0.0.3:40001");
    static final Endpoint EXPRESSWAY = Endpoint.parse("127.0.0.2:3478");

    final List<DecodedMessage> messages = new ArrayList<>();
    final TcpFraming framing = new TcpFraming(messages::add, new TurnServers());
    final TcpReassembler tcp = new TcpReassembler(framing);
    long frame;
    long clientSeq = 1001;
    long serverSeq = 5001;

    /** Opens a connection; afterwards {@link #send} continues each direction's sequence numbers. */
    void open(Endpoint client, Endpoint server) {
        segment(client, server, 1000, TcpHeader.SYN, new byte[0]);
        segment(server, client, 5000, TcpHeader.SYN | TcpHeader.ACK, new byte[0]);
        clientSeq = 1001;
        serverSeq = 5001;
    }

    void send(Endpoint src, Endpoint dst, boolean fromClient, byte[]... segments) {
        for (byte[] s : segments) {
            long seq = fromClient ? clientSeq : serverSeq;
            segment(src, dst, seq, TcpHeader.ACK | TcpHeader.PSH, s);
            if (fromClient) {
                clientSeq += s.length;
            } else {
                serverSeq += s.length;
            }
        }
    }

    void segment(Endpoint src, Endpoint dst, long seq, int flags, byte[] payload) {
        frame++;
        tcp.segment(new TransportPacket(frame, frame * 1000, src, dst, Transport.TCP, payload, 0, payload.length,
                List.of(new FrameSpan(frame, 66, payload.length)), new TcpHeader(seq, 0, flags, 100), null,
                List.of()));
    }

    static byte[][] split(byte[] b, int... cuts) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int c : cuts) {
            parts.add(Arrays.copyOfRange(b, from, c));
            from = c;
        }
        parts.add(Arrays.copyOfRange(b, from, b.length));
        return parts.toArray(new byte[0][]);
    }

    StunMessage stun(int i) {
        return (StunMessage) messages.get(i).payload();
    }

    TcpFlowSummary flowSummary(int id) {
        tcp.flush();
        return framing.endedFlows().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    @Test
    void plainStunStreamMessagesAreCutByTheirLengthWhateverTheSegments() {
        open(CMS, EXPRESSWAY);
        byte[] a = TestStun.of(TestStun.ALLOCATE_REQUEST, 1).build();
        byte[] b = TestStun.of(TestStun.ALLOCATE_REQUEST, 2).username("user").build();
        byte[] both = concat(a, b);
        send(CMS, EXPRESSWAY, true, split(both, 10, a.length + 3, a.length + 30));
        assertThat(messages).hasSize(2);
        assertThat(messages).allSatisfy(m -> assertThat(m.framing()).isEqualTo(Framing.STREAM));
        assertThat(messages.get(0).frame()).isEqualTo(4); // the second segment completes the first message
        assertThat(messages.get(1).frame()).isEqualTo(6);
        assertThat(messages.get(1).spans()).containsExactly(new FrameSpan(4, 66 + a.length - 10, 3),
                new FrameSpan(5, 66, 27), new FrameSpan(6, 66, b.length - 30));
        assertThat(stun(1).username()).contains("user");
        assertThat(flowSummary(0).label()).isEqualTo("STUN/TURN");
    }

    @Test
    void rfc4571FramedChecksAreDecodedWithoutTheirLengthPrefix() {
        open(CMS, EXPRESSWAY);
        byte[] check = TestStun.of(TestStun.BINDING_REQUEST, 3).username("abcd:efgh").rfc4571();
        send(CMS, EXPRESSWAY, true, check);
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.framing()).isEqualTo(Framing.RFC4571);
            assertThat(m.spans()).containsExactly(new FrameSpan(3, 68, check.length - 2));
        });
    }

    @Test
    void msTurnFramesAfterAPseudoTlsHelloAreDecoded() {
        Endpoint client = Endpoint.parse("127.0.0.9:50000");
        Endpoint edge = Endpoint.parse("127.0.0.10:443");
        open(client, edge);
        byte[] hello = new byte[50];
        System.arraycopy(new byte[] {0x16, 3, 1, 0, 0x2D, 1, 0, 0, 0x29, 3, 1}, 0, hello, 0, 11);
        hello[45] = 2;
        hello[47] = 0x18;
        hello[48] = 1;
        byte[] allocate = TestStun.of(TestStun.ALLOCATE_REQUEST, 4).msTurn().build();
        byte[] check = TestStun.of(TestStun.BINDING_REQUEST, 5).rfc4571();
        send(client, edge, true, concat(hello, TestStun.msFrame(2, allocate)), TestStun.msFrame(3, check));
        assertThat(messages).hasSize(2);
        assertThat(stun(0).dialect().json()).isEqualTo("ms-turn");
        assertThat(messages).allSatisfy(m -> assertThat(m.framing()).isEqualTo(Framing.MS_TURN));
        assertThat(stun(1).methodName()).isEqualTo("Binding");
        assertThat(flowSummary(0).label()).isEqualTo("MS-TURN (pseudo-TLS)");
    }

    @Test
    void afterConnectionBindSucceedsTheConnectionCarriesThePeersChecksAndThenData() {
        open(CMS_DATA, EXPRESSWAY);
        send(CMS_DATA, EXPRESSWAY, true, TestStun.of(TestStun.CONNECTION_BIND_REQUEST, 6).connectionId(77).build());
        byte[] success = TestStun.of(TestStun.CONNECTION_BIND_SUCCESS, 6).build();
        byte[] peerCheck = TestStun.of(TestStun.BINDING_REQUEST, 7).username("cms:sfb").rfc4571();
        // The peer's check arrives in the same segment as the bind success.
        send(EXPRESSWAY, CMS_DATA, false, concat(success, peerCheck));
        send(CMS_DATA, EXPRESSWAY, true, TestStun.of(TestStun.BINDING_SUCCESS, 7).rfc4571(),
                TestStun.of(TestStun.BINDING_REQUEST, 8).username("sfb:cms").rfc4571());
        send(EXPRESSWAY, CMS_DATA, false, TestStun.of(TestStun.BINDING_SUCCESS, 8).rfc4571());
        send(CMS_DATA, EXPRESSWAY, true, TestStun.framed(TestStun.rtp(200, 1)), TestStun.framed(TestStun.rtp(300, 2)));
        send(EXPRESSWAY, CMS_DATA, false, TestStun.framed(TestStun.rtp(100, 1)));

        assertThat(messages).extracting(m -> m.framing().json())
                .containsExactly("stream", "stream", "relayed", "relayed", "relayed", "relayed");
        assertThat(messages).extracting(m -> ((StunMessage) m.payload()).typeHex())
                .containsExactly("0x000b", "0x010b", "0x0001", "0x0101", "0x0001", "0x0101");
        TcpFlowSummary f = flowSummary(0);
        assertThat(f.label()).isEqualTo("RFC 6062 data");
        assertThat(f.bound()).isTrue();
        assertThat(f.connectionId()).isEqualTo(77);
        assertThat(f.relayedStun()).isEqualTo(4);
        assertThat(f.appBytesOut()).isEqualTo(2 + 200 + 2 + 300);
        assertThat(f.appBytesIn()).isEqualTo(2 + 100);
    }

    @Test
    void aFailedConnectionBindLeavesTheConnectionAsTurn() {
        open(CMS_DATA, EXPRESSWAY);
        send(CMS_DATA, EXPRESSWAY, true, TestStun.of(TestStun.CONNECTION_BIND_REQUEST, 6).connectionId(1).build());
        send(EXPRESSWAY, CMS_DATA, false, TestStun.of(TestStun.CONNECTION_BIND_ERROR, 6)
                .attr(0x0009, new byte[] {0, 0, 4, 0}).build());
        send(CMS_DATA, EXPRESSWAY, true, TestStun.of(TestStun.CONNECTION_BIND_REQUEST, 9).connectionId(1).build());
        assertThat(messages).extracting(m -> m.framing().json()).containsExactly("stream", "stream", "stream");
        assertThat(flowSummary(0).bound()).isFalse();
    }

    @Test
    void relayedDataThatIsNotRfc4571IsCountedNotDecoded() {
        open(CMS_DATA, EXPRESSWAY);
        send(CMS_DATA, EXPRESSWAY, true, TestStun.of(TestStun.CONNECTION_BIND_REQUEST, 6).connectionId(5).build());
        send(EXPRESSWAY, CMS_DATA, false, TestStun.of(TestStun.CONNECTION_BIND_SUCCESS, 6).build());
        byte[] raw = "hello peer, plain bytes".getBytes(StandardCharsets.US_ASCII);
        send(CMS_DATA, EXPRESSWAY, true, raw, raw);
        assertThat(messages).hasSize(2);
        assertThat(flowSummary(0).appBytesOut()).isEqualTo(2L * raw.length);
    }

    @Test
    void sipOverTcpIsCutByContentLength() {
        Endpoint a = Endpoint.parse("127.0.0.7:5060");
        Endpoint b = Endpoint.parse("127.0.0.8:45000");
        open(b, a);
        String body = "v=0\r\no=- 0 1 IN IP4 127.0.0.8\r\ns=-\r\nc=IN IP4 127.0.0.8\r\nt=0 0\r\n"
                + "m=applicationsharing 5000 TCP/RTP/AVP 127\r\n";
        String invite = "INVITE sip:cms@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.8:45000\r\n"
                + "Call-ID: abc@x\r\nCSeq: 1 INVITE\r\nFrom: <sip:a@x>;tag=1\r\nTo: <sip:cms@example.com>\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        String options = "OPTIONS sip:x SIP/2.0\r\nCall-ID: o@x\r\nCSeq: 2 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        byte[] all = (invite + "\r\n\r\n" + options).getBytes(StandardCharsets.US_ASCII);
        send(b, a, true, split(all, 40, invite.length() - 5));
        assertThat(messages).hasSize(2);
        assertThat(((SipMessage) messages.get(0).payload()).hasApplicationSharing()).isTrue();
        assertThat(((SipMessage) messages.get(1).payload()).method()).isEqualTo("OPTIONS");
    }

    @Test
    void tlsIsLabelledAndNotBuffered() {
        Endpoint a = Endpoint.parse("127.0.0.7:5061");
        Endpoint b = Endpoint.parse("127.0.0.8:45001");
        open(b, a);
        byte[] clientHello = new byte[300];
        System.arraycopy(new byte[] {0x16, 3, 1, 1, 0x27, 1, 0, 1, 0x23, 3, 3}, 0, clientHello, 0, 11);
        send(b, a, true, clientHello);
        assertThat(tcp.connections().get(0).firstDirection().ignored()).isTrue();
        assertThat(messages).isEmpty();
        assertThat(flowSummary(0).label()).isEqualTo("TLS");
    }

    @Test
    void trafficWithNothingToDecodeIsClassifiedAtOnceAndNotBuffered() {
        Endpoint a = Endpoint.parse("127.0.0.7:80");
        Endpoint b = Endpoint.parse("127.0.0.8:45002");
        open(b, a);
        send(b, a, true, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(tcp.connections().get(0).firstDirection().ignored()).isTrue();
        assertThat(tcp.connections().get(0).firstDirection().buffer().available()).isZero();
    }

    @Test
    void afterLostBytesTheNextMessageIsFoundAndCarriesAWarning() {
        open(CMS, EXPRESSWAY);
        byte[] a = TestStun.of(TestStun.ALLOCATE_REQUEST, 1).build();
        byte[] b = TestStun.of(TestStun.ALLOCATE_REQUEST, 2).build();
        byte[] c = TestStun.of(TestStun.ALLOCATE_REQUEST, 3).build();
        send(CMS, EXPRESSWAY, true, a);
        byte[] bc = concat(b, c);
        // the first 10 bytes of b are never captured; the server acknowledges them
        clientSeq += 10;
        tcp.segment(new TransportPacket(++frame, 0, EXPRESSWAY, CMS, Transport.TCP, new byte[0], 0, 0, List.of(),
                new TcpHeader(serverSeq, clientSeq, TcpHeader.ACK, 1), null, List.of()));
        send(CMS, EXPRESSWAY, true, Arrays.copyOfRange(bc, 10, bc.length));
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).warnings()).singleElement().asString().contains("10 bytes");
        assertThat(stun(1).transactionId()).isEqualTo(((StunMessage) TestStunDecoded.of(c)).transactionId());
    }

    @Test
    void aCaptureStartingInsideAMessageResumesAtTheNextOne() {
        byte[] a = TestStun.of(TestStun.ALLOCATE_REQUEST, 1).build();
        byte[] b = TestStun.of(TestStun.ALLOCATE_REQUEST, 2).build();
        byte[] tail = concat(Arrays.copyOfRange(a, 7, a.length), b);
        segment(CMS, EXPRESSWAY, 424242, TcpHeader.ACK, tail);
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.warnings()).isNotEmpty();
            assertThat(((StunMessage) m.payload()).transactionId())
                    .isEqualTo(((StunMessage) TestStunDecoded.of(b)).transactionId());
        });
    }
}
