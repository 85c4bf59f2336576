package org.turnladder.stun;

import java.util.List;
import org.turnladder.net.Endpoint;

/** Turns one attribute value into its readable text and typed value (PROTOCOLS.md §3). */
final class AttributeValues {
    /** Text and typed value of one attribute. */
    record Decoded(String text, Object value) {
    }

    private AttributeValues() {
    }

    /**
     * @param msg      the buffer, message starting at {@code msgOff}
     * @param valueOff absolute offset of the value
     * @param len      value length (verified to be inside the message)
     * @param warnings where malformed values are reported
     */
    static Decoded decode(int type, String name, ValueKind kind, byte[] msg, int msgOff, int valueOff, int len,
                          List<String> warnings) {
        switch (kind) {
            case ADDRESS:
            case XOR_ADDRESS:
                return address(name, kind == ValueKind.XOR_ADDRESS, msg, msgOff, valueOff, len, warnings);
            case TEXT:
                return text(Bytes.utf8(msg, valueOff, len));
            case USERNAME:
                return text(Bytes.textWithoutZeroFill(msg, valueOff, len));
            case ERROR_CODE:
                return errorCode(msg, valueOff, len, warnings);
            case UNKNOWN_ATTRIBUTES:
                return unknownAttributes(msg, valueOff, len, warnings, name);
            case UINT32:
                if (len != 4) {
                    return malformed(name, "4 bytes", msg, valueOff, len, warnings);
                }
                long v = Bytes.u32(msg, valueOff);
                return new Decoded(Long.toString(v), v);
            case UINT16_RFFU:
                if (len != 4) {
                    return malformed(name, "4 bytes", msg, valueOff, len, warnings);
                }
                int n = Bytes.u16(msg, valueOff);
                return new Decoded(type == 0x000C ? Bytes.hex4(n) : Integer.toString(n), n);
            case TRANSPORT:
                if (len != 4) {
                    return malformed(name, "4 bytes", msg, valueOff, len, warnings);
                }
                int proto = Bytes.u8(msg, valueOff);
                return new Decoded(transportName(proto) + " (" + proto + ")", proto);
            case FAMILY:
                if (len != 4) {
                    return malformed(name, "4 bytes", msg, valueOff, len, warnings);
                }
                int fam = Bytes.u8(msg, valueOff);
                return new Decoded(fam == 1 ? "IPv4 (1)" : fam == 2 ? "IPv6 (2)" : "unknown (" + fam + ")", fam);
            case EMPTY:
                if (len != 0) {
                    warnings.add(name + " should be empty but has " + len + " bytes");
                }
                return new Decoded("", null);
            case UINT64_HEX:
                if (len != 8) {
                    return malformed(name, "8 bytes", msg, valueOff, len, warnings);
                }
                return new Decoded("0x" + Bytes.hex(msg, valueOff, 8),
                        (Bytes.u32(msg, valueOff) << 32) | Bytes.u32(msg, valueOff + 4));
            case MS_MAGIC:
                if (len != 4 || Bytes.i32(msg, valueOff) != StunAttributeTypes.MS_MAGIC_COOKIE_VALUE) {
                    return malformed(name, "4 bytes 72c64bc6", msg, valueOff, len, warnings);
                }
                return new Decoded("0x72c64bc6", Bytes.u32(msg, valueOff));
            case OPAQUE:
            default:
                return opaque(msg, valueOff, len);
        }
    }

    static Decoded opaque(byte[] msg, int valueOff, int len) {
        byte[] copy = java.util.Arrays.copyOfRange(msg, valueOff, valueOff + len);
        return new Decoded(Bytes.hex(msg, valueOff, len), copy);
    }

    static String transportName(int proto) {
        return switch (proto) {
            case 6 -> "TCP";
            case 17 -> "UDP";
            default -> "protocol";
        };
    }

    private static Decoded text(String s) {
        return new Decoded(s, s);
    }

    private static Decoded malformed(String name, String expected, byte[] msg, int valueOff, int len,
                                     List<String> warnings) {
        warnings.add(name + ": expected " + expected + ", got " + len + " bytes");
        return new Decoded(Bytes.hex(msg, valueOff, len), null);
    }

    private static Decoded address(String name, boolean xor, byte[] msg, int msgOff, int valueOff, int len,
                                   List<String> warnings) {
        if (len < 4) {
            return malformed(name, "an address", msg, valueOff, len, warnings);
        }
        int family = Bytes.u8(msg, valueOff + 1);
        int addrLen = family == 1 ? 4 : family == 2 ? 16 : -1;
        if (addrLen < 0) {
            warnings.add(name + ": unknown address family " + family);
            return new Decoded(Bytes.hex(msg, valueOff, len), null);
        }
        if (len != 4 + addrLen) {
            return malformed(name, (4 + addrLen) + " bytes for " + (family == 1 ? "IPv4" : "IPv6"), msg, valueOff,
                    len, warnings);
        }
        int port = Bytes.u16(msg, valueOff + 2);
        Endpoint ep;
        if (xor) {
            // Key = header bytes 4..19: the cookie (and transaction ID for IPv6) in RFC 5389; in MS-TURN the
            // first 32 bits of the random transaction ID, exactly as 0x8020 wants.
            port ^= Bytes.u16(msg, msgOff + 4);
            byte[] a = new byte[addrLen];
            for (int i = 0; i < addrLen; i++) {
                a[i] = (byte) (msg[valueOff + 4 + i] ^ msg[msgOff + 4 + i]);
            }
            ep = Endpoint.of(a, 0, addrLen, port);
        } else {
            ep = Endpoint.of(msg, valueOff + 4, addrLen, port);
        }
        return new Decoded(ep.toString(), ep);
    }

    private static Decoded errorCode(byte[] msg, int valueOff, int len, List<String> warnings) {
        if (len < 4) {
            return malformed("ERROR-CODE", "at least 4 bytes", msg, valueOff, len, warnings);
        }
        int cls = Bytes.u8(msg, valueOff + 2) & 0x07;
        int number = Bytes.u8(msg, valueOff + 3);
        if (cls < 3 || cls > 6) {
            warnings.add("ERROR-CODE class " + cls + " is outside 3–6");
        }
        if (number > 99) {
            warnings.add("ERROR-CODE number " + number + " is above 99");
        }
        int code = cls * 100 + number;
        String reason = Bytes.textWithoutZeroFill(msg, valueOff + 4, len - 4).strip();
        if (reason.isEmpty()) {
            String std = StunErrorCodes.reason(code);
            reason = std != null ? std : "";
        }
        ErrorCode ec = new ErrorCode(code, reason);
        return new Decoded(ec.toString(), ec);
    }

    private static Decoded unknownAttributes(byte[] msg, int valueOff, int len, List<String> warnings, String name) {
        if (len % 2 != 0) {
            warnings.add(name + ": odd length " + len);
        }
        int[] types = new int[len / 2];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            types[i] = Bytes.u16(msg, valueOff + 2 * i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Bytes.hex4(types[i]));
        }
        return new Decoded(sb.toString(), types);
    }
}
