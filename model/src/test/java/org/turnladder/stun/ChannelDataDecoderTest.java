package org.turnladder.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.stun.StunTestMessages.hex;

import org.junit.jupiter.api.Test;

/** TURN ChannelData framing (RFC 5766 §11.4, RFC 8656 §12) and MS multiplexed TURN channel 0xFF10. */
class ChannelDataDecoderTest {
    @Test
    void streamLengthIsPaddedToFour() {
        byte[] m = hex("40010005 0102030405 000000");

        assertThat(ChannelDataDecoder.messageLength(m, 0, m.length, true)).isEqualTo(12);
        assertThat(ChannelDataDecoder.messageLength(m, 0, m.length, false)).isEqualTo(9);
    }

    @Test
    void lengthNeedsFourBytes() {
        byte[] m = hex("40010005");

        assertThat(ChannelDataDecoder.messageLength(m, 0, 3, true)).isZero();
        assertThat(ChannelDataDecoder.messageLength(m, 0, 0, true)).isZero();
    }

    @Test
    void stunAndRtpAreNotChannelData() {
        assertThat(ChannelDataDecoder.messageLength(hex("00010000"), 0, 4, true)).isEqualTo(-1);
        assertThat(ChannelDataDecoder.messageLength(hex("807f0000"), 0, 4, true)).isEqualTo(-1);
        assertThat(ChannelDataDecoder.messageLength(hex("ff00"), 0, 2, true)).isEqualTo(-1);
    }

    @Test
    void decodesChannelDataAndPadding() {
        byte[] m = hex("40010005 0102030405 000000");
        ChannelDataMessage c = ChannelDataDecoder.decode(m, 0, m.length, true);

        assertThat(c.channel()).isEqualTo(0x4001);
        assertThat(c.dataOffset()).isEqualTo(4);
        assertThat(c.dataLength()).isEqualTo(5);
        assertThat(c.padding()).isEqualTo(3);
        assertThat(c.protocol()).isEqualTo("CHANNELDATA");
        assertThat(c.summary()).isEqualTo("ChannelData channel 0x4001 5 bytes");
        assertThat(c.warnings()).isEmpty();
        assertThat(c.fields()).extracting(f -> f.name() + "@" + f.offset() + "+" + f.length())
                .containsExactly("Channel Number@0+2", "Length@2+2", "Data@4+5", "Padding@9+3");
    }

    @Test
    void missingPaddingOverAStreamIsFlagged() {
        byte[] m = hex("40010005 0102030405");

        assertThat(ChannelDataDecoder.decode(m, 0, m.length, true).warnings())
                .containsExactly("padding is 0 bytes, 3 required over a stream");
        assertThat(ChannelDataDecoder.decode(m, 0, m.length, false).warnings()).isEmpty();
    }

    @Test
    void truncatedDataIsFlagged() {
        byte[] m = hex("40010010 0102");
        ChannelDataMessage c = ChannelDataDecoder.decode(m, 0, m.length, false);

        assertThat(c.dataLength()).isEqualTo(2);
        assertThat(c.warnings()).containsExactly("ChannelData truncated: Length 16, 2 bytes present");
    }

    @Test
    void rfc5766UpperRangeIsAcceptedAndNoted() {
        byte[] m = hex("7ffe0000");
        ChannelDataMessage c = ChannelDataDecoder.decode(m, 0, m.length, true);

        assertThat(c.warnings()).isEmpty();
        assertThat(c.fields().get(0).value()).contains("RFC 8656 allows 0x4000–0x4fff");
    }

    @Test
    void msMultiplexedChannelCarriesAnEightByteSessionId() {
        byte[] m = hex("ff10000a 0011223344556677 abcd 0000");
        ChannelDataMessage c = ChannelDataDecoder.decode(m, 0, m.length, true);

        assertThat(ChannelDataDecoder.messageLength(m, 0, m.length, true)).isEqualTo(16);
        assertThat(c.msMultiplexed()).isTrue();
        assertThat(c.msSessionId()).isEqualTo("0011223344556677");
        assertThat(c.dataOffset()).isEqualTo(12);
        assertThat(c.dataLength()).isEqualTo(2);
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void tooShortAndOutOfRangeInputWarns() {
        assertThat(ChannelDataDecoder.decode(hex("40"), 0, 1, true).warnings())
                .containsExactly("only 1 bytes, too short for a ChannelData header (4)");
        assertThat(ChannelDataDecoder.decode(hex("30000000"), 0, 4, true).warnings())
                .containsExactly("channel number 0x3000 outside 0x4000–0x7fff");
        assertThat(ChannelDataDecoder.decode(hex("40000000"), 2, 4, true).warnings())
                .containsExactly("no message bytes (offset/length outside the buffer)");
    }
}
