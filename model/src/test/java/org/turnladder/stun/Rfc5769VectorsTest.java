package org.turnladder.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.stun.StunTestMessages.hex;

import org.junit.jupiter.api.Test;
import org.turnladder.net.Endpoint;

/** The test vectors of RFC 5769 (bytes are the RFC's, section by section). */
class Rfc5769VectorsTest {
    /** §2.1 Sample Request: SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME (padded with spaces), MI, FINGERPRINT. */
    static final byte[] SAMPLE_REQUEST = hex("""
            00 01 00 58 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 10 53 54 55 4e 20 74 65 73 74 20 63 6c 69 65 6e 74
            00 24 00 04 6e 00 01 ff
            80 29 00 08 93 2f f9 b1 51 26 3b 36
            00 06 00 09 65 76 74 6a 3a 68 36 76 59 20 20 20
            00 08 00 14 9a ea a7 0c bf d8 cb 56 78 1e f2 b5 b2 d3 f2 49 c1 b5 71 a2
            80 28 00 04 e5 7a 3b cf""".replace("\n", " "));

    /** §2.2 Sample IPv4 Response. */
    static final byte[] SAMPLE_IPV4_RESPONSE = hex("""
            01 01 00 3c 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
            00 20 00 08 00 01 a1 47 e1 12 a6 43
            00 08 00 14 2b 91 f5 99 fd 9e 90 c3 8c 74 89 f9 2a f9 ba 53 f0 6b e7 d7
            80 28 00 04 c0 7d 4c 96""".replace("\n", " "));

    /** §2.3 Sample IPv6 Response. */
    static final byte[] SAMPLE_IPV6_RESPONSE = hex("""
            01 01 00 48 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
            00 20 00 14 00 02 a1 47 01 13 a9 fa a5 d3 f1 79 bc 25 f4 b5 be d2 b9 d9
            00 08 00 14 a3 82 95 4e 4b e6 7b f1 17 84 c9 7c 82 92 c2 75 bf e3 ed 41
            80 28 00 04 c8 fb 0b 4c""".replace("\n", " "));

    /** §2.4 Sample Request with Long-Term Authentication. */
    static final byte[] SAMPLE_LONG_TERM_REQUEST = hex("""
            00 01 00 60 21 12 a4 42 78 ad 34 33 c6 ad 72 c0 29 da 41 2e
            00 06 00 12 e3 83 9e e3 83 88 e3 83 aa e3 83 83 e3 82 af e3 82 b9 00 00
            00 15 00 1c 66 2f 2f 34 39 39 6b 39 35 34 64 36 4f 4c 33 34 6f 4c 39 46 53 54 76 79 36 34 73 41
            00 14 00 0b 65 78 61 6d 70 6c 65 2e 6f 72 67 00
            00 08 00 14 f6 70 24 65 6d d6 4a 3e 02 b8 e0 71 2e 85 c9 a2 8c a8 96 66""".replace("\n", " "));

    static final String SHORT_TERM_PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";

