package org.turnladder.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.turnladder.decode.Field;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpAttribute;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;

/** Every field, header, attribute and candidate points at exactly the bytes it was read from. */
class SipFieldOffsetsTest {

    @ParameterizedTest
    @ValueSource(strings = {SipSamples.LYNC_INVITE, SipSamples.CMS_200, SipSamples.ASMCU_488, SipSamples.SFB_504,
            SipSamples.EXPRESSWAY_OPTIONS, SipSamples.COMPACT, SipSamples.BYE})
    void everyFieldSliceShowsItsValue(String name) {
        byte[] b = SipSamples.load(name);
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.fields()).isNotEmpty();
        for (Field f : m.fields()) {
            check(b, f, 0, b.length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SipSamples.LYNC_INVITE, SipSamples.CMS_200, SipSamples.COMPACT, SipSamples.BYE})
    void headersAttributesAndCandidatesPointAtTheirLines(String name) {
        byte[] b = SipSamples.load(name);
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        for (SipHeader h : m.headers()) {
            checkHeader(slice(b, h.offset(), h.length()), h.name(), h.value());
        }
        for (SdpSession s : m.sdps()) {
            assertThat(slice(b, s.offset(), s.length())).startsWith("v=0\r\n");
            for (SdpMedia media : s.media()) {
                assertThat(slice(b, media.offset(), media.length())).startsWith("m=" + media.type() + " ");
                for (SdpAttribute a : media.attributes()) {
                    assertThat(slice(b, a.offset(), a.length()))
                            .isEqualTo("a=" + a.name() + (a.value().isEmpty() ? "" : ":" + a.value()));
                }
                for (IceCandidate c : media.candidates()) {
                    assertThat(slice(b, c.offset(), c.length())).isEqualTo(c.raw());
                }
            }
        }
    }

    private static void check(byte[] b, Field f, int parentStart, int parentEnd) {
        assertThat(f.offset()).as(f.name()).isGreaterThanOrEqualTo(parentStart);
        assertThat(f.offset() + f.length()).as(f.name()).isLessThanOrEqualTo(parentEnd);
        String text = slice(b, f.offset(), f.length());
        String n = f.name();
        if (n.equals("Request-Line") || n.equals("Status-Line") || n.equals("Method") || n.equals("Request-URI")
                || n.equals("Version") || n.equals("Status-Code") || n.equals("Reason-Phrase")) {
            assertThat(text).as(n).isEqualTo(f.value());
        } else if (n.equals("Message Header")) {
            assertThat(text).endsWith("\r\n\r\n");
        } else if (n.equals("Message Body") || n.equals("Content")) {
            assertThat(f.length()).isPositive();
        } else if (n.startsWith("Part ")) {
            assertThat(text).startsWith("Content-Type: application/sdp\r\n");
        } else if (n.equals("Session Description Protocol")) {
            assertThat(text).startsWith("v=0\r\n");
        } else if (n.equals("Media Description")) {
            assertThat(text).startsWith("m=" + f.value() + "\r\n");
        } else if (n.matches(".* \\([a-z]\\)")) {
            assertThat(text).as(n).isEqualTo(n.charAt(n.length() - 2) + "=" + f.value());
        } else if (f.children().isEmpty()) {
            checkHeader(text, n, f.value());
        } else {
            fail("field not covered by this test: " + n);
        }
        for (Field c : f.children()) {
            check(b, c, f.offset(), f.offset() + f.length());
        }
    }

    /** {@code Name: value}, possibly compact and folded. */
    private static void checkHeader(String text, String name, String value) {
        String unfolded = text.replaceAll("\r\n[ \t]+", " ");
        int colon = unfolded.indexOf(':');
        assertThat(colon).as(text).isPositive();
        assertThat(SipHeaderNames.expand(unfolded.substring(0, colon).trim())).isEqualTo(name);
        assertThat(unfolded.substring(colon + 1).trim()).isEqualTo(value);
    }

    private static String slice(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }
}
