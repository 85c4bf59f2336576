package org.turnladder.ladder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.Framing;
import org.turnladder.framing.TurnCarrier;
import org.turnladder.memory.BoundedMap;
import org.turnladder.net.Endpoint;
import org.turnladder.sip.SipMessage;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;
import org.turnladder.stun.ChannelDataMessage;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunMethods;

/**
 * Turns decoded messages, fed one by one in capture order (a file being read or a live capture), into
 * {@link LadderEntry ladder entries}: the arrow label (a response names its request, matched by transaction id and
 * direction), the style, retransmission and keep-alive flags, the TURN session and the SIP call. Keeps what the
 * filters need (sessions, the addresses each call's SDP names). Not thread-safe: feed and read from one thread,
 * or hand over under a lock.
 */
public final class LadderFeed {
    /** Transactions remembered for matching and retransmission detection; older ones are forgotten. */
    private static final int TRANSACTION_MEMORY = 200_000;

    private record Pending(Endpoint src, Endpoint dst, String head, boolean ice, boolean credentials) {
    }

    private record SeenKey(String id, Endpoint src, Endpoint dst) {
    }

    private final GrowingList<LadderEntry> entries = new GrowingList<>();
    private final Map<String, List<Pending>> requests = new BoundedMap<>(TRANSACTION_MEMORY);
    private final Map<SeenKey, Boolean> seen = new BoundedMap<>(TRANSACTION_MEMORY);
    private final SessionTracker sessions = new SessionTracker();
    private final Map<String, Set<Endpoint>> callMedia = new LinkedHashMap<>();
    private DecodedMessage previous;
    private int previousSession = -1;

    /** Makes the entry for the next message and remembers it. */
    public LadderEntry add(DecodedMessage m) {
        // a check decoded from inside a Send/Data indication or ChannelData belongs to its carrier's TURN session
        int session = TurnCarrier.holds(previous, m) ? previousSession : sessions.accept(m);
        previous = m;
        previousSession = session;
        LadderEntry e;
        if (m.payload() instanceof StunMessage stun) {
            e = stun(m, stun, session);
        } else if (m.payload() instanceof ChannelDataMessage cd) {
            e = channelData(m, cd, session);
        } else if (m.payload() instanceof SipMessage sip) {
            e = sip(m, sip, session);
        } else {
            String s = m.payload().summary();
            e = entry(m, s, s, new ArrowStyle(LadderProtocol.STUN, Outcome.NEUTRAL), false, 0, false, false, false,
                    null, session);
        }
        entries.add(e);
        return e;
    }

    /** Every entry so far, in the order fed (a read-only view that grows; see {@link #snapshot()} to freeze it). */
    public List<LadderEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /**
     * The entries so far and copies of what the filters need, to build a ladder from while more is fed: take it
     * where feeding waits (the feeding thread, or under the lock it feeds under); the entries are not copied.
     */
    public LadderSnapshot snapshot() {
        Map<String, Set<Endpoint>> media = new HashMap<>(callMedia.size() * 2);
        callMedia.forEach((id, set) -> media.put(id, Set.copyOf(set)));
        return new LadderSnapshot(entries.snapshot(), sessions.sessions(), media);
    }

    /**
     * A snapshot with only what a filter on this call needs (nothing when {@code callId} is null): enough to build
     * one ladder with those options, cheaper than {@link #snapshot()} for a capture of thousands of sessions.
     */
    LadderSnapshot snapshotFor(String callId) {
        if (callId == null) {
            return new LadderSnapshot(entries.snapshot(), List.of(), Map.of());
        }
        return new LadderSnapshot(entries.snapshot(), sessions.sessions(),
                Map.of(callId, Set.copyOf(callMediaEndpoints(callId))));
    }

    /** TURN allocations seen so far, in order of their first Allocate. */
    public List<TurnSession> turnSessions() {
        return sessions.sessions();
    }

    /** Call-IDs seen so far, in order of appearance. */
    public List<String> callIds() {
        return List.copyOf(callMedia.keySet());
    }

    /** Addresses (candidates, m-line ports) the SDP of a call named; a call filter keeps traffic to and from them. */
    public Set<Endpoint> callMediaEndpoints(String callId) {
        Set<Endpoint> s = callMedia.get(callId);
        return s == null ? Set.of() : Collections.unmodifiableSet(s);
    }

