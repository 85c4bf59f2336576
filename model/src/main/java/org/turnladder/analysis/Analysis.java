package org.turnladder.analysis;

import java.util.List;
import org.turnladder.analysis.calls.Call;
import org.turnladder.analysis.ice.IcePair;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.analysis.turn.TurnAllocation;

/**
 * What a capture says, as of one moment: who is who, the calls, the TURN allocations with their RFC 6062
 * connections, the ICE check matrix and what went wrong.
 *
 * @param frames     frames seen
 * @param messages   messages decoded
 * @param firstNanos capture time of the first frame (0 if none)
 * @param lastNanos  capture time of the last frame
 * @param ended      whether the capture is complete (a file read to its end, a stopped live capture)
 */
public record Analysis(List<RoleAssignment> roles, List<Call> calls, List<TurnAllocation> turnAllocations,
                       List<IcePair> iceChecks, List<Finding> findings, long frames, long messages,
                       long firstNanos, long lastNanos, boolean ended) {

    public Analysis {
        roles = List.copyOf(roles);
        calls = List.copyOf(calls);
        turnAllocations = List.copyOf(turnAllocations);
        iceChecks = List.copyOf(iceChecks);
        findings = List.copyOf(findings);
    }

    /** The findings with this id. */
    public List<Finding> findings(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
