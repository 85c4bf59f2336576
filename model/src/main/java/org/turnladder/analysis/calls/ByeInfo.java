package org.turnladder.analysis.calls;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * A BYE that ended the dialog.
 *
 * @param side            {@code caller} when the BYE's From tag is the first INVITE's, {@code callee} when it is
 *                        the INVITE's To side, {@code unknown} when the INVITE was not captured
 * @param responseStatus  status of the final response to the BYE, {@code 0} if none seen
 * @param responseFrame   its frame, {@code -1} if none
 */
public record ByeInfo(long frame, long epochNanos, Endpoint sender, Endpoint receiver, String side,
                      int responseStatus, long responseFrame) {

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("frame", frame)
                .field("sender", sender.toString())
                .field("receiver", receiver.toString())
                .field("side", side)
                .field("responseStatus", responseStatus);
        if (responseFrame >= 0) {
            w.field("responseFrame", responseFrame);
        }
        w.endObject();
    }
}
