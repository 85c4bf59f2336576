package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.turnladder.analysis.turn.TurnScript.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.analysis.turn.TurnAllocation.Outcome;
import org.turnladder.analysis.turn.TurnConnection.State;
import org.turnladder.framing.TestStun;
import org.turnladder.net.Endpoint;

/**
 * TURN error codes and timers no recorded capture holds yet, on synthetic exchanges (real decoder, built bytes):
 * CMS 10.1.1.20 ⇄ Expressway-E 192.0.2.50:3478, relay 192.0.2.50:24012, Skype Edge relay 203.0.113.10:52044.
 */
class SyntheticTurnFindingsTest {

    private static List<Finding> findings(TurnScript s) {
        return TurnRun.messages(s.messages).findings();
    }

    private static Finding only(TurnScript s, String id) {
        return TurnRun.messages(s.messages).only(id);
    }

    @Test
    void oneChallengeFollowedBySuccessIsNotAFinding() {
        TurnScript s = new TurnScript().tcpAllocation();

        assertThat(findings(s)).isEmpty();
        TurnAllocation a = TurnRun.messages(s.messages).allocation(0);
        assertThat(a.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(a.challengeFrames()).containsExactly(2L);
        assertThat(a.username()).isEqualTo("cms");
        assertThat(a.realm()).isEqualTo("TANDBERG");
    }

    @Test
    void refreshOnAnAllocationTheServerNoLongerHasIsAllocationMismatch() {
        TurnScript s = new TurnScript().tcpAllocation();
        long req = s.request(REFRESH, 3, r -> credentials(r.u32(LIFETIME, 600)));
        long err = s.error(REFRESH, 3, 437, "Allocation Mismatch");

        Finding f = only(s, "turn.allocation-mismatch");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(req, err);
        assertThat(f.detail()).contains("Refresh", "437", "10.1.1.20:40000", "192.0.2.50:3478");
    }

    @Test
    void createPermissionRefusedByPolicyIsForbidden() {
        TurnScript s = new TurnScript().tcpAllocation();
        long req = s.request(CREATE_PERMISSION, 3, r -> credentials(r.address(XOR_PEER, EDGE.withPort(0), true)));
        long err = s.error(CREATE_PERMISSION, 3, 403, "Forbidden");

        Finding f = only(s, "turn.forbidden");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(req, err);
        assertThat(f.detail()).contains("CreatePermission", "203.0.113.10", "403 Forbidden");
        TurnPermission p = TurnRun.messages(s.messages).allocation(0).permissions().get(0);
        assertThat(p.peer()).isEqualTo("203.0.113.10");
        assertThat(p.granted()).isFalse();
        assertThat(p.errorCode()).isEqualTo(403);
    }

    @Test
    void connectWithOtherCredentialsIsWrongCredentials() {
        TurnScript s = new TurnScript().tcpAllocation();
        long req = s.request(CONNECT, 3, r -> credentials(r.address(XOR_PEER, EDGE, true)));
        long err = s.error(CONNECT, 3, 441, "Wrong Credentials");

        Finding f = only(s, "turn.wrong-credentials");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(req, err);
    }

    @Test
    void secondConnectToAConnectedPeerIsConnectionExists() {
        TurnScript s = new TurnScript().tcpAllocation().connect(3, EDGE, 0x11).bind(1, CMS_DATA, 4, 0x11);
        long req = s.request(CONNECT, 5, r -> credentials(r.address(XOR_PEER, EDGE, true)));
        long err = s.error(CONNECT, 5, 446, "Connection Already Exists");

        Finding f = only(s, "turn.connection-exists");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.frames()).containsExactly(req, err);
        assertThat(f.detail()).contains("203.0.113.10:52044");
        assertThat(findings(s)).hasSize(1);
    }

    @Test
    void quotaAndPortExhaustionAreCapacity() {
        TurnScript quota = new TurnScript();
        quota.request(ALLOCATE, 1, r -> credentials(r.u32(REQUESTED_TRANSPORT, 6L << 24)));
        quota.error(ALLOCATE, 1, 486, "Allocation Quota Reached");
        TurnScript ports = new TurnScript();
        ports.request(ALLOCATE, 1, r -> credentials(r.u32(REQUESTED_TRANSPORT, 6L << 24)));
        ports.error(ALLOCATE, 1, 508, "Insufficient Capacity");

        Finding q = only(quota, "turn.capacity");
        assertThat(q.severity()).isEqualTo(Severity.ERROR);
        assertThat(q.frames()).containsExactly(1L, 2L);
        assertThat(q.title()).contains("486");
        Finding p = only(ports, "turn.capacity");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.title()).contains("508");
        assertThat(p.detail()).contains("24000–29999");
        assertThat(TurnRun.messages(ports.messages).allocation(0).outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void anyOtherErrorCodeIsAGenericTurnError() {
        TurnScript s = new TurnScript().tcpAllocation();
        long req = s.request(CHANNEL_BIND, 3, r -> credentials(r.u32(CHANNEL_NUMBER, 0x4001L << 16)
                .address(XOR_PEER, EDGE, true)));
        long err = s.error(CHANNEL_BIND, 3, 500, "Server Error");

        Finding f = only(s, "turn.error");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.frames()).containsExactly(req, err);
        assertThat(f.title()).contains("ChannelBind", "500");
        assertThat(TurnRun.messages(s.messages).allocation(0).channels().get(0).errorCode()).isEqualTo(500);
    }