    private LadderEntry stun(DecodedMessage m, StunMessage stun, int session) {
        StunClass cls = stun.messageClass();
        boolean binding = stun.method() == StunMethods.BINDING || stun.method() == StunMethods.GOOG_PING;
        boolean relayed = m.framing() == Framing.RELAYED;
        boolean ice = binding && (relayed || m.framing() == Framing.RFC4571 || m.framing() == Framing.MS_TURN
                || StunLabels.iceAttributes(stun));
        boolean retransmission = seen.put(new SeenKey(stun.transactionId(), m.src(), m.dst()), Boolean.TRUE) != null;
        String label;
        Outcome outcome = Outcome.NEUTRAL;
        if (cls == StunClass.REQUEST || cls == StunClass.INDICATION) {
            label = StunLabels.head(stun);
            if (cls == StunClass.REQUEST) {
                requests.computeIfAbsent(stun.transactionId(), k -> new ArrayList<>(2))
                        .add(new Pending(m.src(), m.dst(), label, ice, stun.hasMessageIntegrity()));
            }
        } else {
            Pending req = match(stun.transactionId(), m);
            ice |= binding && req != null && req.ice;
            String head = req != null ? StunLabels.transactionName(req.head) : stun.methodName();
            if (cls == StunClass.SUCCESS) {
                head = head.replace(" with credentials", ""); // only a failure needs to say it
            }
            label = head + " → " + StunLabels.outcome(stun, binding && !ice);
            outcome = cls == StunClass.SUCCESS ? Outcome.OK : errorOutcome(stun, req);
        }
        if (relayed) {
            label += " (in relay)";
        }
        LadderProtocol protocol = binding ? (ice ? LadderProtocol.ICE : LadderProtocol.STUN) : LadderProtocol.TURN;
        boolean refresh = stun.method() == StunMethods.REFRESH && !label.contains("lifetime=0");
        boolean keepAlive = binding && cls == StunClass.INDICATION;
        boolean response = cls == StunClass.SUCCESS || cls == StunClass.ERROR;
        return entry(m, label, label, new ArrowStyle(protocol, outcome), response, 0, refresh, keepAlive,
                retransmission, null, session);
    }

    /** The request this response answers: same transaction, opposite direction; else the latest with that id. */
    private Pending match(String tid, DecodedMessage response) {
        List<Pending> candidates = requests.get(tid);
        if (candidates == null) {
            return null;
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Pending p = candidates.get(i);
            if (p.src.equals(response.dst()) && p.dst.equals(response.src())) {
                return p;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** A 401 to a request without credentials and a 438 Stale Nonce are the normal challenge, not a failure. */
    private static Outcome errorOutcome(StunMessage stun, Pending req) {
        Integer code = stun.errorCode();
        if (code != null && (code == 438 || (code == 401 && req != null && !req.credentials))) {
            return Outcome.NEUTRAL;
        }
        return Outcome.ERROR;
    }

    private LadderEntry channelData(DecodedMessage m, ChannelDataMessage cd, int session) {
        String channel = cd.msMultiplexed() ? "MS session " + cd.msSessionId() : String.format("0x%04x", cd.channel());
        String key = "ChannelData " + channel;
        String label = key + " (" + cd.dataLength() + " B)";
        return entry(m, label, key, new ArrowStyle(LadderProtocol.CHANNELDATA, Outcome.NEUTRAL), false,
                cd.dataLength(), false, false, false, null, session);
    }

    private LadderEntry sip(DecodedMessage m, SipMessage sip, int session) {
        String callId = sip.callId();
        boolean retransmission = false;
        if (callId != null && !sip.isKeepAlive()) {
            String id = callId + '|' + sip.cseqNumber() + '|' + sip.method() + '|' + sip.statusCode();
            retransmission = seen.put(new SeenKey(id, m.src(), m.dst()), Boolean.TRUE) != null;
            Set<Endpoint> media = callMedia.computeIfAbsent(callId, k -> new HashSet<>());
            for (SdpSession sdp : sip.sdps()) {
                collectMedia(sdp, media);
            }
        }
        String label = SipLabels.label(sip);
        return entry(m, label, label, new ArrowStyle(LadderProtocol.SIP, SipLabels.outcome(sip)), sip.isResponse(),
                0, false, sip.isKeepAlive(), retransmission, callId, session);
    }

    private static void collectMedia(SdpSession sdp, Set<Endpoint> out) {
        for (SdpMedia media : sdp.media()) {
            for (IceCandidate c : media.candidates()) {
                parse(c.endpoint(), out);
                if (c.raddr() != null && c.rport() != null) {
                    parse((c.raddr().indexOf(':') >= 0 ? "[" + c.raddr() + "]" : c.raddr()) + ":" + c.rport(), out);
                }
            }
            if (media.connectionAddress() != null && media.port() > 0) {
                String a = media.connectionAddress();
                parse((a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + media.port(), out);
            }
        }
    }

    /** SDP addresses may be names or garbage; only numeric addresses can match captured traffic. */
    private static void parse(String endpoint, Set<Endpoint> out) {
        String host = endpoint.substring(0, Math.max(0, endpoint.lastIndexOf(':')));
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
            return;
        }
        try {
            out.add(Endpoint.parse(endpoint));
        } catch (IllegalArgumentException e) {
            // not an address after all: the call filter just cannot use it
        }
    }

    private LadderEntry entry(DecodedMessage m, String label, String key, ArrowStyle style, boolean response,
                              long bytes, boolean refresh, boolean keepAlive, boolean retransmission, String callId,
                              int session) {
        if (retransmission) {
            label += " (retransmission)";
            key += " (retransmission)";
        }
        return new LadderEntry(entries.size(), m.frame(), m.epochNanos(), m.src(), m.dst(), label, key, style,
                response, bytes, refresh, keepAlive, retransmission, !m.allWarnings().isEmpty(), callId, session);
    }
}
