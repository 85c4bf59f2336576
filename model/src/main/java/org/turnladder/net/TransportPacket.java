package org.turnladder.net;

import java.util.List;
import org.turnladder.capture.FrameSpan;

/**
 * A UDP datagram or TCP segment after link, IP (with fragment reassembly) and transport headers are removed.
 *
 * @param frame       the frame that completed it (the last fragment of a reassembled datagram)
 * @param epochNanos  capture time of that frame
 * @param payload     transport payload bytes (a view: {@code payloadOffset}/{@code payloadLength} inside it)
 * @param payloadSpans where the payload bytes sit in the captured frames, in order
 * @param tcp         TCP header fields, {@code null} for UDP
 * @param icmp        set when this is the datagram quoted inside an ICMP error, {@code null} otherwise
 * @param warnings    problems met while dissecting (truncated headers, bad lengths)
 */
public record TransportPacket(long frame, long epochNanos, Endpoint src, Endpoint dst, Transport transport,
                              byte[] payload, int payloadOffset, int payloadLength, List<FrameSpan> payloadSpans,
                              TcpHeader tcp, IcmpError icmp, List<String> warnings) {

    /** The TCP fields the reassembler needs. */
    public record TcpHeader(long seq, long ack, int flags, int window) {
        public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;

        public boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    /**
     * An ICMP/ICMPv6 error that quotes this packet.
     *
     * @param reporter who sent the ICMP error (address, port 0)
     * @param type     ICMP type (3 = destination unreachable for v4, 1 for v6)
     * @param code     ICMP code (3 = port unreachable for v4, 4 for v6)
     * @param text     e.g. "Destination unreachable (Port unreachable)"
     */
    public record IcmpError(Endpoint reporter, boolean v6, int type, int code, String text) {
    }
}
