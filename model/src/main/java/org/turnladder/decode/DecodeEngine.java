package org.turnladder.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.turnladder.capture.RawPacket;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.framing.TcpFraming;
import org.turnladder.framing.TurnServers;
import org.turnladder.framing.UdpDecoder;
import org.turnladder.net.PacketDissector;
import org.turnladder.net.Transport;
import org.turnladder.net.TransportPacket;
import org.turnladder.tcp.TcpReassembler;

/**
 * The decoding pipeline for one capture: frames in, decoded messages out, in capture order of their completing
 * frames. Fed one frame at a time, so a file and a live interface go through the same path; holds only what
 * incomplete TCP messages and IP fragments need.
 */
public final class DecodeEngine {
    /** How long (capture time) a complete message may wait for an earlier, unfinished one. */
    private static final long MAX_HOLD_NANOS = 2_000_000_000L;
    private final PacketDissector dissector = new PacketDissector();
    private final TurnServers turnServers = new TurnServers();
    private final TcpFraming tcpFraming;
    private final TcpReassembler tcp;
    private final UdpDecoder udp;
    private final CaptureOrder order;
    private long frames;
    /** Waiting messages are looked at every few frames: finding the earliest held frame walks the holders. */
    private static final int RELEASE_EVERY = 32;
    private int sinceRelease;

    public DecodeEngine(MessageSink sink) {
        this(sink, f -> { });
    }

    /**
     * @param flowSink hears of each TCP connection once it has ended (closed and quiet, or at the end of the capture),
     *                 when it was recognised or failed to open
     */
    public DecodeEngine(MessageSink sink, Consumer<TcpFlowSummary> flowSink) {
        this.order = new CaptureOrder(sink);
        this.tcpFraming = new TcpFraming(order, turnServers, flowSink);
        this.tcp = new TcpReassembler(tcpFraming);
        this.udp = new UdpDecoder(order, turnServers);
    }

    public void accept(RawPacket raw) {
        frames++;
        TransportPacket p = dissector.dissect(raw);
        if (p == null) {
            return;
        }
        if (p.transport() == Transport.UDP) {
            udp.datagram(p);
        } else if (p.icmp() == null) {
            tcp.segment(p);
        }
        if (order.waiting() && (++sinceRelease >= RELEASE_EVERY || !tcp.holdingAny())) {
            sinceRelease = 0;
            order.release(tcp.earliestHeldFrame(), raw.epochNanos() - MAX_HOLD_NANOS);
        }
    }

    /** End of input: delivers what waits behind TCP holes. */
    public void finish() {
        tcp.flush();
        order.release(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    public long frames() {
        return frames;
    }

    /**
     * TCP connections that were recognised (TLS, STUN/TURN, RFC 6062 data, …) or failed to open, once they have
     * ended.
     */
    public List<TcpFlowSummary> tcpFlows() {
        return tcpFraming.endedFlows();
    }

    /** Problems met below the messages (unsupported link types, bad IP headers), without repeats. */
    public List<String> warnings() {
        return new ArrayList<>(dissector.warnings());
    }
}
