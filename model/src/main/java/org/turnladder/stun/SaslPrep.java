package org.turnladder.stun;

import java.text.Normalizer;

/**
 * The parts of SASLprep (RFC 4013) that change real passwords: characters "commonly mapped to nothing" removed,
 * non-ASCII spaces mapped to U+0020, then NFKC. Prohibited-character and bidi checks are left out: a decoder
 * verifying a captured HMAC only needs the same bytes the sender hashed.
 */
public final class SaslPrep {
    private SaslPrep() {
    }

    public static String prepare(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (mapsToNothing(c)) {
                continue;
            }
            sb.append(isNonAsciiSpace(c) ? ' ' : c);
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFKC);
    }

    /** RFC 3454 table B.1. */
    private static boolean mapsToNothing(char c) {
        return c == '\u00AD' || c == '\u034F' || c == '\u1806' || (c >= '\u180B' && c <= '\u180D')
                || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || (c >= '\uFE00' && c <= '\uFE0F')
                || c == '\uFEFF';
    }

    /** RFC 3454 table C.1.2. */
    private static boolean isNonAsciiSpace(char c) {
        return c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200B') || c == '\u202F' || c == '\u205F'
                || c == '\u3000';
    }
}
