package org.turnladder.analysis.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.analysis.ice.Checks.at;
import static org.turnladder.analysis.ice.Checks.msg;
import static org.turnladder.analysis.ice.Checks.request;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.analysis.ice.Checks.Path;
import org.turnladder.net.Endpoint;

/** The ice.* findings on check sequences built from real decoder output. */
class IceFindingsTest {
    private static final String CMS = "192.0.2.50:24012";
    private static final String EDGE = "203.0.113.10:52044";
    private final IceTracker tracker = new IceTracker();

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    private static Finding only(List<Finding> findings, String id) {
        List<Finding> f = findings.stream().filter(x -> x.id().equals(id)).toList();
        assertThat(f).as(id).hasSize(1);
        return f.get(0);
    }

    /** CMS checks the Edge three times (one transaction retransmitted twice, one more), nothing comes back. */
    private void unansweredChecks() {
        tracker.message(msg(10, 0.0, CMS, EDGE, Path.iceTcp(3), request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(11, 0.5, CMS, EDGE, Path.iceTcp(3), request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(12, 1.5, CMS, EDGE, Path.iceTcp(3), request(1, "Yq5v", "c7Hn", true)));
        tracker.message(msg(13, 2.0, CMS, EDGE, Path.iceTcp(3), request(2, "Yq5v", "c7Hn", true)));
    }

    @Test
    void requestsWithoutAnyResponseAreUnansweredChecks() {
        unansweredChecks();

        List<Finding> findings = tracker.findings(at(2.0), true);

        Finding f = only(findings, IceTracker.CHECK_UNANSWERED);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(10L, 11L, 12L, 13L);
        assertThat(f.title()).contains("192.0.2.50:24012").contains("203.0.113.10:52044");
        assertThat(f.detail()).contains("sent 2 Binding requests (2 retransmissions)")
                .contains("over 2.00 s").contains("frames 10–13").contains("no response at all")
                .contains("MESSAGE-INTEGRITY").contains("ufrag c7Hn");
        IceDirection d = tracker.pairs().get(0).ab();
        assertThat(d.requests()).isEqualTo(2);
        assertThat(d.retransmissions()).isEqualTo(2);
        assertThat(d.unansweredRequests()).isEqualTo(2);
        assertThat(d.unanswered()).isTrue();
    }

    @Test
    void aLiveCaptureWaitsBeforeCallingChecksUnanswered() {
        unansweredChecks();

        assertThat(tracker.findings(at(2.0), false)).isEmpty();
        assertThat(ids(tracker.findings(at(5.0), false))).containsExactly(IceTracker.CHECK_UNANSWERED);
        assertThat(ids(tracker.findings(at(12.1), false)))
                .containsExactly(IceTracker.CHECK_UNANSWERED, IceTracker.NO_WORKING_PAIR);
    }

    @Test
    void successInOneDirectionOnlyIsOneWay() {
        // Edge → CMS works; CMS → Edge goes unanswered (the Edge firewall lets nothing in)
        tracker.message(msg(20, 0.00, EDGE, CMS, Path.iceTcp(3), request(5, "c7Hn", "Yq5v", false)));
        tracker.message(msg(21, 0.01, CMS, EDGE, Path.iceTcp(3), Checks.success(5, Endpoint.parse(EDGE))));
        tracker.message(msg(22, 0.02, CMS, EDGE, Path.iceTcp(3), request(6, "Yq5v", "c7Hn", true)));
        tracker.message(msg(23, 0.52, CMS, EDGE, Path.iceTcp(3), request(6, "Yq5v", "c7Hn", true)));

        List<Finding> findings = tracker.findings(at(1.0), true);

        assertThat(ids(findings)).containsExactly(IceTracker.CHECK_UNANSWERED, IceTracker.ONE_WAY,
                IceTracker.NO_WORKING_PAIR);
        Finding oneWay = only(findings, IceTracker.ONE_WAY);
        assertThat(oneWay.severity()).isEqualTo(Severity.ERROR);
        assertThat(oneWay.frames()).containsExactly(20L, 21L, 22L, 23L);
        assertThat(oneWay.detail()).contains("checks from 203.0.113.10:52044 (ufrag Yq5v) to 192.0.2.50:24012")
                .contains("1 request, not answered").contains("one of each in each direction");
        assertThat(oneWay.fix()).contains("TCP 50000–59999 out but not in");
        Finding unanswered = only(findings, IceTracker.CHECK_UNANSWERED);
        assertThat(unanswered.detail()).contains("Checks the other way were answered");
        assertThat(tracker.pairs().get(0).works()).isFalse();
    }

    @Test
    void aDirectionAnsweredOnlyWithErrorsIsOneWayNotUnanswered() {
        tracker.message(msg(1, 0.00, EDGE, CMS, Path.UDP, request(7, "c7Hn", "Yq5v", false)));
        tracker.message(msg(2, 0.01, CMS, EDGE, Path.UDP, Checks.success(7, Endpoint.parse(EDGE))));
        tracker.message(msg(3, 0.02, CMS, EDGE, Path.UDP, request(8, "Yq5v", "c7Hn", true)));
        tracker.message(msg(4, 0.03, EDGE, CMS, Path.UDP, Checks.error(8, 401, "Unauthorized")));

        List<Finding> findings = tracker.findings(at(1.0), true);

        assertThat(ids(findings)).containsExactly(IceTracker.ONE_WAY, IceTracker.NO_WORKING_PAIR);
        Finding oneWay = only(findings, IceTracker.ONE_WAY);
        assertThat(oneWay.detail()).contains("answered only with errors: 401 Unauthorized")
                .contains("wrong ice-ufrag or ice-pwd");
        assertThat(oneWay.frames()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(oneWay.fix()).contains("ice-ufrag/ice-pwd").doesNotContain("50000"); // UDP: no TCP relay advice
        assertThat(tracker.pairs().get(0).ba().errors()).containsEntry(401, 1L);
    }

    @Test
    void checksOnSeveralPairsWithNoneWorkingBothWaysMeanNoWorkingPair() {
        // host pair: CMS's check answered, the Edge never checks back; relay pair: nothing answered either way
        tracker.message(msg(1, 0.0, "10.1.1.20:33000", "10.20.30.40:14012", Path.UDP,
                request(11, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.1, "10.20.30.40:14012", "10.1.1.20:33000", Path.UDP,
                Checks.success(11, Endpoint.parse("10.1.1.20:33000"))));
        tracker.message(msg(3, 0.2, CMS, EDGE, Path.iceTcp(4), request(12, "Yq5v", "c7Hn", true)));
        tracker.message(msg(4, 0.3, EDGE, CMS, Path.iceTcp(4), request(13, "c7Hn", "Yq5v", false)));

        assertThat(tracker.findings(at(0.3), false)).isEmpty();
        assertThat(ids(tracker.findings(at(10.2), false))).doesNotContain(IceTracker.NO_WORKING_PAIR);
        List<Finding> findings = tracker.findings(at(10.3), false);

        Finding none = only(findings, IceTracker.NO_WORKING_PAIR);
        assertThat(none.severity()).isEqualTo(Severity.ERROR);
        assertThat(none.title()).contains("agents c7Hn ⇄ Yq5v");
        assertThat(none.detail()).contains("on 2 candidate pairs (3 requests)").contains("pair 1 UDP")
                .contains("pair 2 TCP");
        assertThat(none.frames()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(tracker.pairs()).hasSize(2).noneMatch(IcePair::works);
    }

    @Test
    void failuresOnOnePairAreInfoWhenAnotherPairOfTheSameAgentsWorks() {
        tracker.message(msg(1, 0.0, CMS, EDGE, Path.iceTcp(3), request(21, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.0, "10.1.1.20:33000", "10.20.30.40:14012", Path.UDP,
                request(22, "Yq5v", "c7Hn", true)));
        tracker.message(msg(3, 0.1, "10.20.30.40:14012", "10.1.1.20:33000", Path.UDP,
                Checks.success(22, Endpoint.parse("10.1.1.20:33000"))));
        tracker.message(msg(4, 0.2, "10.20.30.40:14012", "10.1.1.20:33000", Path.UDP,
                request(23, "c7Hn", "Yq5v", false)));
        tracker.message(msg(5, 0.3, "10.1.1.20:33000", "10.20.30.40:14012", Path.UDP,
                Checks.success(23, Endpoint.parse("10.20.30.40:14012"))));

        List<Finding> findings = tracker.findings(at(1.0), true);

        Finding f = only(findings, IceTracker.CHECK_UNANSWERED);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.detail()).contains("ICE still found a pair that works both ways (pair 2");
        assertThat(ids(findings)).doesNotContain(IceTracker.NO_WORKING_PAIR);
    }

    @Test
    void roleConflictAnswersAreAWarning() {
        tracker.message(msg(1, 0.0, CMS, EDGE, Path.UDP, request(31, "Yq5v", "c7Hn", true)));
        tracker.message(msg(2, 0.1, EDGE, CMS, Path.UDP, Checks.error(31, 487, "Role Conflict")));
        tracker.message(msg(3, 0.2, CMS, EDGE, Path.UDP, request(32, "Yq5v", "c7Hn", false)));
        tracker.message(msg(4, 0.3, EDGE, CMS, Path.UDP, Checks.success(32, Endpoint.parse(CMS))));
        tracker.message(msg(5, 0.4, EDGE, CMS, Path.UDP, request(33, "c7Hn", "Yq5v", true)));
        tracker.message(msg(6, 0.5, CMS, EDGE, Path.UDP, Checks.success(33, Endpoint.parse(EDGE))));

        List<Finding> findings = tracker.findings(at(1.0), true);

        Finding f = only(findings, IceTracker.ROLE_CONFLICT);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.frames()).containsExactly(2L);
        assertThat(f.detail()).contains("487 Role Conflict").contains("(they did here)");
        assertThat(ids(findings)).containsExactly(IceTracker.ROLE_CONFLICT);
        assertThat(tracker.pairs().get(0).ab().role()).isEqualTo(IceRole.CONTROLLED); // switched after the 487
    }

    @Test
    void aCaptureWithoutChecksRaisesNothing() {
        tracker.message(msg(1, 0.0, "10.1.1.20:33000", "192.0.2.50:3478", Path.UDP,
                org.turnladder.framing.TestStun.of(org.turnladder.framing.TestStun.BINDING_REQUEST, 40)));
        tracker.message(msg(2, 0.1, "192.0.2.50:3478", "10.1.1.20:33000", Path.UDP,
                Checks.success(40, Endpoint.parse("198.51.100.7:33000"))));

        assertThat(tracker.pairs()).isEmpty();
        assertThat(tracker.findings(at(60), true)).isEmpty();
    }
}
