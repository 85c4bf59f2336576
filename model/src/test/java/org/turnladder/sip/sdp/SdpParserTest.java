package org.turnladder.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    private static SdpSession parse(String text) {
        return SdpParser.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static IceCandidate candidate(String line) {
        SdpSession s = parse("v=0\nm=applicationsharing 1 TCP/RTP/AVP 127\n" + line + "\n");
        assertThat(s.warnings()).isEmpty();
        return s.media().get(0).candidates().get(0);
    }

    @Test
    void sessionLinesAreRead() {
        SdpSession s = parse("v=0\no=- 0 1 IN IP4 203.0.113.10\ns=session\nc=IN IP4 203.0.113.10/127\nb=CT:99980\n"
                + "t=0 0\na=ice-ufrag:sess\na=ice-pwd:sesspwd\n");
        assertThat(s.version()).isZero();
        assertThat(s.origin()).isEqualTo(new SdpOrigin("-", "0", "1", "IN", "IP4", "203.0.113.10"));
        assertThat(s.sessionName()).isEqualTo("session");
        assertThat(s.connectionAddress()).isEqualTo("203.0.113.10");
        assertThat(s.bandwidths()).containsExactly(new SdpBandwidth("CT", 99980));
        assertThat(s.iceUfrag()).isEqualTo("sess");
        assertThat(s.icePwd()).isEqualTo("sesspwd");
        assertThat(s.hasIceUfrag()).isTrue();
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void mediaInheritsSessionConnectionAndIceCredentialsUnlessItHasItsOwn() {
        SdpSession s = parse("v=0\nc=IN IP4 192.0.2.1\na=ice-ufrag:S\na=ice-pwd:SP\nm=audio 5000 RTP/AVP 0 8\n"
                + "m=video 5002/2 RTP/AVP 96\nc=IN IP6 2001:db8::1\na=ice-ufrag:V\na=ice-pwd:VP\n");
        SdpMedia audio = s.media().get(0);
        SdpMedia video = s.media().get(1);
        assertThat(audio.connectionAddress()).isEqualTo("192.0.2.1");
        assertThat(audio.iceUfrag()).isEqualTo("S");
        assertThat(audio.formats()).containsExactly("0", "8");
        assertThat(audio.portCount()).isEqualTo(1);
        assertThat(video.connectionAddress()).isEqualTo("2001:db8::1");
        assertThat(video.iceUfrag()).isEqualTo("V");
        assertThat(video.icePwd()).isEqualTo("VP");
        assertThat(video.portCount()).isEqualTo(2);
        assertThat(s.media("VIDEO")).containsExactly(video);
    }

    @Test
    void portZeroIsARejectedStream() {
        SdpSession s = parse("v=0\nm=applicationsharing 0 TCP/RTP/AVP 127\n");
        assertThat(s.applicationSharing().orElseThrow().isRejected()).isTrue();
    }

    @Test
    void videoLabelledApplicationSharingVideoIsVbss() {
        SdpSession s = parse("v=0\nm=video 5002 RTP/AVP 122\na=label:applicationsharing-video\na=sendonly\n");
        SdpMedia v = s.media().get(0);
        assertThat(v.isVideoBasedSharing()).isTrue();
        assertThat(v.label()).isEqualTo("applicationsharing-video");
        assertThat(v.direction()).isEqualTo("sendonly");
        assertThat(v.attribute("sendonly")).contains("");
        assertThat(s.applicationSharing()).isEmpty();
    }

    @Test
    void microsoftTcpTransportTokensGiveTheTcpType() {
        IceCandidate c = candidate("a=candidate:4 1 TCP-ACT 1684797951 192.168.56.1 12852 typ srflx raddr "
                + "192.168.56.1 rport 12852");
        assertThat(c.foundation()).isEqualTo("4");
        assertThat(c.component()).isEqualTo(1);
        assertThat(c.transport()).isEqualTo("TCP-ACT");
        assertThat(c.tcpType()).isEqualTo(TcpType.ACTIVE);
        assertThat(c.priority()).isEqualTo(1684797951L);
        assertThat(c.typePreference()).isEqualTo(100);
        assertThat(c.address()).isEqualTo("192.168.56.1");
        assertThat(c.port()).isEqualTo(12852);
        assertThat(c.type()).isEqualTo("srflx");
        assertThat(c.raddr()).isEqualTo("192.168.56.1");
        assertThat(c.rport()).isEqualTo(12852);
        assertThat(c.isTcp()).isTrue();
        assertThat(c.legacy()).isFalse();
        assertThat(c.ipv6()).isFalse();
        assertThat(candidate("a=candidate:1 1 tcp-pass 18087935 10.0.0.1 3 typ relay").tcpType())
                .isEqualTo(TcpType.PASSIVE);
        assertThat(candidate("a=candidate:1 1 TCP-SO 1 10.0.0.1 3 typ host").tcpType()).isEqualTo(TcpType.SO);
        assertThat(candidate("a=candidate:1 1 UDP 1 10.0.0.1 3 typ host").tcpType()).isEqualTo(TcpType.NONE);
    }

    @Test
    void rfc6544TcpTypeExtensionGivesTheTcpTypeAndOtherExtensionsAreKeptInOrder() {
        IceCandidate c = candidate("a=candidate:1 1 TCP 2128609279 10.0.0.5 9 typ host tcptype active generation 0 "
                + "MTURNID 7");
        assertThat(c.tcpType()).isEqualTo(TcpType.ACTIVE);
        assertThat(c.port()).isEqualTo(9);
        assertThat(c.extensions()).containsExactly(java.util.Map.entry("tcptype", "active"),
                java.util.Map.entry("generation", "0"), java.util.Map.entry("MTURNID", "7"));
        assertThat(c.rport()).isNull();
        assertThat(c.raddr()).isNull();
    }

    @Test
    void trailingSpacesAndTabsDoNotMatter() {
        IceCandidate c = candidate("a=candidate:1 1 TCP-PASS 2121269503 10.20.30.40 14012 typ host \t ");
        assertThat(c.type()).isEqualTo("host");
        assertThat(c.raw()).isEqualTo("a=candidate:1 1 TCP-PASS 2121269503 10.20.30.40 14012 typ host");
    }

    @Test
    void microsoftIpv6CandidatesAreMarked() {
        IceCandidate c = candidate("a=x-candidate-ipv6:3 1 UDP 33553407 2001:0:5ef5:79fd:1:2:3:4 25684 typ host");
        assertThat(c.ipv6()).isTrue();
        assertThat(c.endpoint()).isEqualTo("[2001:0:5ef5:79fd:1:2:3:4]:25684");
        assertThat(candidate("a=candidate:3 1 UDP 1 2001:db8::5 1 typ host").ipv6()).isTrue();
    }

    @Test
    void msIceV1CandidatesAreReadAsLegacy() {
        IceCandidate c = candidate("a=candidate:50I4mr8xyzAB 1 qxGJmQabc UDP 0.830 192.168.66.57 15428");
        assertThat(c.legacy()).isTrue();
        assertThat(c.foundation()).isEqualTo("50I4mr8xyzAB");
        assertThat(c.component()).isEqualTo(1);
        assertThat(c.transport()).isEqualTo("UDP");
        assertThat(c.address()).isEqualTo("192.168.66.57");
        assertThat(c.port()).isEqualTo(15428);
        assertThat(c.type()).isEmpty();
        assertThat(c.extensions()).containsEntry("username", "50I4mr8xyzAB").containsEntry("password", "qxGJmQabc")
                .containsEntry("preference", "0.830");
        assertThat(candidate("a=candidate:u 1 p TCP 0.450 10.0.0.1 5").tcpType()).isEqualTo(TcpType.NONE);
    }

    @Test
    void malformedCandidatesAreSkippedWithAWarning() {
        SdpSession s = parse("v=0\nm=applicationsharing 1 TCP/RTP/AVP 127\na=candidate:1 1 TCP-ACT\n"
                + "a=candidate:1 x TCP-ACT 5 10.0.0.1 1 typ host\na=candidate:1 1 UDP 99999999999 10.0.0.1 1 typ host\n"
                + "a=candidate:1 1 UDP 5 10.0.0.1 70000 typ host\na=candidate:2 1 UDP 5 10.0.0.2 7 typ host\n");
        assertThat(s.media().get(0).candidates()).extracting(IceCandidate::foundation).containsExactly("2");
        assertThat(s.warnings()).hasSize(4);
        assertThat(s.media().get(0).attributes("candidate")).hasSize(5);
    }

    @Test
    void remoteCandidatesAndRtpmapsAreRead() {
        SdpSession s = parse("v=0\nm=audio 1 RTP/AVP 0 101\n"
                + "a=remote-candidates:1 192.0.2.50 24012 2 192.0.2.50 24013\n"
                + "a=rtpmap:0 PCMU/8000\na=rtpmap:101 opus/48000/2\n");
        SdpMedia m = s.media().get(0);
        assertThat(m.remoteCandidates()).containsExactly(new RemoteCandidate(1, "192.0.2.50", 24012),
                new RemoteCandidate(2, "192.0.2.50", 24013));
        assertThat(m.rtpmaps()).containsExactly(new RtpMap(0, "PCMU", 8000, null), new RtpMap(101, "opus", 48000, "2"));
    }

    @Test
    void unreadableLinesBecomeWarningsAndFields() {
        SdpSession s = parse("v=0\nthis is not sdp\nX=1\nm=audio\n");
        assertThat(s.warnings()).hasSize(3);
        assertThat(s.fields()).extracting(f -> f.name()).contains("Unreadable line");
        assertThat(s.media()).singleElement().satisfies(m -> assertThat(m.port()).isEqualTo(-1));
    }

    @Test
    void sdpWithoutVersionFirstIsWarned() {
        assertThat(parse("o=- 1 1 IN IP4 1.2.3.4\n").warnings()).containsExactly("SDP does not start with v=");
        assertThat(SdpParser.parse(new byte[0]).warnings()).containsExactly("empty SDP");
    }

    @Test
    void mediaFieldsGroupTheLinesOfTheirSection() {
        byte[] b = "v=0\r\nm=audio 1 RTP/AVP 0\r\na=sendrecv\r\nm=video 2 RTP/AVP 96\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        SdpSession s = SdpParser.parse(b, 0, b.length, 100);
        assertThat(s.fields()).extracting(f -> f.name())
                .containsExactly("Version (v)", "Media Description", "Media Description");
        var audio = s.fields().get(1);
        assertThat(audio.offset()).isEqualTo(105);
        assertThat(audio.length()).isEqualTo("m=audio 1 RTP/AVP 0\r\na=sendrecv".length());
        assertThat(audio.children()).hasSize(2);
        assertThat(s.media().get(0).offset()).isEqualTo(105);
        assertThat(s.offset()).isEqualTo(100);
    }

    @Test
    void aRangeOutsideTheBufferIsClampedNotThrown() {
        SdpSession s = SdpParser.parse("v=0\r\n".getBytes(StandardCharsets.US_ASCII), 2, 50, 0);
        assertThat(s.warnings()).first().asString().contains("clamped");
        assertThat(SdpParser.parse(null, 0, 3, 0).warnings()).isNotEmpty();
    }
}
