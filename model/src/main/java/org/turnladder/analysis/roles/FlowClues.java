package org.turnladder.analysis.roles;

import org.turnladder.framing.TcpFlowSummary;

/**
 * Clues from what a TCP connection turned out to be: an MS-TURN connection marks an A/V Edge and its client
 * (works on encrypted captures too); an RFC 6062 data connection marks the TURN client and server; ports add weak
 * clues. Failed attempts count for their ports only.
 */
final class FlowClues {
    private final Observations obs;

    FlowClues(Observations obs) {
        this.obs = obs;
    }

    void flow(TcpFlowSummary t) {
        long f = t.firstFrame();
        obs.traffic(t.client(), t.server(), f);
        HostClues client = obs.host(t.client());
        HostClues server = obs.host(t.server());
        String label = t.label() == null ? "" : t.label();
        if (label.startsWith("MS-TURN")) {
            add(server, Guess.SKYPE_EDGE, 4, "ms-turn-server",
                    "served an MS-TURN connection on TCP " + t.server().port() + " (A/V Edge)", f);
            add(client, Guess.SKYPE_CLIENT, 3, "ms-turn-client",
                    "opened an MS-TURN connection to an A/V Edge (Skype client)", f);
        } else if (label.startsWith("RFC 6062")) {
            add(client, Guess.CMS, 2, "turn-client", "opened RFC 6062 data connections to its TURN server", f);
            add(server, Guess.EXPRESSWAY_E, 2, "turn-server", "accepted RFC 6062 data connections (TURN server)", f);
        }
        PortClues.connection(client, t.client(), server, t.server(), f);
    }

    private static void add(HostClues h, Guess g, double w, String group, String text, long f) {
        if (h != null) {
            h.add(g, w, group, text, f);
        }
    }
}
