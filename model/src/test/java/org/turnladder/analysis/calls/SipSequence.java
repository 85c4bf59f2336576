package org.turnladder.analysis.calls;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.Framing;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.sip.SipDecoder;
import org.turnladder.sip.SipMessage;

/**
 * Builds SIP messages as text, decodes them with the real {@link SipDecoder} and feeds them, numbered as frames, to a
 * {@link CallTracker}: a synthetic capture for rules no recorded capture shows.
 */
final class SipSequence {
    /** The Skype side (client or Edge) and the CMS side, as in PROTOCOLS.md §8.7. */
    static final Endpoint SKYPE = Endpoint.parse("203.0.113.10:5061");
    static final Endpoint CMS = Endpoint.parse("10.1.1.20:5060");

    /** The Skype client's offer of PROTOCOLS.md §8.7 (role sharer). */
    static final String SKYPE_OFFER = """
            v=0
            o=- 0 1 IN IP4 203.0.113.10
            s=session
            c=IN IP4 203.0.113.10
            t=0 0
            m=applicationsharing 52044 TCP/RTP/AVP 127
            a=ice-ufrag:Yq5v
            a=ice-pwd:0aLmX8fQpR2sT4uV6wX8yZ1b
            a=candidate:1 1 TCP-PASS 2121269503 10.20.30.40 14012 typ host
            a=candidate:3 1 TCP-ACT 20840703 203.0.113.10 52044 typ relay raddr 198.51.100.77 rport 50110
            a=x-applicationsharing-session-id:1
            a=x-applicationsharing-role:sharer
            a=x-applicationsharing-media-type:rdp
            a=rtpmap:127 x-data/90000
            """;

    /** CMS's answer of PROTOCOLS.md §8.7 (role viewer), with the m-line port as a parameter. */
    static String cmsAnswer(int port, String role) {
        return """
                v=0
                o=- 7 1 IN IP4 192.0.2.50
                s=-
                c=IN IP4 192.0.2.50
                t=0 0
                m=applicationsharing %d TCP/RTP/AVP 127
                a=ice-ufrag:c7Hn
                a=ice-pwd:Q2w3E4r5T6y7U8i9O0p1A2s3
                a=candidate:2 1 TCP-PASS 41943039 192.0.2.50 24012 typ relay raddr 10.1.1.20 rport 33000
                a=x-applicationsharing-session-id:1
                a=x-applicationsharing-role:%s
                a=x-applicationsharing-media-type:rdp
                a=rtpmap:127 x-data/90000
                """.formatted(port, role);
    }

    final CallTracker tracker = new CallTracker();
    private long frame;
    private long nanos = 1_700_000_000_000_000_000L;

    /** A request from {@code src} to {@code dst}; {@code extra} are header lines ending in LF. */
    SipSequence request(Endpoint src, Endpoint dst, String method, String callId, long cseq, String fromTag,
                        String toTag, String extra, String sdp) {
        String text = method + " sip:space@cms.example.com SIP/2.0\n"
                + "Via: SIP/2.0/TCP " + src + ";branch=z9hG4bK" + method.toLowerCase() + cseq + "\n"
                + "From: <sip:alice@skype.example.org>;tag=" + fromTag + "\n"
                + "To: <sip:space@cms.example.com>" + (toTag == null ? "" : ";tag=" + toTag) + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + extra;
        return feed(src, dst, text, sdp);
    }

    /** A response from {@code src} to {@code dst} to the request {@code cseq method}. */
    SipSequence response(Endpoint src, Endpoint dst, int status, String reason, String method, String callId,
                         long cseq, String fromTag, String toTag, String extra, String sdp) {
        String text = "SIP/2.0 " + status + " " + reason + "\n"
                + "Via: SIP/2.0/TCP " + dst + ";branch=z9hG4bK" + method.toLowerCase() + cseq + "\n"
                + "From: <sip:alice@skype.example.org>;tag=" + fromTag + "\n"
                + "To: <sip:space@cms.example.com>" + (toTag == null ? "" : ";tag=" + toTag) + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + extra;
        return feed(src, dst, text, sdp);
    }

    /** Lets capture time pass. */
    SipSequence after(long millis) {
        nanos += millis * 1_000_000L;
        return this;
    }

    long frame() {
        return frame;
    }

    long nanos() {
        return nanos;
    }

    private SipSequence feed(Endpoint src, Endpoint dst, String head, String sdp) {
        String body = sdp == null ? "" : sdp.replace("\n", "\r\n");
        String text = head.replace("\n", "\r\n")
                + (sdp == null ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        SipMessage s = SipDecoder.decode(b, 0, b.length);
        if (!s.warnings().isEmpty()) {
            throw new IllegalStateException("test message does not decode cleanly: " + s.warnings());
        }
        nanos += 10_000_000L;
        tracker.message(new DecodedMessage(++frame, nanos, src, dst, Transport.TCP, Framing.STREAM, List.of(), 1, s,
                List.of()));
        return this;
    }
}
