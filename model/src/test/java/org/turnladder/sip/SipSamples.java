package org.turnladder.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample messages under {@code src/test/resources/org/turnladder/sip/messages} (CRLF line ends, exact bytes). */
final class SipSamples {

    static final String LYNC_INVITE = "lync-invite-appsharing-multipart.sip";
    static final String CMS_200 = "cms-200-ok-appsharing.sip";
    static final String ASMCU_488 = "asmcu-488-attendees-cannot-share.sip";
    static final String SFB_504 = "sfb-504-no-srv-match.sip";
    static final String EXPRESSWAY_OPTIONS = "expressway-options.sip";
    static final String COMPACT = "compact-and-folded-headers.sip";
    static final String BYE = "bye-ms-client-diagnostics.sip";

    static final String[] ALL = {LYNC_INVITE, CMS_200, ASMCU_488, SFB_504, EXPRESSWAY_OPTIONS, COMPACT, BYE};

    private SipSamples() {
    }

    static byte[] load(String name) {
        try (InputStream in = SipSamples.class.getResourceAsStream("messages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipMessage decode(String name) {
        byte[] b = load(name);
        return SipDecoder.decode(b, 0, b.length);
    }

    /** Text with LF line ends turned into CRLF. */
    static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
