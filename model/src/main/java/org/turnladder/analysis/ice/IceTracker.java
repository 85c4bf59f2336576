package org.turnladder.analysis.ice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.FindingSource;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TurnCarrier;
import org.turnladder.memory.BoundedMap;
import org.turnladder.net.Endpoint;
import org.turnladder.sip.SipMessage;
import org.turnladder.stun.Dialect;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunMethods;

/**
 * The ICE check matrix: every candidate pair that STUN Binding checks travel on (UDP, ICE-TCP, inside relayed TCP:
 * RFC 6062 data connections and MS-TURN 0x03 frames, and inside a TURN relay's Send/Data indications and
 * ChannelData, where the decoder addresses them between the TURN client and the peer), per direction requests, responses, USE-CANDIDATE and
 * round-trip times, linked to the SDP candidates seen in SIP. Fed message by message; keeps counters per pair and
 * a bounded set of open transactions, never the messages.
 *
 * <p>A Binding request counts as a check when it carries USERNAME, PRIORITY or an ICE role attribute; a bare
 * Binding to a STUN/TURN server does not.
 */
public final class IceTracker implements FindingSource {
    public static final String CHECK_UNANSWERED = "ice.check-unanswered";
    public static final String ONE_WAY = "ice.one-way";
    public static final String NO_WORKING_PAIR = "ice.no-working-pair";
    public static final String ROLE_CONFLICT = "ice.role-conflict";

    static final int ICE_CONTROLLED = 0x8029;
    static final int ICE_CONTROLLING = 0x802A;
    private static final int MAX_PAIRS = 10_000;
    private static final int MAX_TRANSACTIONS = 65_536;

    private record TxKey(CheckPath path, String transactionId) {
    }

    private final Map<PairKey, PairState> pairs = new LinkedHashMap<>();
    private final Map<TxKey, PairState> byTransaction = new BoundedMap<>(MAX_TRANSACTIONS);
    private final Map<CheckPath, PairState> latestOnPath = new BoundedMap<>(MAX_PAIRS, true);
    private final CandidateIndex candidates = new CandidateIndex();
    private long droppedChecks;
    /** The message before: when it is a TURN Send/Data indication or ChannelData, the next may be its check. */
    private DecodedMessage previous;

    @Override
    public void message(DecodedMessage m) {
        // A carrier itself is never a check (Send/Data are not Binding, ChannelData is not STUN): only its inner one is.
        boolean insideTurn = TurnCarrier.isInner(previous, m);
        previous = m;
        if (m.payload() instanceof SipMessage sip) {
            candidates.sip(m, sip);
            return;
        }
        if (!(m.payload() instanceof StunMessage s) || s.dialect() == Dialect.MS_TURN
                || s.method() != StunMethods.BINDING) {
            return;
        }
        CheckPath path = CheckPath.of(m, insideTurn);
        switch (s.messageClass()) {
            case REQUEST -> request(m, s, path);
            case SUCCESS, ERROR -> response(m, s, path);
            case INDICATION -> indication(m, path);
        }
    }

    /** The pairs seen so far, in the order of their first check. */
    public List<IcePair> pairs() {
        List<IcePair> out = new ArrayList<>(pairs.size());
        for (PairState p : pairs.values()) {
            out.add(snapshot(p));
        }
        return out;
    }

    /** Checks not tracked because the pair limit was reached (a capture with more than 10 000 pairs). */
    public long droppedChecks() {
        return droppedChecks;
    }

    @Override
    public List<Finding> findings(long endNanos, boolean ended) {
        List<PairState> states = new ArrayList<>(pairs.values());
        List<IcePair> snapshots = new ArrayList<>(states.size());
        for (PairState p : states) {
            snapshots.add(snapshot(p));
        }
        return new IceDiagnosis(states, snapshots, endNanos, ended).findings();
    }

    private void request(DecodedMessage m, StunMessage s, CheckPath path) {
        Ufrags u = Ufrags.of(s).orElse(null);
        if (u == null && s.priority().isEmpty() && role(s) == null) {
            return; // a Binding to a STUN/TURN server, not an ICE check
        }
        PairKey key = PairKey.of(path, u);
        PairState pair = pairs.get(key);
        if (pair == null) {
            if (pairs.size() >= MAX_PAIRS) {
                droppedChecks++;
                return;
            }
            pair = new PairState(pairs.size() + 1, key, m.src(), m.dst(), m.epochNanos());
            pairs.put(key, pair);
        }
        DirectionState d = pair.sentFrom(m.src());
        if (d == null) {
            return;
        }
        pair.learn(m.src(), u);
        d.request(s.transactionId(), m.frame(), m.epochNanos(), s.useCandidate(), role(s), s.msIce2(), icmp(m));
        pair.lastActivityNanos = m.epochNanos();
        byTransaction.put(new TxKey(path, s.transactionId()), pair);
        latestOnPath.put(path, pair);
    }

    private void response(DecodedMessage m, StunMessage s, CheckPath path) {
        PairState pair = byTransaction.get(new TxKey(path, s.transactionId()));
        if (pair == null) {
            // request not seen (capture started late, or forgotten): a USERNAME in the response (libnice sends
            // one) names the pair, else the pair last checked on this path takes it
            pair = Ufrags.of(s).map(u -> pairs.get(PairKey.of(path, u))).orElse(null);
            if (pair == null) {
                pair = latestOnPath.get(path);
            }
            if (pair == null) {
                return;
            }
        }
        DirectionState d = pair.sentFrom(m.dst()); // the response goes back to whoever sent the request
        if (d == null) {
            return;
        }
        d.response(s.transactionId(), s.messageClass() == StunClass.SUCCESS, s.errorCode(),
                s.mappedAddress().orElse(null), m.frame(), m.epochNanos(), s.msIce2());
        pair.lastActivityNanos = m.epochNanos();
    }

    private void indication(DecodedMessage m, CheckPath path) {
        PairState pair = latestOnPath.get(path);
        if (pair == null) {
            return;
        }
        DirectionState d = pair.sentFrom(m.src());
        if (d != null) {
            d.indication();
        }
    }

    private static IceRole role(StunMessage s) {
        if (s.attribute(ICE_CONTROLLING).isPresent()) {
            return IceRole.CONTROLLING;
        }
        return s.attribute(ICE_CONTROLLED).isPresent() ? IceRole.CONTROLLED : null;
    }

    /** The decoder's note that an ICMP error quoted this datagram, {@code null} if none. */
    private static String icmp(DecodedMessage m) {
        for (String w : m.warnings()) {
            if (w.contains("ICMP")) {
                return w;
            }
        }
        return null;
    }

    private IcePair snapshot(PairState p) {
        var transport = p.key.path().transport();
        IceSide a = side(p, p.a, p.ufragA, p.ab);
        IceSide b = side(p, p.b, p.ufragB, p.ba);
        return new IcePair(p.index, transport, p.carrier, a, b, p.ab.snapshot(), p.ba.snapshot());
    }

    /** One end; {@code own} is the direction of its checks, whose successes say how the far agent saw it. */
    private IceSide side(PairState p, Endpoint endpoint, String ufrag, DirectionState own) {
        List<Endpoint> seenAs = List.copyOf(own.seenAs);
        return new IceSide(endpoint, ufrag, seenAs, candidates.agent(ufrag),
                candidates.lookup(p.key.path().transport(), endpoint, seenAs, ufrag));
    }
}
