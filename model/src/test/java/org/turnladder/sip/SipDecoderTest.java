package org.turnladder.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.sip.SipSamples.crlf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;
import org.turnladder.sip.sdp.TcpType;

class SipDecoderTest {

    @Test
    void lyncInviteWithMultipartAlternativeYieldsBothSdpsAndPrefersTheIceV19One() {
        SipMessage m = SipSamples.decode(SipSamples.LYNC_INVITE);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.protocol()).isEqualTo("SIP");
        assertThat(m.isRequest()).isTrue();
        assertThat(m.method()).isEqualTo("INVITE");
        assertThat(m.requestUri()).isEqualTo("sip:cms.space@cms.example.com;transport=tls");
        assertThat(m.statusCode()).isZero();
        assertThat(m.callId()).isEqualTo("3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e");
        assertThat(m.cseqNumber()).isEqualTo(1);
        assertThat(m.cseqMethod()).isEqualTo("INVITE");
        assertThat(m.fromTag()).isEqualTo("8f2c1d2e3f");
        assertThat(m.toTag()).isNull();
        assertThat(m.userAgent()).isEqualTo("UCCAPI/16.0.4417.1000 OC/16.0.4417.1000 (Skype for Business)");
        assertThat(m.headers("Supported")).containsExactly("ms-dialog-route-set-update", "timer", "ms-early-media");
        assertThat(m.header("ms-keep-alive")).contains("UAC;hop-hop=yes");

        assertThat(m.bodyParts()).hasSize(2);
        assertThat(m.bodyParts().get(0).isMsProxy2007Fallback()).isTrue();
        assertThat(m.bodyParts().get(1).isMsProxy2007Fallback()).isFalse();
        assertThat(m.sdps()).hasSize(2);
        SdpSession fallback = m.sdps().get(0);
        assertThat(fallback.isIceV1()).isTrue();
        assertThat(fallback.hasIceUfrag()).isFalse();
        assertThat(fallback.media().get(0).candidates()).allMatch(IceCandidate::legacy);

        assertThat(m.preferredSdp()).containsSame(m.sdps().get(1));
        SdpMedia as = m.applicationSharing().orElseThrow();
        assertThat(m.hasApplicationSharing()).isTrue();
        assertThat(as.port()).isEqualTo(52044);
        assertThat(as.proto()).isEqualTo("TCP/RTP/AVP");
        assertThat(as.formats()).containsExactly("127");
        assertThat(as.connectionAddress()).isEqualTo("203.0.113.10");
        assertThat(as.iceUfrag()).isEqualTo("Yq5v");
        assertThat(as.icePwd()).isEqualTo("0aLmX8fQpR2sT4uV6wX8yZ1b");
        assertThat(as.appSharingRole()).isEqualTo("sharer");
        assertThat(as.appSharingSessionId()).isEqualTo("1");
        assertThat(as.appSharingMediaType()).isEqualTo("rdp");
        assertThat(as.appSharingContentFlow()).isEqualTo("sendonly");
        assertThat(as.setup()).isEqualTo("active");
        assertThat(as.connection()).isEqualTo("new");
        assertThat(as.rtpmaps()).singleElement().satisfies(r -> {
            assertThat(r.payloadType()).isEqualTo(127);
            assertThat(r.encoding()).isEqualTo("x-data");
            assertThat(r.clockRate()).isEqualTo(90000);
        });
        assertThat(as.candidates()).hasSize(5);
        IceCandidate relay = as.candidates().get(3);
        assertThat(relay.transport()).isEqualTo("TCP-PASS");
        assertThat(relay.tcpType()).isEqualTo(TcpType.PASSIVE);
        assertThat(relay.type()).isEqualTo("relay");
        assertThat(relay.endpoint()).isEqualTo("203.0.113.10:52044");
        assertThat(relay.raddr()).isEqualTo("198.51.100.77");
        assertThat(relay.rport()).isEqualTo(50110);
        assertThat(as.candidates().get(4).tcpType()).isEqualTo(TcpType.ACTIVE);

