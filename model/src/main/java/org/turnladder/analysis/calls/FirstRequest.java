package org.turnladder.analysis.calls;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * The first request of a dialog seen in the capture (normally the INVITE that opened it).
 *
 * @param inDialog the request already had a To tag: the dialog began before the capture did
 */
public record FirstRequest(String method, long frame, long epochNanos, Endpoint src, Endpoint dst,
                           String requestUri, String from, String to, String userAgent, boolean inDialog) {

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("method", method)
                .field("frame", frame)
                .field("src", src.toString())
                .field("dst", dst.toString())
                .field("requestUri", requestUri)
                .field("from", from)
                .field("to", to)
                .field("userAgent", userAgent)
                .field("inDialog", inDialog)
                .endObject();
    }
}
