package org.turnladder.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.stun.StunTestMessages.hex;
import static org.turnladder.stun.StunTestMessages.rfc3489;
import static org.turnladder.stun.StunTestMessages.rfc5389;

import org.junit.jupiter.api.Test;
import org.turnladder.net.Endpoint;

/** RFC 3489 classic STUN, and bad input: the decoder warns and keeps what it could decode, never throws. */
class MalformedAndClassicStunTest {
    private static StunMessage decode(byte[] m) {
        StunMessage decoded = StunDecoder.decode(m, 0, m.length);
        FieldBounds.assertInside(decoded.fields(), m.length);
        return decoded;
    }

    @Test
    void classicBindingHas128BitTransactionIdAndPlainMappedAddress() {
        byte[] bytes = rfc3489(0x0101).address(0x0001, "198.51.100.9:40000").address(0x0004, "192.0.2.1:3478")
                .address(0x0005, "192.0.2.2:3479").build();
        StunMessage m = decode(bytes);

        assertThat(m.dialect()).isEqualTo(Dialect.RFC3489);
        assertThat(m.dialect().json()).isEqualTo("rfc3489");
        assertThat(m.transactionId()).hasSize(32);
        assertThat(m.hasMagicCookie()).isFalse();
        assertThat(m.mappedAddress()).contains(Endpoint.parse("198.51.100.9:40000"));
        assertThat(m.attributes()).extracting(StunAttribute::name)
                .containsExactly("MAPPED-ADDRESS", "SOURCE-ADDRESS", "CHANGED-ADDRESS");
        assertThat(m.fields().get(2).name()).isEqualTo("Transaction ID");
        assertThat(m.fields().get(2).offset()).isEqualTo(4);
        assertThat(m.fields().get(2).length()).isEqualTo(16);
        assertThat(m.warnings()).isEmpty();
        assertThat(StunProbe.isStun(bytes, 0, bytes.length)).isTrue();
    }

    @Test
    void classicBindingRequestWithChangeRequest() {
        StunMessage m = decode(rfc3489(0x0001).u32(0x0003, 0x06).build());

        assertThat(m.summary()).isEqualTo("Binding Request");
        assertThat(m.attribute(0x0003).orElseThrow().value()).isEqualTo("6");
    }

    @Test
    void attributeRunningPastTheEndIsReportedAndEarlierAttributesKept() {
        byte[] bytes = rfc5389(0x0003).requestedTransport(6).text(0x0006, "abcd").build();
        bytes[20 + 8 + 3] = 40; // USERNAME length 4 → 40

        StunMessage m = decode(bytes);

        assertThat(m.requestedTransport()).hasValue(6);
        assertThat(m.attributes()).hasSize(1);
        assertThat(m.warnings()).singleElement().asString()
                .isEqualTo("USERNAME at offset 28: length 40 runs past the end of the message (4 bytes left)");
        assertThat(m.fields()).extracting(f -> f.name()).contains("Truncated attribute USERNAME");
    }

    @Test
    void unpaddedAttributesInAnRfc5389MessageAreWalkedUnpaddedWithAWarning() {
        // USERNAME "abc" without its padding byte, then USE-CANDIDATE: Length 11.
        byte[] bytes = hex("0001000b 2112a442 " + StunTestMessages.TID_96 + " 00060003 616263 00250000");

        StunMessage m = decode(bytes);

        assertThat(m.username()).contains("abc");
        assertThat(m.useCandidate()).isTrue();
        assertThat(m.paddedAttributes()).isFalse();
        assertThat(m.warnings()).containsExactly("Message Length 11 is not a multiple of 4",
                "attributes are not padded to 4 bytes (RFC 3489 / MS style)");
    }

    @Test
    void emptyInputGivesAWarningAndNoFields() {
        StunMessage m = StunDecoder.decode(new byte[0], 0, 0);

        assertThat(m.warnings()).containsExactly("empty message");
        assertThat(m.fields()).isEmpty();
        assertThat(m.attributes()).isEmpty();
    }

    @Test
    void shortHeaderKeepsTypeAndLength() {
        byte[] bytes = java.util.Arrays.copyOf(rfc5389(0x000A).build(), 10);
        StunMessage m = decode(bytes);

        assertThat(m.type()).isEqualTo(0x000A);
        assertThat(m.warnings()).containsExactly("only 10 bytes, too short for a STUN header (20)");
        assertThat(m.fields()).extracting(f -> f.name()).containsExactly("Message Type", "Message Length",
                "Magic Cookie", "Truncated header");
    }

