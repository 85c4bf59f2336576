package org.turnladder.analysis.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;

/** Turns what one dialog showed into findings. */
final class CallFindings {
    static final String ATTENDEES_CANNOT_SHARE = "sip.attendees-cannot-share";
    static final String MS_DIAGNOSTICS = "sip.ms-diagnostics";
    static final String APPSHARING_REJECTED = "sip.appsharing-rejected";
    static final String ROLE_MISMATCH = "sip.appsharing-role-mismatch";

    private CallFindings() {
    }

    static void add(CallState c, List<Finding> out) {
        for (DiagFact f : c.diagFacts()) {
            diagnostic(f, out);
        }
        for (Rejection r : c.rejections()) {
            if (r.invite() != null) {
                rejectedByStatus(c, r.invite(), out);
            } else {
                rejectedByPortZero(c, r.exchange(), out);
            }
        }
        for (Exchange ex : c.exchanges()) {
            if (ex.snapshot().rolesClash()) {
                roleMismatch(c, ex, out);
            }
        }
    }

    /** One finding per diagnostic code: attendees-cannot-share for 21002 from a server, else ms-diagnostics. */
    static void diagnostic(DiagFact f, List<Finding> out) {
        DiagnosticEntry d = f.first;
        DiagnosticAdvice advice = DiagnosticAdvice.of(d);
        List<Long> frames = new ArrayList<>(f.frames.frames());
        if (f.requestFrame >= 0) {
            frames.add(f.requestFrame);
        }
        StringBuilder detail = new StringBuilder();
        detail.append("The ").append(d.message()).append(" from ").append(d.sender())
                .append(" (frame ").append(d.frame()).append(')');
        if (f.requestText != null) {
            detail.append(", answering the ").append(f.requestText).append(" (frame ").append(f.requestFrame)
                    .append(')');
        }
        if (f.callId != null) {
            detail.append(" (Call-ID ").append(f.callId).append(')');
        }
        detail.append(", carries ").append(d.header()).append(": ").append(d.codeText());
        if (d.reason() != null) {
            detail.append(" \"").append(d.reason()).append('"');
        }
        detail.append(" (code range: ").append(d.category());
        if (d.component() != null) {
            detail.append("; component ").append(d.component());
        }
        if (d.source() != null) {
            detail.append("; source ").append(d.source());
        }
        detail.append(')');
        if (f.frames.count() > 1) {
            detail.append("; seen ").append(f.frames.count()).append(" times");
        }
        detail.append(". This means ").append(advice.explanation()).append('.');
        boolean attendees = d.code() == DiagnosticAdvice.ATTENDEES_CANNOT_SHARE && !d.fromClient();
        if (attendees) {
            out.add(new Finding(ATTENDEES_CANNOT_SHARE, Severity.ERROR,
                    "Attendees cannot share in this Skype meeting (" + d.header() + " 21002, "
                            + (d.component() == null ? "ASMCU" : d.component()) + ")",
                    detail.toString(), advice.fix(), frames));
            return;
        }
        String title = d.header() + " " + d.codeText() + " from " + d.sender().host()
                + (d.reason() == null ? " (" + d.category() + ")" : ": " + d.reason());
        out.add(new Finding(MS_DIAGNOSTICS, advice.severity(), title, detail.toString(), advice.fix(), frames));
    }

