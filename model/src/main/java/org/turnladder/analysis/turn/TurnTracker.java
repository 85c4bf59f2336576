package org.turnladder.analysis.turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.FindingSource;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.Framing;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.ChannelDataMessage;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;

/**
 * Follows TURN allocations (per TCP control connection or UDP 5-tuple) and their RFC 6062 connections through a
 * capture, message by message, and says what went wrong. The CONNECTION-ID joins (Connect success /
 * ConnectionAttempt ↔ ConnectionBind on another TCP connection ↔ the relayed address ⇄ peer leg) are made when a
 * snapshot is taken, so they work whatever order the pieces arrive in.
 */
public final class TurnTracker implements FindingSource {
    private static final int MAX_ALLOCATIONS = 10_000;
    private static final int MAX_BINDS = 20_000;
    private static final int MAX_LEGS = 20_000;
    private static final int MAX_BINDS_PER_ID = 4;

    /** An allocation's 5-tuple: the TCP stream id is enough for TCP; UDP has -1 there. */
    private record Key(long connection, Endpoint client, Endpoint server) {
    }

    private record BindKey(Endpoint server, long connectionId) {
    }

    private record LegKey(Endpoint relayed, Endpoint peer) {
    }

    private final Map<Key, AllocationState> current = new HashMap<>();
    private final List<AllocationState> allocations = new ArrayList<>();
    private final Map<Long, AllocationState> byControl = new HashMap<>();
    private final Map<Endpoint, AllocationState> byRelayed = new HashMap<>();
    private final Map<Long, DataBind> bindsByStream = new HashMap<>();
    private final Map<BindKey, List<DataBind>> bindsById = new HashMap<>();
    private final Map<LegKey, PeerLegState> legs = new HashMap<>();
    private final Map<Long, TcpFlowSummary> dataFlows = new HashMap<>();
    private long lastNanos;
    private boolean ended;

    @Override
    public void message(DecodedMessage m) {
        lastNanos = Math.max(lastNanos, m.epochNanos());
        if (m.payload() instanceof ChannelDataMessage cd) {
            channelData(m, cd);
            return;
        }
        if (!(m.payload() instanceof StunMessage s)) {
            return;
        }
        if (m.framing() == Framing.RELAYED) {
            DataBind b = bindsByStream.get(m.connection());
            if (b != null) {
                b.relayedMessages++;
            }
            return;
        }
        if (m.transport() == Transport.TCP) {
            peerLegMessage(m);
        }
        TurnOp op = TurnOp.of(s);
        if (op == TurnOp.NONE) {
            return;
        }
        if (op == TurnOp.CONNECTION_BIND) {
            bind(m, s);
            return;
        }
        boolean fromClient = s.messageClass() == StunClass.REQUEST
                || (s.messageClass() == StunClass.INDICATION && op == TurnOp.SEND);
        Endpoint client = fromClient ? m.src() : m.dst();
        Endpoint server = fromClient ? m.dst() : m.src();
        Key key = new Key(m.transport() == Transport.TCP ? m.connection() : -1, client, server);
        AllocationState a = current.get(key);
        boolean allocate = op == TurnOp.ALLOCATE && s.messageClass() == StunClass.REQUEST;
        if (a == null || (allocate && a.over(m.epochNanos()))) {
            if (allocations.size() >= MAX_ALLOCATIONS) {
                return;
            }
            a = new AllocationState(client, server, m.transport(),
                    m.transport() == Transport.TCP ? m.connection() : -1, m.frame());
            current.put(key, a);
            allocations.add(a);
            if (m.transport() == Transport.TCP) {
                byControl.put(m.connection(), a);
            }
        }
        a.stun(m, s, op);
        if (a.relayed() != null && m.transport() == Transport.TCP && !byRelayed.containsKey(a.relayed())) {
            byRelayed.put(a.relayed(), a);
        }
    }

    private void channelData(DecodedMessage m, ChannelDataMessage cd) {
        long conn = m.transport() == Transport.TCP ? m.connection() : -1;
        AllocationState toServer = current.get(new Key(conn, m.src(), m.dst()));
        if (toServer != null) {
            toServer.channelData(cd.channel(), true, m.frame());
            return;
        }
        AllocationState fromServer = current.get(new Key(conn, m.dst(), m.src()));
        if (fromServer != null) {
            fromServer.channelData(cd.channel(), false, m.frame());
        }
    }

    /** A message between a relayed address and someone else is on the peer leg of a TCP allocation. */
    private void peerLegMessage(DecodedMessage m) {
        PeerLegState leg = null;
        if (byRelayed.containsKey(m.src())) {
            leg = leg(m.src(), m.dst());
        } else if (byRelayed.containsKey(m.dst())) {
            leg = leg(m.dst(), m.src());
        }
        if (leg != null) {
            if (leg.messages++ == 0) {
                leg.stream = m.connection();
                leg.firstFrame = m.frame();
            }
        }
    }

