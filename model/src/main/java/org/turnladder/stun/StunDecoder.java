package org.turnladder.stun;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.decode.Field;

/**
 * Decodes one STUN / TURN / MS-TURN message (PROTOCOLS.md §1–§4, §7). Never throws: malformed input becomes
 * warnings on the result, and nothing is allocated in proportion to a length field before it is checked against
 * the bytes present.
 */
public final class StunDecoder {
    private StunDecoder() {
    }

    /**
     * @param buf bytes holding the message
     * @param off first byte of the message
     * @param len exactly the message's bytes, as decided by the framing layer
     */
    public static StunMessage decode(byte[] buf, int off, int len) {
        List<String> warnings = new ArrayList<>(2);
        List<Field> problems = new ArrayList<>(0);
        if (buf == null || off < 0 || len < 0 || off > buf.length || len > buf.length - off) {
            warnings.add("no message bytes (offset/length outside the buffer)");
            return new StunMessage(0, -1, 0, Dialect.RFC5389, false, true, "", List.of(), List.of(),
                    FingerprintCheck.ABSENT, warnings);
        }
        if (len < StunProbe.HEADER_LENGTH) {
            return shortHeader(buf, off, len, warnings, problems);
        }
        int type = Bytes.u16(buf, off);
        int declared = Bytes.u16(buf, off + 2);
        boolean cookie = Bytes.i32(buf, off + 4) == StunProbe.MAGIC_COOKIE;
        if ((type & 0xC000) != 0) {
            warnings.add("first two bits of the type are not 0: not a STUN message");
        }
        int end = off + len;
        int declaredEnd = StunProbe.HEADER_LENGTH + declared;
        if (declaredEnd > len) {
            warnings.add("message truncated: header Length says " + declaredEnd + " bytes, " + len + " present");
        } else if (declaredEnd < len) {
            warnings.add((len - declaredEnd) + " bytes after the end the header Length gives");
            problems.add(Field.leaf("Trailing bytes", Bytes.hex(buf, off + declaredEnd, Math.min(len - declaredEnd,
                    64)), declaredEnd, len - declaredEnd));
            end = off + declaredEnd;
        }
        boolean ms = end - off >= StunProbe.HEADER_LENGTH + 8 && StunProbe.isMsMagicAttribute(buf,
                off + StunProbe.HEADER_LENGTH);
        Dialect dialect = ms ? Dialect.MS_TURN : cookie ? Dialect.RFC5389 : Dialect.RFC3489;

        int method = StunMethods.methodOf(type);
        StunClass cls = StunMethods.messageClass(type, dialect);
        if (method > 0xFF) {
            warnings.add(String.format("method 0x%03x is in the range reserved against RTP/DTLS collisions", method));
        }
        if (dialect != Dialect.MS_TURN) {
            String illegal = StunMethods.illegalClass(method, cls);
            if (illegal != null) {
                warnings.add(illegal);
            }
        }
        if (dialect == Dialect.RFC5389 && (declared & 3) != 0) {
            warnings.add("Message Length " + declared + " is not a multiple of 4");
        }
        String tid = cookie ? Bytes.hex(buf, off + 8, 12) : Bytes.hex(buf, off + 4, 16);

        // MS-TURN does not pad attributes; RFC 5389 does; RFC 3489 attributes are multiples of 4 anyway.
        int start = off + StunProbe.HEADER_LENGTH;
        boolean padded = dialect != Dialect.MS_TURN;
        if (!StunProbe.walkEndsExactly(buf, start, end, padded) && StunProbe.walkEndsExactly(buf, start, end,
                !padded)) {
            padded = !padded;
            if (dialect == Dialect.RFC5389) {
                warnings.add("attributes are not padded to 4 bytes (RFC 3489 / MS style)");
            }
        }

        List<StunAttribute> attributes = walk(buf, off, start, end, dialect, padded, warnings, problems);
        FingerprintCheck fp = checkFingerprint(buf, off, attributes, warnings);
        checkIntegrity(attributes, warnings);
        return new StunMessage(len, declared, type, dialect, cookie, padded, tid, attributes, problems, fp,
                warnings);
    }

