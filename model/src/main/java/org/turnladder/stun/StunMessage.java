package org.turnladder.stun;

import static org.turnladder.stun.StunAttributeTypes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.turnladder.decode.Field;
import org.turnladder.decode.Payload;
import org.turnladder.net.Endpoint;

/**
 * A decoded STUN / TURN / MS-TURN message. Immutable; made by {@link StunDecoder}. Offsets are relative to the
 * message's first byte. The typed helpers follow the message's {@link #dialect()} (MS-TURN REALM is 0x0015, its
 * peer address is the plain REMOTE-/DESTINATION-ADDRESS, its relay address the MAPPED-ADDRESS).
 */
public final class StunMessage implements Payload {
    private final int length;
    private final int declaredLength;
    private final int type;
    private final Dialect dialect;
    private final boolean cookie;
    private final boolean padded;
    private final String transactionId;
    private final List<StunAttribute> attributes;
    private final List<Field> problemFields;
    private final FingerprintCheck fingerprint;
    private final List<String> warnings;

    StunMessage(int length, int declaredLength, int type, Dialect dialect, boolean cookie, boolean padded,
                String transactionId, List<StunAttribute> attributes, List<Field> problemFields,
                FingerprintCheck fingerprint, List<String> warnings) {
        this.length = length;
        this.declaredLength = declaredLength;
        this.type = type;
        this.dialect = dialect;
        this.cookie = cookie;
        this.padded = padded;
        this.transactionId = transactionId;
        this.attributes = List.copyOf(attributes);
        this.problemFields = List.copyOf(problemFields);
        this.fingerprint = fingerprint;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String protocol() {
        return "STUN";
    }

    /** Bytes the message was decoded from (the {@code len} given to the decoder). */
    public int length() {
        return length;
    }

    /** The header's Length field (attribute bytes), -1 if the header was cut short. */
    public int declaredLength() {
        return declaredLength;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether bytes 4–7 hold the RFC 5389 magic cookie. */
    public boolean hasMagicCookie() {
        return cookie;
    }

    /** Whether attributes were walked with 4-byte padding (false for MS-TURN / unpadded RFC 3489). */
    public boolean paddedAttributes() {
        return padded;
    }

    /** An MS-ICE2 connectivity check: a Binding with MS-IMPLEMENTATION-VERSION or MS-CANDIDATE-IDENTIFIER. */
    public boolean msIce2() {
        return StunMethods.methodOf(type) == StunMethods.BINDING
                && (attribute(MS_IMPLEMENTATION_VERSION).isPresent() || attribute(MS_CANDIDATE_IDENTIFIER).isPresent());
    }

    public int type() {
        return type;
    }

    /** The type as {@code 0x0113}. */
    public String typeHex() {
        return Bytes.hex4(type);
    }

    /** Method number decoded from the type bits. */
    public int method() {
        return StunMethods.methodOf(type);
    }

    /** "Allocate", "ConnectionBind"; MS-TURN: "Send" (0x0004), "Data" (0x0115), "SetActiveDestination". */
    public String methodName() {
        return StunMethods.name(type, dialect);
    }

    public StunClass messageClass() {
        return StunMethods.messageClass(type, dialect);
    }

    /** Lower-case hex: 24 digits with the magic cookie, 32 without (RFC 3489, MS-TURN with a random ID). */
    public String transactionId() {
        return transactionId;
    }

    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The first attribute of this type. */
    public Optional<StunAttribute> attribute(int attributeType) {
        for (StunAttribute a : attributes) {
            if (a.type() == attributeType) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Class × 100 + number of ERROR-CODE, {@code null} if none. */
    public Integer errorCode() {
        ErrorCode e = typed(ERROR_CODE, ErrorCode.class);
        return e == null ? null : e.code();
    }

    /** Reason phrase of ERROR-CODE (the standard one when the message's was empty), {@code null} if none. */
    public String errorReason() {
        ErrorCode e = typed(ERROR_CODE, ErrorCode.class);
        return e == null ? null : e.reason();
    }

    /** CONNECTION-ID (RFC 6062) as an unsigned 32-bit number. */
    public OptionalLong connectionId() {
        Long v = typed(CONNECTION_ID, Long.class);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** XOR-PEER-ADDRESS; in MS-TURN the plain REMOTE-ADDRESS (0x0012) or DESTINATION-ADDRESS (0x0011). */
    public Optional<Endpoint> xorPeerAddress() {
        Endpoint e = typed(XOR_PEER_ADDRESS, Endpoint.class);
        if (e == null && dialect == Dialect.MS_TURN) {
            e = typed(MS_DESTINATION_ADDRESS, Endpoint.class);
        }
        return Optional.ofNullable(e);
    }

    /** XOR-RELAYED-ADDRESS; in an MS-TURN Allocate success, MAPPED-ADDRESS (MS-TURN's relayed address). */
    public Optional<Endpoint> relayedAddress() {
        Endpoint e = typed(XOR_RELAYED_ADDRESS, Endpoint.class);
        if (e == null && dialect == Dialect.MS_TURN && method() == StunMethods.ALLOCATE
                && messageClass() == StunClass.SUCCESS) {
            e = typed(MAPPED_ADDRESS, Endpoint.class);
        }
        return Optional.ofNullable(e);
    }

    /**
     * The reflexive address: XOR-MAPPED-ADDRESS, else MS XOR-MAPPED-ADDRESS (0x8020), else (outside MS-TURN, where
     * 0x0001 is the relay) the plain MAPPED-ADDRESS of RFC 3489.
     */
    public Optional<Endpoint> mappedAddress() {
        Endpoint e = typed(XOR_MAPPED_ADDRESS, Endpoint.class);
        if (e == null) {
            e = typed(MS_XOR_MAPPED_ADDRESS, Endpoint.class);
        }
        if (e == null && dialect != Dialect.MS_TURN) {
            e = typed(MAPPED_ADDRESS, Endpoint.class);
        }
        return Optional.ofNullable(e);
    }

    /** USERNAME without the MS zero fill. */
    public Optional<String> username() {
        return Optional.ofNullable(typed(USERNAME, String.class));
    }

    /** REALM (0x0014; 0x0015 in MS-TURN). */
    public Optional<String> realm() {
        return Optional.ofNullable(typed(dialect == Dialect.MS_TURN ? NONCE : REALM, String.class));
    }

    /** NONCE (0x0015; 0x0014 in MS-TURN). */
    public Optional<String> nonce() {
        return Optional.ofNullable(typed(dialect == Dialect.MS_TURN ? REALM : NONCE, String.class));
    }

    /** IP protocol number of REQUESTED-TRANSPORT (6 = TCP, RFC 6062). */
    public OptionalInt requestedTransport() {
        Integer v = typed(REQUESTED_TRANSPORT, Integer.class);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** LIFETIME in seconds. */
    public OptionalLong lifetime() {
        Long v = typed(LIFETIME, Long.class);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public boolean hasMessageIntegrity() {
        return attribute(MESSAGE_INTEGRITY).isPresent();
    }

    public FingerprintCheck fingerprint() {
        return fingerprint;
    }

    public boolean useCandidate() {
        return attribute(USE_CANDIDATE).isPresent();
    }

    public OptionalLong priority() {
        Long v = typed(PRIORITY, Long.class);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public Optional<String> software() {
        return Optional.ofNullable(typed(SOFTWARE, String.class));
    }

    /** "Allocate Error Response 401 Unauthorized", "Connect Request peer=198.51.100.20:50123", … */
    @Override
    public String summary() {
        StringBuilder sb = new StringBuilder(methodName()).append(' ').append(messageClass().text());
        Integer code = errorCode();
        if (code != null) {
            sb.append(' ').append(code);
            if (!errorReason().isEmpty()) {
                sb.append(' ').append(errorReason());
            }
        }
        xorPeerAddress().ifPresent(p -> sb.append(" peer=").append(p));
        connectionId().ifPresent(c -> sb.append(" cid=").append(c));
        relayedAddress().ifPresent(r -> sb.append(" relay=").append(r));
        if (method() == StunMethods.ALLOCATE && messageClass() == StunClass.REQUEST) {
            requestedTransport().ifPresent(t -> sb.append(" transport=").append(AttributeValues.transportName(t)));
        }
        if (msIce2()) {
            sb.append(" (MS-ICE2)");
        }
        return sb.toString();
    }

    /** Header fields, one field per attribute (children: type, length, value, padding), then problem areas. */
    @Override
    public List<Field> fields() {
        List<Field> out = new ArrayList<>(attributes.size() + 6);
        if (length >= 2) {
            String text = methodName() + " " + messageClass().text() + " (" + typeHex() + ")";
            out.add(new Field("Message Type", text, 0, 2, List.of(
                    Field.leaf("Class", messageClass().text(), 0, 2),
                    Field.leaf("Method", String.format("%s (0x%03x)", methodName(), method()), 0, 2))));
        }
        if (length >= 4) {
            out.add(Field.leaf("Message Length", Integer.toString(declaredLength), 2, 2));
        }
        if (length >= StunProbe.HEADER_LENGTH) {
            if (cookie) {
                out.add(Field.leaf("Magic Cookie", "0x2112a442", 4, 4));
                out.add(Field.leaf("Transaction ID", transactionId, 8, 12));
            } else {
                out.add(Field.leaf("Transaction ID", transactionId, 4, 16));
            }
        }
        int end = declaredLength < 0 ? length : Math.min(length, StunProbe.HEADER_LENGTH + declaredLength);
        for (StunAttribute a : attributes) {
            List<Field> children = new ArrayList<>(4);
            children.add(Field.leaf("Type", Bytes.hex4(a.type()) + " " + a.name(), a.offset(), 2));
            children.add(Field.leaf("Length", Integer.toString(a.valueLength()), a.offset() + 2, 2));
            if (a.valueLength() > 0) {
                children.add(Field.leaf("Value", a.value(), a.valueOffset(), a.valueLength()));
            }
            int pad = padded ? Math.min((-a.valueLength()) & 3, end - (a.offset() + a.length())) : 0;
            if (pad > 0) {
                children.add(Field.leaf("Padding", Integer.toString(pad), a.offset() + a.length(), pad));
            }
            out.add(new Field(a.name(), a.value(), a.offset(), a.length(), children));
        }
        out.addAll(problemFields);
        return out;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    private <T> T typed(int attributeType, Class<T> cls) {
        for (StunAttribute a : attributes) {
            if (a.type() == attributeType) {
                return cls.isInstance(a.decoded()) ? cls.cast(a.decoded()) : null;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return summary();
    }
}
