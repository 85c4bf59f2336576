package org.turnladder.stun;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.turnladder.net.Endpoint;

/**
 * Test-side builder of STUN messages: computes lengths, padding, XOR addresses, MESSAGE-INTEGRITY and FINGERPRINT
 * independently of the decoder, so tests can state messages the way the RFCs describe them.
 */
final class StunTestMessages {
    static final String TID_96 = "0a1b2c3d4e5f60718293a4b5";
    static final String TID_128 = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    private StunTestMessages() {
    }

    /** RFC 5389 message: cookie 2112A442, 96-bit transaction ID, padded attributes. */
    static Builder rfc5389(int type) {
        return new Builder(type, "2112a442" + TID_96, true);
    }

    /** RFC 3489 message: 128-bit transaction ID, no cookie. */
    static Builder rfc3489(int type) {
        return new Builder(type, TID_128, true);
    }

    /** MS-TURN message: random 128-bit ID, MAGIC-COOKIE attribute first, no attribute padding. */
    static Builder msTurn(int type) {
        return new Builder(type, TID_128, false).attr(0x000F, hex("72c64bc6"));
    }

    /** MS-TURN message that carries the RFC 5389 cookie in bytes 4–7 anyway. */
    static Builder msTurnWithCookie(int type) {
        return new Builder(type, "2112a442" + TID_96, false).attr(0x000F, hex("72c64bc6"));
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static final class Builder {
        private final int type;
        private final byte[] header4to19;
        private final boolean padded;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private Integer lengthOverride;

        private Builder(int type, String header4to19Hex, boolean padded) {
            this.type = type;
            this.header4to19 = hex(header4to19Hex);
            this.padded = padded;
        }

        Builder attr(int attrType, byte[] value) {
            body.write(attrType >> 8);
            body.write(attrType);
            body.write(value.length >> 8);
            body.write(value.length);
            body.writeBytes(value);
            if (padded) {
                body.writeBytes(new byte[(-value.length) & 3]);
            }
            return this;
        }

        Builder attrHex(int attrType, String hexValue) {
            return attr(attrType, hex(hexValue));
        }

        Builder text(int attrType, String text) {
            return attr(attrType, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Text zero-filled to a multiple of 4 inside the value, as MS stacks send USERNAME. */
        Builder zeroFilledText(int attrType, String text) {
            byte[] t = text.getBytes(StandardCharsets.UTF_8);
            byte[] v = new byte[(t.length + 3) & ~3];
            System.arraycopy(t, 0, v, 0, t.length);
            return attr(attrType, v);
        }

        Builder u32(int attrType, long value) {
            return attr(attrType, new byte[]{(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8),
                    (byte) value});
        }

        Builder software(String text) {
            return text(0x8022, text);
        }

        Builder empty(int attrType) {
            return attr(attrType, new byte[0]);
        }

        Builder requestedTransport(int protocol) {
            return attr(0x0019, new byte[]{(byte) protocol, 0, 0, 0});
        }

        Builder errorCode(int code, String reason) {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            byte[] v = new byte[4 + r.length];
            v[2] = (byte) (code / 100);
            v[3] = (byte) (code % 100);
            System.arraycopy(r, 0, v, 4, r.length);
            return attr(0x0009, v);
        }

        /** Plain address attribute (MAPPED-ADDRESS, MS REMOTE-/DESTINATION-ADDRESS). */
        Builder address(int attrType, String endpoint) {
            return attr(attrType, addressValue(Endpoint.parse(endpoint), false));
        }

        /** XOR address: port ^ header bytes 4–5, address ^ header bytes 4.. (RFC 5389 §15.2, MS 0x8020). */
        Builder xorAddress(int attrType, String endpoint) {
            return attr(attrType, addressValue(Endpoint.parse(endpoint), true));
        }

        private byte[] addressValue(Endpoint ep, boolean xor) {
            byte[] a = ep.addressBytes();
            byte[] v = new byte[4 + a.length];
            v[1] = (byte) (a.length == 4 ? 1 : 2);
            int port = ep.port() ^ (xor ? ((header4to19[0] & 0xff) << 8 | (header4to19[1] & 0xff)) : 0);
            v[2] = (byte) (port >> 8);
            v[3] = (byte) port;
            for (int i = 0; i < a.length; i++) {
                v[4 + i] = (byte) (a[i] ^ (xor ? header4to19[i] : 0));
            }
            return v;
        }

        /** Writes a wrong header Length (for truncation tests). */
        Builder lengthField(int length) {
            this.lengthOverride = length;
            return this;
        }

        /** MESSAGE-INTEGRITY per RFC 5389 §15.4 (header Length counting up to the end of this attribute). */
        Builder messageIntegrity(byte[] key) {
            return integrity(key, false);
        }

        /** MESSAGE-INTEGRITY with the RFC 3489 / MS-TURN input: zero-padded to a multiple of 64 bytes. */
        Builder messageIntegrityPadded64(byte[] key) {
            return integrity(key, true);
        }

        private Builder integrity(byte[] key, boolean pad64) {
            byte[] soFar = build(body.size() + 24);
            byte[] input = java.util.Arrays.copyOf(soFar, pad64 ? (soFar.length + 63) & ~63 : soFar.length);
            return attr(0x0008, hmacSha1(key, input));
        }

        /** FINGERPRINT = CRC-32 of the message so far (Length already covering it) XOR 0x5354554E. */
        Builder fingerprint() {
            byte[] soFar = build(body.size() + 8);
            CRC32 crc = new CRC32();
            crc.update(soFar);
            return u32(0x8028, crc.getValue() ^ 0x5354554EL);
        }

        /** FINGERPRINT computed with the CRC table of old Microsoft stacks (entry 0x8BBEB8EA → 0x08BBE8EA). */
        Builder msLegacyFingerprint() {
            byte[] soFar = build(body.size() + 8);
            return u32(0x8028, (legacyCrc(soFar) ^ 0x5354554EL) & 0xffffffffL);
        }

        /** Any FINGERPRINT value (for mismatch tests). */
        Builder fingerprintValue(long value) {
            return u32(0x8028, value);
        }

        byte[] build() {
            return build(lengthOverride != null ? lengthOverride : body.size());
        }

        private byte[] build(int lengthField) {
            byte[] b = body.toByteArray();
            byte[] out = new byte[20 + b.length];
            out[0] = (byte) (type >> 8);
            out[1] = (byte) type;
            out[2] = (byte) (lengthField >> 8);
            out[3] = (byte) lengthField;
            System.arraycopy(header4to19, 0, out, 4, 16);
            System.arraycopy(b, 0, out, 20, b.length);
            return out;
        }

        private static byte[] hmacSha1(byte[] key, byte[] input) {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(key, "HmacSHA1"));
                return mac.doFinal(input);
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }

        private static long legacyCrc(byte[] data) {
            long crc = 0xFFFFFFFFL;
            for (byte b : data) {
                long entry = (crc ^ b) & 0xff;
                for (int k = 0; k < 8; k++) {
                    entry = (entry & 1) != 0 ? 0xEDB88320L ^ (entry >>> 1) : entry >>> 1;
                }
                if (entry == 0x8BBEB8EAL) {
                    entry = 0x08BBE8EAL;
                }
                crc = entry ^ (crc >>> 8);
            }
            return ~crc & 0xFFFFFFFFL;
        }
    }
}
