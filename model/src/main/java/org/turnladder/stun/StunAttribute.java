package org.turnladder.stun;

/**
 * One decoded STUN attribute.
 *
 * @param type    attribute type code
 * @param name    name in the message's dialect ("XOR-PEER-ADDRESS", "REMOTE-ADDRESS")
 * @param value   readable value ("198.51.100.20:50123", "401 Unauthorized", hex for opaque values)
 * @param offset  first byte of the attribute header, relative to the message start
 * @param length  header + value bytes (padding excluded)
 * @param decoded typed value: {@link org.turnladder.net.Endpoint}, {@link Integer}, {@link Long}, {@link String},
 *                {@code byte[]}, {@link ErrorCode}, {@code int[]} (UNKNOWN-ATTRIBUTES), or {@code null} when the
 *                value was malformed or empty
 */
public record StunAttribute(int type, String name, String value, int offset, int length, Object decoded) {

    /** First value byte, relative to the message start. */
    public int valueOffset() {
        return offset + 4;
    }

    public int valueLength() {
        return length - 4;
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
