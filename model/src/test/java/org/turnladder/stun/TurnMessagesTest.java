package org.turnladder.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.stun.StunTestMessages.hex;
import static org.turnladder.stun.StunTestMessages.rfc5389;

import org.junit.jupiter.api.Test;
import org.turnladder.net.Endpoint;

/** TURN (RFC 5766/8656) and TURN-TCP (RFC 6062) messages as CMS and Expressway-E exchange them. */
class TurnMessagesTest {
    private static final byte[] KEY = StunIntegrity.longTermKey("cms", "expressway", "secret");

    private static StunMessage decode(byte[] m) {
        return StunDecoder.decode(m, 0, m.length);
    }

    @Test
    void allocateRequestForTcpAsksForTransportSix() {
        StunMessage m = decode(rfc5389(0x0003).requestedTransport(6).u32(0x000D, 600).build());

        assertThat(m.methodName()).isEqualTo("Allocate");
        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.requestedTransport()).hasValue(6);
        assertThat(m.attribute(0x0019).orElseThrow().value()).isEqualTo("TCP (6)");
        assertThat(m.lifetime()).hasValue(600);
        assertThat(m.attribute(0x000D).orElseThrow().value()).isEqualTo("600");
        assertThat(m.summary()).isEqualTo("Allocate Request transport=TCP");
        assertThat(m.typeHex()).isEqualTo("0x0003");
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void allocateRequestForUdpAsksForTransportSeventeen() {
        StunMessage m = decode(rfc5389(0x0003).requestedTransport(17).build());

        assertThat(m.attribute(0x0019).orElseThrow().value()).isEqualTo("UDP (17)");
        assertThat(m.requestedTransport()).hasValue(17);
    }

    @Test
    void unauthorizedChallengeCarriesRealmAndNonce() {
        byte[] bytes = rfc5389(0x0113).errorCode(401, "Unauthorized").text(0x0014, "expressway")
                .text(0x0015, "bfa8c5d4e1f2").software("TANDBERG/4352").fingerprint().build();
        StunMessage m = decode(bytes);

        assertThat(m.summary()).isEqualTo("Allocate Error Response 401 Unauthorized");
        assertThat(m.errorCode()).isEqualTo(401);
        assertThat(m.errorReason()).isEqualTo("Unauthorized");
        assertThat(m.attribute(0x0009).orElseThrow().value()).isEqualTo("401 Unauthorized");
        assertThat(m.attribute(0x0009).orElseThrow().decoded()).isEqualTo(new ErrorCode(401, "Unauthorized"));
        assertThat(m.realm()).contains("expressway");
        assertThat(m.nonce()).contains("bfa8c5d4e1f2");
        assertThat(m.software()).contains("TANDBERG/4352");
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.VALID);
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void emptyReasonPhraseIsReplacedByTheStandardOne() {
        assertThat(decode(rfc5389(0x011A).errorCode(447, "").build()).summary())
                .isEqualTo("Connect Error Response 447 Connection Timeout or Failure");
        assertThat(decode(rfc5389(0x0113).errorCode(442, "").build()).errorReason())
                .isEqualTo("Unsupported Transport Protocol");
        assertThat(decode(rfc5389(0x0114).errorCode(437, "").build()).summary())
                .isEqualTo("Refresh Error Response 437 Allocation Mismatch");
    }

    @Test
    void sentReasonPhraseIsKept() {
        StunMessage m = decode(rfc5389(0x011A).errorCode(447, "Connection Timeout").build());

        assertThat(m.errorReason()).isEqualTo("Connection Timeout");
    }

    @Test
    void allocateSuccessGivesRelayedAndMappedAddresses() {
        StunMessage m = decode(rfc5389(0x0103).xorAddress(0x0016, "192.0.2.50:24012")
                .xorAddress(0x0020, "198.51.100.9:40000").u32(0x000D, 600).messageIntegrity(KEY).fingerprint()
                .build());

        assertThat(m.relayedAddress()).contains(Endpoint.parse("192.0.2.50:24012"));
        assertThat(m.mappedAddress()).contains(Endpoint.parse("198.51.100.9:40000"));
        assertThat(m.summary()).isEqualTo("Allocate Success Response relay=192.0.2.50:24012");
        assertThat(m.hasMessageIntegrity()).isTrue();
        assertThat(m.fingerprint()).isEqualTo(FingerprintCheck.VALID);
    }

    @Test
    void xorPeerAddressMatchesTheWorkedExampleBytes() {
        byte[] bytes = rfc5389(0x000A).xorAddress(0x0012, "198.51.100.20:50123").build();

        // PROTOCOLS.md §3.2: 00 12 00 08 00 01 E2 D9 E7 21 C0 56
        assertThat(java.util.Arrays.copyOfRange(bytes, 20, 32)).isEqualTo(hex("0012000800 01e2d9e721c056"));
        StunMessage m = decode(bytes);
        assertThat(m.summary()).isEqualTo("Connect Request peer=198.51.100.20:50123");
        assertThat(m.xorPeerAddress()).contains(Endpoint.parse("198.51.100.20:50123"));
        assertThat(m.attribute(0x0012).orElseThrow().name()).isEqualTo("XOR-PEER-ADDRESS");
    }

