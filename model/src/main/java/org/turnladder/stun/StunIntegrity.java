package org.turnladder.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies MESSAGE-INTEGRITY when the password is known (PROTOCOLS.md §1.5). Tries, in order, the RFC 5389 input
 * (header Length ending at MESSAGE-INTEGRITY), the RFC 3489 / MS-TURN input (same, zero-padded to a multiple of
 * 64 bytes) and the legacy MS-ICE2 input (real header Length, zero-padded to 64). A 20-byte value is HMAC-SHA1,
 * a 32-byte one HMAC-SHA256 (MS-TURN v3+).
 */
public final class StunIntegrity {
    private StunIntegrity() {
    }

    /** Short-term credentials (ICE): key = SASLprep(password). */
    public static IntegrityCheck verifyShortTerm(byte[] buf, int off, int len, String password) {
        return verify(buf, off, len, shortTermKey(password));
    }

    public static IntegrityCheck verifyShortTerm(byte[] message, String password) {
        return verifyShortTerm(message, 0, message.length, password);
    }

    /** Long-term credentials (TURN): key = MD5(username ":" realm ":" SASLprep(password)). */
    public static IntegrityCheck verifyLongTerm(byte[] buf, int off, int len, String username, String realm,
                                                String password) {
        return verify(buf, off, len, longTermKey(username, realm, password));
    }

    public static IntegrityCheck verifyLongTerm(byte[] message, String username, String realm, String password) {
        return verifyLongTerm(message, 0, message.length, username, realm, password);
    }

    public static byte[] shortTermKey(String password) {
        return SaslPrep.prepare(password).getBytes(StandardCharsets.UTF_8);
    }

    /** MD5 of {@code user:realm:SASLprep(password)}; surrounding quotes (MS-TURN realms) removed first, as libnice does. */
    public static byte[] longTermKey(String username, String realm, String password) {
        String text = unquote(username) + ":" + unquote(realm) + ":" + SaslPrep.prepare(password);
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 missing from the JRE", e);
        }
    }

    /** Verifies with a ready key against the first MESSAGE-INTEGRITY attribute of the message. */
    public static IntegrityCheck verify(byte[] buf, int off, int len, byte[] key) {
        StunMessage m = StunDecoder.decode(buf, off, len);
        StunAttribute mi = m.attribute(StunAttributeTypes.MESSAGE_INTEGRITY).orElse(null);
        if (mi == null) {
            return IntegrityCheck.ABSENT;
        }
        int macLen = mi.valueLength();
        String algorithm = macLen == 20 ? "HmacSHA1" : macLen == 32 ? "HmacSHA256" : null;
        if (algorithm == null || key.length == 0) {
            return IntegrityCheck.INVALID;
        }
        byte[] sent = Arrays.copyOfRange(buf, off + mi.valueOffset(), off + mi.valueOffset() + macLen);
        int covered = mi.offset();
        int lengthUpToMi = covered + 4 + macLen - StunProbe.HEADER_LENGTH;
        int realLength = m.declaredLength();
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            if (matches(mac, buf, off, covered, lengthUpToMi, false, sent)
                    || matches(mac, buf, off, covered, lengthUpToMi, true, sent)
                    || matches(mac, buf, off, covered, realLength, true, sent)) {
                return IntegrityCheck.VALID;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " missing from the JRE", e);
        }
        return IntegrityCheck.INVALID;
    }

    private static boolean matches(Mac mac, byte[] buf, int off, int covered, int headerLength, boolean pad64,
                                   byte[] sent) {
        int inputLength = pad64 ? (covered + 63) & ~63 : covered;
        byte[] input = new byte[inputLength];
        System.arraycopy(buf, off, input, 0, covered);
        input[2] = (byte) (headerLength >>> 8);
        input[3] = (byte) headerLength;
        return MessageDigest.isEqual(mac.doFinal(input), sent);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
