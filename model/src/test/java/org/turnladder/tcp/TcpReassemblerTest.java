package org.turnladder.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.turnladder.capture.FrameSpan;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.net.TransportPacket;
import org.turnladder.net.TransportPacket.TcpHeader;

class TcpReassemblerTest {
    static final Endpoint CLIENT = Endpoint.parse("127.0.0.3:40000");
    static final Endpoint SERVER = Endpoint.parse("127.0.0.2:3478");

    /** Collects each direction's bytes, and marks gaps with '|' so tests can see where bytes were lost. */
    static final class Recorder implements TcpReassembler.Listener {
        final Map<Endpoint, ByteArrayOutputStream> bySource = new HashMap<>();
        final List<Long> ended = new ArrayList<>();
        final List<Long> lostBytes = new ArrayList<>();

        @Override
        public void connectionOpened(TcpConnection c) {
            for (TcpDirection d : List.of(c.firstDirection(), c.secondDirection())) {
                d.setConsumer(new StreamConsumer() {
                    @Override
                    public void onData(TcpDirection dir) {
                        StreamBuffer b = dir.buffer();
                        out(dir).write(b.array(), b.start(), b.available());
                        b.consume(b.available());
                    }

                    @Override
                    public void onGap(TcpDirection dir, long lost) {
                        lostBytes.add(lost);
                        out(dir).write('|');
                    }
                });
            }
        }

        ByteArrayOutputStream out(TcpDirection d) {
            return bySource.computeIfAbsent(d.src(), k -> new ByteArrayOutputStream());
        }

        String from(Endpoint e) {
            return bySource.getOrDefault(e, new ByteArrayOutputStream()).toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void connectionEnded(TcpConnection c) {
            ended.add(c.id());
        }
    }

    final Recorder recorder = new Recorder();
    final TcpReassembler tcp = new TcpReassembler(recorder);
    long frame;

    void send(Endpoint src, Endpoint dst, long seq, int flags, String data) {
        send(src, dst, seq, 0, flags, data);
    }

    void send(Endpoint src, Endpoint dst, long seq, long ack, int flags, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        frame++;
        tcp.segment(new TransportPacket(frame, frame * 1_000_000L, src, dst, Transport.TCP, bytes, 0, bytes.length,
                List.of(new FrameSpan(frame, 54, bytes.length)), new TcpHeader(seq & 0xFFFFFFFFL, ack, flags, 1000),
                null, List.of()));
    }

    void handshake(long clientIsn, long serverIsn) {
        send(CLIENT, SERVER, clientIsn, TcpHeader.SYN, "");
        send(SERVER, CLIENT, serverIsn, clientIsn + 1, TcpHeader.SYN | TcpHeader.ACK, "");
    }

    @Test
    void inOrderSegmentsAreDeliveredAsOneStreamPerDirection() {
        handshake(1000, 5000);
        send(CLIENT, SERVER, 1001, TcpHeader.ACK, "hello ");
        send(CLIENT, SERVER, 1007, TcpHeader.ACK, "world");
        send(SERVER, CLIENT, 5001, TcpHeader.ACK, "ok");
        assertThat(recorder.from(CLIENT)).isEqualTo("hello world");
        assertThat(recorder.from(SERVER)).isEqualTo("ok");
    }

    @Test
    void retransmissionsAndOverlapsAreDeliveredOnce() {
        handshake(1000, 5000);
        send(CLIENT, SERVER, 1001, TcpHeader.ACK, "abcd");
        send(CLIENT, SERVER, 1001, TcpHeader.ACK, "abcd");
        send(CLIENT, SERVER, 1003, TcpHeader.ACK, "cdef");
        assertThat(recorder.from(CLIENT)).isEqualTo("abcdef");
    }

    @Test
    void outOfOrderSegmentsWaitForTheHoleToFill() {
        handshake(1000, 5000);
        send(CLIENT, SERVER, 1005, TcpHeader.ACK, "efgh");
        send(CLIENT, SERVER, 1009, TcpHeader.ACK, "ij");
        assertThat(recorder.from(CLIENT)).isEmpty();
        send(CLIENT, SERVER, 1001, TcpHeader.ACK, "abcd");
        assertThat(recorder.from(CLIENT)).isEqualTo("abcdefghij");
    }

    @Test
    void aHoleTheReceiverAcknowledgedIsLostAndReportedAsAGap() {
        handshake(1000, 5000);
        send(CLIENT, SERVER, 1001, TcpHeader.ACK, "abcd");
        // "efgh" was never captured; the server acknowledges it anyway.
        send(SERVER, CLIENT, 5001, 1009, TcpHeader.ACK, "");
        send(CLIENT, SERVER, 1009, TcpHeader.ACK, "ijkl");
        assertThat(recorder.from(CLIENT)).isEqualTo("abcd|ijkl");
        assertThat(recorder.lostBytes).containsExactly(4L);
    }

    @Test
    void aHoleNobodyFillsIsGivenUpAtTheEndOfTheCapture() {
        handshake(1000, 5000);
        send(CLIENT, SERVER, 1001, TcpHeader.ACK, "ab");
        send(CLIENT, SERVER, 1010, TcpHeader.ACK, "xyz");
        tcp.flush();
        assertThat(recorder.from(CLIENT)).isEqualTo("ab|xyz");
        assertThat(recorder.ended).containsExactly(0L);
    }

