package org.turnladder.ladder;

import org.turnladder.sip.MsDiagnostic;
import org.turnladder.sip.SipMessage;
import org.turnladder.sip.sdp.SdpMedia;

/** Arrow texts for SIP: "INVITE m=applicationsharing", "488 Not Acceptable Here · ms-diag 21002", "200 OK (BYE)". */
final class SipLabels {
    private SipLabels() {
    }

    static String label(SipMessage m) {
        if (m.isKeepAlive()) {
            return "CRLF keep-alive";
        }
        StringBuilder sb = new StringBuilder(64);
        if (m.isRequest()) {
            sb.append(m.method());
        } else if (m.isResponse()) {
            sb.append(m.statusCode());
            if (m.reason() != null && !m.reason().isEmpty()) {
                sb.append(' ').append(m.reason());
            }
            if (m.cseqMethod() != null && !"INVITE".equalsIgnoreCase(m.cseqMethod())) {
                sb.append(" (").append(m.cseqMethod()).append(')');
            }
        } else {
            return "Malformed SIP";
        }
        m.preferredSdp().ifPresent(sdp -> {
            for (SdpMedia media : sdp.media()) {
                sb.append(" m=").append(media.type());
                if (media.isRejected()) {
                    sb.append(" port 0");
                }
            }
        });
        if (!m.msDiagnostics().isEmpty()) {
            sb.append(" · ms-diag ");
            int i = 0;
            for (MsDiagnostic d : m.msDiagnostics()) {
                sb.append(i++ > 0 ? ", " : "").append(d.codeText());
            }
        }
        return sb.toString();
    }

    /** 2xx is OK; challenges (401/407), provisional and redirect answers are neutral; other 4xx–6xx are errors. */
    static Outcome outcome(SipMessage m) {
        if (!m.isResponse()) {
            return m.isRequest() || m.isKeepAlive() ? Outcome.NEUTRAL : Outcome.ERROR;
        }
        int c = m.statusCode();
        if (c >= 200 && c < 300) {
            return Outcome.OK;
        }
        if (c < 400 || c == 401 || c == 407) {
            return Outcome.NEUTRAL;
        }
        return Outcome.ERROR;
    }
}