        assertThat(m.summary()).isEqualTo("INVITE m=applicationsharing sip:cms.space@cms.example.com;transport=tls");
    }

    @Test
    void cmsAnswerIsTheViewerWithExpresswayRelayCandidates() {
        SipMessage m = SipSamples.decode(SipSamples.CMS_200);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.isRequest()).isFalse();
        assertThat(m.isResponse()).isTrue();
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.reason()).isEqualTo("OK");
        assertThat(m.method()).isEqualTo("INVITE");
        assertThat(m.requestUri()).isNull();
        assertThat(m.server()).isEqualTo("Acano CallBridge");
        assertThat(m.toTag()).isEqualTo("c0ffee0123456789");
        assertThat(m.fromTag()).isEqualTo("8f2c1d2e3f");
        assertThat(m.contentType()).isEqualTo("application/sdp");
        assertThat(m.headers("Via")).hasSize(2);
        assertThat(m.headers("Via").get(0)).contains("proxy-call-id=0b3c5d7e");
        SdpMedia as = m.applicationSharing().orElseThrow();
        assertThat(as.appSharingRole()).isEqualTo("viewer");
        assertThat(as.appSharingContentFlow()).isEqualTo("recvonly");
        assertThat(as.port()).isEqualTo(24012);
        assertThat(as.connectionAddress()).isEqualTo("192.0.2.50");
        assertThat(as.iceUfrag()).isEqualTo("c7Hn");
        assertThat(as.candidates()).extracting(IceCandidate::type).containsExactly("host", "relay", "relay");
        assertThat(m.summary()).isEqualTo("200 OK m=applicationsharing");
    }

    @Test
    void asmcu488CarriesThePublicDiagnostic21002() {
        SipMessage m = SipSamples.decode(SipSamples.ASMCU_488);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.statusCode()).isEqualTo(488);
        assertThat(m.reason()).isEqualTo("Not Acceptable Here");
        assertThat(m.server()).isEqualTo("RTC/6.0");
        assertThat(m.sdps()).isEmpty();
        assertThat(m.hasApplicationSharing()).isFalse();
        assertThat(m.msDiagnostics()).singleElement().satisfies(d -> {
            assertThat(d.header()).isEqualTo("ms-diagnostics-public");
            assertThat(d.code()).isEqualTo(21002);
            assertThat(d.subCode()).isNull();
            assertThat(d.reason()).isEqualTo("Attendees cannot share in this conference");
            assertThat(d.component()).isEqualTo("ASMCU");
            assertThat(d.source()).isNull();
            assertThat(d.category()).isEqualTo("ASMCU (application sharing MCU)");
        });
        assertThat(m.summary()).isEqualTo("488 Not Acceptable Here · ms-diag 21002");
    }

    @Test
    void skype504NamesTheDnsSrvMismatchAndItsSource() {
        SipMessage m = SipSamples.decode(SipSamples.SFB_504);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.msDiagnostics()).singleElement().satisfies(d -> {
            assertThat(d.header()).isEqualTo("ms-diagnostics");
            assertThat(d.code()).isEqualTo(1009);
            assertThat(d.reason()).isEqualTo("No match for domain in DNS SRV results");
            assertThat(d.source()).isEqualTo("sip.skype.lab");
            assertThat(d.param("FQDN1")).contains("vcse.sub.cms.steven.lab:5061");
            assertThat(d.params().keySet()).containsExactly("reason", "domain", "fqdn1", "source");
        });
        assertThat(m.summary()).isEqualTo("504 Server time-out · ms-diag 1009");
    }

    @Test
    void expresswayOptionsShowsTheTandbergUserAgentAndZones() {
        SipMessage m = SipSamples.decode(SipSamples.EXPRESSWAY_OPTIONS);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.method()).isEqualTo("OPTIONS");
        assertThat(m.userAgent()).isEqualTo("TANDBERG/4352 (X8.10.2)");
        assertThat(m.header("x-taatag")).contains("0d1c2b3a-4958-6776-8594-a3b2c1d0e9f8");
        assertThat(m.headers("via").get(1)).contains("ingress-zone=DefaultZone");
        assertThat(m.cseqNumber()).isEqualTo(20934);
        assertThat(m.bodyLength()).isZero();
        assertThat(m.summary()).isEqualTo("OPTIONS sip:10.1.1.20:5061;transport=tls");
    }

    @Test
    void compactHeaderNamesAreExpandedAndFoldedLinesJoined() {
        SipMessage m = SipSamples.decode(SipSamples.COMPACT);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.headers()).extracting(SipHeader::name).containsExactly("Via", "From", "To", "Call-ID", "CSeq",
                "Contact", "Supported", "Subject", "Content-Type", "Content-Length");
        assertThat(m.callId()).isEqualTo("compact-7d3f@10.0.0.5");
        assertThat(m.header("i")).contains("compact-7d3f@10.0.0.5");
        assertThat(m.header("call-id")).contains("compact-7d3f@10.0.0.5");
        assertThat(m.from()).isEqualTo("\"Carol\" <sip:carol@example.com>;tag=cc11");
        assertThat(m.fromTag()).isEqualTo("cc11");
        assertThat(m.contentType()).isEqualTo("text/plain");
        assertThat(m.header("Supported")).contains("timer, 100rel");
        assertThat(m.header("Subject")).contains("a subject that was folded over three lines");
        assertThat(m.bodyParts()).singleElement().satisfies(p -> {
            assertThat(p.mediaType()).isEqualTo("text/plain");
            assertThat(p.sdp()).isNull();
        });
        assertThat(m.sdps()).isEmpty();
    }

    @Test
    void byeKeepsTheClientDiagnosticWithCommasInsideQuotes() {
        SipMessage m = SipSamples.decode(SipSamples.BYE);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.method()).isEqualTo("BYE");
        assertThat(m.msDiagnostics()).singleElement().satisfies(d -> {
            assertThat(d.header()).isEqualTo("ms-client-diagnostics");
            assertThat(d.code()).isEqualTo(51007);
            assertThat(d.param("CalleeMediaDebug").orElseThrow())
                    .startsWith("application-sharing:ICEWarn=0x320,").endsWith("FederationType=1");
        });
        assertThat(m.summary()).startsWith("BYE sip:cms.space@10.1.1.20").endsWith("· ms-diag 51007");
    }

    @Test
    void udpBodyIsContentLengthBytesAndExtraBytesAreReported() {
        byte[] b = crlf("MESSAGE sip:a@b SIP/2.0\nVia: v\nFrom: f\nTo: t\nCall-ID: c\nCSeq: 1 MESSAGE\n"
                + "Content-Length: 3\n\nabcdef");
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.bodyLength()).isEqualTo(3);
        assertThat(m.length()).isEqualTo(b.length - 3);
        assertThat(m.warnings()).containsExactly("3 bytes after the Content-Length body ignored");
    }

    @Test
    void udpBodyShorterThanContentLengthIsTheRestWithAWarning() {
        byte[] b = crlf("MESSAGE sip:a@b SIP/2.0\nVia: v\nFrom: f\nTo: t\nCall-ID: c\nCSeq: 1 MESSAGE\n"
                + "Content-Length: 300\n\nabc");
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.bodyLength()).isEqualTo(3);
        assertThat(m.length()).isEqualTo(b.length);
        assertThat(m.warnings()).containsExactly("Content-Length 300 but only 3 body bytes present");
    }

    @Test
    void withoutContentLengthTheBodyIsEverythingAfterTheHead() {
        byte[] b = crlf("SIP/2.0 200 OK\nVia: v\nFrom: f\nTo: t;tag=1\nCall-ID: c\nCSeq: 1 INVITE\n"
                + "Content-Type: application/sdp\n\nv=0\nm=audio 0 RTP/AVP 0\n");
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.sdps()).singleElement().satisfies(s -> assertThat(s.media().get(0).isRejected()).isTrue());
        assertThat(m.summary()).isEqualTo("200 OK m=audio port 0");
    }

    @Test
    void missingMandatoryHeadersAndMismatchedCSeqAreWarnings() {
        byte[] b = crlf("INVITE sip:a@b SIP/2.0\nCSeq: 1 BYE\n\n");
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.warnings()).containsExactly("missing mandatory header Via", "missing mandatory header From",
                "missing mandatory header To", "missing mandatory header Call-ID",
                "CSeq method BYE differs from the request method INVITE");
    }

    @Test
    void truncatedHeadIsDecodedAsFarAsItGoes() {
        byte[] b = crlf("SIP/2.0 180 Ringing\nVia: v\nCall-ID: abc\nCSeq: 7 INV");
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.statusCode()).isEqualTo(180);
        assertThat(m.callId()).isEqualTo("abc");
        assertThat(m.cseqMethod()).isEqualTo("INV");
        assertThat(m.warnings()).contains("header block not ended by an empty line (message truncated?)");
    }

    @Test
    void garbageIsAMalformedMessageNotAnException() {
        byte[] b = {0x16, 0x03, 0x01, 0x00, 0x2D, 0x01, 0x00, '\n', 'x', ':', ' ', 'y'};
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.isRequest()).isFalse();
        assertThat(m.statusCode()).isZero();
        assertThat(m.summary()).startsWith("Malformed SIP: ");
        assertThat(m.warnings()).anyMatch(w -> w.startsWith("not a SIP start line"));
    }

    @Test
    void onlyCrLfIsAKeepAlive() {
        byte[] b = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.isKeepAlive()).isTrue();
        assertThat(m.summary()).isEqualTo("CRLF keep-alive");
        assertThat(m.warnings()).isEmpty();
        assertThat(m.fields()).singleElement().satisfies(f -> assertThat(f.length()).isEqualTo(4));
    }

    @Test
    void outOfRangeArgumentsAreClampedWithAWarning() {
        byte[] b = SipSamples.load(SipSamples.ASMCU_488);
        SipMessage m = SipDecoder.decode(b, 0, b.length + 50);
        assertThat(m.statusCode()).isEqualTo(488);
        assertThat(m.warnings()).singleElement().asString().contains("clamped");
        assertThat(SipDecoder.decode(null, 0, 4).warnings()).isNotEmpty();
    }

    @Test
    void offsetsAreRelativeToTheMessageStartWithinALargerBuffer() {
        byte[] msg = SipSamples.load(SipSamples.CMS_200);
        byte[] buf = new byte[msg.length + 40];
        System.arraycopy(msg, 0, buf, 25, msg.length);
        SipMessage inside = SipDecoder.decode(buf, 25, msg.length);
        SipMessage alone = SipDecoder.decode(msg, 0, msg.length);
        assertThat(inside.fields()).isEqualTo(alone.fields());
        assertThat(inside.headers()).isEqualTo(alone.headers());
    }

    @Test
    void multipartWithUnquotedBoundaryAndBareLineFeeds() {
        String body = "--b1\nContent-Type: application/sdp\n\nv=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nt=0 0\n"
                + "m=audio 5000 RTP/AVP 0\n\n--b1\nContent-Type: application/sdp\n\nv=0\no=- 2 1 IN IP4 10.0.0.1\n"
                + "s=-\nt=0 0\na=ice-ufrag:abcd\nm=applicationsharing 6000 TCP/RTP/AVP 127\n--b1--\n";
        String text = "INVITE sip:a@b SIP/2.0\nVia: v\nFrom: f;tag=1\nTo: t\nCall-ID: c\nCSeq: 1 INVITE\n"
                + "Content-Type: multipart/alternative; boundary=b1\nContent-Length: " + body.length() + "\n\n" + body;
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.warnings()).isEmpty();
        assertThat(m.sdps()).hasSize(2);
        // the second has ice-ufrag at session level, so it wins even though the first is listed first
        assertThat(m.preferredSdp().orElseThrow().origin().sessionId()).isEqualTo("2");
        assertThat(m.applicationSharing().orElseThrow().iceUfrag()).isEqualTo("abcd");
    }

    @Test
    void multipartWithoutClosingDelimiterKeepsTheLastPartWithAWarning() {
        String body = "--xyz\r\nContent-Type: application/sdp\r\n\r\nv=0\r\nm=applicationsharing 1 TCP/RTP/AVP 127\r\n";
        String text = "INVITE sip:a@b SIP/2.0\r\nVia: v\r\nFrom: f\r\nTo: t\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n"
                + "Content-Type: multipart/mixed;boundary=\"xyz\"\r\n\r\n" + body;
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        SipMessage m = SipDecoder.decode(b, 0, b.length);
        assertThat(m.hasApplicationSharing()).isTrue();
        assertThat(m.warnings()).containsExactly("multipart body not closed by --xyz--");
    }

    @Test
    void headerFieldsFollowTheWrittenOrderWithOffsets() {
        SipMessage m = SipSamples.decode(SipSamples.ASMCU_488);
        List<SipHeader> h = m.headers();
        assertThat(h.get(0).name()).isEqualTo("Via");
        assertThat(h.get(0).offset()).isEqualTo("SIP/2.0 488 Not Acceptable Here\r\n".length());
    }

    @Test
    void everyCompactFormExpands() {
        String[][] pairs = {{"a", "Accept-Contact"}, {"b", "Referred-By"}, {"c", "Content-Type"},
                {"d", "Request-Disposition"}, {"e", "Content-Encoding"}, {"f", "From"}, {"i", "Call-ID"},
                {"j", "Reject-Contact"}, {"k", "Supported"}, {"l", "Content-Length"}, {"m", "Contact"},
                {"n", "Identity-Info"}, {"o", "Event"}, {"r", "Refer-To"}, {"s", "Subject"}, {"t", "To"},
                {"u", "Allow-Events"}, {"v", "Via"}, {"x", "Session-Expires"}, {"y", "Identity"}};
        for (String[] p : pairs) {
            assertThat(SipHeaderNames.expand(p[0])).isEqualTo(p[1]);
            assertThat(SipHeaderNames.expand(p[0].toUpperCase())).isEqualTo(p[1]);
        }
        assertThat(SipHeaderNames.expand("g")).isEqualTo("g");
        assertThat(SipHeaderNames.same("CALL-ID", "i")).isTrue();
    }
}
