package org.turnladder.analysis.calls;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * One SIP request or response of a dialog, summarised for the ladder.
 *
 * @param label          {@code INVITE} or {@code 488 Not Acceptable Here}
 * @param statusCode     {@code 0} for a request
 * @param cseqMethod     the CSeq method (the request a response answers)
 * @param hasSdp         the message carries an SDP body
 * @param appSharingPort port of its {@code m=applicationsharing} line, {@code -1} if none
 * @param repeat         same request or response seen before: a retransmission or the same message on another hop
 */
public record DialogMessage(long frame, long epochNanos, Endpoint src, Endpoint dst, String label, int statusCode,
                            long cseq, String cseqMethod, boolean hasSdp, int appSharingPort, boolean repeat) {

    public boolean isRequest() {
        return statusCode == 0;
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("frame", frame)
                .field("src", src.toString())
                .field("dst", dst.toString())
                .field("label", label)
                .field("statusCode", statusCode)
                .field("cseq", cseq)
                .field("cseqMethod", cseqMethod)
                .field("hasSdp", hasSdp);
        if (appSharingPort >= 0) {
            w.field("appSharingPort", appSharingPort);
        }
        w.field("repeat", repeat).endObject();
    }
}
