package org.turnladder.analysis.calls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.memory.BoundedMap;
import org.turnladder.net.Endpoint;
import org.turnladder.sip.MsDiagnostic;
import org.turnladder.sip.SipMessage;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;

/**
 * Everything kept about one Call-ID while messages arrive. Lists are capped, so a dialog that runs for hours (session
 * refreshes, re-INVITEs) costs bounded memory; the facts findings are made of are kept apart from the capped views.
 */
final class CallState {
    private static final int MAX_TRANSACTIONS = 64;
    private static final int MAX_AGENTS = 16;
    private static final int MAX_DIAG_FACTS = 32;

    final String callId;
    private FirstRequest first;
    private String callerTag;
    private long messageCount;
    private final Capped<DialogMessage> messages = new Capped<>(48, 16);
    private final Map<String, Tx> transactions = new BoundedMap<>(MAX_TRANSACTIONS);
    private final Capped<InviteTx> invites = new Capped<>(24, 8);
    private final Capped<Exchange> exchanges = new Capped<>(24, 8);
    private final Capped<DiagnosticEntry> diagnostics = new Capped<>(24, 8);
    private final Map<String, AgentString> agents = new LinkedHashMap<>();
    private final Capped<ByeTx> byes = new Capped<>(4, 1);
    private final Map<String, DiagFact> diagFacts = new LinkedHashMap<>();
    private final Capped<Rejection> rejections = new Capped<>(16, 4);
    private long maxInviteCseq = Long.MIN_VALUE;
    private boolean appSharingOffered;

    CallState(String callId) {
        this.callId = callId;
    }

    /** What a message offered, for the capture-wide "was sharing ever offered" question. */
    enum Offered { NOTHING, INVITE_WITHOUT_APP_SHARING, INVITE_WITH_VBSS, INVITE_WITH_APP_SHARING }

    /** Takes one message of this Call-ID; says what it offered when it is the first copy of an INVITE. */
    Offered message(DecodedMessage m, SipMessage s) {
        messageCount++;
        boolean request = s.isRequest();
        String method = s.method() == null ? "?" : s.method();
        long cseq = s.cseqNumber();
        Tx tx = transactions.computeIfAbsent(method + ' ' + cseq, k -> new Tx());
        boolean repeat = request ? !tx.firstRequest() : !tx.firstStatus(s.statusCode());
        if (request && first == null) {
            first = new FirstRequest(method, m.frame(), m.epochNanos(), m.src(), m.dst(), s.requestUri(), s.from(),
                    s.to(), s.userAgent(), s.toTag() != null);
        }
        agent(m, "User-Agent", s.userAgent());
        agent(m, "Server", s.server());
        SdpSession sdp = s.preferredSdp().orElse(null);
        int appPort = sdp == null ? -1 : sdp.applicationSharing().map(SdpMedia::port).orElse(-1);
        messages.add(new DialogMessage(m.frame(), m.epochNanos(), m.src(), m.dst(), label(s), s.statusCode(), cseq,
                s.cseqMethod(), sdp != null, appPort, repeat));
        if (repeat) {
            return Offered.NOTHING; // a retransmission or the same message on another hop: nothing new
        }
        List<DiagnosticEntry> diags = diagnostics(m, s, tx);
        Offered offered = Offered.NOTHING;
        if (request) {
            switch (method) {
                case "INVITE" -> offered = invite(m, s, tx, cseq, sdp);
                case "UPDATE" -> {
                    if (sdp != null) {
                        tx.exchange = newExchange("UPDATE", cseq, side(m, s, sdp), true);
                    }
                }
                case "ACK" -> ack(m, s, cseq, sdp);
                case "CANCEL" -> {
                    Tx inv = transactions.get("INVITE " + cseq);
                    if (inv != null && inv.invite != null && inv.invite.cancelFrame < 0) {
                        inv.invite.cancelFrame = m.frame();
                    }
                }
                case "BYE" -> {
                    tx.bye = new ByeTx(m.frame(), m.epochNanos(), m.src(), m.dst(), byeSide(s));
                    byes.add(tx.bye);
                }
                default -> {
                }
            }
        } else {
            response(m, s, tx, method, cseq, sdp, diags);
        }
        return offered;
    }