    @Test
    void xorPeerAddressDecodesFromRawBytes() {
        byte[] bytes = hex("000a000c 2112a442 0a1b2c3d4e5f60718293a4b5 00120008 0001e2d9e721c056");

        assertThat(decode(bytes).xorPeerAddress()).contains(Endpoint.parse("198.51.100.20:50123"));
    }

    @Test
    void ipv6XorPeerAddressUsesCookieAndTransactionId() {
        StunMessage m = decode(rfc5389(0x0008).xorAddress(0x0012, "[2001:db8::20]:50123").build());

        assertThat(m.summary()).isEqualTo("CreatePermission Request peer=[2001:db8::20]:50123");
        assertThat(m.attribute(0x0012).orElseThrow().length()).isEqualTo(24);
    }

    @Test
    void connectSuccessCarriesTheConnectionId() {
        StunMessage m = decode(rfc5389(0x010A).u32(0x002A, 0xC0FFEE01L).build());

        assertThat(m.summary()).isEqualTo("Connect Success Response cid=3237998081");
        assertThat(m.connectionId()).hasValue(0xC0FFEE01L);
        assertThat(m.attribute(0x002A).orElseThrow().value()).isEqualTo("3237998081");
    }

    @Test
    void connectionBindRequestNamesTheConnectionId() {
        StunMessage m = decode(rfc5389(0x000B).u32(0x002A, 123456).text(0x0006, "cms").text(0x0014, "expressway")
                .text(0x0015, "nonce").messageIntegrity(KEY).build());

        assertThat(m.summary()).isEqualTo("ConnectionBind Request cid=123456");
        assertThat(m.methodName()).isEqualTo("ConnectionBind");
        assertThat(StunIntegrity.verifyLongTerm(
                rfc5389(0x000B).u32(0x002A, 123456).messageIntegrity(KEY).build(), "cms", "expressway", "secret"))
                .isEqualTo(IntegrityCheck.VALID);
    }

    @Test
    void connectionBindSuccessIsPlain() {
        assertThat(decode(rfc5389(0x010B).build()).summary()).isEqualTo("ConnectionBind Success Response");
    }

    @Test
    void connectionAttemptIndicationHasPeerAndConnectionId() {
        StunMessage m = decode(rfc5389(0x001C).u32(0x002A, 7).xorAddress(0x0012, "203.0.113.10:52044").build());

        assertThat(m.messageClass()).isEqualTo(StunClass.INDICATION);
        assertThat(m.summary()).isEqualTo("ConnectionAttempt Indication peer=203.0.113.10:52044 cid=7");
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void connectionIdIsUnsigned() {
        assertThat(decode(rfc5389(0x010A).u32(0x002A, 0xFFFFFFFFL).build()).connectionId()).hasValue(4294967295L);
    }

    @Test
    void forbiddenAndConnectionAlreadyExistsHaveStandardReasons() {
        assertThat(decode(rfc5389(0x011A).errorCode(403, "").build()).errorReason()).isEqualTo("Forbidden");
        assertThat(decode(rfc5389(0x011A).errorCode(446, "").build()).errorReason())
                .isEqualTo("Connection Already Exists");
    }

    @Test
    void refreshWithZeroLifetimeDeletesTheAllocation() {
        StunMessage m = decode(rfc5389(0x0004).u32(0x000D, 0).build());

        assertThat(m.methodName()).isEqualTo("Refresh");
        assertThat(m.lifetime()).hasValue(0);
    }

    @Test
    void allocateAsIndicationIsFlagged() {
        assertThat(decode(rfc5389(0x0013).build()).warnings()).containsExactly("Allocate is never an indication");
    }

    @Test
    void unknownAttributesListsTypes() {
        StunMessage m = decode(rfc5389(0x0113).errorCode(420, "").attrHex(0x000A, "000f8008").build());

        assertThat(m.attribute(0x000A).orElseThrow().value()).isEqualTo("0x000f, 0x8008");
        assertThat(m.summary()).isEqualTo("Allocate Error Response 420 Unknown Attribute");
    }

    @Test
    void unknownAttributeIsShownAsHex() {
        StunAttribute a = decode(rfc5389(0x0001).attrHex(0x7ABC, "deadbeef01").build()).attributes().get(0);

        assertThat(a.name()).isEqualTo("Unknown (0x7abc)");
        assertThat(a.value()).isEqualTo("deadbeef01");
        assertThat(a.decoded()).isEqualTo(hex("deadbeef01"));
        assertThat(a.offset()).isEqualTo(20);
        assertThat(a.length()).isEqualTo(9);
    }

    @Test
    void offsetsAreRelativeToTheMessageStart() {
        byte[] m = rfc5389(0x000B).u32(0x002A, 99).build();
        byte[] inStream = new byte[m.length + 7];
        System.arraycopy(m, 0, inStream, 5, m.length);

        StunMessage decoded = StunDecoder.decode(inStream, 5, m.length);

        assertThat(decoded.connectionId()).hasValue(99);
        assertThat(decoded.attributes().get(0).offset()).isEqualTo(20);
        assertThat(decoded.warnings()).isEmpty();
    }
}
