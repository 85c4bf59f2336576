package org.turnladder.ladder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.turnladder.net.Endpoint;

/**
 * What a ladder is built from, frozen at one moment of a {@link LadderFeed}: the entries so far and what the
 * filters need (the TURN sessions, the addresses each call's SDP named). Taken cheaply under a live capture's lock,
 * then built from without it while the capture goes on. Immutable.
 *
 * @param entries     the first entries of the feed, in the order fed
 * @param sessions    TURN allocations seen so far
 * @param callMedia   per Call-ID, the addresses its SDP named so far
 */
public record LadderSnapshot(List<LadderEntry> entries, List<TurnSession> sessions,
                             Map<String, Set<Endpoint>> callMedia) {
    public LadderSnapshot {
        sessions = List.copyOf(sessions);
        callMedia = Map.copyOf(callMedia);
    }

    /** Addresses the SDP of a call named (empty if none). */
    public Set<Endpoint> callMediaEndpoints(String callId) {
        Set<Endpoint> s = callMedia.get(callId);
        return s == null ? Set.of() : s;
    }
}
