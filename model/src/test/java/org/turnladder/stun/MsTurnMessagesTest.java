package org.turnladder.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.stun.StunTestMessages.hex;
import static org.turnladder.stun.StunTestMessages.msTurn;
import static org.turnladder.stun.StunTestMessages.msTurnWithCookie;
import static org.turnladder.stun.StunTestMessages.rfc5389;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.turnladder.net.Endpoint;

/** Microsoft dialects: MS-TURN (Skype client ⇄ Edge) and MS-ICE2 checks (PROTOCOLS.md §3.3, §3.4, §7). */
class MsTurnMessagesTest {
    private static StunMessage decode(byte[] m) {
        return StunDecoder.decode(m, 0, m.length);
    }

    @Test
    void magicCookieAttributeFirstMeansMsTurnWith128BitTransactionId() {
        StunMessage m = decode(msTurn(0x0003).u32(0x8008, 6).attrHex(0x8055, "00040001").u32(0x0010, 750)
                .u32(0x000D, 3600).build());

        assertThat(m.dialect()).isEqualTo(Dialect.MS_TURN);
        assertThat(m.dialect().json()).isEqualTo("ms-turn");
        assertThat(m.transactionId()).isEqualTo(StunTestMessages.TID_128).hasSize(32);
        assertThat(m.attributes()).extracting(StunAttribute::name).containsExactly("MAGIC-COOKIE", "MS-VERSION",
                "MS-SERVICE-QUALITY", "BANDWIDTH", "LIFETIME");
        assertThat(m.attribute(0x8008).orElseThrow().value()).isEqualTo("6");
        assertThat(m.summary()).isEqualTo("Allocate Request");
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void msTurnWithTheRfcCookieKeeps24DigitTransactionIdLikeWireshark() {
        StunMessage m = decode(msTurnWithCookie(0x0003).u32(0x8008, 2).build());

        assertThat(m.dialect()).isEqualTo(Dialect.MS_TURN);
        assertThat(m.transactionId()).isEqualTo(StunTestMessages.TID_96);
    }

    @Test
    void realmAndNonceCodesAreSwappedAndUnpadded() {
        byte[] bytes = msTurn(0x0113).errorCode(401, "Unauthorized").text(0x0015, "\"SfB\"")
                .text(0x0014, "\"4f1c2\"").build();
        StunMessage m = decode(bytes);

        assertThat(m.realm()).contains("\"SfB\"");
        assertThat(m.nonce()).contains("\"4f1c2\"");
        assertThat(m.attribute(0x0015).orElseThrow().name()).isEqualTo("REALM");
        assertThat(m.attribute(0x0014).orElseThrow().name()).isEqualTo("NONCE");
        assertThat(m.paddedAttributes()).isFalse();
        assertThat(m.summary()).isEqualTo("Allocate Error Response 401 Unauthorized");
        assertThat(m.warnings()).isEmpty();
        assertThat(StunProbe.isStun(bytes, 0, bytes.length)).isTrue();
    }

    @Test
    void allocateSuccessHasRelayInPlainMappedAddressAndReflexiveIn8020() {
        StunMessage m = decode(msTurn(0x0103).address(0x0001, "203.0.113.10:52044")
                .xorAddress(0x8020, "198.51.100.77:50110").u32(0x000D, 3600).u32(0x0010, 750).build());

        assertThat(m.relayedAddress()).contains(Endpoint.parse("203.0.113.10:52044"));
        assertThat(m.mappedAddress()).contains(Endpoint.parse("198.51.100.77:50110"));
        assertThat(m.attribute(0x8020).orElseThrow().name()).isEqualTo("XOR-MAPPED-ADDRESS (MS)");
        assertThat(m.summary()).isEqualTo("Allocate Success Response relay=203.0.113.10:52044");
    }

    @Test
    void msXorMappedAddressUsesHeaderBytesFourToSeven() {
        // Header bytes 4–7 are a1 b2 c3 d4: port 50110 (0xc3be) ^ 0xa1b2 = 0x620c; 198.51.100.77 ^ a1.b2.c3.d4
        byte[] bytes = hex("01030014 " + StunTestMessages.TID_128 + " 000f0004 72c64bc6 80200008 0001620c"
                + String.format("%02x%02x%02x%02x", 198 ^ 0xa1, 51 ^ 0xb2, 100 ^ 0xc3, 77 ^ 0xd4));

        assertThat(decode(bytes).mappedAddress()).contains(Endpoint.parse("198.51.100.77:50110"));
    }

    @Test
    void sendRequestCarriesPlainDestinationAddressAndData() {
        StunMessage m = decode(msTurn(0x0004).address(0x0011, "192.0.2.50:24012").attrHex(0x0013, "0102030405")
                .attrHex(0x8050, "00".repeat(20) + "00000007").build());

        assertThat(m.methodName()).isEqualTo("Send");
        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.summary()).isEqualTo("Send Request peer=192.0.2.50:24012");
        assertThat(m.attribute(0x0013).orElseThrow().value()).isEqualTo("0102030405");
        assertThat(m.attribute(0x8050).orElseThrow().offset()).isEqualTo(20 + 8 + 12 + 9);
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void type0004IsRefreshOutsideMsTurn() {
        assertThat(decode(rfc5389(0x0004).build()).methodName()).isEqualTo("Refresh");
    }

    @Test
    void dataIndication0115HasPlainRemoteAddress() {
        StunMessage m = decode(msTurn(0x0115).address(0x0012, "192.0.2.50:24012").attrHex(0x0013, "aabbcc").build());

        assertThat(m.methodName()).isEqualTo("Data");
        assertThat(m.messageClass()).isEqualTo(StunClass.INDICATION);
        assertThat(m.attribute(0x0012).orElseThrow().name()).isEqualTo("REMOTE-ADDRESS");
        assertThat(m.xorPeerAddress()).contains(Endpoint.parse("192.0.2.50:24012"));
        assertThat(m.summary()).isEqualTo("Data Indication peer=192.0.2.50:24012");
        assertThat(m.errorCode()).isNull();
    }

    @Test
    void setActiveDestinationRequestResponseAndError() {
        assertThat(decode(msTurn(0x0006).address(0x0011, "192.0.2.50:24012").build()).summary())
                .isEqualTo("SetActiveDestination Request peer=192.0.2.50:24012");
        assertThat(decode(msTurn(0x0106).build()).summary()).isEqualTo("SetActiveDestination Success Response");
        assertThat(decode(msTurn(0x0116).errorCode(400, "").build()).summary())
                .isEqualTo("SetActiveDestination Error Response 400 Bad Request");
    }

    @Test
    void legacyErrorNumbersHaveMsReasons() {
        assertThat(decode(msTurn(0x0113).errorCode(436, "").build()).errorReason()).isEqualTo("Unknown User");
        assertThat(decode(msTurn(0x0113).errorCode(434, "").build()).errorReason()).isEqualTo("Missing Realm");
    }

    @Test
    void msTurnIntegrityUsesTheSixtyFourBytePaddedInputAndUnquotedRealm() {
        byte[] key = StunIntegrity.longTermKey("user@sfb", "SfB", "edgepass");
        byte[] bytes = msTurn(0x0003).u32(0x8008, 6).text(0x0006, "user@sfb").text(0x0015, "\"SfB\"")
                .text(0x0014, "\"n0nce\"").messageIntegrityPadded64(key).build();

        assertThat(StunIntegrity.verifyLongTerm(bytes, "user@sfb", "\"SfB\"", "edgepass"))
                .isEqualTo(IntegrityCheck.VALID);
        assertThat(StunIntegrity.verifyLongTerm(bytes, "user@sfb", "SfB", "other")).isEqualTo(IntegrityCheck.INVALID);
    }

    /** PROTOCOLS.md §5.3: the 108-byte MS-ICE2 check carried in an RFC 4571 frame {@code 00 6c}. */
    @Test
    void msIce2CheckOfTheWorkedExample() {
        String icePwd = "Q2w3E4r5T6y7U8i9O0p1A2s3";
        byte[] bytes = rfc5389(0x0001).zeroFilledText(0x0006, "AbCd:EfGh").u32(0x0024, 1684797951L)
                .attrHex(0x802A, "0123456789abcdef").empty(0x0025).zeroFilledText(0x8054, "4").u32(0x8070, 3)
                .messageIntegrity(StunIntegrity.shortTermKey(icePwd)).fingerprint().build();

        assertThat(bytes).hasSize(108);
        assertThat(Arrays.copyOfRange(bytes, 0, 76)).isEqualTo(hex("""
                00 01 00 58 21 12 a4 42 0a 1b 2c 3d 4e 5f 60 71 82 93 a4 b5
                00 06 00 0c 41 62 43 64 3a 45 66 47 68 00 00 00
                00 24 00 04 64 6b f9 ff
                80 2a 00 08 01 23 45 67 89 ab cd ef
                00 25 00 00
                80 54 00 04 34 00 00 00
                80 70 00 04 00 00 00 03""".replace("\n", " ")));
        StunMessage m = decode(bytes);
        assertThat(m.msIce2()).isTrue();
        assertThat(m.dialect()).isEqualTo(Dialect.RFC5389);
        assertThat(m.username()).contains("AbCd:EfGh");
        assertThat(m.attribute(0x0006).orElseThrow().length()).isEqualTo(16);
        assertThat(m.priority()).hasValue(1684797951L);
        assertThat(m.useCandidate()).isTrue();
        assertThat(m.attribute(0x8054).orElseThrow().value()).isEqualTo("4");
        assertThat(m.attribute(0x8070).orElseThrow().value()).isEqualTo("3");
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.VALID);
        assertThat(m.summary()).isEqualTo("Binding Request (MS-ICE2)");
        assertThat(m.warnings()).isEmpty();
        assertThat(StunIntegrity.verifyShortTerm(bytes, icePwd)).isEqualTo(IntegrityCheck.VALID);
    }

