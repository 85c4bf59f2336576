package org.turnladder.stun;

/** Which STUN family a message belongs to (PROTOCOLS.md §7.1). */
public enum Dialect {
    /** RFC 5389/8489 with the magic cookie 0x2112A442 in the header (includes MS-ICE2 checks) */
    RFC5389("rfc5389"),
    /** classic RFC 3489: no cookie, 128-bit transaction ID */
    RFC3489("rfc3489"),
    /** Microsoft MS-TURN: MAGIC-COOKIE attribute first, swapped REALM/NONCE, plain addresses, no padding */
    MS_TURN("ms-turn");

    private final String json;

    Dialect(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
