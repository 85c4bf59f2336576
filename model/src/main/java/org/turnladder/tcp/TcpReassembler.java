package org.turnladder.tcp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.turnladder.net.Endpoint;
import org.turnladder.net.TransportPacket;
import org.turnladder.net.TransportPacket.TcpHeader;

/**
 * Sorts TCP segments into connections and feeds each direction's in-order bytes to a consumer made for it.
 */
public final class TcpReassembler {

    /** Hears of connections: attaches the consumers of a new one, and learns when one is done with. */
    public interface Listener {
        /** Set the consumers of both directions here. */
        void connectionOpened(TcpConnection connection);

        /** The connection is forgotten (closed and quiet, or at the end of the capture); its buffers are flushed. */
        void connectionEnded(TcpConnection connection);
    }

    /** How long a closed connection is kept for late retransmissions before it is forgotten. */
    private static final long CLOSED_LINGER_NANOS = 60_000_000_000L;
    /** How long a silent, still-open connection is kept. */
    private static final long IDLE_NANOS = 30 * 60_000_000_000L;
    private static final int EVICT_EVERY = 8192;
    /** Silent connections are looked for rarely: that scan walks every connection. */
    private static final int IDLE_SCAN_EVERY = 1 << 20;

    /** Both directions of a connection: equal whichever way round the endpoints are given. */
    private static final class FlowKey {
        private final Endpoint a;
        private final Endpoint b;

        private FlowKey(Endpoint a, Endpoint b) {
            this.a = a;
            this.b = b;
        }

        static FlowKey of(Endpoint x, Endpoint y) {
            return new FlowKey(x, y);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlowKey k && ((a.equals(k.a) && b.equals(k.b)) || (a.equals(k.b) && b.equals(k.a)));
        }

        @Override
        public int hashCode() {
            return a.hashCode() ^ b.hashCode();
        }
    }

    private final Map<FlowKey, TcpConnection> connections = new HashMap<>();
    /** Directions that hold bytes of an unfinished message: few, even in a large capture. */
    private final Set<TcpDirection> holding = new HashSet<>();
    private final Listener listener;
    private long nextId;
    private int sinceEviction;
    private int sinceIdleScan;
    /** Connections that closed, roughly in the order they did: the candidates for eviction. */
    private final ArrayDeque<TcpConnection> closed = new ArrayDeque<>();

    public TcpReassembler(Listener listener) {
        this.listener = listener;
    }

    /** Feeds one TCP segment (ICMP-quoted segments must not come here). */
    public void segment(TransportPacket p) {
        TcpHeader h = p.tcp();
        FlowKey key = FlowKey.of(p.src(), p.dst());
        TcpConnection c = connections.get(key);
        boolean pureSyn = h.has(TcpHeader.SYN) && !h.has(TcpHeader.ACK);
        if (c != null && pureSyn && isNewConnection(c)) {
            connections.remove(key);
            end(c);
            c = null;
        }
        if (c == null) {
            c = new TcpConnection(nextId++, p.src(), p.dst(), p.frame());
            connections.put(key, c);
            listener.connectionOpened(c);
        }
        c.touch(p.frame(), p.epochNanos());
        TcpDirection d = c.from(p.src());
        if (h.has(TcpHeader.SYN)) {
            d.syn(h.seq());
            if (!h.has(TcpHeader.ACK)) {
                c.syn(p.frame(), p.epochNanos());
            } else {
                c.synAck();
            }
        }
        if (h.has(TcpHeader.ACK)) {
            d.reverse().acked(h.ack());
        }
        if (p.payloadLength() > 0) {
            long seq = h.has(TcpHeader.SYN) ? (h.seq() + 1) & 0xFFFFFFFFL : h.seq();
            int frameOffset = p.payloadSpans().isEmpty() ? 0 : p.payloadSpans().get(0).frameOffset();
            d.segment(p.frame(), p.epochNanos(), seq, p.payload(), p.payloadOffset(), p.payloadLength(), frameOffset);
        }
        if (h.has(TcpHeader.FIN)) {
            d.fin();
        }
        if (h.has(TcpHeader.RST)) {
            if (c.synCount() > 0 && !c.synAcked() && !p.src().equals(c.initiator())) {
                c.rstBeforeHandshake();
            }
            c.markReset();
        }
        if (c.closed() && !c.queuedForEviction()) {
            c.queueForEviction();
            closed.addLast(c);
        }
        track(d);
        track(d.reverse());
        if (++sinceEviction >= EVICT_EVERY) {
            sinceEviction = 0;
            evict(p.epochNanos());
        }
    }

    private void track(TcpDirection d) {
        boolean h = d.holding();
        if (h != d.tracked()) {
            d.tracked(h);
            if (h) {
                holding.add(d);
            } else {
                holding.remove(d);
            }
        }
    }

    /**
     * The earliest frame whose bytes some connection still holds, {@code Long.MAX_VALUE} if none: every message
     * from an earlier frame is complete, so messages can be put in capture order up to here.
     */
    public boolean holdingAny() {
        return !holding.isEmpty();
    }

    public long earliestHeldFrame() {
        long f = Long.MAX_VALUE;
        for (TcpDirection d : holding) {
            f = Math.min(f, d.heldFrame());
        }
        return f;
    }

    /**
     * A SYN on a known 4-tuple starts a new connection when the old one ended or carried data; a SYN before any
     * data is a retransmission of the opening one.
     */
    private static boolean isNewConnection(TcpConnection c) {
        return c.closed() || c.firstDirection().bytesSeen() > 0 || c.secondDirection().bytesSeen() > 0;
    }

    /** Forgets connections that closed a while ago or went silent, so memory does not grow with the capture. */
    private void evict(long nowNanos) {
        while (!closed.isEmpty() && nowNanos - closed.peekFirst().lastNanos() > CLOSED_LINGER_NANOS) {
            TcpConnection c = closed.removeFirst();
            if (connections.get(FlowKey.of(c.firstDirection().src(), c.firstDirection().dst())) == c) {
                connections.remove(FlowKey.of(c.firstDirection().src(), c.firstDirection().dst()));
                end(c);
            }
        }
        sinceIdleScan += EVICT_EVERY;
        if (sinceIdleScan < IDLE_SCAN_EVERY) {
            return;
        }
        sinceIdleScan = 0;
        var it = connections.values().iterator();
        while (it.hasNext()) {
            TcpConnection c = it.next();
            if (nowNanos - c.lastNanos() > IDLE_NANOS) {
                it.remove();
                end(c);
            }
        }
    }

    /** Connections still tracked, in the order they started. */
    public List<TcpConnection> connections() {
        List<TcpConnection> all = new ArrayList<>(connections.values());
        all.sort((x, y) -> Long.compare(x.id(), y.id()));
        return all;
    }

    /** End of capture: delivers what waits behind holes and ends every connection. */
    public void flush() {
        List<TcpConnection> all = connections();
        connections.clear();
        for (TcpConnection c : all) {
            end(c);
        }
    }

    private void end(TcpConnection c) {
        c.firstDirection().flush();
        c.secondDirection().flush();
        for (TcpDirection d : new TcpDirection[] {c.firstDirection(), c.secondDirection()}) {
            if (d.tracked()) {
                d.tracked(false);
                holding.remove(d);
            }
        }
        listener.connectionEnded(c);
    }
}
