package org.turnladder.analysis.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.TestCaptures;

/** The call tracker on real captures (sipp, coturn, libnice) and the synthetic fragmented-SIP capture. */
class CallTrackerCaptureTest {

    @Test
    void asmcu21002OnTheAppSharingInviteMeansAttendeesCannotShareAndTheShareIsRejected() {
        TrackedCapture t = TrackedCapture.of("sipp-appsharing-rejected.pcap");

        List<Finding> attendees = t.findings("sip.attendees-cannot-share");
        assertThat(attendees).hasSize(1);
        Finding a = attendees.get(0);
        assertThat(a.severity()).isEqualTo(Severity.ERROR);
        assertThat(a.frames()).containsExactly(1L, 3L); // the INVITE and the 488 carrying 21002
        assertThat(a.detail()).contains("127.0.0.8:5060", "488 Not Acceptable Here", "21002",
                "Attendees cannot share in this conference", "component ASMCU");
        assertThat(a.fix()).contains("Make Presenter", "Who's a presenter");

        List<Finding> rejected = t.findings("sip.appsharing-rejected");
        assertThat(rejected).hasSize(1);
        Finding r = rejected.get(0);
        assertThat(r.severity()).isEqualTo(Severity.ERROR);
        assertThat(r.frames()).containsExactly(1L, 3L);
        assertThat(r.title()).contains("488 Not Acceptable Here", "127.0.0.8");
        assertThat(r.detail()).contains("127.0.0.7:5060", "RTC/6.0", "21002");

        // 21002 is not reported twice, and an app-sharing INVITE was seen
        assertThat(t.findings("sip.ms-diagnostics")).isEmpty();
        assertThat(t.findings("sip.no-appsharing-invite")).isEmpty();
    }

    @Test
    void theRejectedCallRecordsTheOfferTheFinalResponseAndTheDiagnostic() {
        Call call = single(TrackedCapture.of("sipp-appsharing-rejected.pcap"));
        assertThat(call.callId()).isEqualTo("3f7c9a12e4b84d6e9a0b1");
        assertThat(call.firstRequest().method()).isEqualTo("INVITE");
        assertThat(call.firstRequest().requestUri()).contains("opaque=app:conf:applicationsharing:id:7KQW1F2C");
        assertThat(call.messages()).extracting(DialogMessage::label)
                .containsExactly("INVITE", "100 Trying", "488 Not Acceptable Here", "ACK");

        InviteOutcome invite = call.invites().get(0);
        assertThat(invite.appSharingOffered()).isTrue();
        assertThat(invite.finalStatus()).isEqualTo(488);
        assertThat(invite.finalFrame()).isEqualTo(3);
        assertThat(invite.responderAgent()).isEqualTo("RTC/6.0");
        assertThat(invite.ackFrame()).isEqualTo(4);

        OfferAnswer oa = call.offerAnswers().get(0);
        assertThat(oa.offer().frame()).isEqualTo(1);
        assertThat(oa.answer()).isNull();
        assertThat(oa.finalStatus()).isEqualTo(488);

        DiagnosticEntry d = call.diagnostics().get(0);
        assertThat(d.header()).isEqualToIgnoringCase("ms-diagnostics-public");
        assertThat(d.code()).isEqualTo(21002);
        assertThat(d.component()).isEqualTo("ASMCU");
        assertThat(d.category()).startsWith("ASMCU");
        assertThat(d.frame()).isEqualTo(3);
    }

    @Test
    void anAcceptedShareIsACallWithOfferAnswerOppositeRolesAndCandidatesOnBothSides() {
        TrackedCapture t = TrackedCapture.of("sipp-appsharing-accepted-tcp.pcap");
        Call call = single(t);

        OfferAnswer oa = call.latestAppSharingExchange();
        assertThat(oa.offer().frame()).isEqualTo(4);
        assertThat(oa.offer().message()).isEqualTo("INVITE");
        assertThat(oa.answer().frame()).isEqualTo(8);
        assertThat(oa.answer().message()).isEqualTo("200 OK");
        assertThat(oa.finalStatus()).isEqualTo(200);

        AppSharingMedia offer = oa.offer().appSharing();
        assertThat(offer.role()).isEqualTo("sharer");
        assertThat(offer.port()).isEqualTo(52044);
        assertThat(offer.proto()).isEqualTo("TCP/RTP/AVP");
        assertThat(offer.mediaType()).isEqualTo("rdp");
        assertThat(offer.sessionId()).isEqualTo("1");
        assertThat(offer.contentFlow()).isEqualTo("sendonly");
        assertThat(offer.iceUfrag()).isEqualTo("Yq5v");
        assertThat(offer.candidates()).extracting(Candidate::describe).contains(
                "TCP-PASS host 10.20.30.40:14012",
                "TCP-ACT relay 203.0.113.10:52044 (raddr 198.51.100.77:50110)");

        AppSharingMedia answer = oa.answer().appSharing();
        assertThat(answer.role()).isEqualTo("viewer");
        assertThat(answer.port()).isEqualTo(24012);
        assertThat(answer.contentFlow()).isEqualTo("recvonly");
        assertThat(answer.iceUfrag()).isEqualTo("c7Hn");
        assertThat(answer.candidates()).filteredOn(Candidate::isRelay)
                .extracting(Candidate::endpoint, Candidate::tcpType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.50:24012", "passive"),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.50:24012", "active"));
        assertThat(oa.rolesClash()).isFalse();