    @Test
    void bindingWithoutMsAttributesIsNotMsIce2() {
        assertThat(decode(rfc5389(0x0001).build()).msIce2()).isFalse();
    }

    @Test
    void legacyMicrosoftCrcIsAcceptedWithoutImplementationVersion() {
        StunTestMessages.Builder legacy = bindingWhoseLegacyCrcDiffers(false);
        StunMessage m = decode(legacy.msLegacyFingerprint().build());

        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.VALID_MS_LEGACY_CRC);
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void legacyMicrosoftCrcIsAMismatchWhenImplementationVersionIsPresent() {
        StunMessage m = decode(bindingWhoseLegacyCrcDiffers(true).msLegacyFingerprint().build());

        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.INVALID);
        assertThat(m.warnings()).singleElement().asString().startsWith("FINGERPRINT mismatch (");
    }

    /** A Binding whose CRC passes through the patched table entry, so the two CRCs really differ. */
    private static StunTestMessages.Builder bindingWhoseLegacyCrcDiffers(boolean implementationVersion) {
        for (int i = 0; i < 1000; i++) {
            byte[] standard = binding(i, implementationVersion).fingerprint().build();
            byte[] legacy = binding(i, implementationVersion).msLegacyFingerprint().build();
            if (!Arrays.equals(standard, legacy)) {
                return binding(i, implementationVersion);
            }
        }
        throw new AssertionError("no username makes the legacy CRC differ");
    }

    private static StunTestMessages.Builder binding(int user, boolean implementationVersion) {
        StunTestMessages.Builder b = rfc5389(0x0001).zeroFilledText(0x0006, "user" + user);
        return implementationVersion ? b.u32(0x8070, 2) : b;
    }
}
