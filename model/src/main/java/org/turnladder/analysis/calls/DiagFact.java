package org.turnladder.analysis.calls;

/**
 * One diagnostic code seen (possibly several times, on several hops) in a dialog or in out-of-dialog SIP, kept to
 * make one finding of.
 */
final class DiagFact {
    final DiagnosticEntry first;
    final String callId;
    /** frame of the request the carrying response answered, {@code -1} if unknown */
    final long requestFrame;
    /** "INVITE from a to b", {@code null} if unknown */
    final String requestText;
    final FrameList frames = new FrameList();

    DiagFact(DiagnosticEntry first, String callId, long requestFrame, String requestText) {
        this.first = first;
        this.callId = callId;
        this.requestFrame = requestFrame;
        this.requestText = requestText;
    }
}
