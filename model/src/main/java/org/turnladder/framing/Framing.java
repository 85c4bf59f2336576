package org.turnladder.framing;

/** How a message was carried. The names are those of the {@code decode} command's JSON. */
public enum Framing {
    /** one message per UDP datagram */
    DATAGRAM("datagram"),
    /** back-to-back messages in a TCP stream, delimited by their own lengths (RFC 5389 §7.2.2, SIP) */
    STREAM("stream"),
    /** two-byte length prefix, RFC 4571 (ICE-TCP) */
    RFC4571("rfc4571"),
    /** Microsoft MS-TURN 4-byte frame header ({@code 02|03 00 LLLL}) */
    MS_TURN("ms-turn"),
    /**
     * carried through a TURN relay: inside an RFC 6062 data connection after ConnectionBind (itself RFC 4571
     * framed), or inside the DATA of a Send/Data indication or the data of ChannelData (right after its carrier)
     */
    RELAYED("relayed");

    private final String json;

    Framing(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