    private PeerLegState leg(Endpoint relayed, Endpoint peer) {
        LegKey k = new LegKey(relayed, peer);
        PeerLegState leg = legs.get(k);
        if (leg == null && legs.size() < MAX_LEGS) {
            leg = new PeerLegState();
            legs.put(k, leg);
        }
        return leg;
    }

    private void bind(DecodedMessage m, StunMessage s) {
        if (m.transport() != Transport.TCP) {
            return; // ConnectionBind only exists on a TCP data connection
        }
        boolean request = s.messageClass() == StunClass.REQUEST;
        DataBind b = bindsByStream.get(m.connection());
        if (b == null) {
            if (bindsByStream.size() >= MAX_BINDS) {
                return;
            }
            b = request ? new DataBind(m.connection(), m.src(), m.dst()) : new DataBind(m.connection(), m.dst(), m.src());
            bindsByStream.put(m.connection(), b);
        }
        switch (s.messageClass()) {
            case REQUEST -> {
                if (b.requestFrame == 0) {
                    b.requestFrame = m.frame();
                    b.requestNanos = m.epochNanos();
                }
                b.integrity |= s.hasMessageIntegrity();
                long cid = s.connectionId().orElse(-1);
                if (cid >= 0 && b.connectionId < 0) {
                    b.connectionId = cid;
                    List<DataBind> same = bindsById.computeIfAbsent(new BindKey(b.server, cid), k -> new ArrayList<>(1));
                    if (same.size() < MAX_BINDS_PER_ID) {
                        same.add(b);
                    }
                }
            }
            case SUCCESS -> {
                b.bound = true;
                b.errorCode = null;
                b.errorReason = null;
                b.responseFrame = m.frame();
                b.responseNanos = m.epochNanos();
            }
            case ERROR -> {
                Integer code = s.errorCode();
                if (code != null && code == 401 && !b.integrity) {
                    return; // challenge: the client retries with credentials on the same connection
                }
                b.errorCode = code == null ? 0 : code;
                b.errorReason = s.errorReason();
                b.responseFrame = m.frame();
                b.responseNanos = m.epochNanos();
            }
            default -> {
            }
        }
    }

    @Override
    public void tcpFlow(TcpFlowSummary f) {
        AllocationState a = byControl.get(f.id());
        if (a != null && f.closed()) {
            // only a real close (FIN both ways or RST) ends the allocation; a summary at the end of the capture
            // of a connection still open does not
            a.controlEnded(f.lastFrame());
        }
        if (bindsByStream.containsKey(f.id())) {
            dataFlows.put(f.id(), f);
        }
        PeerLegState leg = null;
        if (byRelayed.containsKey(f.client())) {
            leg = leg(f.client(), f.server());
        } else if (byRelayed.containsKey(f.server())) {
            leg = leg(f.server(), f.client());
        }
        if (leg != null) {
            leg.flow = f;
        }
    }

    /** Allocations as of the latest message seen (timers count to it). */
    public List<TurnAllocation> allocations() {
        return allocations(lastNanos, ended);
    }

    /** Allocations as of capture time {@code endNanos}; {@code ended}: the capture is over. */
    public List<TurnAllocation> allocations(long endNanos, boolean ended) {
        List<TurnAllocation> out = new ArrayList<>(allocations.size());
        for (AllocationState a : allocations) {
            out.add(a.snapshot(endNanos, ended, this));
        }
        return out;
    }

    @Override
    public List<Finding> findings(long endNanos, boolean ended) {
        this.ended |= ended;
        List<TurnAllocation> snapshot = allocations(endNanos, ended);
        return TurnFindings.of(snapshot, orphanBindErrors(snapshot));
    }

    /** ConnectionBind errors whose CONNECTION-ID no allocation in the capture gave out. */
    private List<DataBind> orphanBindErrors(List<TurnAllocation> snapshot) {
        Set<BindKey> claimed = new HashSet<>();
        for (TurnAllocation a : snapshot) {
            for (TurnConnection c : a.connections()) {
                if (c.connectionId() >= 0) {
                    claimed.add(new BindKey(a.server(), c.connectionId()));
                }
            }
        }
        List<DataBind> out = new ArrayList<>();
        for (DataBind b : bindsByStream.values()) {
            if (b.errorCode != null && !claimed.contains(new BindKey(b.server, b.connectionId))) {
                out.add(b);
            }
        }
        out.sort((x, y) -> Long.compare(x.responseFrame, y.responseFrame));
        return out;
    }

    /** The ConnectionBind for a CONNECTION-ID given out by {@code server}: a successful one if there is one. */
    DataBind bindFor(Endpoint server, long connectionId) {
        List<DataBind> same = bindsById.get(new BindKey(server, connectionId));
        if (same == null) {
            return null;
        }
        for (DataBind b : same) {
            if (b.bound) {
                return b;
            }
        }
        return same.get(0);
    }

    PeerLegState legFor(Endpoint relayed, Endpoint peer) {
        return legs.get(new LegKey(relayed, peer));
    }

    TcpFlowSummary flow(long stream) {
        return dataFlows.get(stream);
    }
}
