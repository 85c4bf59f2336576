package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.analysis.turn.TurnConnection.State;
import org.turnladder.decode.TestCaptures;

/**
 * The failures a real coturn gives (test-captures/README.md says how each was provoked): 437, 403, 446, 441,
 * 486/508, an RFC 6062 connection never bound, a Connect that times out after 30 s, refused TCP connections.
 * Frames are those of the committed captures.
 */
class RecordedFailureCapturesTest {

    private static TurnRun run(String name) {
        return TurnRun.capture(TestCaptures.path(name));
    }

    /** The finding for {@code id} cites the request and answer of every error with that code. */
    private static Finding assertFinding(TurnRun run, String id, Severity severity, int... codes) {
        Finding f = run.findings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(severity);
        TurnErrorResponse e = run.turn.allocations().stream().flatMap(a -> a.errors().stream())
                .filter(x -> java.util.Arrays.stream(codes).anyMatch(c -> c == x.code())).findFirst().orElseThrow();
        assertThat(f.frames()).contains(e.requestFrame(), e.responseFrame());
        return f;
    }

    private static java.util.List<Long> framesOf(TurnRun run, String id) {
        return run.findings().stream().filter(x -> x.id().equals(id)).flatMap(x -> x.frames().stream()).toList();
    }

    @Test
    void allocationMismatch() {
        TurnRun run = run("coturn-allocation-mismatch.pcap");
        assertFinding(run, "turn.allocation-mismatch", Severity.ERROR, 437);
        // one finding per allocation: the second Allocate on the TCP connection, the Refresh on a bare UDP 5-tuple
        assertThat(framesOf(run, "turn.allocation-mismatch")).contains(10L, 11L, 14L, 15L);
    }

    @Test
    void connectTimeout() {
        TurnRun run = run("coturn-connect-timeout.pcapng");
        Finding f = run.only("turn.connect-failed");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).contains(12L, 23L);
        assertThat(f.detail()).contains("30.0 s");
    }

    @Test
    void forbiddenPeer() {
        Finding f = assertFinding(run("coturn-forbidden-peer.pcap"), "turn.forbidden", Severity.ERROR, 403);
        assertThat(f.detail()).contains("403");
        assertThat(f.frames()).contains(12L, 13L, 14L, 15L);
    }

    @Test
    void connectionExists() {
        Finding f = assertFinding(run("coturn-connection-exists.pcap"), "turn.connection-exists", Severity.WARNING,
                446);
        assertThat(f.frames()).contains(24L, 25L);
    }

    @Test
    void wrongCredentials() {
        Finding f = assertFinding(run("coturn-wrong-credentials.pcap"), "turn.wrong-credentials", Severity.ERROR,
                441);
        assertThat(f.frames()).contains(10L, 11L, 12L, 13L);
    }

    @Test
    void quotaAndCapacity() {
        TurnRun run = run("coturn-quota.pcap");
        assertFinding(run, "turn.capacity", Severity.ERROR, 486, 508);
        assertThat(framesOf(run, "turn.capacity")).contains(7L, 8L, 11L, 12L);
    }

    @Test
    void unboundConnection() {
        TurnRun run = run("coturn-unbound-connection.pcapng");
        Finding f = run.only("turn.unbound-connection");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        run.turn.allocations().stream().flatMap(a -> a.connections().stream())
                .filter(c -> c.state() == State.UNBOUND)
                .forEach(c -> assertThat(f.frames()).contains(c.responseFrame()));
        assertThat(run.turn.allocations().stream().flatMap(a -> a.connections().stream())
                .filter(c -> c.state() == State.UNBOUND)).isNotEmpty();
    }

    @Test
    void refusedTurnAndSipPorts() {
        TurnRun run = run("tcp-connect-refused.pcap");
        // no TURN or SIP got through, but 3478 and 5061 are the TURN and SIP-TLS ports
        assertThat(run.findings()).filteredOn(f -> f.id().equals("tcp.connect-refused"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .extracting(Finding::title, Finding::frames)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TCP connection refused by the TURN port 127.0.0.2:3478",
                                java.util.List.of(1L, 2L)),
                        org.assertj.core.groups.Tuple.tuple("TCP connection refused by the SIP port 127.0.0.8:5061",
                                java.util.List.of(3L, 4L)));
    }
}