    @Test
    void headerLengthLongerThanTheBytesIsTruncation() {
        StunMessage m = decode(rfc5389(0x0001).u32(0x0024, 5).lengthField(40).build());

        assertThat(m.priority()).hasValue(5);
        assertThat(m.warnings()).containsExactly("message truncated: header Length says 60 bytes, 28 present");
    }

    @Test
    void bytesBeyondTheHeaderLengthAreTrailing() {
        StunMessage m = decode(rfc5389(0x0001).u32(0x0024, 5).lengthField(0).build());

        assertThat(m.attributes()).isEmpty();
        assertThat(m.warnings()).containsExactly("8 bytes after the end the header Length gives");
        assertThat(m.fields()).extracting(f -> f.name()).contains("Trailing bytes");
    }

    @Test
    void zeroLengthBodyIsAValidMessage() {
        StunMessage m = decode(rfc5389(0x0001).build());

        assertThat(m.warnings()).isEmpty();
        assertThat(m.attributes()).isEmpty();
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.ABSENT);
    }

    @Test
    void wrongFingerprintIsAMismatch() {
        StunMessage m = decode(rfc5389(0x0001).text(0x0006, "a:b").fingerprintValue(0x12345678L).build());

        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.INVALID);
        assertThat(m.warnings()).singleElement().asString().startsWith("FINGERPRINT mismatch (sent 0x12345678, computed 0x");
    }

    @Test
    void fingerprintNotLastIsFlagged() {
        StunMessage m = decode(rfc5389(0x0001).fingerprint().u32(0x0024, 1).build());

        // The header Length grew after the CRC was taken, so the value no longer matches either.
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.INVALID);
        assertThat(m.warnings()).first().isEqualTo("FINGERPRINT is not the last attribute");
    }

    @Test
    void errorClassAndNumberOutOfRangeAreFlagged() {
        byte[] bytes = rfc5389(0x0111).attrHex(0x0009, "00000778").build(); // class 7, number 120
        StunMessage m = decode(bytes);

        assertThat(m.errorCode()).isEqualTo(820);
        assertThat(m.warnings()).containsExactly("ERROR-CODE class 7 is outside 3–6", "ERROR-CODE number 120 is above 99");
    }

    @Test
    void shortErrorCodeIsMalformed() {
        StunMessage m = decode(rfc5389(0x0111).attrHex(0x0009, "0004").build());

        assertThat(m.errorCode()).isNull();
        assertThat(m.attribute(0x0009).orElseThrow().value()).isEqualTo("0004");
        assertThat(m.warnings()).containsExactly("ERROR-CODE: expected at least 4 bytes, got 2 bytes");
    }

    @Test
    void addressWithUnknownFamilyOrWrongLengthIsShownAsHex() {
        StunMessage m = decode(rfc5389(0x0101).attrHex(0x0020, "0003a1470000000000").attrHex(0x0001, "0001a147")
                .build());

        assertThat(m.mappedAddress()).isEmpty();
        assertThat(m.attribute(0x0020).orElseThrow().value()).isEqualTo("0003a1470000000000");
        assertThat(m.warnings()).containsExactly("XOR-MAPPED-ADDRESS: unknown address family 3",
                "MAPPED-ADDRESS: expected 8 bytes for IPv4, got 4 bytes");
    }

    @Test
    void firstTwoBitsSetIsNotStun() {
        byte[] bytes = rfc5389(0x0001).build();
        bytes[0] = (byte) 0x80;

        assertThat(decode(bytes).warnings()).contains("first two bits of the type are not 0: not a STUN message");
        assertThat(StunProbe.isStun(bytes, 0, bytes.length)).isFalse();
    }

    @Test
    void offsetAndLengthOutsideTheBufferAreReportedNotThrown() {
        StunMessage m = StunDecoder.decode(new byte[10], 8, 20);

        assertThat(m.warnings()).containsExactly("no message bytes (offset/length outside the buffer)");
        assertThat(m.fields()).isEmpty();
    }

    @Test
    void oneToThreeStrayBytesAfterTheLastAttributeAreReported() {
        byte[] bytes = hex("00010006 2112a442 " + StunTestMessages.TID_96 + " 00250000 abcd");
        StunMessage m = decode(bytes);

        assertThat(m.useCandidate()).isTrue();
        assertThat(m.warnings()).contains("2 bytes after the last attribute, too few for an attribute header");
    }
}