    @Test
    void connectAnsweredAfterThirtySecondsIsAConnectFailureWithDroppedSyns() {
        TurnScript s = new TurnScript().tcpAllocation();
        long req = s.at(1).request(CONNECT, 3, r -> credentials(r.address(XOR_PEER, EDGE, true)));
        long err = s.at(31.2).send(0, EXPRESSWAY, CMS, TestStun.of(CONNECT | ERROR, 3)
                .errorCode(447, "Connection Timeout or Failure"));

        Finding f = only(s, "turn.connect-failed");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(req, err);
        assertThat(f.detail()).contains("10.1.1.20:40000 asked TURN server 192.0.2.50:3478 to connect to"
                + " 203.0.113.10:52044", "after 30.2 s", "went unanswered");
    }

    @Test
    void connectSuccessNotBoundWithinThirtySecondsIsUnboundOnlyOnceTheTimerRunsOut() {
        TurnScript s = new TurnScript().tcpAllocation().at(1).connect(3, EDGE, 0x2a2a2a2a);
        long success = s.lastFrame();
        TurnRun run = TurnRun.messages(s.messages);

        assertThat(run.findings(START + 20_000_000_000L, false)).isEmpty();
        assertThat(run.turn.allocations(START + 20_000_000_000L, false).get(0).connections().get(0).state())
                .isEqualTo(State.AWAITING_BIND);
        List<Finding> later = run.findings(START + 31_500_000_000L, false);
        assertThat(later).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("turn.unbound-connection");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.frames()).containsExactly(success);
            assertThat(f.detail()).contains("Connect success", "203.0.113.10:52044", "2a2a2a2a",
                    "got no ConnectionBind");
        });
    }

    @Test
    void connectionAttemptNeverBoundBeforeTheCaptureEndsIsUnbound() {
        TurnScript s = new TurnScript().tcpAllocation();
        long attempt = s.at(2).send(0, EXPRESSWAY, CMS, TestStun.of(CONNECTION_ATTEMPT_INDICATION, 9)
                .address(XOR_PEER, EDGE, true).connectionId(0x77));
        TurnRun run = TurnRun.messages(s.messages);

        assertThat(run.findings(START + 5_000_000_000L, false)).isEmpty();
        Finding f = run.findings(START + 5_000_000_000L, true).get(0);
        assertThat(f.id()).isEqualTo("turn.unbound-connection");
        assertThat(f.frames()).containsExactly(attempt);
        assertThat(f.detail()).contains("ConnectionAttempt");
        assertThat(run.turn.allocations(START + 5_000_000_000L, true).get(0).connections().get(0).state())
                .isEqualTo(State.UNBOUND);
    }

    @Test
    void bindThatComesAfterThirtySecondsIsStillReportedAsLate() {
        TurnScript s = new TurnScript().tcpAllocation().at(1).connect(3, EDGE, 0x31);
        s.at(40).bind(1, CMS_DATA, 4, 0x31);

        Finding f = only(s, "turn.unbound-connection");
        assertThat(f.detail()).contains("bound only after 39.0 s");
    }

    @Test
    void bindWithinThirtySecondsIsBoundAndQuiet() {
        TurnScript s = new TurnScript().tcpAllocation().at(1).connect(3, EDGE, 0x31);
        s.at(2).bind(1, CMS_DATA, 4, 0x31);
        TurnRun run = TurnRun.messages(s.messages);

        assertThat(run.findings(START + 60_000_000_000L, true)).isEmpty();
        TurnConnection c = run.allocation(0).connections().get(0);
        assertThat(c.state()).isEqualTo(State.BOUND);
        assertThat(c.data().stream()).isEqualTo(1);
        assertThat(c.data().client()).isEqualTo(CMS_DATA);
        assertThat(c.data().relayedStun()).isEqualTo(-1); // the data connection has not ended yet
    }

    @Test
    void connectionBindErrorIsReportedOnTheAllocationThatGaveTheId() {
        TurnScript s = new TurnScript().tcpAllocation().at(1).connect(3, EDGE, 0x31);
        long req = s.send(1, CMS_DATA, EXPRESSWAY, credentials(TestStun.of(CONNECTION_BIND, 4).connectionId(0x31)));
        long err = s.send(1, EXPRESSWAY, CMS_DATA, TestStun.of(CONNECTION_BIND | ERROR, 4).errorCode(400, "Bad Request"));
        TurnRun run = TurnRun.messages(s.messages);

        Finding f = run.only("turn.error");
        assertThat(f.frames()).containsExactly(req, err);
        assertThat(f.detail()).contains("ConnectionBind", "400");
        assertThat(run.allocation(0).connections().get(0).state()).isEqualTo(State.BIND_FAILED);
    }

    @Test
    void connectionBindErrorForAnIdTheCaptureNeverSawIsStillReported() {
        TurnScript s = new TurnScript();
        long req = s.send(5, CMS_DATA, EXPRESSWAY, credentials(TestStun.of(CONNECTION_BIND, 4).connectionId(0x99)));
        long err = s.send(5, EXPRESSWAY, CMS_DATA, TestStun.of(CONNECTION_BIND | ERROR, 4).errorCode(400, "Bad Request"));

        Finding f = only(s, "turn.error");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.frames()).containsExactly(req, err);
        assertThat(f.detail()).contains("00000099", "TCP stream 5");
    }

    @Test
    void credentialsRejectedOnceButAcceptedOnRetryIsOnlyAWarning() {
        TurnScript s = new TurnScript().tcpAllocation();
        long req = s.request(REFRESH, 3, r -> credentials(r.u32(LIFETIME, 600)));
        long err = s.error(REFRESH, 3, 401, "Unauthorized");
        s.request(REFRESH, 4, r -> credentials(r.u32(LIFETIME, 600)));
        s.success(REFRESH, 4, r -> r.u32(LIFETIME, 600));

        Finding f = only(s, "turn.auth-failed");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.frames()).containsExactly(req, err);
    }

    @Test
    void integrityCheckFailureCountsAsAuthFailure() {
        TurnScript s = new TurnScript();
        s.request(ALLOCATE, 1, r -> r.u32(REQUESTED_TRANSPORT, 6L << 24));
        s.error(ALLOCATE, 1, 401, "Unauthorized");
        s.request(ALLOCATE, 2, r -> credentials(r.u32(REQUESTED_TRANSPORT, 6L << 24)));
        s.error(ALLOCATE, 2, 431, "Integrity Check Failure");

        Finding f = only(s, "turn.auth-failed");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(3L, 4L);
    }

    @Test
    void staleNonceWithoutASuccessfulRetryIsAWarning() {
        TurnScript s = new TurnScript().tcpAllocation();
        s.request(REFRESH, 3, r -> credentials(r.u32(LIFETIME, 600)));
        s.error(REFRESH, 3, 438, "Stale Nonce");

        assertThat(only(s, "turn.stale-nonce").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void requestsOfAnAllocationMadeBeforeTheCaptureStartedStillFormOne() {
        TurnScript s = new TurnScript();
        s.request(REFRESH, 3, r -> credentials(r.u32(LIFETIME, 600)));
        s.success(REFRESH, 3, r -> r.u32(LIFETIME, 600));
        TurnAllocation a = TurnRun.messages(s.messages).allocation(0);

        assertThat(a.outcome()).isEqualTo(Outcome.NOT_SEEN);
        assertThat(a.refreshes()).hasSize(1);
        assertThat(a.lifetime()).isEqualTo(600);
    }

    @Test
    void retransmittedRequestIsOneTransaction() {
        TurnScript s = new TurnScript().tcpAllocation();
        s.request(CREATE_PERMISSION, 3, r -> credentials(r.address(XOR_PEER, EDGE, true)));
        s.request(CREATE_PERMISSION, 3, r -> credentials(r.address(XOR_PEER, EDGE, true)));
        s.success(CREATE_PERMISSION, 3, r -> r);

        TurnPermission p = TurnRun.messages(s.messages).allocation(0).permissions().get(0);
        assertThat(p.requests()).isEqualTo(1);
        assertThat(p.successes()).isEqualTo(1);
    }

    @Test
    void newAllocateAfterDeallocationStartsANewAllocationOnTheSameFiveTuple() {
        TurnScript s = new TurnScript().tcpAllocation();
        s.request(REFRESH, 3, r -> credentials(r.u32(LIFETIME, 0)));
        s.success(REFRESH, 3, r -> r.u32(LIFETIME, 0));
        s.request(ALLOCATE, 4, r -> credentials(r.u32(REQUESTED_TRANSPORT, 6L << 24)));
        s.success(ALLOCATE, 4, r -> r.address(XOR_RELAYED, RELAY.withPort(24014), true));

        List<TurnAllocation> all = TurnRun.messages(s.messages).turn.allocations();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).end()).isEqualTo(TurnAllocation.End.DEALLOCATED);
        assertThat(all.get(1).relayed()).isEqualTo(Endpoint.parse("192.0.2.50:24014"));
    }

    @Test
    void allocationsReflectWhatWasSeenSoFar() {
        TurnScript s = new TurnScript().tcpAllocation().connect(3, EDGE, 0x31);
        TurnRun run = new TurnRun();
        for (int i = 0; i < 3; i++) {
            run.message(s.messages.get(i));
        }
        assertThat(run.turn.allocations().get(0).outcome()).isEqualTo(Outcome.PENDING);
        for (int i = 3; i < s.messages.size(); i++) {
            run.message(s.messages.get(i));
        }
        assertThat(run.turn.allocations().get(0).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.turn.allocations().get(0).connections().get(0).state()).isEqualTo(State.AWAITING_BIND);
    }
}
