package org.turnladder.framing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.turnladder.capture.FrameSpan;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.net.TransportPacket;
import org.turnladder.net.TransportPacket.TcpHeader;
import org.turnladder.tcp.TcpReassembler;

/**
 * Any sequence of TCP segments and UDP datagrams, in any order, with any bytes: the framing layer never throws,
 * never reports a span outside the frames it was given, and never keeps more than it must.
 */
class StreamFramingFuzzTest {
    static final Endpoint A = Endpoint.parse("127.0.0.3:40000");
    static final Endpoint B = Endpoint.parse("127.0.0.2:3478");

    @FuzzTest(maxDuration = "20s")
    void segmentsInAnyOrder(FuzzedDataProvider data) {
        List<DecodedMessage> out = new ArrayList<>();
        TurnServers servers = new TurnServers();
        TcpFraming framing = new TcpFraming(out::add, servers);
        TcpReassembler tcp = new TcpReassembler(framing);
        UdpDecoder udp = new UdpDecoder(out::add, servers);
        List<Integer> payloadLengths = new ArrayList<>();
        long frame = 0;
        while (data.remainingBytes() > 4 && frame < 200) {
            frame++;
            boolean fromA = data.consumeBoolean();
            int kind = data.consumeInt(0, 9);
            int flags = kind == 0 ? TcpHeader.SYN : kind == 1 ? TcpHeader.FIN | TcpHeader.ACK
                    : kind == 2 ? TcpHeader.RST : TcpHeader.ACK;
            long seq = data.consumeLong(0, 0xFFFFFFFFL);
            long ack = data.consumeLong(0, 0xFFFFFFFFL);
            byte[] payload = data.consumeBytes(data.consumeInt(0, 1500));
            payloadLengths.add(payload.length);
            Endpoint src = fromA ? A : B;
            Endpoint dst = fromA ? B : A;
            var spans = List.of(new FrameSpan(frame, 0, payload.length));
            if (kind == 9) {
                udp.datagram(new TransportPacket(frame, frame, src, dst, Transport.UDP, payload, 0, payload.length,
                        spans, null, null, List.of()));
            } else {
                tcp.segment(new TransportPacket(frame, frame, src, dst, Transport.TCP, payload, 0, payload.length,
                        spans, new TcpHeader(seq, ack, flags, 0), null, List.of()));
            }
        }
        tcp.flush();
        for (DecodedMessage m : out) {
            assertThat(m.frame()).isBetween(1L, frame);
            for (FrameSpan s : m.spans()) {
                assertThat(s.frame()).isBetween(1L, frame);
                assertThat(s.frameOffset()).isNotNegative();
                assertThat(s.frameOffset() + s.length()).isLessThanOrEqualTo(payloadLengths.get((int) s.frame() - 1));
            }
            int total = m.spans().stream().mapToInt(FrameSpan::length).sum();
            m.payload().fields().forEach(f -> assertThat(f.offset() + f.length()).isLessThanOrEqualTo(total));
        }
    }
}
