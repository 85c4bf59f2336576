package org.turnladder.analysis.calls;

import org.turnladder.json.JsonWriter;

/**
 * A User-Agent or Server string and the address that sent it: evidence of what product sits there.
 *
 * @param address    IP address (no port) of the sender
 * @param header     {@code User-Agent} or {@code Server}
 * @param firstFrame first message that showed it
 */
public record AgentString(String address, String header, String value, long firstFrame) {

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("address", address)
                .field("header", header)
                .field("value", value)
                .field("firstFrame", firstFrame)
                .endObject();
    }
}
