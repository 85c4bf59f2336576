package org.turnladder.analysis.calls;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * An INVITE (initial or re-INVITE) and how it ended.
 *
 * @param reInvite          sent inside an established dialog (not the first INVITE of the Call-ID)
 * @param appSharingOffered the INVITE's SDP has an {@code m=applicationsharing} line with a port other than 0
 * @param finalStatus       final response status, {@code 0} if none seen (yet)
 * @param finalFrame        frame of the first copy of the final response, {@code -1} if none
 * @param responder         who sent the final response, {@code null} if none
 * @param responderAgent    its Server (or User-Agent) header, {@code null} if absent
 * @param ackFrame          the ACK for the final response, {@code -1} if not seen
 * @param cancelFrame       a CANCEL of this INVITE, {@code -1} if none
 */
public record InviteOutcome(long cseq, boolean reInvite, long frame, long epochNanos, Endpoint from, Endpoint to,
                            boolean appSharingOffered, int finalStatus, String finalReason, long finalFrame,
                            long finalEpochNanos, Endpoint responder, String responderAgent, long ackFrame,
                            long cancelFrame) {

    public boolean answered() {
        return finalStatus >= 200;
    }

    public boolean accepted() {
        return finalStatus >= 200 && finalStatus < 300;
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("cseq", cseq)
                .field("reInvite", reInvite)
                .field("frame", frame)
                .field("from", from.toString())
                .field("to", to.toString())
                .field("appSharingOffered", appSharingOffered)
                .field("finalStatus", finalStatus)
                .field("finalReason", finalReason);
        if (finalFrame >= 0) {
            w.field("finalFrame", finalFrame);
        }
        w.field("responder", responder == null ? null : responder.toString())
                .field("responderAgent", responderAgent);
        if (ackFrame >= 0) {
            w.field("ackFrame", ackFrame);
        }
        if (cancelFrame >= 0) {
            w.field("cancelFrame", cancelFrame);
        }
        w.endObject();
    }
}