        assertThat(call.invites()).singleElement().satisfies(i -> {
            assertThat(i.accepted()).isTrue();
            assertThat(i.responderAgent()).isEqualTo("Acano CallBridge");
            assertThat(i.ackFrame()).isEqualTo(10);
        });
        assertThat(call.byes()).singleElement().satisfies(b -> {
            assertThat(b.frame()).isEqualTo(12);
            assertThat(b.side()).isEqualTo("caller");
            assertThat(b.sender().toString()).isEqualTo("127.0.0.7:5060");
            assertThat(b.responseStatus()).isEqualTo(200);
        });
        assertThat(call.agents()).extracting(AgentString::address, AgentString::header, AgentString::value)
                .contains(org.assertj.core.groups.Tuple.tuple("127.0.0.7", "User-Agent",
                                "UCCAPI/16.0.4417.1000 OC/16.0.4417.1000 (Skype for Business)"),
                        org.assertj.core.groups.Tuple.tuple("127.0.0.8", "Server", "Acano CallBridge"));

        assertThat(t.findings()).isEmpty();
    }

    @Test
    void aReassembledFragmentedInviteIsTrackedLikeAnyOther() {
        TrackedCapture t = TrackedCapture.of("synthetic/sip-fragmented-udp.pcap");
        assertThat(t.findings("sip.attendees-cannot-share")).singleElement()
                .satisfies(f -> assertThat(f.frames()).containsExactly(3L, 4L));
        assertThat(t.findings("sip.appsharing-rejected")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("10.20.30.40:5060", "10.1.1.20:5060"));
        assertThat(single(t).offerAnswers().get(0).offer().appSharing().candidates()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coturn-rfc6062.pcapng", "coturn-udp-allocation.pcap", "coturn-tcp-allocation.pcap",
        "coturn-connect-failed.pcap", "coturn-wrong-password.pcap", "libnice-ice-tcp.pcap"})
    void aCaptureWithoutAnySipGetsAnInfoThatTheShareCannotBeCheckedThere(String capture) {
        TrackedCapture t = TrackedCapture.of(capture);
        assertThat(t.tracker.calls()).isEmpty();
        assertThat(t.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("sip.no-appsharing-invite");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.title()).contains("No SIP");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"coturn-rfc6062.pcapng", "coturn-udp-allocation.pcap", "libnice-ice-tcp.pcap",
        "sipp-appsharing-accepted-tcp.pcap"})
    void cleanSuccessfulCapturesRaiseNoError(String capture) {
        assertThat(TrackedCapture.of(capture).errors()).isEmpty();
    }

    @Test
    void everyCaptureInTheRepositoryCanBeTrackedAndWrittenAsJson() {
        for (var path : TestCaptures.all()) {
            TrackedCapture t = TrackedCapture.of(path);
            for (Call c : t.tracker.calls()) {
                assertThat(CallJsonTest.parse(c)).isNotNull();
            }
        }
    }

    // Captures recorded for issue 3 on the failures branch; these run once they are merged into test-captures/.

    @Test
    void ms504With1009IsExplainedAsADnsSrvDomainMismatch() {
        var path = TestCaptures.path("sipp-ms-diagnostics-1009.pcap");
        assumeThat(Files.exists(path)).as("capture recorded on the failures branch").isTrue();
        TrackedCapture t = TrackedCapture.of(path);
        assertThat(t.findings("sip.ms-diagnostics")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.frames()).containsExactly(1L, 3L);
            assertThat(f.detail()).contains("1009", "SIP stack", "DNS SRV");
        });
        assertThat(t.findings("sip.appsharing-rejected")).singleElement()
                .satisfies(f -> assertThat(f.title()).contains("504"));
    }

    @Test
    void aReInviteWithAppSharingRejected488IsFound() {
        var path = TestCaptures.path("sipp-reinvite-rejected.pcap");
        assumeThat(Files.exists(path)).as("capture recorded on the failures branch").isTrue();
        TrackedCapture t = TrackedCapture.of(path);
        assertThat(t.findings("sip.appsharing-rejected")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.frames()).containsExactly(5L, 7L);
            assertThat(f.title()).contains("re-INVITE", "488");
            assertThat(f.detail()).contains("SDP incompatibility");
        });
    }

    private static Call single(TrackedCapture t) {
        List<Call> calls = t.tracker.calls();
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
