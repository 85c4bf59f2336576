package org.turnladder.analysis.turn;

import org.turnladder.json.JsonWriter;

/**
 * One Refresh transaction of an allocation (for MS-TURN, a repeated Allocate on a granted allocation).
 *
 * @param requestFrame      frame of the request
 * @param responseFrame     frame of the answer, 0 while unanswered
 * @param requestedLifetime LIFETIME asked for in seconds, -1 when the request had none (server default);
 *                          0 asks for deallocation
 * @param grantedLifetime   LIFETIME in the success response, -1 if none
 * @param errorCode         ERROR-CODE of an error response, {@code null} otherwise
 */
public record TurnRefresh(long requestFrame, long responseFrame, long requestedLifetime, long grantedLifetime,
                          Integer errorCode, String errorReason) {

    /** LIFETIME 0: the client gives the allocation up. */
    public boolean deallocation() {
        return requestedLifetime == 0;
    }

    public boolean succeeded() {
        return responseFrame > 0 && errorCode == null;
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("requestFrame", requestFrame)
                .field("responseFrame", responseFrame)
                .field("requestedLifetime", requestedLifetime)
                .field("grantedLifetime", grantedLifetime)
                .field("deallocation", deallocation())
                .field("errorCode", errorCode)
                .field("errorReason", errorReason)
                .endObject();
    }
}
