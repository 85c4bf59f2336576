package org.turnladder.analysis.ice;

import org.turnladder.json.JsonWriter;

/**
 * Round-trip times of answered checks: from the last copy of a request sent before its first response to that
 * response (so a retransmission after a lost request does not inflate it).
 *
 * @param count transactions measured
 */
public record RoundTrip(long count, double minMs, double avgMs, double maxMs) {
    public static final RoundTrip NONE = new RoundTrip(0, 0, 0, 0);

    public void writeJson(JsonWriter w) {
        w.beginObject().field("count", count);
        if (count > 0) {
            w.field("minMs", round(minMs)).field("avgMs", round(avgMs)).field("maxMs", round(maxMs));
        }
        w.endObject();
    }

    private static Double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }
}
