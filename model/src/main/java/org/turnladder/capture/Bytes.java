package org.turnladder.capture;

/** Unsigned integer reads from a byte array in either byte order. */
final class Bytes {
    private Bytes() {
    }

    static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff)
                : ((b[off + 1] & 0xff) << 8) | (b[off] & 0xff);
    }

    /** 32-bit value as an int (callers wanting unsigned use {@link #u32L}). */
    static int i32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff)
                : ((b[off + 3] & 0xff) << 24) | ((b[off + 2] & 0xff) << 16) | ((b[off + 1] & 0xff) << 8) | (b[off] & 0xff);
    }

    static long u32L(byte[] b, int off, boolean bigEndian) {
        return i32(b, off, bigEndian) & 0xffffffffL;
    }

    static long i64(byte[] b, int off, boolean bigEndian) {
        long first = u32L(b, off, bigEndian);
        long second = u32L(b, off + 4, bigEndian);
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b[off + i] >> 4) & 0xf, 16)).append(Character.forDigit(b[off + i] & 0xf, 16));
        }
        return sb.toString();
    }
}
