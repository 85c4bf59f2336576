package org.turnladder.analysis.roles;

import org.turnladder.net.Endpoint;

/**
 * Weak clues from well-known ports (DOMAIN.md §0, §1.3): who listens on the Expressway traversal port 7001, on TCP
 * TURN 3478, on the Edge's MRAS port 5062, on the ASMCU's 5065, and TCP between the Edge relay range and
 * Expressway's relay range.
 * Ports only ever support what behaviour says; alone they stay below what it takes to name a role, except the
 * traversal zone, which only Expressways use.
 */
final class PortClues {
    private PortClues() {
    }

    /** A connection (or a request) from {@code client} to {@code server}. */
    static void connection(HostClues client, Endpoint from, HostClues server, Endpoint to, long f) {
        int sp = to.port();
        int cp = from.port();
        if (sp == 7001) {
            add(server, Guess.EXPRESSWAY_E, 1.5, "traversal",
                    "accepted connections on port 7001 (Expressway traversal zone server: Expressway-E)", f);
            if (cp >= 25000 && cp <= 29999) {
                add(client, Guess.EXPRESSWAY_C, 2, "traversal",
                        "connected to port 7001 from ports 25000–29999 (traversal client: Expressway-C)", f);
            } else {
                add(client, Guess.EXPRESSWAY_C, 1.5, "traversal",
                        "connected to port 7001 (traversal client: Expressway-C)", f);
            }
        } else if (sp == 5062) {
            add(server, Guess.SKYPE_EDGE, 0.5, "sip-port", "accepted connections on port 5062 (Edge MRAS)", f);
            add(client, Guess.SKYPE_FRONT_END, 0.5, "sip-port", "connected to port 5062 (Front End asking MRAS)", f);
        } else if (sp == 3478) {
            add(server, Guess.EXPRESSWAY_E, 0.5, "turn-port", "was contacted on TCP port 3478 (TURN)", f);
            add(client, Guess.CMS, 0.5, "turn-port", "contacted TCP port 3478 (TURN client)", f);
        } else if (sp == 5065) {
            add(server, Guess.SKYPE_FRONT_END, 0.5, "sip-port", "accepted SIP on port 5065 (ASMCU)", f);
        }
        relayLeg(client, cp, server, sp, f);
        relayLeg(server, sp, client, cp, f);
    }

    /** Skype Edge relay (50000–59999) ⇄ Expressway-E relay (24000–29999). */
    private static void relayLeg(HostClues a, int pa, HostClues b, int pb, long f) {
        if (pa >= 50000 && pa <= 59999 && pb >= 24000 && pb <= 29999) {
            add(a, Guess.SKYPE_EDGE, 0.5, "relay-ports",
                    "TCP between its ports 50000–59999 (Skype Edge relay range) and 24000–29999", f);
            add(b, Guess.EXPRESSWAY_E, 0.5, "relay-ports",
                    "TCP between its ports 24000–29999 (Expressway-E relay range) and 50000–59999", f);
        }
    }

    private static void add(HostClues h, Guess g, double w, String group, String text, long f) {
        if (h != null) {
            h.add(g, w, group, text, f);
        }
    }
}
