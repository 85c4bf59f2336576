package org.turnladder.analysis.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.analysis.turn.TurnConnection.State;

/**
 * Failure captures being recorded by another branch (coturn / kernel answers for 437, 403, 446, 441, 486/508, an
 * unbound RFC 6062 connection, a refused SIP port). They are read from that branch's worktree only when present,
 * and frame numbers are taken from the model rather than written here, since re-recording changes them; the
 * synthetic tests pin the exact frames.
 */
class RecordedFailureCapturesTest {
    private static final Path DIR = Path.of("/work/wt-rec-failures/test-captures");

    private static TurnRun run(String name) {
        Path p = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(p), name + " not recorded yet");
        return TurnRun.capture(p);
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

    @Test
    void allocationMismatch() {
        assertFinding(run("coturn-allocation-mismatch.pcap"), "turn.allocation-mismatch", Severity.ERROR, 437);
    }

    @Test
    void forbiddenPeer() {
        Finding f = assertFinding(run("coturn-forbidden-peer.pcap"), "turn.forbidden", Severity.ERROR, 403);
        assertThat(f.detail()).contains("403");
    }

    @Test
    void connectionExists() {
        assertFinding(run("coturn-connection-exists.pcap"), "turn.connection-exists", Severity.WARNING, 446);
    }

    @Test
    void wrongCredentials() {
        assertFinding(run("coturn-wrong-credentials.pcap"), "turn.wrong-credentials", Severity.ERROR, 441);
    }

    @Test
    void quotaAndCapacity() {
        assertFinding(run("coturn-quota.pcap"), "turn.capacity", Severity.ERROR, 486, 508);
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
    void refusedSipPort() {
        Finding f = run("tcp-connect-refused.pcap").only("tcp.connect-refused");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.title()).contains("SIP port");
        assertThat(f.frames()).hasSize(2);
    }
}
