package org.turnladder.analysis.roles;

import java.util.Map;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.Framing;
import org.turnladder.memory.BoundedMap;
import org.turnladder.net.Endpoint;
import org.turnladder.stun.Dialect;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunMethods;

/**
 * Role clues from STUN/TURN behaviour (DOMAIN.md §1.2, §4.2): CMS asks for TCP relays and Expressway-E answers them
 * (RFC 5766/6062); a Skype client asks an A/V Edge in the MS-TURN dialect; relayed addresses belong to the server
 * that returned them; the peer a CMS relay is connected to is normally the Skype Edge relay.
 */
final class TurnClues {
    static final int TCP = 6;
    static final int UDP = 17;
    private static final int MAX_PENDING = 4096;

    private final Observations obs;
    /** REQUESTED-TRANSPORT of Allocate requests not yet answered, by transaction id (oldest dropped first) */
    private final Map<String, Integer> allocateTransports = new BoundedMap<>(MAX_PENDING);

    TurnClues(Observations obs) {
        this.obs = obs;
    }

    void message(DecodedMessage m, StunMessage s) {
        if (m.framing() == Framing.RELAYED) {
            return; // end-to-end ICE checks inside an RFC 6062 pipe: the packet ends are not the check's ends
        }
        s.software().ifPresent(sw -> note(m.src(), "STUN SOFTWARE '" + sw + "'", m.frame()));
        if (s.dialect() == Dialect.MS_TURN) {
            msTurn(m, s);
            return;
        }
        if (m.framing() == Framing.MS_TURN || s.method() == StunMethods.BINDING) {
            return; // ICE checks (end to end through an MS-TURN relay, or direct): no box role in them
        }
        if (!StunMethods.isKnown(s.method())) {
            return;
        }
        switch (s.messageClass()) {
            case REQUEST -> request(m, s);
            case SUCCESS, ERROR -> response(m, s);
            case INDICATION -> indication(m, s);
        }
    }

    private void request(DecodedMessage m, StunMessage s) {
        long f = m.frame();
        HostClues client = obs.host(m.src());
        HostClues server = obs.host(m.dst());
        s.realm().ifPresent(r -> realm(server, r, f));
        switch (s.method()) {
            case StunMethods.ALLOCATE -> {
                int transport = s.requestedTransport().orElse(-1);
                allocateTransports.put(s.transactionId(), transport);
                if (transport == TCP) {
                    add(client, Guess.CMS, 3, "turn-client",
                            "asked for TCP relays (Allocate with REQUESTED-TRANSPORT TCP: CMS does)", f);
                    add(server, Guess.EXPRESSWAY_E, 1.5, "turn-server", "was asked for TCP relays (Allocate)", f);
                } else {
                    add(client, Guess.CMS, 1, "turn-client",
                            "asked for UDP relays (TURN Allocate; a weaker sign of CMS)", f);
                    add(server, Guess.EXPRESSWAY_E, 1, "turn-server", "was asked for relays (TURN Allocate)", f);
                }
            }
            case StunMethods.CONNECT -> {
                add(client, Guess.CMS, 3, "turn-client", "asked its TURN server for TCP connections (RFC 6062 Connect)",
                        f);
                add(server, Guess.EXPRESSWAY_E, 1.5, "turn-server", "was asked for TCP connections (RFC 6062 Connect)",
                        f);
                s.xorPeerAddress().ifPresent(p -> peer(p, m.src(), "Connect", 1, f));
            }
            case StunMethods.CONNECTION_BIND -> {
                add(client, Guess.CMS, 3, "turn-client", "bound RFC 6062 data connections (ConnectionBind)", f);
                add(server, Guess.EXPRESSWAY_E, 1.5, "turn-server", "was asked to bind RFC 6062 data connections", f);
            }
            case StunMethods.CREATE_PERMISSION -> {
                add(client, Guess.CMS, 1, "turn-client", "sent TURN requests (TURN client)", f);
                s.xorPeerAddress().ifPresent(p -> peer(p, m.src(), "CreatePermission", 0.5, f));
            }
            default -> add(client, Guess.CMS, 1, "turn-client", "sent TURN requests (TURN client)", f);
        }
    }

    private void response(DecodedMessage m, StunMessage s) {
        long f = m.frame();
        HostClues server = obs.host(m.src());
        HostClues client = obs.host(m.dst());
        s.realm().ifPresent(r -> realm(server, r, f));
        switch (s.method()) {
            case StunMethods.ALLOCATE -> {
                // kept (not removed) so a retransmitted answer still finds its request; the map is capped
                Integer transport = allocateTransports.get(s.transactionId());
                if (transport != null && transport == TCP) {
                    add(server, Guess.EXPRESSWAY_E, 4, "turn-server",
                            "answered TCP Allocate requests (TURN server for TCP relays: Expressway-E does)", f);
                } else if (transport != null && transport != -1) {
                    add(server, Guess.EXPRESSWAY_E, 2, "turn-server", "answered UDP Allocate requests (TURN server)",
                            f);
                } else {
                    add(server, Guess.EXPRESSWAY_E, 2, "turn-server", "answered Allocate requests (TURN server)", f);
                }
                if (s.messageClass() == StunClass.SUCCESS) {
                    s.relayedAddress().ifPresent(r -> relayed(server, r, "its TURN server", f));
                    s.mappedAddress().ifPresent(a -> reflexive(client, m.dst(), a, f));
                }
            }
            case StunMethods.CONNECT, StunMethods.CONNECTION_BIND -> add(server, Guess.EXPRESSWAY_E, 4, "turn-server",
                    "answered RFC 6062 " + s.methodName() + " requests (TURN server for TCP relays)", f);
            default -> add(server, Guess.EXPRESSWAY_E, 2, "turn-server",
                    "answered TURN " + s.methodName() + " requests (TURN server)", f);
        }
    }

