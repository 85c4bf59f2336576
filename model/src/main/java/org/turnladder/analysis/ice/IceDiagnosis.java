package org.turnladder.analysis.ice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.net.Transport;

/**
 * Turns the check matrix into findings. While a capture is live, what has not come yet may still come: a direction
 * counts as unanswered only once its first request is {@link #SETTLE_NANOS} old, and an ICE session as failed only
 * after {@link #QUIET_NANOS} without checks.
 */
final class IceDiagnosis {
    /** Longer than an agent's whole retransmission schedule for one check (RFC 5245: Rc × RTO ≈ 1–4 s). */
    static final long SETTLE_NANOS = 5_000_000_000L;
    /** A session that has not checked for this long has stopped checking. */
    static final long QUIET_NANOS = 10_000_000_000L;
    private static final int MAX_FRAMES = 24;
    private static final int MAX_LISTED_PAIRS = 6;
    private static final String NOTHING_TO_FIX = "Nothing to fix for this call while the working pair carries the "
            + "media; if media fails later, this is the path that is blocked.";

    private final List<PairState> states;
    private final List<IcePair> pairs;
    private final long endNanos;
    private final boolean ended;

    IceDiagnosis(List<PairState> states, List<IcePair> pairs, long endNanos, boolean ended) {
        this.states = states;
        this.pairs = pairs;
        this.endNanos = endNanos;
        this.ended = ended;
    }

