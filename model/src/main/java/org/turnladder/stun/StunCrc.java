package org.turnladder.stun;

import java.util.zip.CRC32;

/**
 * FINGERPRINT arithmetic (PROTOCOLS.md §1.7): CRC-32 XOR 0x5354554E, plus the variant old Microsoft stacks
 * computed with one wrong CRC table entry (0x8BBEB8EA written as 0x08BBE8EA).
 */
public final class StunCrc {
    public static final int FINGERPRINT_XOR = 0x5354554E;

    private static final int[] MS_LEGACY_TABLE = legacyTable();

    private StunCrc() {
    }

    /** The FINGERPRINT value for {@code len} bytes (the message up to the FINGERPRINT attribute). */
    public static int fingerprint(byte[] buf, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(buf, off, len);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    /** The FINGERPRINT value an old Microsoft stack would have computed. */
    public static int msLegacyFingerprint(byte[] buf, int off, int len) {
        int c = 0xFFFFFFFF;
        for (int i = off; i < off + len; i++) {
            c = MS_LEGACY_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
        }
        return ~c ^ FINGERPRINT_XOR;
    }

    private static int[] legacyTable() {
        int[] t = new int[256];
        int patched = 0;
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            if (c == 0x8BBEB8EA) {
                c = 0x08BBE8EA;
                patched++;
            }
            t[n] = c;
        }
        if (patched != 1) {
            throw new AssertionError("CRC table has no entry 0x8BBEB8EA");
        }
        return t;
    }
}
