package org.turnladder.stun;

/** How an attribute value is laid out, which decides how it is shown and typed. */
enum ValueKind {
    /** family + port + address, in clear */
    ADDRESS,
    /** family + port + address, XORed with header bytes 4–19 (RFC 5389 §15.2; MS 0x8020 uses bytes 4–7) */
    XOR_ADDRESS,
    /** UTF-8 text */
    TEXT,
    /** UTF-8 text, trailing zero fill (MS) removed */
    USERNAME,
    ERROR_CODE,
    /** list of 16-bit attribute types */
    UNKNOWN_ATTRIBUTES,
    /** unsigned 32-bit number */
    UINT32,
    /** unsigned 16-bit number in the first two bytes, two RFFU bytes */
    UINT16_RFFU,
    /** IP protocol number in the first byte */
    TRANSPORT,
    /** address family byte (REQUESTED-ADDRESS-FAMILY) */
    FAMILY,
    /** no value */
    EMPTY,
    /** 64-bit number shown in hex (ICE tie breakers, MS multiplexed session id) */
    UINT64_HEX,
    /** MAGIC-COOKIE of MS-TURN */
    MS_MAGIC,
    /** everything else: hex */
    OPAQUE
}