    @Test
    void sampleRequestDecodesEveryAttributeAndBothChecks() {
        StunMessage m = StunDecoder.decode(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length);

        assertThat(m.dialect()).isEqualTo(Dialect.RFC5389);
        assertThat(m.summary()).isEqualTo("Binding Request");
        assertThat(m.transactionId()).isEqualTo("b7e7a701bc34d686fa87dfae");
        assertThat(m.software()).contains("STUN test client");
        assertThat(m.priority()).hasValue(0x6e0001ffL);
        assertThat(m.attribute(0x8029).orElseThrow().value()).isEqualTo("0x932ff9b151263b36");
        assertThat(m.username()).contains("evtj:h6vY");
        assertThat(m.hasMessageIntegrity()).isTrue();
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.VALID);
        assertThat(m.warnings()).isEmpty();
        assertThat(StunIntegrity.verifyShortTerm(SAMPLE_REQUEST, SHORT_TERM_PASSWORD)).isEqualTo(IntegrityCheck.VALID);
        assertThat(StunIntegrity.verifyShortTerm(SAMPLE_REQUEST, "wrong")).isEqualTo(IntegrityCheck.INVALID);
    }

    @Test
    void sampleIpv4ResponseHasXorMappedAddress() {
        StunMessage m = StunDecoder.decode(SAMPLE_IPV4_RESPONSE, 0, SAMPLE_IPV4_RESPONSE.length);

        assertThat(m.summary()).isEqualTo("Binding Success Response");
        assertThat(m.software()).contains("test vector");
        assertThat(m.mappedAddress()).contains(Endpoint.parse("192.0.2.1:32853"));
        assertThat(m.attribute(0x0020).orElseThrow().value()).isEqualTo("192.0.2.1:32853");
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.VALID);
        assertThat(m.warnings()).isEmpty();
        assertThat(StunIntegrity.verifyShortTerm(SAMPLE_IPV4_RESPONSE, SHORT_TERM_PASSWORD))
                .isEqualTo(IntegrityCheck.VALID);
    }

    @Test
    void sampleIpv6ResponseXorsTheAddressWithCookieAndTransactionId() {
        StunMessage m = StunDecoder.decode(SAMPLE_IPV6_RESPONSE, 0, SAMPLE_IPV6_RESPONSE.length);

        assertThat(m.mappedAddress()).contains(Endpoint.parse("[2001:db8:1234:5678:11:2233:4455:6677]:32853"));
        assertThat(m.attribute(0x0020).orElseThrow().value()).isEqualTo("[2001:db8:1234:5678:11:2233:4455:6677]:32853");
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.VALID);
        assertThat(m.warnings()).isEmpty();
        assertThat(StunIntegrity.verifyShortTerm(SAMPLE_IPV6_RESPONSE, SHORT_TERM_PASSWORD))
                .isEqualTo(IntegrityCheck.VALID);
    }

    @Test
    void sampleLongTermRequestVerifiesWithTheSaslPreparedPassword() {
        StunMessage m = StunDecoder.decode(SAMPLE_LONG_TERM_REQUEST, 0, SAMPLE_LONG_TERM_REQUEST.length);

        String user = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
        assertThat(m.username()).contains(user);
        assertThat(m.nonce()).contains("f//499k954d6OL34oL9FSTvy64sA");
        assertThat(m.realm()).contains("example.org");
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.ABSENT);
        assertThat(m.warnings()).isEmpty();
        // The RFC's password "The<U+00AD>M<U+00AA>tr<U+2168>" is "TheMatrIX" after SASLprep.
        assertThat(StunIntegrity.verifyLongTerm(SAMPLE_LONG_TERM_REQUEST, user, "example.org",
                "The\u00ADM\u00AAtr\u2168")).isEqualTo(IntegrityCheck.VALID);
        assertThat(StunIntegrity.verifyLongTerm(SAMPLE_LONG_TERM_REQUEST, user, "example.org", "TheMatrix"))
                .isEqualTo(IntegrityCheck.INVALID);
    }

    @Test
    void everyVectorPassesTheStrictProbe() {
        for (byte[] v : new byte[][]{SAMPLE_REQUEST, SAMPLE_IPV4_RESPONSE, SAMPLE_IPV6_RESPONSE,
                SAMPLE_LONG_TERM_REQUEST}) {
            assertThat(StunProbe.isStun(v, 0, v.length)).isTrue();
            assertThat(StunProbe.messageLength(v, 0, v.length)).isEqualTo(v.length);
        }
    }

    @Test
    void fieldsGiveHeaderAndAttributeOffsets() {
        StunMessage m = StunDecoder.decode(SAMPLE_IPV4_RESPONSE, 0, SAMPLE_IPV4_RESPONSE.length);

        assertThat(m.fields()).extracting(f -> f.name() + "@" + f.offset() + "+" + f.length()).containsExactly(
                "Message Type@0+2", "Message Length@2+2", "Magic Cookie@4+4", "Transaction ID@8+12",
                "SOFTWARE@20+15", "XOR-MAPPED-ADDRESS@36+12", "MESSAGE-INTEGRITY@48+24", "FINGERPRINT@72+8");
        assertThat(m.fields().get(4).children()).extracting(f -> f.name() + "@" + f.offset() + "+" + f.length())
                .containsExactly("Type@20+2", "Length@22+2", "Value@24+11", "Padding@35+1");
    }
}
