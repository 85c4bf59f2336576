package org.turnladder.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.stun.StunTestMessages.hex;
import static org.turnladder.stun.StunTestMessages.msTurn;
import static org.turnladder.stun.StunTestMessages.rfc3489;
import static org.turnladder.stun.StunTestMessages.rfc5389;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How framing code tells STUN from other bytes in streams and datagrams. */
class StunProbeTest {
    private final byte[] allocate = rfc5389(0x0003).requestedTransport(6).build();
    private final byte[] msAllocate = msTurn(0x0003).u32(0x8008, 6).text(0x0015, "SfB").build();

    @Test
    void cookieMessageLengthIsTwentyPlusHeaderLength() {
        assertThat(StunProbe.messageLength(allocate, 0, allocate.length)).isEqualTo(28);
    }

    @Test
    void lengthIsKnownFromTheHeaderBeforeTheBodyArrives() {
        assertThat(StunProbe.messageLength(allocate, 0, 20)).isEqualTo(28);
    }

    @Test
    void fewerThanTwentyBytesNeedMore() {
        assertThat(StunProbe.messageLength(allocate, 0, 19)).isZero();
        assertThat(StunProbe.messageLength(allocate, 0, 0)).isZero();
    }

    @Test
    void firstTwoBitsSetIsDecidedFromOneByte() {
        assertThat(StunProbe.messageLength(new byte[]{(byte) 0x80}, 0, 1)).isEqualTo(-1);
        assertThat(StunProbe.messageLength(new byte[]{0x40}, 0, 1)).isEqualTo(-1);
    }

    @Test
    void msTurnIsRecognisedByItsMagicCookieAttributeOnceTwentyEightBytesAreThere() {
        assertThat(StunProbe.messageLength(msAllocate, 0, 27)).isZero();
        assertThat(StunProbe.messageLength(msAllocate, 0, 28)).isEqualTo(msAllocate.length);
    }

    @Test
    void noCookieAndNoMsAttributeIsNotStun() {
        byte[] classic = rfc3489(0x0001).u32(0x0003, 0).build();

        assertThat(StunProbe.messageLength(classic, 0, classic.length)).isEqualTo(-1);
        assertThat(StunProbe.messageLength(classic, 0, 22)).isEqualTo(-1);
    }

    @Test
    void classicBindingIsAcceptedOnlyWhenAsked() {
        byte[] classic = rfc3489(0x0001).u32(0x0003, 0).build();

        assertThat(StunProbe.messageLength(classic, 0, classic.length, true)).isEqualTo(classic.length);
        byte[] allocateClassic = rfc3489(0x0003).u32(0x000D, 0).build();
        assertThat(StunProbe.messageLength(allocateClassic, 0, allocateClassic.length, true)).isEqualTo(-1);
    }

    @Test
    void probeReadsAtAnOffsetInsideAStream() {
        byte[] stream = new byte[3 + allocate.length];
        System.arraycopy(allocate, 0, stream, 3, allocate.length);

        assertThat(StunProbe.messageLength(stream, 3, allocate.length)).isEqualTo(28);
        assertThat(StunProbe.isStun(stream, 3, allocate.length)).isTrue();
    }

    @Test
    void rfc4571LengthPrefixIsNotAStunHeader() {
        byte[] framed = new byte[2 + allocate.length];
        framed[1] = (byte) allocate.length;
        System.arraycopy(allocate, 0, framed, 2, allocate.length);

        assertThat(StunProbe.messageLength(framed, 0, framed.length)).isEqualTo(-1);
        assertThat(StunProbe.messageLength(framed, 2, framed.length - 2)).isEqualTo(28);
    }

    @Test
    void strictCheckNeedsExactLength() {
        assertThat(StunProbe.isStun(allocate, 0, allocate.length)).isTrue();
        assertThat(StunProbe.isStun(Arrays.copyOf(allocate, 32), 0, 32)).isFalse();
        assertThat(StunProbe.isStun(allocate, 0, 24)).isFalse();
    }

    @Test
    void strictCheckNeedsAnExactTlvWalk() {
        byte[] bad = allocate.clone();
        bad[23] = 5; // REQUESTED-TRANSPORT length 4 → 5: walk overshoots

        assertThat(StunProbe.isStun(bad, 0, bad.length)).isFalse();
    }

    @Test
    void strictCheckAcceptsUnpaddedMsTurn() {
        assertThat(StunProbe.isStun(msAllocate, 0, msAllocate.length)).isTrue();
    }

    @Test
    void strictCheckRejectsUnpaddedAttributesWithTheRfcCookie() {
        byte[] unpadded = hex("0001000b 2112a442 " + StunTestMessages.TID_96 + " 00060003 616263 00250000");

        assertThat(StunProbe.isStun(unpadded, 0, unpadded.length)).isFalse();
    }

    @Test
    void strictCheckRejectsReservedMethods() {
        byte[] m = rfc5389(0x3EEF).build();

        assertThat(StunProbe.isStun(m, 0, m.length)).isFalse();
    }

    @Test
    void strictCheckRejectsRandomBytesWithoutCookie() {
        byte[] random = hex("0001000800000000000000000000000000000000 0024000400000001");

        assertThat(StunProbe.isStun(random, 0, random.length)).isTrue(); // a classic Binding: plausible
        random[1] = 0x03; // Allocate without cookie or MS attribute: not STUN
        assertThat(StunProbe.isStun(random, 0, random.length)).isFalse();
    }
}
