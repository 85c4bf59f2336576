package org.turnladder.views.sessions;

import java.util.Locale;
import org.turnladder.analysis.calls.Call;
import org.turnladder.analysis.calls.InviteOutcome;
import org.turnladder.analysis.ice.IceDirection;
import org.turnladder.analysis.ice.IcePair;
import org.turnladder.analysis.turn.TurnAllocation;
import org.turnladder.analysis.turn.TurnConnection;

/** How the sessions panel words calls, allocations, connections and ICE checks: short, in engineer's terms. */
public final class SessionTexts {
    private SessionTexts() {
    }

    /** "Call 3f7c9a12e4b8… · application sharing · 127.0.0.7 → 127.0.0.8 · 488 Not Acceptable Here". */
    public static String call(Call c) {
        StringBuilder sb = new StringBuilder("Call ").append(shorten(c.callId(), 14));
        if (c.isAppSharing()) {
            sb.append(" · application sharing");
        }
        if (c.firstRequest() != null) {
            sb.append(" · ").append(c.firstRequest().src().host()).append(" → ").append(c.firstRequest().dst().host());
        }
        if (!c.invites().isEmpty()) {
            InviteOutcome last = c.invites().get(c.invites().size() - 1);
            sb.append(" · ").append(outcome(last));
        }
        return sb.toString();
    }

    /** "INVITE m=applicationsharing (CSeq 1, frame 1) → 488 Not Acceptable Here (frame 3)". */
    public static String invite(InviteOutcome i) {
        return (i.reInvite() ? "re-INVITE" : "INVITE") + (i.appSharingOffered() ? " m=applicationsharing" : "")
                + " (CSeq " + i.cseq() + ", frame " + i.frame() + ") → " + outcome(i)
                + (i.finalFrame() > 0 ? " (frame " + i.finalFrame() + ")" : "");
    }

    static String outcome(InviteOutcome i) {
        if (i.finalStatus() <= 0) {
            return i.cancelFrame() > 0 ? "cancelled" : "no final answer";
        }
        return i.finalStatus() + (i.finalReason() == null ? "" : " " + i.finalReason());
    }

    public static String inviteState(InviteOutcome i) {
        if (i.finalStatus() <= 0) {
            return "pending";
        }
        return i.finalStatus() < 300 ? "ok" : "error";
    }

    /** "TURN TCP 127.0.0.3:46369 → 127.0.0.2:3478 · relay 127.0.0.2:49160 · 2 connections · control closed". */
    public static String allocation(TurnAllocation a) {
        StringBuilder sb = new StringBuilder("TURN ").append(a.transport()).append(' ').append(a.client())
                .append(" → ").append(a.server());
        switch (a.outcome()) {
            case SUCCESS -> sb.append(a.relayed() == null ? " · allocated" : " · relay " + a.relayed());
            case ERROR -> sb.append(" · Allocate failed ").append(a.errorCode())
                    .append(a.errorReason() == null ? "" : " " + a.errorReason());
            case PENDING -> sb.append(" · Allocate unanswered");
            case NOT_SEEN -> sb.append(" · Allocate not captured");
        }
        if (!a.connections().isEmpty()) {
            sb.append(" · ").append(a.connections().size()).append(a.connections().size() == 1 ? " connection"
                    : " connections");
        }
        if (a.end() != TurnAllocation.End.OPEN && a.end() != TurnAllocation.End.FAILED) {
            sb.append(" · ").append(words(a.end().name()));
        }
        return sb.toString();
    }

    public static String allocationState(TurnAllocation a) {
        return switch (a.outcome()) {
            case SUCCESS -> a.connections().stream().anyMatch(SessionTexts::failed) ? "error" : "ok";
            case ERROR -> "error";
            case PENDING, NOT_SEEN -> "pending";
        };
    }

    /** "Connect peer=127.0.0.4:52044 cid=0xbcf6d200 · bound (tcp.stream 2)". */
    public static String connection(TurnConnection c) {
        StringBuilder sb = new StringBuilder(c.kind() == TurnConnection.Kind.ACTIVE ? "Connect" : "ConnectionAttempt");
        if (c.peer() != null) {
            sb.append(" peer=").append(c.peer());
        }
        if (c.connectionId() >= 0) {
            sb.append(" cid=0x").append(Long.toHexString(c.connectionId()));
        }
        sb.append(" · ").append(words(c.state().name()));
        if (c.errorCode() != null) {
            sb.append(' ').append(c.errorCode()).append(c.errorReason() == null ? "" : " " + c.errorReason());
        }
        if (c.data() != null) {
            sb.append(" (data tcp.stream ").append(c.data().stream());
            if (c.data().errorCode() != null) {
                sb.append(", ConnectionBind ").append(c.data().errorCode());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    static boolean failed(TurnConnection c) {
        return c.state() == TurnConnection.State.CONNECT_FAILED || c.state() == TurnConnection.State.BIND_FAILED
                || c.state() == TurnConnection.State.UNBOUND;
    }

    public static String connectionState(TurnConnection c) {
        if (failed(c)) {
            return "error";
        }
        return c.state() == TurnConnection.State.BOUND ? "ok" : "pending";
    }

    /** "✓ ICE #1 UDP 127.0.0.5:40307 ⇄ 127.0.0.6:40315 …": the pair, ✓ when checks succeed both ways. */
    public static String pair(IcePair p) {
        return (p.works() ? "✓ " : "✗ ") + "ICE #" + p.index() + " " + p.describe() + (p.nominated() ? " · nominated"
                : "");
    }

    /** "127.0.0.5:40307 → 127.0.0.6:40315  ✓ 3/3 succeeded · rtt 0.4 ms": one direction of the matrix. */
    public static String direction(IceDirection d) {
        StringBuilder sb = new StringBuilder().append(d.from()).append(" → ").append(d.to()).append("  ")
                .append(mark(d)).append(' ');
        if (d.requests() == 0) {
            return sb.append("no checks this way").toString();
        }
        sb.append(d.succeeded()).append('/').append(d.requests()).append(" succeeded");
        if (d.errorResponses() > 0) {
            sb.append(" · ").append(d.errorResponses()).append(" error").append(d.errorResponses() > 1 ? "s" : "")
                    .append(' ').append(d.errors().keySet());
        }
        if (d.unansweredRequests() > 0) {
            sb.append(" · ").append(d.unansweredRequests()).append(" unanswered");
        }
        if (d.retransmissions() > 0) {
            sb.append(" · ").append(d.retransmissions()).append(" retransmitted");
        }
        if (d.roundTrip() != null && d.roundTrip().count() > 0) {
            sb.append(String.format(Locale.ROOT, " · rtt %.1f ms", d.roundTrip().avgMs()));
        }
        if (d.nominated()) {
            sb.append(" · nominated");
        }
        return sb.toString();
    }

    /** ✓ a check went and a success came back, ✗ checks went and none succeeded, – no checks this way. */
    public static String mark(IceDirection d) {
        return d.requests() == 0 ? "–" : d.works() ? "✓" : "✗";
    }

    static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
