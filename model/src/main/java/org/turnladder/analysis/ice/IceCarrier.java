package org.turnladder.analysis.ice;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * What carries checks through a relay: an RFC 6062 data connection after its ConnectionBind or an MS-TURN connection
 * (0x03 end-to-end frames), whose two ends are what the checks are seen travelling between, not the agents' own
 * addresses; or a TURN relay's Send/Data indications and ChannelData, where the ends are the TURN client and the peer.
 *
 * @param connection the TCP connection id (Wireshark's {@code tcp.stream}), -1 for a TURN relay reached over UDP
 * @param a          the end that sent the first check seen on it
 * @param b          the other end
 */
public record IceCarrier(Kind kind, long connection, Endpoint a, Endpoint b) {

    /** What sort of connection carries the checks. */
    public enum Kind {
        RFC6062_DATA("RFC 6062 data connection", "rfc6062-data"),
        MS_TURN("MS-TURN connection", "ms-turn"),
        /** inside TURN Send/Data indications and ChannelData (RFC 5766 and MS-TURN, usually a UDP relay) */
        TURN_RELAY("TURN relay (Send/Data indications, ChannelData)", "turn-relay");

        private final String text;
        private final String json;

        Kind(String text, String json) {
            this.text = text;
            this.json = json;
        }

        public String text() {
            return text;
        }

        public String json() {
            return json;
        }
    }

    /** "RFC 6062 data connection 127.0.0.3:43163 ⇄ 127.0.0.2:3478 (TCP stream 2)". */
    public String describe() {
        return kind.text() + " " + a + " ⇄ " + b + (connection >= 0 ? " (TCP stream " + connection + ")" : "");
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("kind", kind.json())
                .field("connection", connection)
                .field("a", a.toString())
                .field("b", b.toString())
                .endObject();
    }
}
