package org.turnladder.analysis.calls;

import java.util.List;
import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * One SDP of an offer/answer exchange and the SIP message that carried it.
 *
 * @param message          what carried it: {@code INVITE}, {@code 200 OK}, {@code ACK}, {@code UPDATE} …
 * @param originAddress    the {@code o=} address, {@code null} if unreadable
 * @param media            every m-line as {@code type port} ({@code "applicationsharing 52044"})
 * @param appSharing       the {@code m=applicationsharing} section, {@code null} if the SDP has none
 * @param videoBasedSharing an {@code m=video} labelled {@code applicationsharing-video} (VbSS) is present
 */
public record SdpSide(long frame, long epochNanos, Endpoint sender, Endpoint receiver, String message,
                      String originAddress, List<String> media, AppSharingMedia appSharing,
                      boolean videoBasedSharing) {

    public SdpSide {
        media = List.copyOf(media);
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("frame", frame)
                .field("sender", sender.toString())
                .field("receiver", receiver.toString())
                .field("message", message)
                .field("originAddress", originAddress);
        w.name("media").beginArray();
        for (String m : media) {
            w.value(m);
        }
        w.endArray();
        w.field("videoBasedSharing", videoBasedSharing);
        w.name("appSharing");
        if (appSharing == null) {
            w.value((String) null);
        } else {
            appSharing.writeJson(w);
        }
        w.endObject();
    }
}
