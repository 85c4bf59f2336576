package org.turnladder.stun;

import java.nio.charset.StandardCharsets;

/** Big-endian reads and hex/text conversions shared by the decoders. */
final class Bytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    static int i32(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    static long u32(byte[] b, int i) {
        return i32(b, i) & 0xffffffffL;
    }

    static String hex(byte[] b, int off, int len) {
        char[] out = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xff;
            out[2 * i] = HEX[v >>> 4];
            out[2 * i + 1] = HEX[v & 0x0f];
        }
        return new String(out);
    }

    /** UTF-8 text with trailing NUL bytes removed (MS zero fill). */
    static String textWithoutZeroFill(byte[] b, int off, int len) {
        int end = off + len;
        while (end > off && b[end - 1] == 0) {
            end--;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    static String utf8(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    /** {@code 0x0113}: on the hot path (every message's type), so without Formatter. */
    static String hex4(int v) {
        char[] c = {'0', 'x', HEX[(v >> 12) & 0xf], HEX[(v >> 8) & 0xf], HEX[(v >> 4) & 0xf], HEX[v & 0xf]};
        return new String(c);
    }
}