    private static List<StunAttribute> walk(byte[] buf, int off, int start, int end, Dialect dialect, boolean padded,
                                            List<String> warnings, List<Field> problems) {
        List<StunAttribute> out = new ArrayList<>(8);
        int pos = start;
        while (end - pos >= 4) {
            int type = Bytes.u16(buf, pos);
            int len = Bytes.u16(buf, pos + 2);
            AttributeTable.Spec spec = StunAttributeTypes.spec(type, dialect);
            String name = spec != null ? spec.name() : String.format("Unknown (0x%04x)", type);
            int valueOff = pos + 4;
            if (len > end - valueOff) {
                warnings.add(String.format("%s at offset %d: length %d runs past the end of the message"
                        + " (%d bytes left)", name, pos - off, len, end - valueOff));
                problems.add(Field.leaf("Truncated attribute " + name,
                        Bytes.hex(buf, pos, Math.min(end - pos, 64)), pos - off, end - pos));
                return out;
            }
            ValueKind kind = spec != null ? spec.kind() : ValueKind.OPAQUE;
            AttributeValues.Decoded d = AttributeValues.decode(type, name, kind, buf, off, valueOff, len, warnings);
            out.add(new StunAttribute(type, name, d.text(), pos - off, 4 + len, d.value()));
            pos = valueOff + len;
            if (padded) {
                int pad = (-len) & 3;
                if (pad > end - pos) {
                    warnings.add(name + ": padding after the last attribute is missing");
                    pos = end;
                } else {
                    pos += pad;
                }
            }
        }
        if (pos < end) {
            warnings.add((end - pos) + " bytes after the last attribute, too few for an attribute header");
            problems.add(Field.leaf("Trailing bytes", Bytes.hex(buf, pos, end - pos), pos - off, end - pos));
        }
        return out;
    }

    private static FingerprintCheck checkFingerprint(byte[] buf, int off, List<StunAttribute> attributes,
                                                     List<String> warnings) {
        StunAttribute fp = null;
        boolean msImplementationVersion = false;
        for (int i = 0; i < attributes.size(); i++) {
            StunAttribute a = attributes.get(i);
            if (a.type() == StunAttributeTypes.MS_IMPLEMENTATION_VERSION) {
                msImplementationVersion = true;
            }
            if (a.type() == StunAttributeTypes.FINGERPRINT && fp == null) {
                fp = a;
                if (i != attributes.size() - 1) {
                    warnings.add("FINGERPRINT is not the last attribute");
                }
            }
        }
        if (fp == null) {
            return FingerprintCheck.ABSENT;
        }
        if (fp.valueLength() != 4) {
            warnings.add("FINGERPRINT has length " + fp.valueLength() + ", expected 4");
            return FingerprintCheck.INVALID;
        }
        int sent = Bytes.i32(buf, off + fp.valueOffset());
        int computed = StunCrc.fingerprint(buf, off, fp.offset());
        if (sent == computed) {
            return FingerprintCheck.VALID;
        }
        // Old MS-ICE2 stacks (no MS-IMPLEMENTATION-VERSION) used a CRC table with one wrong entry.
        if (!msImplementationVersion && sent == StunCrc.msLegacyFingerprint(buf, off, fp.offset())) {
            return FingerprintCheck.VALID_MS_LEGACY_CRC;
        }
        warnings.add(String.format("FINGERPRINT mismatch (sent 0x%08x, computed 0x%08x)", sent, computed));
        return FingerprintCheck.INVALID;
    }

    private static void checkIntegrity(List<StunAttribute> attributes, List<String> warnings) {
        for (StunAttribute a : attributes) {
            if (a.type() == StunAttributeTypes.MESSAGE_INTEGRITY && a.valueLength() != 20 && a.valueLength() != 32) {
                warnings.add("MESSAGE-INTEGRITY has length " + a.valueLength() + ", expected 20 (or 32 for MS-TURN v3+)");
            }
        }
    }

    /** Fewer than 20 bytes: report what there is. */
    private static StunMessage shortHeader(byte[] buf, int off, int len, List<String> warnings, List<Field> problems) {
        warnings.add(len == 0 ? "empty message" : "only " + len + " bytes, too short for a STUN header (20)");
        int type = len >= 2 ? Bytes.u16(buf, off) : 0;
        int declared = len >= 4 ? Bytes.u16(buf, off + 2) : -1;
        boolean cookie = len >= 8 && Bytes.i32(buf, off + 4) == StunProbe.MAGIC_COOKIE;
        int known = cookie ? 8 : len >= 4 ? 4 : len >= 2 ? 2 : 0;
        if (len > known) {
            problems.add(Field.leaf("Truncated header", Bytes.hex(buf, off + known, len - known), known, len - known));
        }
        if (cookie) {
            // Magic cookie shown as a header field by StunMessage only for full headers.
            problems.add(0, Field.leaf("Magic Cookie", "0x2112a442", 4, 4));
        }
        return new StunMessage(len, declared, type, cookie ? Dialect.RFC5389 : Dialect.RFC3489, cookie, true, "",
                List.of(), problems, FingerprintCheck.ABSENT, warnings);
    }
}
