package org.turnladder.ladder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunMethods;

/**
 * Follows TURN allocations through a capture: an Allocate request opens a session on its control connection
 * (TCP) or 5-tuple (UDP); the Allocate success gives the relayed address; Connect successes and
 * ConnectionAttempts give CONNECTION-IDs; a ConnectionBind with one of those ids ties its TCP connection to the
 * session. A message belongs to a session when it travels on the control connection, on a bound data connection,
 * or to/from the relayed address (the relay ⇄ peer leg).
 */
final class SessionTracker {
    private static final class Session {
        final int id;
        final Endpoint client;
        final Endpoint server;
        final Transport transport;
        final long control;
        final long firstFrame;
        Endpoint relayed;
        final List<Long> cids = new ArrayList<>(2);
        final List<Long> data = new ArrayList<>(2);

        Session(int id, DecodedMessage m) {
            this.id = id;
            this.client = m.src();
            this.server = m.dst();
            this.transport = m.transport();
            this.control = m.transport() == Transport.TCP ? m.connection() : -1;
            this.firstFrame = m.frame();
        }

        TurnSession snapshot() {
            return new TurnSession(id, client, server, transport, control, relayed, firstFrame, cids, data);
        }
    }

    private record UdpKey(Endpoint client, Endpoint server) {
    }

    private final List<Session> sessions = new ArrayList<>();
    private final Map<Long, Session> byTcpConnection = new HashMap<>();
    private final Map<UdpKey, Session> byUdp = new HashMap<>();
    private final Map<Endpoint, Session> byRelayed = new HashMap<>();
    private final Map<Long, Session> byCid = new HashMap<>();

    /** Updates the sessions with this message and says which session it belongs to (-1: none). */
    int accept(DecodedMessage m) {
        Session s = lookup(m);
        if (m.payload() instanceof StunMessage stun) {
            s = track(m, stun, s);
        }
        return s == null ? -1 : s.id;
    }

    List<TurnSession> sessions() {
        List<TurnSession> out = new ArrayList<>(sessions.size());
        for (Session s : sessions) {
            out.add(s.snapshot());
        }
        return out;
    }

    private Session lookup(DecodedMessage m) {
        Session s;
        if (m.transport() == Transport.TCP) {
            s = byTcpConnection.get(m.connection());
        } else {
            s = byUdp.get(new UdpKey(m.src(), m.dst()));
            if (s == null) {
                s = byUdp.get(new UdpKey(m.dst(), m.src()));
            }
        }
        if (s == null && !byRelayed.isEmpty()) {
            s = byRelayed.get(m.src());
            if (s == null) {
                s = byRelayed.get(m.dst());
            }
        }
        return s;
    }

    private Session track(DecodedMessage m, StunMessage stun, Session s) {
        int method = stun.method();
        StunClass cls = stun.messageClass();
        if (method == StunMethods.ALLOCATE && cls == StunClass.REQUEST && s == null) {
            s = new Session(sessions.size(), m);
            sessions.add(s);
            if (m.transport() == Transport.TCP) {
                byTcpConnection.put(m.connection(), s);
            } else {
                byUdp.put(new UdpKey(m.src(), m.dst()), s);
            }
            return s;
        }
        if (method == StunMethods.CONNECTION_BIND && cls == StunClass.REQUEST && m.transport() == Transport.TCP) {
            Session owner = stun.connectionId().isPresent() ? byCid.get(stun.connectionId().getAsLong()) : null;
            if (owner != null && !owner.data.contains(m.connection())) {
                owner.data.add(m.connection());
                byTcpConnection.put(m.connection(), owner);
                return owner;
            }
            return s;
        }
        if (s == null) {
            return null;
        }
        if (method == StunMethods.ALLOCATE && cls == StunClass.SUCCESS && s.relayed == null) {
            Session owner = s;
            stun.relayedAddress().ifPresent(r -> {
                owner.relayed = r;
                byRelayed.putIfAbsent(r, owner);
            });
        }
        boolean cidCarrier = (method == StunMethods.CONNECT && cls == StunClass.SUCCESS)
                || (method == StunMethods.CONNECTION_ATTEMPT && cls == StunClass.INDICATION);
        if (cidCarrier && stun.connectionId().isPresent()) {
            long cid = stun.connectionId().getAsLong();
            if (byCid.putIfAbsent(cid, s) == null) {
                s.cids.add(cid);
            }
        }
        return s;
    }
}
