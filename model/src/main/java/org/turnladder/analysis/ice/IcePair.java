package org.turnladder.analysis.ice;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Transport;

/**
 * One candidate pair of the ICE check matrix, as of the moment it was asked for.
 *
 * @param index     1-based, in the order the pairs' first checks appear
 * @param transport UDP or TCP (checks inside relayed TCP are TCP)
 * @param carrier   the connection that carries the checks when they ride relayed TCP, else {@code null}
 * @param a         the end that sent the first check seen
 * @param b         the other end
 * @param ab        checks from {@code a} to {@code b} and their responses
 * @param ba        checks from {@code b} to {@code a} and their responses
 */
public record IcePair(int index, Transport transport, IceCarrier carrier, IceSide a, IceSide b, IceDirection ab,
                      IceDirection ba) {

    /** The pair works only with a request and a success response in each direction. */
    public boolean works() {
        return ab.works() && ba.works();
    }

    /** A check with USE-CANDIDATE was answered with success, either way. */
    public boolean nominated() {
        return ab.nominated() || ba.nominated();
    }

    /**
     * "UDP 127.0.0.5:40307 ⇄ 127.0.0.6:40315 (ufrags hygp ⇄ fRDI)", or "TCP inside the RFC 6062 data connection …
     * with ufrags c7Hn ⇄ Yq5v".
     */
    public String describe() {
        if (carrier != null) {
            return transport + " inside the " + carrier.describe()
                    + (a.ufrag() == null && b.ufrag() == null ? "" : " with ufrags " + a.ufrag() + " ⇄ " + b.ufrag());
        }
        return transport + " " + a.endpoint() + " ⇄ " + b.endpoint() + agents();
    }

    private String agents() {
        if (a.ufrag() == null && b.ufrag() == null) {
            return "";
        }
        return " (ufrags " + a.ufrag() + " ⇄ " + b.ufrag() + ")";
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("index", index)
                .field("transport", transport.name())
                .field("description", describe());
        if (carrier != null) {
            w.name("carrier");
            carrier.writeJson(w);
        }
        w.name("a");
        a.writeJson(w);
        w.name("b");
        b.writeJson(w);
        w.name("directions").beginArray();
        ab.writeJson(w);
        ba.writeJson(w);
        w.endArray()
                .field("works", works())
                .field("nominated", nominated())
                .endObject();
    }
}
