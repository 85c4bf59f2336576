package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.analysis.turn.TurnAllocation.End;
import org.turnladder.analysis.turn.TurnAllocation.Outcome;
import org.turnladder.analysis.turn.TurnConnection.State;

/** Findings on real coturn captures of things going wrong. */
class TurnFailureCapturesTest {

    @Test
    void wrongPasswordIsAnAuthFailureOnEveryAuthenticatedAllocate() {
        TurnRun run = TurnRun.capture("coturn-wrong-password.pcap");

        Finding f = run.only("turn.auth-failed");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
        assertThat(f.detail()).contains("127.0.0.3:45582", "127.0.0.2:3478", "7 requests", "\"u\"",
                "\"example.org\"", "401 Unauthorized", "do not match");
        assertThat(f.fix()).contains("/turnServers", "Expressway-E");
        TurnAllocation a = run.allocation(0);
        assertThat(a.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(a.errorCode()).isEqualTo(401);
        assertThat(a.challengeFrames()).containsExactly(2L); // the first 401 was the normal challenge
        assertThat(a.end()).isEqualTo(End.FAILED);
    }

    @Test
    void noTcpRelayIsUnsupportedTransport() {
        TurnRun run = TurnRun.capture("coturn-no-tcp-relay.pcap");

        Finding f = run.only("turn.unsupported-transport");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(8L, 9L);
        assertThat(f.detail()).contains("TCP relay", "442");
        assertThat(f.fix()).contains("X8.9");
        assertThat(run.allocation(0).errorCode()).isEqualTo(442);
        assertThat(run.findings()).hasSize(1);
    }

    @Test
    void refusedPeerIsAFastConnectFailureAndARefusedTcpConnection() {
        TurnRun run = TurnRun.capture("coturn-connect-failed.pcap");

        Finding f = run.only("turn.connect-failed");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(12L, 13L, 15L);
        assertThat(f.detail()).contains("127.0.0.4:52045", "127.0.0.2:49155", "447", "0.1 ms", "fast",
                "answered by RST");
        assertThat(f.fix()).contains("24000–29999", "50000–59999");

        Finding tcp = run.only("tcp.connect-refused");
        assertThat(tcp.severity()).isEqualTo(Severity.ERROR);
        assertThat(tcp.frames()).containsExactly(13L, 14L);
        assertThat(tcp.title()).contains("the peer of Connect 127.0.0.4:52045");
        assertThat(tcp.detail()).contains("relayed address 127.0.0.2:49155");

        TurnConnection c = run.allocation(0).connections().get(0);
        assertThat(c.state()).isEqualTo(State.CONNECT_FAILED);
        assertThat(c.errorCode()).isEqualTo(447);
        assertThat(c.peerLeg().refused()).isTrue();
        assertThat(run.findings()).hasSize(2);
    }

    @Test
    void staleNonceFollowedByASuccessfulRetryIsInformational() {
        TurnRun run = TurnRun.capture("coturn-stale-nonce.pcap");

        Finding f = run.only("turn.stale-nonce");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.frames()).containsExactly(7L, 8L);
        assertThat(f.detail()).contains("Refresh", "438");
        assertThat(run.findings()).hasSize(1);
        assertThat(run.allocation(0).refreshes().get(0).errorCode()).isEqualTo(438);
        assertThat(run.allocation(0).refreshes().get(1).succeeded()).isTrue();
    }
}