    List<Finding> findings() {
        Map<String, IcePair> working = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            IcePair p = pairs.get(i);
            if (p.works()) {
                IcePair known = working.get(states.get(i).agentGroup());
                if (known == null || (p.nominated() && !known.nominated())) {
                    working.put(states.get(i).agentGroup(), p);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            IcePair p = pairs.get(i);
            PairState s = states.get(i);
            IcePair other = working.get(s.agentGroup());
            unanswered(out, p, p.ab(), true, other);
            unanswered(out, p, p.ba(), false, other);
            oneWay(out, p, s, other);
            roleConflict(out, p, p.ab(), s.ab);
            roleConflict(out, p, p.ba(), s.ba);
        }
        noWorkingPair(out);
        return out;
    }

    private boolean settled(IceDirection d) {
        return ended || (d.firstRequestNanos() >= 0 && endNanos - d.firstRequestNanos() >= SETTLE_NANOS);
    }

    /** {@code working}: a pair of the same ICE session that works both ways, {@code null} if none. */
    private void unanswered(List<Finding> out, IcePair p, IceDirection d, boolean fromA, IcePair working) {
        if (!d.unanswered() || !settled(d)) {
            return;
        }
        IceSide from = fromA ? p.a() : p.b();
        IceSide to = fromA ? p.b() : p.a();
        IceDirection back = fromA ? p.ba() : p.ab();
        StringBuilder detail = new StringBuilder()
                .append(Texts.end(p, from)).append(" sent ").append(Texts.count(d.requests(), "Binding request"))
                .append(d.retransmissions() > 0 ? " (" + Texts.count(d.retransmissions(), "retransmission") + ")" : "")
                .append(" to ").append(Texts.end(p, to))
                .append(d.lastRequestFrame() != d.firstRequestFrame()
                        ? " over " + Texts.seconds(d.requestSpanNanos()) : "")
                .append(" (").append(Texts.frames(d.firstRequestFrame(), d.lastRequestFrame())).append(") on ")
                .append(p.describe()).append(", and got no response at all. Either the far agent never received them")
                .append(p.carrier() != null
                        ? " (they are lost on the relay path: the TURN server's relay ⇄ peer leg or a firewall on it)"
                        : " (a firewall or NAT on the way drops " + p.transport() + " from " + from.endpoint().host()
                        + " to " + to.endpoint().host() + ", or they take the wrong relay path)")
                .append(", or it cannot verify them (a wrong ice-pwd makes MESSAGE-INTEGRITY fail, and an agent drops")
                .append(" such checks without answering).");
        if (back.works()) {
            detail.append(" Checks the other way were answered (").append(Texts.count(back.successes(), "success"))
                    .append("), so only this direction fails.");
        }
        List<Long> frames = new ArrayList<>(d.requestFrames());
        if (d.icmpWarning() != null) {
            detail.append(" An ICMP error came back for one of them (frame ").append(d.icmpFrame()).append("): ")
                    .append(d.icmpWarning()).append('.');
            frames.add(d.icmpFrame());
        }
        if (working != null) {
            detail.append(sessionWorks(working));
        }
        out.add(new Finding(IceTracker.CHECK_UNANSWERED, working != null ? Severity.INFO : Severity.ERROR,
                "ICE checks from " + Texts.shortEnd(p, from) + " to " + Texts.shortEnd(p, to) + " were never answered",
                detail.toString(),
                working != null ? NOTHING_TO_FIX : unansweredFix(p, from, to),
                frames));
    }

    private static String unansweredFix(IcePair p, IceSide from, IceSide to) {
        return "Capture at the far end (or on the relay) to see whether the checks arrive. If they arrive, compare "
                + "the ice-ufrag/ice-pwd in the SDP with what that agent uses; if they do not, open " + p.transport()
                + " from " + from.endpoint().host() + " to " + to.endpoint().host() + " in the firewalls on the way"
                + (p.transport() == Transport.TCP ? " (for relayed TCP: Expressway-E relay ports 24000–29999 ⇄ "
                + "Skype Edge 50000–59999, both directions)." : ".");
    }

    /** A success one way; the other way checks were sent and none succeeded. */
    private void oneWay(List<Finding> out, IcePair p, PairState s, IcePair working) {
        boolean abOnly = p.ab().works() && !p.ba().works() && p.ba().requests() > 0 && settled(p.ba());
        boolean baOnly = p.ba().works() && !p.ab().works() && p.ab().requests() > 0 && settled(p.ab());
        if (!abOnly && !baOnly) {
            return;
        }
        IceDirection good = abOnly ? p.ab() : p.ba();
        IceDirection bad = abOnly ? p.ba() : p.ab();
        DirectionState badState = abOnly ? s.ba : s.ab;
        IceSide x = abOnly ? p.a() : p.b();
        IceSide y = abOnly ? p.b() : p.a();
        String detail = "On " + p.describe() + ", checks from " + Texts.end(p, x) + " to " + Texts.end(p, y)
                + " succeeded (" + Texts.count(good.succeeded(), "answered request") + "), but checks from "
                + Texts.shortEnd(p, y) + " to " + Texts.shortEnd(p, x) + " did not: " + Texts.failure(bad)
                + ". A pair works only with a request and a success response in each direction (\"one of each in "
                + "each direction\", Cisco doc 212580): the media path is open one way only."
                + (working != null ? sessionWorks(working) : "");
        List<Long> frames = new ArrayList<>(good.requestFrames());
        frames.addAll(good.responseFrames());
        frames.addAll(bad.requestFrames());
        for (long[] e : badState.errorFrames) {
            frames.add(e[1]);
        }
        out.add(new Finding(IceTracker.ONE_WAY, working != null ? Severity.INFO : Severity.ERROR,
                "ICE pair " + Texts.shortEnd(p, p.a()) + " ⇄ " + Texts.shortEnd(p, p.b()) + " (" + p.transport()
                        + ") works one way only",
                detail,
                working != null ? NOTHING_TO_FIX : oneWayFix(p, x, y, bad),
                cap(frames)));
    }

    private static String oneWayFix(IcePair p, IceSide x, IceSide y, IceDirection bad) {
        return "Open the blocked direction: checks from " + y.endpoint().host() + " to " + x.endpoint().host()
                + " are dropped or refused" + (bad.errorResponses() > 0 ? " (or fail authentication: check "
                + "ice-ufrag/ice-pwd)" : "") + "." + (p.transport() == Transport.TCP ? " The classic case is "
                + "a Skype Edge firewall that allows TCP 50000–59999 out but not in: allow Expressway-E relay "
                + "(TCP 24000–29999) ⇄ Edge relay (TCP 50000–59999) in both directions." : "");
    }

    private void roleConflict(List<Finding> out, IcePair p, IceDirection d, DirectionState state) {
        Long n = d.errors().get(487);
        if (n == null) {
            return;
        }
        IceSide from = d.from().equals(p.a().endpoint()) ? p.a() : p.b();
        IceSide to = from == p.a() ? p.b() : p.a();
        List<Long> frames = new ArrayList<>();
        for (long[] e : state.errorFrames) {
            if (e[0] == 487) {
                frames.add(e[1]);
            }
        }
        String claimed = d.role() == null ? "the same role" : d.role().json();
        out.add(new Finding(IceTracker.ROLE_CONFLICT, Severity.WARNING,
                "ICE role conflict (487) on " + p.describe(),
                Texts.end(p, to) + " answered " + Texts.count(n, "check") + " from " + Texts.end(p, from)
                        + " with 487 Role Conflict: both agents claimed to be " + claimed + ". The agents settle it "
                        + "by tie-breaker and check again, so it is harmless when later checks succeed"
                        + (d.works() ? " (they did here)" : " — here no check that way succeeded") + ".",
                "Make sure exactly one side is controlling: the offerer of the SDP (RFC 5245 §5.2), or the full agent "
                        + "when the other is ICE-lite.",
                frames.isEmpty() ? d.responseFrames() : frames));
    }

    /** Per ICE session (the two agents' ufrags, else the two hosts): checks made, no pair works both ways. */
    private void noWorkingPair(List<Finding> out) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < states.size(); i++) {
            groups.computeIfAbsent(states.get(i).agentGroup(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            long lastActivity = Long.MIN_VALUE;
            long requests = 0;
            boolean works = false;
            for (int i : group) {
                IcePair p = pairs.get(i);
                works |= p.works();
                requests += p.ab().requests() + p.ba().requests();
                lastActivity = Math.max(lastActivity, states.get(i).lastActivityNanos);
            }
            if (works || requests == 0 || !(ended || endNanos - lastActivity >= QUIET_NANOS)) {
                continue;
            }
            out.add(noWorkingPair(group, requests));
        }
    }

    private Finding noWorkingPair(List<Integer> group, long requests) {
        IcePair first = pairs.get(group.get(0));
        String agents = first.a().ufrag() != null
                ? "agents " + first.a().ufrag() + " ⇄ " + first.b().ufrag()
                : first.a().endpoint().host() + " ⇄ " + first.b().endpoint().host();
        StringBuilder detail = new StringBuilder("ICE checks between ").append(agents).append(" were made on ")
                .append(Texts.count(group.size(), "candidate pair")).append(" (")
                .append(Texts.count(requests, "request")).append("), but no pair got a success response in both ")
                .append("directions, so no media (RDP application sharing) can flow:");
        List<Long> frames = new ArrayList<>();
        TreeSet<String> senders = new TreeSet<>();
        TreeSet<String> all = new TreeSet<>();
        for (int k = 0; k < group.size(); k++) {
            IcePair p = pairs.get(group.get(k));
            all.add(Texts.agentName(p, p.a()));
            all.add(Texts.agentName(p, p.b()));
            if (p.ab().requests() > 0) {
                senders.add(Texts.agentName(p, p.a()));
            }
            if (p.ba().requests() > 0) {
                senders.add(Texts.agentName(p, p.b()));
            }
            frames.addAll(p.ab().requestFrames());
            frames.addAll(p.ab().responseFrames());
            frames.addAll(p.ba().requestFrames());
            frames.addAll(p.ba().responseFrames());
            if (k < MAX_LISTED_PAIRS) {
                detail.append(" pair ").append(p.index()).append(' ').append(p.describe()).append(": ")
                        .append(Texts.status(p, p.a(), p.ab())).append("; ").append(Texts.status(p, p.b(), p.ba()))
                        .append('.');
            }
        }
        if (group.size() > MAX_LISTED_PAIRS) {
            detail.append(" … and ").append(group.size() - MAX_LISTED_PAIRS).append(" more pairs.");
        }
        if (senders.size() == 1 && all.size() > 1) {
            all.removeAll(senders);
            detail.append(" Only ").append(senders.first()).append(" sent checks; none from ")
                    .append(String.join(", ", all)).append(" was seen: they are blocked before this capture point, ")
                    .append("or that agent never started checking (no usable candidates, or it never got the SDP).");
        }
        return new Finding(IceTracker.NO_WORKING_PAIR, Severity.ERROR,
                "No ICE candidate pair worked in both directions (" + agents + ")",
                detail.toString(),
                "Follow the per-direction findings (" + IceTracker.CHECK_UNANSWERED + ", " + IceTracker.ONE_WAY
                        + ") to the blocked hop; compare the SDP candidates with the addresses the checks use, and "
                        + "make sure each side offers a TCP relay candidate the other can reach (Expressway-E relay "
                        + "24000–29999 ⇄ Skype Edge relay 50000–59999).",
                cap(frames));
    }

    /** Why a failed pair does not matter when another pair of the same session works. */
    private static String sessionWorks(IcePair working) {
        return " ICE still found a pair that works both ways (pair " + working.index() + ", " + working.describe()
                + (working.nominated() ? ", nominated" : "") + "), so this did not stop the media: once a pair "
                + "works, the agents stop checking the others.";
    }

    private static List<Long> cap(List<Long> frames) {
        TreeSet<Long> sorted = new TreeSet<>(frames);
        sorted.remove(-1L);
        List<Long> out = new ArrayList<>(Math.min(sorted.size(), MAX_FRAMES));
        for (long f : sorted) {
            if (out.size() == MAX_FRAMES) {
                break;
            }
            out.add(f);
        }
        return out;
    }
}
