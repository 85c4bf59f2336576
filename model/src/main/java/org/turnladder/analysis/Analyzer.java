package org.turnladder.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.turnladder.analysis.calls.CallTracker;
import org.turnladder.analysis.ice.IceTracker;
import org.turnladder.analysis.roles.RoleDetector;
import org.turnladder.analysis.turn.TcpAttemptFindings;
import org.turnladder.analysis.turn.TurnTracker;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.TcpFlowSummary;

/**
 * The whole analysis, fed incrementally: every decoded message and every ended TCP connection, in capture order,
 * from a file or a live capture. {@link #snapshot} may be called at any time.
 */
public final class Analyzer {
    private final CallTracker calls = new CallTracker();
    private final TurnTracker turn = new TurnTracker();
    private final TcpAttemptFindings tcpAttempts = new TcpAttemptFindings();
    private final IceTracker ice = new IceTracker();
    private final RoleDetector roles = new RoleDetector();
    private final List<FindingSource> sources = List.of(calls, turn, tcpAttempts, ice);
    private Map<String, Role> overrides;
    private long frames;
    private long messages;
    private long firstNanos;
    private long lastNanos;

    /** @param overrides roles the user set, by IP address (or box name): they win over detection */
    public Analyzer(Map<String, Role> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public Analyzer() {
        this(Map.of());
    }

    /** Every frame of the capture, decoded or not: keeps the clock that the 30-second timers run on. */
    public void frame(long epochNanos) {
        if (frames++ == 0) {
            firstNanos = epochNanos;
        }
        lastNanos = Math.max(lastNanos, epochNanos);
    }

    public void message(DecodedMessage m) {
        messages++;
        for (FindingSource s : sources) {
            s.message(m);
        }
        roles.message(m);
    }

    public void tcpFlow(TcpFlowSummary flow) {
        for (FindingSource s : sources) {
            s.tcpFlow(flow);
        }
        roles.tcpFlow(flow);
    }

    /** The user changed a role: the next snapshot uses it. */
    public void overrides(Map<String, Role> newOverrides) {
        this.overrides = Map.copyOf(newOverrides);
    }

    /** The analysis as of now; {@code ended} says no more frames will come. */
    public Analysis snapshot(boolean ended) {
        List<Finding> findings = new ArrayList<>();
        for (FindingSource s : sources) {
            findings.addAll(s.findings(lastNanos, ended));
        }
        findings.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> f.frames().isEmpty() ? Long.MAX_VALUE : f.frames().get(0))
                .thenComparing(Finding::id));
        return new Analysis(roles.roles(overrides), calls.calls(), turn.allocations(), ice.pairs(), findings, frames,
                messages, firstNanos, lastNanos, ended);
    }
}
