package org.turnladder.stun;

/**
 * Fast, allocation-free "is this STUN?" tests for framing code (PROTOCOLS.md §1.8, §7.1).
 * All offsets are absolute in {@code buf}; nothing here reads outside {@code [off, off + avail)}.
 */
public final class StunProbe {
    public static final int HEADER_LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** Bytes needed to see the MS-TURN MAGIC-COOKIE attribute that follows the header. */
    public static final int MS_PROBE_LENGTH = 28;

    private static final byte[] MS_MAGIC_ATTRIBUTE = {0x00, 0x0F, 0x00, 0x04, 0x72, (byte) 0xC6, 0x4B, (byte) 0xC6};

    private StunProbe() {
    }

    /** Same as {@link #messageLength(byte[], int, int, boolean)} without the RFC 3489 allowance. */
    public static int messageLength(byte[] buf, int off, int avail) {
        return messageLength(buf, off, avail, false);
    }

    /**
     * Total length (20 + header Length) of the STUN message that may start at {@code off}; {@code 0} if more bytes
     * are needed to decide; {@code -1} if it is not STUN. Plausible means: first two bits 0 and either the magic
     * cookie at +4, or the MS-TURN MAGIC-COOKIE attribute at +20, or (only with {@code allowClassic}) a Binding or
     * SharedSecret type of RFC 3489 with a Length that is a multiple of 4.
     */
    public static int messageLength(byte[] buf, int off, int avail, boolean allowClassic) {
        if (avail <= 0) {
            return 0;
        }
        if ((buf[off] & 0xC0) != 0) {
            return -1;
        }
        if (avail < HEADER_LENGTH) {
            return 0;
        }
        int total = HEADER_LENGTH + Bytes.u16(buf, off + 2);
        if (Bytes.i32(buf, off + 4) == MAGIC_COOKIE) {
            return total;
        }
        if (allowClassic && isClassicType(Bytes.u16(buf, off)) && (total & 3) == 0) {
            return total;
        }
        int ms = msMagicAttributeAt(buf, off + HEADER_LENGTH, avail - HEADER_LENGTH, total - HEADER_LENGTH);
        if (ms > 0) {
            return total;
        }
        return ms == 0 ? 0 : -1;
    }

    /**
     * Strict check that exactly {@code len} bytes at {@code off} are one STUN message: type with first bits 0,
     * Length == len − 20, magic cookie / MS MAGIC-COOKIE attribute / known RFC 3489 type, and a TLV walk that ends
     * exactly at the end (padded; unpadded also accepted for MS-TURN and RFC 3489).
     */
    public static boolean isStun(byte[] buf, int off, int len) {
        if (len < HEADER_LENGTH || (buf[off] & 0xC0) != 0 || Bytes.u16(buf, off + 2) != len - HEADER_LENGTH) {
            return false;
        }
        int type = Bytes.u16(buf, off);
        int method = StunMethods.methodOf(type);
        boolean cookie = Bytes.i32(buf, off + 4) == MAGIC_COOKIE;
        boolean ms = msMagicAttributeAt(buf, off + HEADER_LENGTH, len - HEADER_LENGTH, len - HEADER_LENGTH) > 0;
        if (method > 0xFF) {
            return false;
        }
        if (!cookie && !ms && !(isClassicType(type) && (len & 3) == 0)) {
            return false;
        }
        int start = off + HEADER_LENGTH;
        int end = off + len;
        if (walkEndsExactly(buf, start, end, true)) {
            return true;
        }
        return (ms || !cookie) && walkEndsExactly(buf, start, end, false);
    }

    /** Whether the 8 bytes at {@code off} are the MS-TURN MAGIC-COOKIE attribute (caller checked bounds). */
    static boolean isMsMagicAttribute(byte[] buf, int off) {
        for (int i = 0; i < MS_MAGIC_ATTRIBUTE.length; i++) {
            if (buf[off + i] != MS_MAGIC_ATTRIBUTE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * 1 if the MS MAGIC-COOKIE attribute is at {@code off}, 0 if the available bytes agree so far but are too few,
     * -1 if it is not there. {@code bodyLength} is the header's Length (the attribute must fit in it).
     */
    private static int msMagicAttributeAt(byte[] buf, int off, int avail, int bodyLength) {
        if (bodyLength < MS_MAGIC_ATTRIBUTE.length) {
            return -1;
        }
        int n = Math.min(avail, MS_MAGIC_ATTRIBUTE.length);
        for (int i = 0; i < n; i++) {
            if (buf[off + i] != MS_MAGIC_ATTRIBUTE[i]) {
                return -1;
            }
        }
        return n == MS_MAGIC_ATTRIBUTE.length ? 1 : 0;
    }

    /** RFC 3489 message types: Binding and Shared Secret requests and responses. */
    static boolean isClassicType(int type) {
        return switch (type) {
            case 0x0001, 0x0101, 0x0111, 0x0002, 0x0102, 0x0112 -> true;
            default -> false;
        };
    }

    /** Whether attribute TLVs from {@code start} end exactly at {@code end}, with or without 4-byte padding. */
    static boolean walkEndsExactly(byte[] buf, int start, int end, boolean padded) {
        int pos = start;
        while (end - pos >= 4) {
            int len = Bytes.u16(buf, pos + 2);
            if (padded) {
                len = (len + 3) & ~3;
            }
            pos += 4 + len;
        }
        return pos == end;
    }
}
