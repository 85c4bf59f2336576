package org.turnladder.ladder;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the ladder shows: which protocols, optionally one SIP call or one TURN session, whether refreshes,
 * keep-alives and retransmissions are hidden, from how many repeats identical exchanges collapse into one row, and
 * how many boxes of a role get a column of their own.
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
 * @param columnsPerRole      most columns per role (each known role, and addresses without a role, counted apart),
 *                            the merged column included: when the kept rows touch more boxes of a role, the busiest
 *                            {@code columnsPerRole - 1} keep their own column and the rest merge into one column
 *                            ("Other addresses", "Other CMS boxes"); 0: no limit
 */
public record LadderOptions(Set<LadderProtocol> protocols, String callId, int turnSession, boolean hideRefreshes,
                            boolean hideKeepAlives, boolean hideRetransmissions, int collapseAt, int columnsPerRole) {
    /** The default {@link #columnsPerRole()}: more than a real call has boxes of a role, few enough to read. */
    public static final int DEFAULT_COLUMNS_PER_ROLE = 12;

    public LadderOptions {
        protocols = protocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(protocols));
        if (collapseAt == 1 || collapseAt < 0) {
            throw new IllegalArgumentException("collapseAt must be 0 or at least 2: " + collapseAt);
        }
        if (columnsPerRole < 0) {
            throw new IllegalArgumentException("columnsPerRole must be 0 (no limit) or positive: " + columnsPerRole);
        }
    }

    /** Options with the default {@link #columnsPerRole()}. */
    public LadderOptions(Set<LadderProtocol> protocols, String callId, int turnSession, boolean hideRefreshes,
                         boolean hideKeepAlives, boolean hideRetransmissions, int collapseAt) {
        this(protocols, callId, turnSession, hideRefreshes, hideKeepAlives, hideRetransmissions, collapseAt,
                DEFAULT_COLUMNS_PER_ROLE);
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
                collapseAt, columnsPerRole);
    }

    public LadderOptions withCall(String id) {
        return new LadderOptions(protocols, id, turnSession, hideRefreshes, hideKeepAlives, hideRetransmissions,
                collapseAt, columnsPerRole);
    }

    public LadderOptions withTurnSession(int id) {
        return new LadderOptions(protocols, callId, id, hideRefreshes, hideKeepAlives, hideRetransmissions,
                collapseAt, columnsPerRole);
    }

    public LadderOptions withHideRefreshes(boolean b) {
        return new LadderOptions(protocols, callId, turnSession, b, hideKeepAlives, hideRetransmissions, collapseAt,
                columnsPerRole);
    }

    public LadderOptions withHideKeepAlives(boolean b) {
        return new LadderOptions(protocols, callId, turnSession, hideRefreshes, b, hideRetransmissions, collapseAt,
                columnsPerRole);
    }

    public LadderOptions withHideRetransmissions(boolean b) {
        return new LadderOptions(protocols, callId, turnSession, hideRefreshes, hideKeepAlives, b, collapseAt,
                columnsPerRole);
    }

    public LadderOptions withCollapseAt(int n) {
        return new LadderOptions(protocols, callId, turnSession, hideRefreshes, hideKeepAlives, hideRetransmissions,
                n, columnsPerRole);
    }

    /** At most {@code n} columns per role (see {@link #columnsPerRole()}); 0: no limit. */
    public LadderOptions withColumnsPerRole(int n) {
        return new LadderOptions(protocols, callId, turnSession, hideRefreshes, hideKeepAlives, hideRetransmissions,
                collapseAt, n);
    }
}
