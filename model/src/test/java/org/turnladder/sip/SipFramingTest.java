package org.turnladder.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.sip.SipSamples.crlf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipFramingTest {

    private static int length(byte[] b) {
        return SipFraming.messageLength(b, 0, b.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {SipSamples.LYNC_INVITE, SipSamples.CMS_200, SipSamples.ASMCU_488, SipSamples.SFB_504,
            SipSamples.EXPRESSWAY_OPTIONS, SipSamples.COMPACT, SipSamples.BYE})
    void aWholeSampleMessageIsExactlyItsOwnLength(String name) {
        byte[] b = SipSamples.load(name);
        assertThat(length(b)).isEqualTo(b.length);
    }

    @Test
    void lengthIsHeadersPlusEmptyLinePlusContentLengthBody() {
        byte[] b = crlf("INFO sip:a@b SIP/2.0\nContent-Length: 5\n\nhello");
        assertThat(length(b)).isEqualTo(b.length);
    }

    @Test
    void missingContentLengthOnAStreamMeansNoBody() {
        byte[] b = crlf("OPTIONS sip:a@b SIP/2.0\nCall-ID: x\n\nnext bytes");
        assertThat(length(b)).isEqualTo(b.length - "next bytes".length());
    }

    @Test
    void compactContentLengthAndOddSpacingAreUnderstood() {
        byte[] b = crlf("INFO sip:a@b SIP/2.0\nl  :  3\n\nabc");
        assertThat(length(b)).isEqualTo(b.length);
        byte[] folded = crlf("INFO sip:a@b SIP/2.0\nContent-Length:\n 3\n\nabc");
        assertThat(length(folded)).isEqualTo(folded.length);
        byte[] lower = crlf("INFO sip:a@b SIP/2.0\ncontent-length: 3\n\nabc");
        assertThat(length(lower)).isEqualTo(lower.length);
    }

    @Test
    void headersThatOnlyStartLikeContentLengthAreNotIt() {
        byte[] b = crlf("INFO sip:a@b SIP/2.0\nLync-Thing: 9\nContent-Length-X: 9\nl: 2\n\nab");
        assertThat(length(b)).isEqualTo(b.length);
    }

    @Test
    void bareLineFeedsAsInLogsAreAccepted() {
        byte[] b = ascii("SIP/2.0 200 OK\nContent-Length: 2\n\nok");
        assertThat(length(b)).isEqualTo(b.length);
    }

    @Test
    void severalMessagesInOneBufferAreFoundOneAfterTheOther() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        int[] sizes = new int[SipSamples.ALL.length];
        for (int i = 0; i < SipSamples.ALL.length; i++) {
            byte[] m = SipSamples.load(SipSamples.ALL[i]);
            sizes[i] = m.length;
            s.writeBytes(m);
            if (i % 2 == 0) {
                s.writeBytes(ascii("\r\n\r\n")); // keep-alive between some of them
            }
        }
        byte[] stream = s.toByteArray();
        int off = 0;
        int found = 0;
        while (off < stream.length) {
            off += SipFraming.keepAliveLength(stream, off, stream.length - off);
            if (off == stream.length) {
                break;
            }
            int n = SipFraming.messageLength(stream, off, stream.length - off);
            assertThat(n).as("message %d", found).isEqualTo(sizes[found]);
            off += n;
            found++;
        }
        assertThat(found).isEqualTo(SipSamples.ALL.length);
    }

    @Test
    void everyProperPrefixOfAMessageIsIncomplete() {
        for (String name : SipSamples.ALL) {
            byte[] b = SipSamples.load(name);
            for (int split = 1; split < b.length; split++) {
                assertThat(SipFraming.messageLength(b, 0, split)).as("%s split at %d", name, split)
                        .isEqualTo(SipFraming.INCOMPLETE);
            }
        }
    }

    @Test
    void aMessageSplitAnywhereIsFoundOnceTheSecondPartArrives() {
        byte[] a = SipSamples.load(SipSamples.LYNC_INVITE);
        byte[] b = SipSamples.load(SipSamples.ASMCU_488);
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        for (int split = 1; split < both.length; split++) {
            // a reassembler that has seen only the first `split` bytes, then all of them
            byte[] seen = Arrays.copyOf(both, split);
            int first = SipFraming.messageLength(seen, 0, seen.length);
            assertThat(first).isEqualTo(split < a.length ? 0 : a.length);
            assertThat(SipFraming.messageLength(both, 0, both.length)).isEqualTo(a.length);
            if (split > a.length) {
                assertThat(SipFraming.messageLength(seen, a.length, split - a.length)).isEqualTo(0);
            }
        }
        assertThat(SipFraming.messageLength(both, a.length, b.length)).isEqualTo(b.length);
    }

    @Test
    void headerBlockWithoutEmptyLineIsIncompleteUntilTheCap() {
        byte[] b = crlf("INVITE sip:a@b SIP/2.0\nVia: x\n");
        assertThat(length(b)).isEqualTo(SipFraming.INCOMPLETE);
        byte[] big = new byte[SipFraming.MAX_HEADER_BLOCK + 10];
        Arrays.fill(big, (byte) 'x');
        byte[] start = crlf("INVITE sip:a@b SIP/2.0\nX-Long: ");
        System.arraycopy(start, 0, big, 0, start.length);
        assertThat(SipFraming.messageLength(big, 0, SipFraming.MAX_HEADER_BLOCK - 1))
                .isEqualTo(SipFraming.INCOMPLETE);
        assertThat(length(big)).isEqualTo(SipFraming.NOT_SIP);
    }

    @Test
    void absurdContentLengthIsNotSipInsteadOfWaitingForever() {
        assertThat(length(crlf("INVITE sip:a@b SIP/2.0\nContent-Length: 999999999\n\n")))
                .isEqualTo(SipFraming.NOT_SIP);
        assertThat(length(crlf("INVITE sip:a@b SIP/2.0\nContent-Length: 99999999999999999999999999\n\n")))
                .isEqualTo(SipFraming.NOT_SIP);
        assertThat(length(crlf("INVITE sip:a@b SIP/2.0\nContent-Length: " + (SipFraming.MAX_BODY + 1) + "\n\n")))
                .isEqualTo(SipFraming.NOT_SIP);
        // at the cap it is only incomplete
        assertThat(length(crlf("INVITE sip:a@b SIP/2.0\nContent-Length: " + SipFraming.MAX_BODY + "\n\n")))
                .isEqualTo(SipFraming.INCOMPLETE);
    }

    @Test
    void contentLengthThatIsNotANumberIsNotSip() {
        assertThat(length(crlf("INVITE sip:a@b SIP/2.0\nContent-Length: 12a\n\n"))).isEqualTo(SipFraming.NOT_SIP);
        assertThat(length(crlf("INVITE sip:a@b SIP/2.0\nContent-Length: 1 2\n\n"))).isEqualTo(SipFraming.NOT_SIP);
        assertThat(length(crlf("INVITE sip:a@b SIP/2.0\nContent-Length:\n\n"))).isEqualTo(SipFraming.NOT_SIP);
    }

    @Test
    void keepAlivesAreCountedForSkipping() {
        byte[] b = ascii("\r\n\r\nOPTIONS");
        assertThat(SipFraming.keepAliveLength(b, 0, b.length)).isEqualTo(4);
        assertThat(SipFraming.keepAliveLength(b, 4, b.length - 4)).isZero();
        assertThat(SipFraming.keepAliveLength(ascii("\r\n"), 0, 2)).isEqualTo(2);
        assertThat(SipFraming.keepAliveLength(b, 0, 3)).isEqualTo(3);
    }

    @Test
    void aKeepAliveIsNotItselfAMessageStart() {
        assertThat(length(ascii("\r\n\r\n"))).isEqualTo(SipFraming.NOT_SIP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n", "invite sip:a@b SIP/2.0\r\n\r\n",
            "INVITE a@b SIP/2.0\r\n\r\n", "INVITE sip:a@b SIP/3.0\r\n\r\n", "INVITE sip:a@b  SIP/2.0\r\n\r\n",
            "SIP/2.0 2000 OK\r\n\r\n", "SIP/2.0 700 Nope\r\n\r\n", "SIP/1.0 200 OK\r\n\r\n", "SIP/2.0  200 OK\r\n",
            "INVITE sip:a@b SIP/2.0\rX: y\r\n\r\n", "SIP/2.0 200 O\u0001K\r\n\r\n", "1NVITE sip:a SIP/2.0\r\n\r\n"})
    void nonSipTextIsRejected(String text) {
        assertThat(length(ascii(text))).isEqualTo(SipFraming.NOT_SIP);
    }

    @Test
    void binaryProtocolsAreRejectedFromTheirFirstBytes() {
        byte[] stun = {0x00, 0x01, 0x00, 0x00, 0x21, 0x12, (byte) 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        byte[] tls = {0x16, 0x03, 0x01, 0x00, 0x2D, 0x01};
        byte[] rfc4571 = {0x00, 0x6c, 0x00, 0x01};
        byte[] msTurn = {0x02, 0x00, 0x00, 0x5C};
        for (byte[] b : new byte[][] {stun, tls, rfc4571, msTurn}) {
            assertThat(length(b)).isEqualTo(SipFraming.NOT_SIP);
            assertThat(SipFraming.messageLength(b, 0, 1)).isEqualTo(SipFraming.NOT_SIP);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "INV", "INVITE", "INVITE ", "INVITE si", "INVITE sip:", "INVITE sip:a@b",
            "INVITE sip:a@b SIP/2", "INVITE sip:a@b SIP/2.0", "INVITE sip:a@b SIP/2.0\r", "S", "SIP", "SIP/2.0",
            "SIP/2.0 ", "SIP/2.0 4", "SIP/2.0 488", "SIP/2.0 488 Not Acc", "SUBSCRIBE sip:x SIP/2.0\r\n"})
    void aValidBeginningIsIncomplete(String text) {
        assertThat(length(ascii(text))).isEqualTo(SipFraming.INCOMPLETE);
    }

    @Test
    void unknownUpperCaseMethodsAndOtherUriSchemesAreSip() {
        byte[] b = crlf("X-MS-FOO_2 sips:user@host;transport=tls SIP/2.0\nl: 0\n\n");
        assertThat(length(b)).isEqualTo(b.length);
        byte[] tel = crlf("INVITE tel:+15551234 SIP/2.0\n\n");
        assertThat(length(tel)).isEqualTo(tel.length);
        byte[] noReason = crlf("SIP/2.0 200\n\n");
        assertThat(length(noReason)).isEqualTo(noReason.length);
    }

    @Test
    void lengthHonoursTheOffsetAndAvailableBytes() {
        byte[] msg = crlf("SIP/2.0 100 Trying\nl: 0\n\n");
        byte[] b = new byte[msg.length + 7];
        System.arraycopy(msg, 0, b, 3, msg.length);
        assertThat(SipFraming.messageLength(b, 3, msg.length)).isEqualTo(msg.length);
        assertThat(SipFraming.messageLength(b, 3, msg.length - 1)).isEqualTo(SipFraming.INCOMPLETE);
    }

    @Test
    void badArgumentsDoNotThrow() {
        byte[] b = ascii("SIP/2.0 200 OK\r\n\r\n");
        assertThat(SipFraming.messageLength(null, 0, 5)).isEqualTo(SipFraming.INCOMPLETE);
        assertThat(SipFraming.messageLength(b, -1, 5)).isEqualTo(SipFraming.INCOMPLETE);
        assertThat(SipFraming.messageLength(b, 0, 0)).isEqualTo(SipFraming.INCOMPLETE);
        assertThat(SipFraming.messageLength(b, 0, b.length + 100)).isEqualTo(b.length);
        assertThat(SipFraming.messageLength(b, b.length + 1, 3)).isEqualTo(SipFraming.INCOMPLETE);
        assertThat(SipFraming.keepAliveLength(b, 99, 2)).isZero();
        assertThat(SipFraming.looksLikeSip(b, 99, 2)).isFalse();
    }

    @Test
    void aDatagramLooksLikeSipWhenItsStartLineIsComplete() {
        byte[] b = SipSamples.load(SipSamples.CMS_200);
        assertThat(SipFraming.looksLikeSip(b, 0, b.length)).isTrue();
        assertThat(SipFraming.looksLikeSip(b, 0, 10)).isFalse();
        assertThat(SipFraming.looksLikeSip(ascii("\r\n\r\n"), 0, 4)).isFalse();
        assertThat(SipFraming.looksLikeSip(ascii("GET / HTTP/1.1\r\n"), 0, 16)).isFalse();
    }
}