    private static void rejectedByStatus(CallState c, InviteTx it, List<Finding> out) {
        if (retried(c, it)) {
            return; // a challenge or glare answered by a new INVITE is how SIP works, not a rejection
        }
        String status = it.finalStatus + (it.finalReason == null || it.finalReason.isEmpty() ? ""
                : " " + it.finalReason);
        StringBuilder detail = new StringBuilder();
        detail.append("The ").append(it.name()).append(" with m=applicationsharing from ").append(it.from)
                .append(" to ").append(it.to).append(" (frame ").append(it.frame).append(", CSeq ").append(it.cseq);
        if (it.requestUri != null) {
            detail.append(", ").append(it.requestUri);
        }
        detail.append(", call ").append(c.callId).append(") was answered ").append(status).append(" by ")
                .append(it.responder);
        if (it.responderAgent != null) {
            detail.append(" (").append(it.responderAgent).append(')');
        }
        detail.append(" in frame ").append(it.finalFrame).append(", ")
                .append(seconds(it.finalEpochNanos - it.epochNanos)).append(" later");
        if (it.cancelFrame >= 0) {
            detail.append(" (the caller sent CANCEL in frame ").append(it.cancelFrame).append(')');
        }
        detail.append('.');
        List<Long> frames = new ArrayList<>(List.of(it.frame, it.finalFrame));
        String fix;
        List<DiagnosticEntry> diags = it.finalDiagnostics;
        if (!diags.isEmpty()) {
            detail.append(" The rejecting server says: ");
            for (int i = 0; i < diags.size(); i++) {
                detail.append(i > 0 ? "; " : "").append(diags.get(i).describe());
            }
            DiagnosticAdvice advice = DiagnosticAdvice.of(diags.get(0));
            detail.append(". This means ").append(advice.explanation()).append('.');
            fix = advice.fix();
        } else {
            RejectionAdvice advice = RejectionAdvice.of(it.finalStatus, it.offerMedia);
            detail.append(" No ms-diagnostics header gives a reason; ").append(it.finalStatus)
                    .append(" here means ").append(advice.explanation()).append('.');
            fix = advice.fix();
        }
        out.add(new Finding(APPSHARING_REJECTED, Severity.ERROR,
                "Application-sharing " + it.name() + " rejected: " + status + " from " + it.responder.host(),
                detail.toString(), fix, frames.stream().filter(f -> f >= 0).toList()));
    }

    /** 401/407 challenges, 422 and 491 glare are answered by a new INVITE with a higher CSeq. */
    private static boolean retried(CallState c, InviteTx it) {
        return switch (it.finalStatus) {
            case 401, 407, 422, 491 -> c.maxInviteCseq() > it.cseq;
            default -> false;
        };
    }

    private static void rejectedByPortZero(CallState c, Exchange ex, List<Finding> out) {
        SdpSide o = ex.offer;
        SdpSide a = ex.answer;
        String detail = "The " + (ex.reOffer ? "new " : "") + "offer with m=applicationsharing port "
                + o.appSharing().port() + " in the " + o.message() + " from " + o.sender() + " (frame " + o.frame()
                + ", call " + c.callId + ") was answered in the " + a.message() + " from " + a.sender() + " (frame "
                + a.frame() + ") with m=applicationsharing port 0: the answerer accepted the dialog but rejected the"
                + " application-sharing stream (RFC 3264; an ASMCU does this for media parameters it does not"
                + " support).";
        out.add(new Finding(APPSHARING_REJECTED, Severity.ERROR,
                "Application-sharing stream rejected: answer from " + a.sender().host() + " has port 0",
                detail,
                "Check that the answerer supports and allows RDP application sharing (versions, sharing policy:"
                        + " RDP vs video-based sharing) and that the offer's media line is what it expects (TCP/RTP/AVP"
                        + " 127 x-data, TCP-ACT/TCP-PASS candidates, a=crypto)",
                List.of(o.frame(), a.frame())));
    }

    private static void roleMismatch(CallState c, Exchange ex, List<Finding> out) {
        String role = ex.offer.appSharing().role().toLowerCase(Locale.ROOT);
        String detail = "The offer in the " + ex.offer.message() + " from " + ex.offer.sender() + " (frame "
                + ex.offer.frame() + ", call " + c.callId + ") says x-applicationsharing-role:" + role
                + " and the answer in the " + ex.answer.message() + " from " + ex.answer.sender() + " (frame "
                + ex.answer.frame() + ") says the same; MS-SDPEXT requires the answer to take the opposite role"
                + " (sharer ⇄ viewer), so neither side knows who sends the screen.";
        out.add(new Finding(ROLE_MISMATCH, Severity.WARNING,
                "Both sides of the application-sharing exchange claim role " + role, detail,
                "Check the answerer's application-sharing support: it must answer sharer with viewer and viewer"
                        + " with sharer",
                List.of(ex.offer.frame(), ex.answer.frame())));
    }

    /** "250 ms", "3.2 s". */
    static String seconds(long nanos) {
        long n = Math.max(0, nanos);
        return n < 1_000_000_000L ? n / 1_000_000 + " ms" : String.format(Locale.ROOT, "%.1f s", n / 1e9);
    }
}
