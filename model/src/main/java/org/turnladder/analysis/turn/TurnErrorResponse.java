package org.turnladder.analysis.turn;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * An error response in an allocation (a 401 challenge to a request without MESSAGE-INTEGRITY is not one: that is
 * the normal first leg of long-term authentication).
 *
 * @param method        "Allocate", "Connect", "ConnectionBind", …
 * @param requestFrame  frame of the request, 0 if the capture missed it
 * @param elapsedNanos  request → error response, -1 if the request was missed
 * @param withIntegrity the request carried MESSAGE-INTEGRITY (so a 401 means the credentials were refused)
 * @param peer          XOR-PEER-ADDRESS of the request, {@code null} if none
 * @param recovered     a later request of the same method (for Connect: to the same peer) succeeded
 */
public record TurnErrorResponse(String method, int code, String reason, long requestFrame, long responseFrame,
                                long elapsedNanos, boolean withIntegrity, Endpoint peer, boolean recovered) {

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("method", method)
                .field("code", code)
                .field("reason", reason)
                .field("requestFrame", requestFrame)
                .field("responseFrame", responseFrame)
                .field("elapsedMillis", elapsedNanos < 0 ? null : (Number) (elapsedNanos / 1e6))
                .field("withIntegrity", withIntegrity)
                .field("peer", peer == null ? null : peer.toString())
                .field("recovered", recovered)
                .endObject();
    }
}
