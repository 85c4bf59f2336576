package org.turnladder.framing;

/** What one TCP direction is found to carry; decides how its bytes are cut into messages. */
public enum StreamMode {
    /** not decided yet: too few bytes, or looking for a recognisable message after a gap */
    UNKNOWN,
    /** back-to-back STUN/TURN messages and ChannelData (RFC 5389 §7.2.2, RFC 5766 TCP) */
    STUN_STREAM,
    /** RFC 4571 two-byte length frames (ICE-TCP) */
    RFC4571,
    /** Microsoft MS-TURN 4-byte frames, maybe after a pseudo-TLS hello */
    MS_TURN,
    /** SIP messages over TCP */
    SIP,
    /** real TLS: recognised and labelled, not decoded */
    TLS,
    /** client side of an RFC 6062 data connection after sending ConnectionBind, waiting for the answer */
    BIND_PENDING,
    /** an RFC 6062 data connection after a successful ConnectionBind: the peer's bytes, RFC 4571 framed */
    RELAYED,
    /** a relayed connection whose content is not RFC 4571: counted, not decoded */
    RELAYED_OPAQUE,
    /** nothing TurnLadder decodes: not buffered */
    OPAQUE
}
