package org.turnladder.analysis.calls;

import java.util.List;
import org.turnladder.net.Endpoint;

/** An INVITE transaction being filled in as its messages arrive. */
final class InviteTx {
    final long cseq;
    final boolean reInvite;
    /** {@code -1} when only responses of this INVITE were captured */
    final long frame;
    final long epochNanos;
    final Endpoint from;
    final Endpoint to;
    final String requestUri;
    boolean appSharingOffered;
    AppSharingMedia offerMedia;
    int finalStatus;
    String finalReason;
    long finalFrame = -1;
    long finalEpochNanos;
    Endpoint responder;
    String responderAgent;
    List<DiagnosticEntry> finalDiagnostics = List.of();
    long ackFrame = -1;
    long cancelFrame = -1;

    InviteTx(long cseq, boolean reInvite, long frame, long epochNanos, Endpoint from, Endpoint to,
             String requestUri) {
        this.cseq = cseq;
        this.reInvite = reInvite;
        this.frame = frame;
        this.epochNanos = epochNanos;
        this.from = from;
        this.to = to;
        this.requestUri = requestUri;
    }

    String name() {
        return reInvite ? "re-INVITE" : "INVITE";
    }

    InviteOutcome snapshot() {
        return new InviteOutcome(cseq, reInvite, frame, epochNanos, from, to, appSharingOffered, finalStatus,
                finalReason, finalFrame, finalEpochNanos, responder, responderAgent, ackFrame, cancelFrame);
    }
}
