package org.turnladder.ladder;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the ladder shows: which protocols, optionally one SIP call or one TURN session, whether refreshes,
 * keep-alives and retransmissions are hidden, and from how many repeats identical exchanges collapse into one row.
 *
 * @param protocols           protocols shown
 * @param callId              only this call (its SIP messages and the traffic to and from the addresses its SDP
 *                            names, including the TURN sessions whose relayed address it names); {@code null}: all
 * @param turnSession         only this TURN session ({@link TurnSession#id()}), -1: all
 * @param hideRefreshes       hide Refresh transactions that keep an allocation alive (deallocations stay)
 * @param hideKeepAlives      hide Binding indications and SIP CRLF pings
 * @param hideRetransmissions hide repeated requests and responses
 * @param collapseAt          a message (or request/response pair) repeated this many times or more in a row becomes
 *                            one row with a count; 0 turns collapsing off
 */
public record LadderOptions(Set<LadderProtocol> protocols, String callId, int turnSession, boolean hideRefreshes,
                            boolean hideKeepAlives, boolean hideRetransmissions, int collapseAt) {
    public LadderOptions {
        protocols = protocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(protocols));
        if (collapseAt == 1 || collapseAt < 0) {
            throw new IllegalArgumentException("collapseAt must be 0 or at least 2: " + collapseAt);
        }
    }

    /** Every message, one row each. */
    public static LadderOptions showAll() {
        return new LadderOptions(EnumSet.allOf(LadderProtocol.class), null, -1, false, false, false, 0);
    }

    /** Every message, runs of three or more identical messages or exchanges collapsed: the view's start. */
    public static LadderOptions defaults() {
        return showAll().withCollapseAt(3);
    }

    public LadderOptions withProtocols(Set<LadderProtocol> p) {
        return new LadderOptions(p, callId, turnSession, hideRefreshes, hideKeepAlives, hideRetransmissions,
                collapseAt);
    }

    public LadderOptions withCall(String id) {
        return new LadderOptions(protocols, id, turnSession, hideRefreshes, hideKeepAlives, hideRetransmissions,
                collapseAt);
    }

    public LadderOptions withTurnSession(int id) {
        return new LadderOptions(protocols, callId, id, hideRefreshes, hideKeepAlives, hideRetransmissions,
                collapseAt);
    }

    public LadderOptions withHideRefreshes(boolean b) {
        return new LadderOptions(protocols, callId, turnSession, b, hideKeepAlives, hideRetransmissions, collapseAt);
    }

    public LadderOptions withHideKeepAlives(boolean b) {
        return new LadderOptions(protocols, callId, turnSession, hideRefreshes, b, hideRetransmissions, collapseAt);
    }

    public LadderOptions withHideRetransmissions(boolean b) {
        return new LadderOptions(protocols, callId, turnSession, hideRefreshes, hideKeepAlives, b, collapseAt);
    }

    public LadderOptions withCollapseAt(int n) {
        return new LadderOptions(protocols, callId, turnSession, hideRefreshes, hideKeepAlives, hideRetransmissions,
                n);
    }
}
