package org.turnladder.analysis.turn;

import org.turnladder.json.JsonWriter;

/**
 * CreatePermission requests for one peer IP address (permissions are per IP; the port is ignored).
 *
 * @param peer              the peer IP as text
 * @param firstRequestFrame the first CreatePermission naming it
 * @param requests          CreatePermission requests naming it (refreshes included)
 * @param successes         success responses to them
 * @param errorCode         code of the latest error response, {@code null} if none
 * @param lastResponseFrame frame of the latest answer, 0 if none
 */
public record TurnPermission(String peer, long firstRequestFrame, int requests, int successes, Integer errorCode,
                             String errorReason, long lastResponseFrame) {

    /** The latest answer was a success. */
    public boolean granted() {
        return successes > 0 && errorCode == null;
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("peer", peer)
                .field("firstRequestFrame", firstRequestFrame)
                .field("requests", requests)
                .field("successes", successes)
                .field("granted", granted())
                .field("errorCode", errorCode)
                .field("errorReason", errorReason)
                .field("lastResponseFrame", lastResponseFrame)
                .endObject();
    }
}
