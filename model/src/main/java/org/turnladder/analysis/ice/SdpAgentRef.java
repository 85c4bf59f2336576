package org.turnladder.analysis.ice;

import org.turnladder.json.JsonWriter;

/**
 * Where an agent's ICE credentials were offered: the SIP message whose SDP media section carries its
 * {@code a=ice-ufrag}.
 *
 * @param callId    Call-ID of the SIP message
 * @param sdpRole   {@code offer} (SDP in a request) or {@code answer} (SDP in a response)
 * @param mediaType type of the m-line ({@code applicationsharing}, {@code audio} …)
 * @param frame     frame of the SIP message
 */
public record SdpAgentRef(String callId, String sdpRole, String mediaType, long frame) {

    /** "answer of call 3f7c… (m=applicationsharing, frame 8)". */
    public String describe() {
        return sdpRole + " of call " + callId + " (m=" + mediaType + ", frame " + frame + ")";
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("callId", callId)
                .field("sdp", sdpRole)
                .field("media", mediaType)
                .field("frame", frame)
                .endObject();
    }
}