    private Offered invite(DecodedMessage m, SipMessage s, Tx tx, long cseq, SdpSession sdp) {
        boolean reInvite = !invites.isEmpty() || s.toTag() != null;
        if (!reInvite && callerTag == null) {
            callerTag = s.fromTag();
        }
        InviteTx it = new InviteTx(cseq, reInvite, m.frame(), m.epochNanos(), m.src(), m.dst(), s.requestUri());
        tx.invite = it;
        invites.add(it);
        maxInviteCseq = Math.max(maxInviteCseq, cseq);
        if (sdp == null) {
            tx.offerInResponse = true;
            return Offered.INVITE_WITHOUT_APP_SHARING;
        }
        SdpSide offer = side(m, s, sdp);
        tx.exchange = newExchange("INVITE", cseq, offer, true);
        if (offer.appSharing() != null && !offer.appSharing().isRejected()) {
            it.appSharingOffered = true;
            it.offerMedia = offer.appSharing();
            appSharingOffered = true;
            return Offered.INVITE_WITH_APP_SHARING;
        }
        return offer.videoBasedSharing() ? Offered.INVITE_WITH_VBSS : Offered.INVITE_WITHOUT_APP_SHARING;
    }

    private void ack(DecodedMessage m, SipMessage s, long cseq, SdpSession sdp) {
        Tx inv = transactions.get("INVITE " + cseq);
        if (inv == null) {
            return;
        }
        if (inv.invite != null && inv.invite.ackFrame < 0) {
            inv.invite.ackFrame = m.frame();
        }
        if (sdp != null && inv.exchange != null && !inv.exchange.offerInRequest && inv.exchange.answer == null) {
            answer(inv.exchange, side(m, s, sdp), true);
        }
    }

    private void response(DecodedMessage m, SipMessage s, Tx tx, String method, long cseq, SdpSession sdp,
                          List<DiagnosticEntry> diags) {
        int status = s.statusCode();
        boolean success = status >= 200 && status < 300;
        if ("INVITE".equals(method) && tx.invite == null) {
            // the INVITE itself was not captured: remember what the responses tell
            tx.invite = new InviteTx(cseq, !invites.isEmpty(), -1, m.epochNanos(), m.dst(), m.src(), null);
            invites.add(tx.invite);
            maxInviteCseq = Math.max(maxInviteCseq, cseq);
            // without the INVITE an SDP here cannot be told apart as offer or answer: it is not used
        }
        if (sdp != null && status >= 101 && status < 300) {
            if (tx.exchange != null && tx.exchange.offerInRequest) {
                // an unreliable 18x may carry a preview; the 2xx carries the answer proper
                if (tx.exchange.answer == null || (!tx.exchange.answerFinal && success)) {
                    answer(tx.exchange, side(m, s, sdp), success);
                }
            } else if (tx.offerInResponse && tx.exchange == null) {
                tx.exchange = newExchange(method, cseq, side(m, s, sdp), false);
            }
        }
        if (status >= 200) {
            if (tx.exchange != null && tx.exchange.finalStatus == 0) {
                tx.exchange.finalStatus = status;
            }
            InviteTx it = tx.invite;
            if (it != null && it.finalStatus == 0) {
                it.finalStatus = status;
                it.finalReason = s.reason();
                it.finalFrame = m.frame();
                it.finalEpochNanos = m.epochNanos();
                it.responder = m.src();
                it.responderAgent = s.server() != null ? s.server() : s.userAgent();
                it.finalDiagnostics = List.copyOf(diags);
                if (status >= 300 && it.appSharingOffered) {
                    rejections.add(new Rejection(it, null));
                }
            }
            if (tx.bye != null && tx.bye.responseStatus == 0) {
                tx.bye.responseStatus = status;
                tx.bye.responseFrame = m.frame();
            }
        }
    }

    private void answer(Exchange ex, SdpSide answer, boolean fin) {
        boolean wasRejected = ex.appSharingRejectedByPortZero();
        ex.answer = answer;
        ex.answerFinal = fin;
        if (!wasRejected && ex.appSharingRejectedByPortZero()) {
            rejections.add(new Rejection(null, ex));
        }
    }

    private Exchange newExchange(String transaction, long cseq, SdpSide offer, boolean inRequest) {
        Exchange ex = new Exchange(transaction, cseq, !exchanges.isEmpty(), offer, inRequest);
        exchanges.add(ex);
        return ex;
    }

    private List<DiagnosticEntry> diagnostics(DecodedMessage m, SipMessage s, Tx tx) {
        if (s.msDiagnostics().isEmpty()) {
            return List.of();
        }
        List<DiagnosticEntry> out = new ArrayList<>(s.msDiagnostics().size());
        String label = label(s);
        InviteTx it = s.isRequest() ? null : tx.invite;
        for (MsDiagnostic d : s.msDiagnostics()) {
            DiagnosticEntry e = DiagnosticEntry.of(d, m.frame(), m.src(), label);
            out.add(e);
            diagnostics.add(e);
            String key = (e.fromClient() ? "client " : "server ") + e.codeText();
            DiagFact f = diagFacts.get(key);
            if (f == null && diagFacts.size() < MAX_DIAG_FACTS) {
                f = new DiagFact(e, callId, it == null ? -1 : it.frame,
                        it == null || it.frame < 0 ? null : it.name() + " from " + it.from + " to " + it.to);
                diagFacts.put(key, f);
            }
            if (f != null) {
                f.frames.add(m.frame());
            }
        }
        return out;
    }

