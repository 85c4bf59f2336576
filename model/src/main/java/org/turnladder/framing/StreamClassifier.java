package org.turnladder.framing;

import org.turnladder.sip.SipFraming;
import org.turnladder.stun.StunProbe;

/**
 * Decides from content alone, whatever the port, what a TCP direction carries (PROTOCOLS.md §5.5), and finds the
 * next recognisable message after bytes were lost.
 */
public final class StreamClassifier {
    /** Bytes needed before a verdict is possible for the longest check (MS-TURN: frame header + 28). */
    static final int DECIDE_BYTES = 32;

    private StreamClassifier() {
    }

    /** A verdict: the mode, and for pseudo-TLS how many hello bytes to skip first. */
    public record Verdict(StreamMode mode, int skip) {
        static final Verdict NEED_MORE = new Verdict(StreamMode.UNKNOWN, 0);
        static final Verdict NOTHING = new Verdict(StreamMode.OPAQUE, 0);
    }

    /** Classifies a stream from its first bytes at {@code off}. */
    public static Verdict classify(byte[] b, int off, int avail) {
        if (avail < 4) {
            return Verdict.NEED_MORE;
        }
        int b0 = b[off] & 0xff;
        if (b0 == 0x16 && (b[off + 1] & 0xff) == 0x03) {
            return classifyTls(b, off, avail);
        }
        if (b0 == 0x02 && b[off + 1] == 0) {
            int v = msTurnFrame(b, off, avail);
            if (v != 0) {
                return v > 0 ? new Verdict(StreamMode.MS_TURN, 0) : Verdict.NOTHING;
            }
            return Verdict.NEED_MORE;
        }
        if ((b0 & 0xC0) == 0) {
            int n = StunProbe.messageLength(b, off, avail);
            if (n > 0) {
                return new Verdict(StreamMode.STUN_STREAM, 0);
            }
            int framed = rfc4571Stun(b, off, avail);
            if (framed > 0) {
                return new Verdict(StreamMode.RFC4571, 0);
            }
            if (isRfc4571Rtp(b, off, avail)) {
                return new Verdict(StreamMode.RFC4571, 0);
            }
            return (n == 0 || framed == 0) && avail < DECIDE_BYTES ? Verdict.NEED_MORE : Verdict.NOTHING;
        }
        if (b0 >= 'A' && b0 <= 'Z') {
            return SipFraming.messageLength(b, off, avail) != -1 ? new Verdict(StreamMode.SIP, 0) : Verdict.NOTHING;
        }
        return Verdict.NOTHING;
    }

    private static Verdict classifyTls(byte[] b, int off, int avail) {
        if (avail < 11) {
            return Verdict.NEED_MORE;
        }
        if (PseudoTls.isClientHello(b, off, avail) || PseudoTls.isServerHello(b, off, avail)) {
            int len = 5 + (((b[off + 3] & 0xff) << 8) | (b[off + 4] & 0xff));
            return avail < len ? Verdict.NEED_MORE : new Verdict(StreamMode.MS_TURN, len);
        }
        int version = b[off + 2] & 0xff;
        int len = ((b[off + 3] & 0xff) << 8) | (b[off + 4] & 0xff);
        return version <= 4 && len <= 0x4800 ? new Verdict(StreamMode.TLS, 0) : Verdict.NOTHING;
    }

    /**
     * An MS-TURN control frame at {@code off}: {@code 02 00 LLLL} and an MS-TURN message (MAGIC-COOKIE attribute
     * first) of length LLLL. Returns 1 when it is one, -1 when not, 0 when more bytes are needed.
     */
    static int msTurnFrame(byte[] b, int off, int avail) {
        if (avail < 4 + 28) {
            return 0;
        }
        if (b[off] != 0x02 || b[off + 1] != 0) {
            return -1;
        }
        int n = ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        int stun = StunProbe.messageLength(b, off + 4, avail - 4);
        return stun == n && hasMsMagicCookie(b, off + 4, avail - 4) ? 1 : -1;
    }

    /**
     * An RFC 4571 frame holding STUN at {@code off}: a two-byte length equal to the STUN message's length, cookie at
     * +6. Returns the frame's total length, -1 when not, 0 when more bytes are needed.
     */
    static int rfc4571Stun(byte[] b, int off, int avail) {
        if (avail < 2 + 20) {
            return 0;
        }
        int n = ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
        int stun = StunProbe.messageLength(b, off + 2, avail - 2);
        return stun > 0 && stun == n ? 2 + n : -1;
    }

    /** RFC 4571 frames carrying RTP (version 2), checked over three chained frames when present. */
    static boolean isRfc4571Rtp(byte[] b, int off, int avail) {
        int pos = off;
        int frames = 0;
        while (frames < 3 && pos + 3 <= off + avail) {
            int n = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
            int v = b[pos + 2] & 0xC0;
            if (n < 12 || n > 16384 || v != 0x80) {
                return false;
            }
            frames++;
            pos += 2 + n;
        }
        return frames >= 3 || (frames >= 1 && pos == off + avail);
    }

    /**
     * After a gap: the offset of the next message that can be recognised in {@code mode} (or in any mode when
     * {@code mode} is UNKNOWN), or -1 when none is in view. Only complete, self-consistent messages count.
     */
    public static int resync(StreamMode mode, byte[] b, int off, int avail) {
        int end = off + avail;
        for (int i = off; i + 20 <= end; i++) {
            if (isCookieAt(b, i + 4, end) && (mode == StreamMode.UNKNOWN || mode == StreamMode.STUN_STREAM)
                    && StunProbe.messageLength(b, i, end - i) > 0 && completeStun(b, i, end)) {
                return i;
            }
            if (isCookieAt(b, i + 6, end) && (mode == StreamMode.UNKNOWN || mode == StreamMode.RFC4571
                    || mode == StreamMode.RELAYED) && rfc4571Stun(b, i, end - i) > 0
                    && completeStun(b, i + 2, end)) {
                return i;
            }
            if (b[i] == 0x02 && b[i + 1] == 0 && (mode == StreamMode.UNKNOWN || mode == StreamMode.MS_TURN)
                    && msTurnFrame(b, i, end - i) > 0) {
                return i;
            }
            if ((mode == StreamMode.UNKNOWN || mode == StreamMode.SIP) && (i == off || b[i - 1] == '\n')
                    && b[i] >= 'A' && b[i] <= 'Z' && SipFraming.messageLength(b, i, end - i) > 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean completeStun(byte[] b, int at, int end) {
        int n = StunProbe.messageLength(b, at, end - at);
        return n > 0 && at + n <= end && StunProbe.isStun(b, at, n);
    }

    /** MS-TURN's MAGIC-COOKIE attribute {@code 00 0F 00 04 72 C6 4B C6} as the first attribute. */
    static boolean hasMsMagicCookie(byte[] b, int off, int avail) {
        return avail >= 28 && b[off + 20] == 0 && b[off + 21] == 0x0F && b[off + 22] == 0 && b[off + 23] == 0x04
                && b[off + 24] == 0x72 && (b[off + 25] & 0xff) == 0xC6 && b[off + 26] == 0x4B
                && (b[off + 27] & 0xff) == 0xC6;
    }

    private static boolean isCookieAt(byte[] b, int i, int end) {
        return i + 4 <= end && b[i] == 0x21 && b[i + 1] == 0x12 && (b[i + 2] & 0xff) == 0xA4 && b[i + 3] == 0x42;
    }
}