    @Test
    void tooMuchWaitingDataGivesUpTheHole() {
        handshake(1000, 5000);
        long seq = 2000;
        String chunk = "x".repeat(1000);
        for (int i = 0; i <= TcpDirection.MAX_PENDING_SEGMENTS; i++) {
            send(CLIENT, SERVER, seq, TcpHeader.ACK, chunk);
            seq += chunk.length();
        }
        assertThat(recorder.from(CLIENT)).startsWith("|x").hasSize(1 + 1000 * (TcpDirection.MAX_PENDING_SEGMENTS + 1));
    }

    @Test
    void aCaptureStartingMidConnectionStartsAtTheFirstByteSeenAndSaysSo() {
        send(CLIENT, SERVER, 777777, TcpHeader.ACK, "middle");
        send(CLIENT, SERVER, 777783, TcpHeader.ACK, "!");
        assertThat(recorder.from(CLIENT)).isEqualTo("|middle!");
        assertThat(recorder.lostBytes).containsExactly(-1L);
    }

    @Test
    void sequenceNumbersWrapAroundZero() {
        handshake(0xFFFFFFFDL, 5000);
        send(CLIENT, SERVER, 0xFFFFFFFEL, TcpHeader.ACK, "ab");
        send(CLIENT, SERVER, 0, TcpHeader.ACK, "cd");
        assertThat(recorder.from(CLIENT)).isEqualTo("abcd");
    }

    @Test
    void dataOnTheSynIsKept() {
        send(CLIENT, SERVER, 100, TcpHeader.SYN, "fast-open");
        assertThat(recorder.from(CLIENT)).isEqualTo("fast-open");
    }

    @Test
    void aNewSynAfterTheConnectionClosedStartsANewConnection() {
        handshake(1000, 5000);
        send(CLIENT, SERVER, 1001, TcpHeader.ACK, "one");
        send(CLIENT, SERVER, 1004, TcpHeader.RST, "");
        handshake(90000, 7000);
        send(CLIENT, SERVER, 90001, TcpHeader.ACK, "two");
        assertThat(recorder.ended).containsExactly(0L);
        assertThat(tcp.connections()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(1));
        assertThat(recorder.from(CLIENT)).isEqualTo("onetwo");
    }

    @Test
    void aRetransmittedSynDoesNotStartANewConnection() {
        send(CLIENT, SERVER, 1000, TcpHeader.SYN, "");
        send(CLIENT, SERVER, 1000, TcpHeader.SYN, "");
        assertThat(tcp.connections()).hasSize(1);
        assertThat(tcp.connections().get(0).initiator()).isEqualTo(CLIENT);
        assertThat(tcp.connections().get(0).handshakeSeen()).isTrue();
    }

    @Test
    void frameSpansPointAtTheSegmentsThatCarriedTheBytes() {
        List<List<FrameSpan>> seen = new ArrayList<>();
        var t = new TcpReassembler(new TcpReassembler.Listener() {
            @Override
            public void connectionOpened(TcpConnection c) {
                c.firstDirection().setConsumer(new StreamConsumer() {
                    @Override
                    public void onData(TcpDirection d) {
                        if (d.buffer().available() >= 6) {
                            seen.add(d.buffer().spans(1, 5));
                            d.buffer().consume(6);
                        }
                    }

                    @Override
                    public void onGap(TcpDirection d, long lost) {
                    }
                });
            }

            @Override
            public void connectionEnded(TcpConnection c) {
            }
        });
        byte[] a = "abc".getBytes(StandardCharsets.US_ASCII);
        t.segment(new TransportPacket(7, 0, CLIENT, SERVER, Transport.TCP, a, 0, 3, List.of(new FrameSpan(7, 66, 3)),
                new TcpHeader(10, 0, TcpHeader.SYN, 0), null, List.of()));
        t.segment(new TransportPacket(9, 0, CLIENT, SERVER, Transport.TCP, a, 0, 3, List.of(new FrameSpan(9, 54, 3)),
                new TcpHeader(14, 0, TcpHeader.ACK, 0), null, List.of()));
        assertThat(seen).containsExactly(List.of(new FrameSpan(7, 67, 2), new FrameSpan(9, 54, 3)));
    }

    @Test
    void aSynAnsweredByRstIsARefusedConnection() {
        send(CLIENT, SERVER, 1000, TcpHeader.SYN, "");
        send(SERVER, CLIENT, 0, 1001, TcpHeader.RST | TcpHeader.ACK, "");
        TcpConnection c = tcp.connections().get(0);
        assertThat(c.refused()).isTrue();
        assertThat(c.synAcked()).isFalse();
        assertThat(c.synCount()).isEqualTo(1);
    }

    @Test
    void retransmittedSynsWithoutAnswerAreCounted() {
        send(CLIENT, SERVER, 1000, TcpHeader.SYN, "");
        send(CLIENT, SERVER, 1000, TcpHeader.SYN, "");
        send(CLIENT, SERVER, 1000, TcpHeader.SYN, "");
        TcpConnection c = tcp.connections().get(0);
        assertThat(c.synCount()).isEqualTo(3);
        assertThat(c.synAcked()).isFalse();
        assertThat(c.refused()).isFalse();
        assertThat(c.lastSynFrame()).isEqualTo(3);
    }

    @Test
    void aResetAfterTheHandshakeIsNotARefusal() {
        handshake(1000, 5000);
        send(SERVER, CLIENT, 5001, TcpHeader.RST, "");
        assertThat(tcp.connections().get(0).refused()).isFalse();
        assertThat(tcp.connections().get(0).synAcked()).isTrue();
    }
}