    private String byeSide(SipMessage s) {
        if (callerTag == null || s.fromTag() == null) {
            return "unknown";
        }
        return callerTag.equals(s.fromTag()) ? "caller" : "callee";
    }

    private void agent(DecodedMessage m, String header, String value) {
        if (value == null || value.isBlank() || agents.size() >= MAX_AGENTS) {
            return;
        }
        String host = m.src().host();
        agents.putIfAbsent(host + '\n' + header + '\n' + value, new AgentString(host, header, value, m.frame()));
    }

    static SdpSide side(DecodedMessage m, SipMessage s, SdpSession sdp) {
        List<String> media = new ArrayList<>(sdp.media().size());
        AppSharingMedia app = null;
        boolean vbss = false;
        for (SdpMedia md : sdp.media()) {
            media.add(md.type() + ' ' + md.port());
            if (app == null && md.isApplicationSharing()) {
                app = AppSharingMedia.of(md);
            }
            vbss |= md.isVideoBasedSharing() && md.port() != 0;
        }
        return new SdpSide(m.frame(), m.epochNanos(), m.src(), m.dst(), label(s),
                sdp.origin() == null ? null : sdp.origin().address(), media, app, vbss);
    }

    static String label(SipMessage s) {
        if (s.isRequest()) {
            return s.method();
        }
        return s.reason() == null || s.reason().isEmpty() ? Integer.toString(s.statusCode())
                : s.statusCode() + " " + s.reason();
    }

    // --- read side -------------------------------------------------------------------------------------------------

    boolean appSharingOffered() {
        return appSharingOffered;
    }

    long maxInviteCseq() {
        return maxInviteCseq;
    }

    List<DiagFact> diagFacts() {
        return List.copyOf(diagFacts.values());
    }

    List<Rejection> rejections() {
        return rejections.kept();
    }

    List<Exchange> exchanges() {
        return exchanges.kept();
    }

    /** Every INVITE kept has its final answer: nothing more is pending (used to pick a call to evict). */
    boolean settled() {
        for (InviteTx it : invites.kept()) {
            if (it.finalStatus == 0) {
                return false;
            }
        }
        return !invites.isEmpty();
    }

    Call snapshot() {
        List<InviteOutcome> inv = new ArrayList<>();
        for (InviteTx it : invites.kept()) {
            inv.add(it.snapshot());
        }
        List<OfferAnswer> oas = new ArrayList<>();
        for (Exchange ex : exchanges.kept()) {
            oas.add(ex.snapshot());
        }
        List<ByeInfo> bs = new ArrayList<>();
        for (ByeTx b : byes.kept()) {
            bs.add(b.snapshot());
        }
        return new Call(callId, first, messageCount, messages.kept(), messages.dropped(), inv, oas,
                diagnostics.kept(), List.copyOf(agents.values()), bs);
    }

    /** What one CSeq/method pair has shown so far, to tell first copies from retransmissions and other hops. */
    private static final class Tx {
        private boolean requestSeen;
        private final int[] statuses = new int[6];
        private int nStatuses;
        InviteTx invite;
        Exchange exchange;
        boolean offerInResponse;
        ByeTx bye;

        boolean firstRequest() {
            boolean first = !requestSeen;
            requestSeen = true;
            return first;
        }

        boolean firstStatus(int status) {
            for (int i = 0; i < nStatuses; i++) {
                if (statuses[i] == status) {
                    return false;
                }
            }
            if (nStatuses < statuses.length) {
                statuses[nStatuses++] = status;
            }
            return true;
        }
    }

    /** A BYE being filled in. */
    static final class ByeTx {
        final long frame;
        final long epochNanos;
        final Endpoint sender;
        final Endpoint receiver;
        final String side;
        int responseStatus;
        long responseFrame = -1;

        ByeTx(long frame, long epochNanos, Endpoint sender, Endpoint receiver, String side) {
            this.frame = frame;
            this.epochNanos = epochNanos;
            this.sender = sender;
            this.receiver = receiver;
            this.side = side;
        }

        ByeInfo snapshot() {
            return new ByeInfo(frame, epochNanos, sender, receiver, side, responseStatus, responseFrame);
        }
    }
}
