package org.turnladder.analysis.ice;

import org.turnladder.net.Endpoint;

/** Running state of one candidate pair; {@code a} is the end that sent the first check seen. */
final class PairState {
    final int index;
    final PairKey key;
    final IceCarrier carrier;
    final Endpoint a;
    final Endpoint b;
    final DirectionState ab;
    final DirectionState ba;
    String ufragA;
    String ufragB;
    long lastActivityNanos;

    PairState(int index, PairKey key, Endpoint a, Endpoint b, long nanos) {
        this.index = index;
        this.key = key;
        this.a = a;
        this.b = b;
        this.carrier = key.path().carried() ? new IceCarrier(key.path().kind(), key.path().carrier(), a, b) : null;
        this.ab = new DirectionState(a, b);
        this.ba = new DirectionState(b, a);
        this.lastActivityNanos = nanos;
    }

    /** The direction of checks sent from {@code src}, {@code null} if {@code src} is neither end. */
    DirectionState sentFrom(Endpoint src) {
        if (src.equals(a)) {
            return ab;
        }
        return src.equals(b) ? ba : null;
    }

    /** The ufrags of a request from {@code src}: the sender's is the part after the colon. */
    void learn(Endpoint src, Ufrags u) {
        if (u == null) {
            return;
        }
        if (src.equals(a)) {
            ufragA = u.sender();
            ufragB = u.receiver();
        } else {
            ufragB = u.sender();
            ufragA = u.receiver();
        }
    }

    /** Which agents this pair belongs to: the ufrag pair, else the two hosts' addresses. */
    String agentGroup() {
        if (key.ufragLow() != null) {
            return "ufrag:" + key.ufragLow() + ":" + key.ufragHigh();
        }
        String x = a.host();
        String y = b.host();
        return "hosts:" + (x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x);
    }
}