    private void indication(DecodedMessage m, StunMessage s) {
        long f = m.frame();
        if (s.method() == StunMethods.CONNECTION_ATTEMPT) {
            add(obs.host(m.src()), Guess.EXPRESSWAY_E, 4, "turn-server",
                    "announced TCP connections to its relay (RFC 6062 ConnectionAttempt)", f);
            add(obs.host(m.dst()), Guess.CMS, 3, "turn-client",
                    "was told of TCP connections to its relay (RFC 6062 ConnectionAttempt)", f);
            s.xorPeerAddress().ifPresent(p -> peer(p, m.dst(), "ConnectionAttempt", 1, f));
        } else if (s.method() == StunMethods.DATA) {
            add(obs.host(m.src()), Guess.EXPRESSWAY_E, 2, "turn-server", "relayed data (TURN Data indication)", f);
        } else if (s.method() == StunMethods.SEND) {
            add(obs.host(m.src()), Guess.CMS, 1, "turn-client", "sent TURN requests (TURN client)", f);
        }
    }

    /** MS-TURN: the server is an A/V Edge, its client a Skype client (or a Microsoft server). */
    private void msTurn(DecodedMessage m, StunMessage s) {
        long f = m.frame();
        String method = s.methodName();
        if (s.messageClass() == StunClass.REQUEST) {
            add(obs.host(m.src()), Guess.SKYPE_CLIENT, 3, "ms-turn-client",
                    "sent MS-TURN requests to an A/V Edge (Skype client)", f);
            add(obs.host(m.dst()), Guess.SKYPE_EDGE, 2, "ms-turn-server", "received MS-TURN requests", f);
            return;
        }
        HostClues server = obs.host(m.src());
        if (s.messageClass() == StunClass.INDICATION) {
            add(server, Guess.SKYPE_EDGE, 5, "ms-turn-server", "sent MS-TURN " + method + " indications (A/V Edge)", f);
            return;
        }
        add(server, Guess.SKYPE_EDGE, 5, "ms-turn-server", "answered MS-TURN " + method + " requests (A/V Edge)", f);
        if (s.method() == StunMethods.ALLOCATE && s.messageClass() == StunClass.SUCCESS) {
            s.relayedAddress().ifPresent(r -> relayed(server, r, "its A/V Edge", f));
            s.mappedAddress().ifPresent(a -> reflexive(obs.host(m.dst()), m.dst(), a, f));
        }
    }

    /** A relayed address is on the TURN server's box (an Expressway-E may relay on its public IP). */
    private void relayed(HostClues server, Endpoint relay, String byWhom, long f) {
        HostClues r = obs.host(relay);
        if (r == null || server == null) {
            return;
        }
        obs.link(server, r);
        String by = r == server ? byWhom : byWhom + " " + server.address;
        r.add(Guess.NOTE, 0, "link", "relayed-by:" + server.address,
                "relayed address " + relay + " returned by " + by, f);
        int port = relay.port();
        if (port >= 24000 && port <= 29999) {
            server.add(Guess.EXPRESSWAY_E, 0.5, "relay-ports",
                    "relays on ports 24000–29999 (Expressway-E's relay range)", f);
        } else if (port >= 50000 && port <= 59999) {
            server.add(Guess.SKYPE_EDGE, 0.5, "relay-ports", "relays on ports 50000–59999 (Skype Edge relay range)",
                    f);
        }
    }

    /** The TURN client's address as its server saw it: when it differs (NAT), that address is the client's too. */
    private void reflexive(HostClues client, Endpoint clientEndpoint, Endpoint mapped, long f) {
        HostClues r = obs.host(mapped);
        if (r == null || client == null || r == client) {
            return;
        }
        obs.link(client, r);
        r.add(Guess.NOTE, 0, "link", "reflexive-of:" + client.address,
                "reflexive (NAT) address " + mapped + " of TURN client " + clientEndpoint, f);
    }

    /** The far end of a TCP relay: for CMS on Expressway-E, the Skype Edge relay (DOMAIN.md §1.2 steps 7–8). */
    private void peer(Endpoint peer, Endpoint client, String how, double weight, long f) {
        HostClues p = obs.host(peer);
        if (p == null || p.address.equals(client.host())) {
            return;
        }
        String text = switch (how) {
            case "Connect" -> "peer a TURN client asked its relay to connect to (Connect; a CMS relay's peer is "
                    + "normally the Skype Edge relay)";
            case "ConnectionAttempt" -> "peer that connected to a TCP relay (ConnectionAttempt; a CMS relay's peer "
                    + "is normally the Skype Edge relay)";
            default -> "peer a TURN client gave a permission to (" + how + ")";
        };
        p.add(Guess.SKYPE_EDGE, weight, "relay-peer", text, f);
        int port = peer.port();
        if (port >= 50000 && port <= 59999) {
            p.add(Guess.SKYPE_EDGE, 0.5, "relay-ports", "TURN peer on ports 50000–59999 (Skype Edge relay range)", f);
        }
    }

    private void realm(HostClues server, String realm, long f) {
        if ("TANDBERG".equalsIgnoreCase(realm.trim())) {
            add(server, Guess.EXPRESSWAY_E, 4, "realm", "TURN realm 'TANDBERG' (Expressway's)", f);
        }
    }

    private void note(Endpoint who, String text, long f) {
        add(obs.host(who), Guess.NOTE, 0, "note", text, f);
    }

    private static void add(HostClues h, Guess g, double weight, String group, String text, long f) {
        if (h != null) {
            h.add(g, weight, group, text, f);
        }
    }
}
