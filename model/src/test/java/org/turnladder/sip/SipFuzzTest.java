package org.turnladder.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.turnladder.decode.Field;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpAttribute;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;

/**
 * Fuzz tests. Without {@code JAZZER_FUZZ=1} they run as regression tests over the seed corpus in
 * {@code src/test/resources/org/turnladder/sip/SipFuzzTestInputs/<method>/}; with it, Jazzer mutates inputs.
 */
class SipFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decodeNeverThrowsAndKeepsFieldsInBounds(byte[] data) {
        SipMessage m = SipDecoder.decode(data, 0, data.length);
        assertThat(m.warnings()).noneMatch(w -> w.startsWith(SipDecoder.INTERNAL_ERROR));
        assertThat(m.summary()).isNotNull();
        assertThat(m.length()).isBetween(0, data.length);
        for (Field f : m.fields()) {
            inBounds(f, 0, data.length);
        }
        for (SipHeader h : m.headers()) {
            assertThat(h.offset()).isGreaterThanOrEqualTo(0);
            assertThat(h.offset() + h.length()).isLessThanOrEqualTo(data.length);
        }
        for (SdpSession s : m.sdps()) {
            for (SdpMedia media : s.media()) {
                assertThat(media.offset() + media.length()).isLessThanOrEqualTo(data.length);
                for (SdpAttribute a : media.attributes()) {
                    assertThat(a.offset() + a.length()).isLessThanOrEqualTo(data.length);
                }
                for (IceCandidate c : media.candidates()) {
                    assertThat(c.port()).isBetween(0, 65535);
                }
            }
        }
        m.applicationSharing();
        m.msDiagnostics();
        m.fromTag();
        m.toTag();
    }

    @FuzzTest(maxDuration = "30s")
    void messageLengthIsAPrefixStableVerdict(byte[] data) {
        int n = SipFraming.messageLength(data, 0, data.length);
        assertThat(n).isBetween(-1, data.length);
        SipFraming.keepAliveLength(data, 0, data.length);
        SipFraming.looksLikeSip(data, 0, data.length);
        if (n > 0) {
            // the message is complete in exactly n bytes, and any shorter prefix is merely incomplete
            assertThat(SipFraming.messageLength(data, 0, n)).isEqualTo(n);
            assertThat(SipFraming.messageLength(data, 0, n - 1)).isEqualTo(SipFraming.INCOMPLETE);
            assertThat(SipFraming.messageLength(data, 0, n / 2)).isEqualTo(SipFraming.INCOMPLETE);
            // and the decoder accepts what framing cut out
            SipMessage m = SipDecoder.decode(data, 0, n);
            assertThat(m.length()).isEqualTo(n);
        }
    }

    private static void inBounds(Field f, int start, int end) {
        assertThat(f.offset()).isGreaterThanOrEqualTo(start);
        assertThat(f.length()).isGreaterThanOrEqualTo(0);
        assertThat(f.offset() + f.length()).isLessThanOrEqualTo(end);
        for (Field c : f.children()) {
            inBounds(c, f.offset(), f.offset() + f.length());
        }
    }
}
