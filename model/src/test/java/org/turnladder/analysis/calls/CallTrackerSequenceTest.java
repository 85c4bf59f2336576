package org.turnladder.analysis.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.analysis.calls.SipSequence.CMS;
import static org.turnladder.analysis.calls.SipSequence.SKYPE;
import static org.turnladder.analysis.calls.SipSequence.SKYPE_OFFER;
import static org.turnladder.analysis.calls.SipSequence.cmsAnswer;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.net.Endpoint;

/** Rules no recorded capture shows, on SIP message sequences decoded by the real SIP decoder. */
class CallTrackerSequenceTest {

    private static final String CALL = "share-1@203.0.113.10";
    private static final String AUDIO_OFFER = """
            v=0
            o=- 0 1 IN IP4 203.0.113.10
            s=session
            c=IN IP4 203.0.113.10
            t=0 0
            m=audio 50020 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;
    private static final String VBSS_OFFER = """
            v=0
            o=- 0 1 IN IP4 203.0.113.10
            s=session
            c=IN IP4 203.0.113.10
            t=0 0
            m=video 50030 RTP/AVP 122
            a=rtpmap:122 X-H264UC/90000
            a=label:applicationsharing-video
            """;

    private final SipSequence seq = new SipSequence();

    private List<Finding> findings(String id) {
        return seq.tracker.findings(seq.nanos(), true).stream().filter(f -> f.id().equals(id)).toList();
    }

    /** INVITE with the §8.7 offer → 200 OK with CMS's answer → ACK: an established share. */
    private void establishedShare() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 200, "OK", "INVITE", CALL, 1, "sk1", "cms1", "Server: Acano CallBridge\n",
                        cmsAnswer(24012, "viewer"))
                .request(SKYPE, CMS, "ACK", CALL, 1, "sk1", "cms1", "", null);
    }

    @Test
    void aReInviteWithANewAppSharingOfferAnswered488IsARejectionOfTheReInvite() {
        establishedShare();
        String reOffer = SKYPE_OFFER.replace("52044", "52046").replace("o=- 0 1", "o=- 0 2");
        seq.request(SKYPE, CMS, "INVITE", CALL, 2, "sk1", "cms1", "", reOffer)                       // frame 4
                .response(CMS, SKYPE, 488, "Not Acceptable Here", "INVITE", CALL, 2, "sk1", "cms1", "", null) // 5
                .request(SKYPE, CMS, "ACK", CALL, 2, "sk1", "cms1", "", null);

        assertThat(findings("sip.appsharing-rejected")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.frames()).containsExactly(4L, 5L);
            assertThat(f.title()).contains("re-INVITE", "488 Not Acceptable Here", "10.1.1.20");
            assertThat(f.detail()).contains("CSeq 2", "SDP incompatibility", "TCP");
        });
        Call call = seq.tracker.calls().get(0);
        assertThat(call.offerAnswers()).hasSize(2);
        assertThat(call.offerAnswers().get(0).answer().frame()).isEqualTo(2);
        OfferAnswer second = call.offerAnswers().get(1);
        assertThat(second.reOffer()).isTrue();
        assertThat(second.offer().appSharing().port()).isEqualTo(52046);
        assertThat(second.answer()).isNull();
        assertThat(second.finalStatus()).isEqualTo(488);
        assertThat(call.invites()).extracting(InviteOutcome::reInvite).containsExactly(false, true);
    }

    @Test
    void ms1009OnA504IsAWarningWithTheSipStackCategoryAndTheDnsSrvExplanation() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 504, "Server time-out", "INVITE", CALL, 1, "sk1", "x1",
                        "Server: RTC/6.0\nms-diagnostics: 1009;reason=\"No match for domain in DNS SRV results\";"
                                + "domain=\"cms.example.com\";fqdn1=\"vcse.other.example.net:5061\";"
                                + "source=\"sip.skype.example.org\"\n", null);

        assertThat(findings("sip.ms-diagnostics")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.frames()).containsExactly(1L, 2L);
            assertThat(f.title()).contains("1009", "No match for domain in DNS SRV results");
            assertThat(f.detail()).contains("SIP stack", "source sip.skype.example.org", "cms.example.com",
                    "vcse.other.example.net:5061", "504 Server time-out");
            assertThat(f.fix()).contains("_sipfederationtls._tcp");
        });
        assertThat(findings("sip.appsharing-rejected")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("1009", "DNS SRV"));
        assertThat(findings("sip.attendees-cannot-share")).isEmpty();
    }

    @Test
    void aDiagnosticOutsideAnyCallIsStillReported() {
        seq.request(CMS, SKYPE, "OPTIONS", "ping-1", 1, "o1", null, "", null)
                .response(SKYPE, CMS, 504, "Server time-out", "OPTIONS", "ping-1", 1, "o1", "x",
                        "ms-diagnostics: 1010;reason=\"Certificate trust with another server could not be established\";"
                                + "ErrorType=\"The peer certificate does not contain a matching FQDN\";"
                                + "HRESULT=\"0x80090322(SEC_E_WRONG_PRINCIPAL)\";source=\"sip.skype.example.org\"\n",
                        null);

        assertThat(seq.tracker.calls()).isEmpty(); // OPTIONS is not a call
        assertThat(findings("sip.ms-diagnostics")).singleElement().satisfies(f -> {
            assertThat(f.frames()).containsExactly(2L);
            assertThat(f.detail()).contains("504 Server time-out to OPTIONS", "SEC_E_WRONG_PRINCIPAL",
                    "matching FQDN");
            assertThat(f.fix()).contains("SAN");
        });
    }

    @Test
    void anAnswerThatSetsTheAppSharingPortTo0RejectsTheStream() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 200, "OK", "INVITE", CALL, 1, "sk1", "cms1", "", cmsAnswer(0, "viewer"))
                .request(SKYPE, CMS, "ACK", CALL, 1, "sk1", "cms1", "", null);

        assertThat(findings("sip.appsharing-rejected")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.frames()).containsExactly(1L, 2L);
            assertThat(f.title()).contains("port 0", "10.1.1.20");
            assertThat(f.detail()).contains("200 OK", "port 52044", "port 0");
        });
        assertThat(findings("sip.appsharing-role-mismatch")).isEmpty();
    }

    @Test
    void anOfferThatRemovesTheStreamWithPort0IsNotARejection() {
        establishedShare();
        String removal = SKYPE_OFFER.replace("52044 TCP", "0 TCP");
        seq.request(SKYPE, CMS, "INVITE", CALL, 2, "sk1", "cms1", "", removal)
                .response(CMS, SKYPE, 200, "OK", "INVITE", CALL, 2, "sk1", "cms1", "", cmsAnswer(0, "viewer"));
        assertThat(findings("sip.appsharing-rejected")).isEmpty();
    }

    @Test
    void onlyTlsOnTheSipPortMeansTheSignallingIsEncryptedInThisCapture() {
        seq.tracker.tcpFlow(tls(Endpoint.parse("10.1.1.20:40123"), Endpoint.parse("192.0.2.50:5061"), 7));

        assertThat(findings("sip.no-appsharing-invite")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.frames()).containsExactly(7L);
            assertThat(f.title()).contains("encrypted");
            assertThat(f.detail()).contains("10.1.1.20:40123 → 192.0.2.50:5061", "encrypted");
            assertThat(f.fix()).contains("network.sip", "CMS SIP trace");
        });
    }

    @Test
    void tlsOnPort443AloneIsMentionedButNoSipWasSeen() {
        seq.tracker.tcpFlow(tls(Endpoint.parse("10.20.30.40:50110"), Endpoint.parse("203.0.113.10:443"), 3));
        assertThat(findings("sip.no-appsharing-invite")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.detail()).contains("port 443", "Access Edge");
        });
    }

    @Test
    void noAppSharingInviteIsOnlyReportedOnceTheCaptureHasEnded() {
        assertThat(seq.tracker.findings(seq.nanos(), false)).isEmpty();
        assertThat(seq.tracker.findings(seq.nanos(), true)).extracting(Finding::id)
                .containsExactly("sip.no-appsharing-invite");
    }

    @Test
    void cleartextSipWithoutAnAppSharingInviteIsAWarning() {
        seq.request(SKYPE, CMS, "INVITE", "audio-1", 1, "a1", null, "", AUDIO_OFFER)
                .response(CMS, SKYPE, 200, "OK", "INVITE", "audio-1", 1, "a1", "b1", "", AUDIO_OFFER);

        assertThat(findings("sip.no-appsharing-invite")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.frames()).containsExactly(1L);
            assertThat(f.detail()).contains("2 cleartext SIP messages", "1 INVITEs");
        });
    }

    @Test
    void aVideoBasedSharingOfferInsteadOfRdpIsNamed() {
        seq.request(SKYPE, CMS, "INVITE", "vbss-1", 1, "v1", null, "", VBSS_OFFER);
        assertThat(findings("sip.no-appsharing-invite")).singleElement().satisfies(f -> {
            assertThat(f.frames()).containsExactly(1L);
            assertThat(f.detail()).contains("video-based screen sharing", "frame 1");
            assertThat(f.fix()).contains("RDP");
        });
    }

    @Test
    void anAnswerThatTakesTheSameRoleAsTheOfferIsARoleMismatch() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 200, "OK", "INVITE", CALL, 1, "sk1", "cms1", "", cmsAnswer(24012, "sharer"));
        assertThat(findings("sip.appsharing-role-mismatch")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.frames()).containsExactly(1L, 2L);
            assertThat(f.title()).contains("sharer");
        });
    }

    @Test
    void retransmissionsAndOtherHopsOfTheSameMessagesMakeOneFinding() {
        Endpoint expressway = Endpoint.parse("192.0.2.50:5061");
        String diag = "ms-diagnostics: 21002;reason=\"Attendees cannot share in this conference\";"
                + "component=\"ASMCU\"\n";
        seq.request(SKYPE, expressway, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)       // 1
                .request(SKYPE, expressway, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)  // 2 retransmission
                .request(expressway, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)    // 3 next hop
                .response(CMS, expressway, 488, "Not Acceptable Here", "INVITE", CALL, 1, "sk1", "t", diag, null) // 4
                .response(expressway, SKYPE, 488, "Not Acceptable Here", "INVITE", CALL, 1, "sk1", "t", diag, null);

        assertThat(findings("sip.appsharing-rejected")).singleElement().satisfies(f -> {
            assertThat(f.frames()).containsExactly(1L, 4L);
            assertThat(f.detail()).contains("answered 488 Not Acceptable Here by 10.1.1.20:5060");
        });
        assertThat(findings("sip.attendees-cannot-share")).singleElement()
                .satisfies(f -> assertThat(f.frames()).containsExactly(1L, 4L));
        Call call = seq.tracker.calls().get(0);
        assertThat(call.messages()).extracting(DialogMessage::repeat).containsExactly(false, true, true, false, true);
        assertThat(call.invites()).hasSize(1);
        assertThat(call.offerAnswers()).hasSize(1);
    }

    @Test
    void aChallengeAnsweredByAnAuthenticatedRetryIsNotARejection() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 407, "Proxy Authentication Required", "INVITE", CALL, 1, "sk1", "p", "", null)
                .request(SKYPE, CMS, "ACK", CALL, 1, "sk1", "p", "", null)
                .request(SKYPE, CMS, "INVITE", CALL, 2, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 200, "OK", "INVITE", CALL, 2, "sk1", "cms1", "", cmsAnswer(24012, "viewer"));
        assertThat(findings("sip.appsharing-rejected")).isEmpty();
    }

    @Test
    void aChallengeWithoutRetryIsARejection() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 407, "Proxy Authentication Required", "INVITE", CALL, 1, "sk1", "p", "", null);
        assertThat(findings("sip.appsharing-rejected")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("challenged"));
    }

    @Test
    void anOfferInThe200ToAnInviteWithoutSdpIsAnsweredInTheAck() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", null)
                .response(CMS, SKYPE, 200, "OK", "INVITE", CALL, 1, "sk1", "cms1", "", cmsAnswer(24012, "viewer"))
                .request(SKYPE, CMS, "ACK", CALL, 1, "sk1", "cms1", "", SKYPE_OFFER);
        OfferAnswer oa = seq.tracker.calls().get(0).offerAnswers().get(0);
        assertThat(oa.offer().message()).isEqualTo("200 OK");
        assertThat(oa.offer().sender()).isEqualTo(CMS);
        assertThat(oa.answer().message()).isEqualTo("ACK");
        assertThat(oa.answer().frame()).isEqualTo(3);
        // roles: offer viewer, answer sharer — opposite, fine
        assertThat(oa.rolesClash()).isFalse();
    }

    @Test
    void aProvisionalAnswerIsReplacedByTheOneInThe200() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 183, "Session Progress", "INVITE", CALL, 1, "sk1", "cms1", "",
                        cmsAnswer(24012, "viewer"))
                .response(CMS, SKYPE, 200, "OK", "INVITE", CALL, 1, "sk1", "cms1", "", cmsAnswer(24014, "viewer"));
        OfferAnswer oa = seq.tracker.calls().get(0).offerAnswers().get(0);
        assertThat(oa.answer().message()).isEqualTo("200 OK");
        assertThat(oa.answer().appSharing().port()).isEqualTo(24014);
    }

    @Test
    void aClientByeWithIceWarnIsAnInfoDiagnosticWithTheBitsNamed() {
        establishedShare();
        seq.request(CMS, SKYPE, "BYE", CALL, 1, "cms1", "sk1",
                        "ms-client-diagnostics: 51007;reason=\"Callee media connectivity diagnosis info\";"
                                + "CalleeMediaDebug=\"application-sharing:ICEWarn=0x320,LocalSite=10.20.30.40:14012\"\n",
                        null)
                .response(SKYPE, CMS, 200, "OK", "BYE", CALL, 1, "cms1", "sk1", "", null);

        assertThat(findings("sip.ms-diagnostics")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.frames()).containsExactly(4L);
            assertThat(f.detail()).contains("ICEWarn=0x320", "TCP TURN connectivity failed (0x200)",
                    "TCP NAT connectivity failed (0x100)", "local connectivity failed");
        });
        assertThat(seq.tracker.calls().get(0).byes()).singleElement().satisfies(b -> {
            assertThat(b.side()).isEqualTo("callee");
            assertThat(b.responseStatus()).isEqualTo(200);
        });
    }

    @Test
    void attendeesCannotShareIsFoundInThePrivateMsDiagnosticsHeaderToo() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 488, "Not Acceptable Here", "INVITE", CALL, 1, "sk1", "t",
                        "ms-diagnostics: 21002;reason=\"Attendees cannot share in this conference\";"
                                + "component=\"ASMCU\";source=\"fe.skype.example.org\"\n", null);
        assertThat(findings("sip.attendees-cannot-share")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("source fe.skype.example.org"));
        assertThat(findings("sip.ms-diagnostics")).isEmpty();
    }

    @Test
    void anotherAsmcuCodeIsAnMsDiagnosticInTheAsmcuRange() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, 488, "Not Acceptable Here", "INVITE", CALL, 1, "sk1", "t",
                        "ms-diagnostics-public: 21005;reason=\"Something else\";component=\"ASMCU\"\n", null);
        assertThat(findings("sip.ms-diagnostics")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.detail()).contains("ASMCU (application sharing MCU)", "Something else");
        });
        assertThat(findings("sip.attendees-cannot-share")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "403, Forbidden, policy",
        "404, Not Found, request URI",
        "480, Temporarily Unavailable, temporarily unavailable",
        "486, Busy Here, busy",
        "603, Decline, declined",
        "488, Not Acceptable Here, SDP incompatibility",
        "415, Unsupported Media Type, SDP incompatibility",
        "504, Server Time-out, DNS"})
    void eachRejectionStatusWithoutDiagnosticsGetsItsOwnExplanation(int status, String reason, String words) {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER)
                .response(CMS, SKYPE, status, reason, "INVITE", CALL, 1, "sk1", "t", "", null);
        assertThat(findings("sip.appsharing-rejected")).singleElement().satisfies(f -> {
            assertThat(f.title()).contains(status + " " + reason);
            assertThat(f.detail()).contains(words, "No ms-diagnostics header");
        });
    }

    @Test
    void findingsReflectWhatWasSeenSoFar() {
        seq.request(SKYPE, CMS, "INVITE", CALL, 1, "sk1", null, "", SKYPE_OFFER);
        assertThat(seq.tracker.findings(seq.nanos(), false)).isEmpty();
        assertThat(seq.tracker.calls().get(0).invites().get(0).answered()).isFalse();
        seq.response(CMS, SKYPE, 486, "Busy Here", "INVITE", CALL, 1, "sk1", "t", "", null);
        assertThat(seq.tracker.findings(seq.nanos(), false)).extracting(Finding::id)
                .containsExactly("sip.appsharing-rejected");
    }

    @Test
    void aLongDialogKeepsBoundedLists() {
        establishedShare();
        for (int cseq = 2; cseq < 2002; cseq++) {
            seq.request(SKYPE, CMS, "INVITE", CALL, cseq, "sk1", "cms1", "", SKYPE_OFFER)
                    .response(CMS, SKYPE, 200, "OK", "INVITE", CALL, cseq, "sk1", "cms1", "",
                            cmsAnswer(24012, "viewer"));
        }
        Call call = seq.tracker.calls().get(0);
        assertThat(call.messageCount()).isEqualTo(4003);
        assertThat(call.messages().size()).isLessThanOrEqualTo(64);
        assertThat(call.messagesOmitted()).isEqualTo(4003 - call.messages().size());
        assertThat(call.invites().size()).isLessThanOrEqualTo(32);
        assertThat(call.offerAnswers().size()).isLessThanOrEqualTo(32);
        assertThat(call.invites().get(call.invites().size() - 1).cseq()).isEqualTo(2001);
    }

    private static TcpFlowSummary tls(Endpoint client, Endpoint server, long firstFrame) {
        return new TcpFlowSummary(1, client, server, "TLS", true, firstFrame, firstFrame + 20, false, -1, -1, 900,
                3000, 0, 0, 1, true, false, firstFrame);
    }
}
