package org.turnladder.analysis.turn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;

/** Turns allocation snapshots into findings: one per allocation and kind of problem, never one per message. */
final class TurnFindings {
    /** Instances named in one finding's detail, and request/response pairs listed in its frames. */
    private static final int MAX_LISTED = 5;
    private static final int MAX_FRAME_PAIRS = 10;
    private static final long SLOW_CONNECT_NANOS = 25_000_000_000L;

    private TurnFindings() {
    }

    static List<Finding> of(List<TurnAllocation> allocations, List<DataBind> orphanBinds) {
        List<Finding> out = new ArrayList<>();
        for (TurnAllocation a : allocations) {
            authFailed(a, out);
            staleNonce(a, out);
            byCode(a, out);
            unbound(a, out);
        }
        for (DataBind b : orphanBinds) {
            orphanBind(b, out);
        }
        return out;
    }

    /** Finding id for an error code (401/431 with integrity and 438 are handled on their own). */
    static String idFor(int code) {
        return switch (code) {
            case 437 -> "turn.allocation-mismatch";
            case 403 -> "turn.forbidden";
            case 441 -> "turn.wrong-credentials";
            case 442 -> "turn.unsupported-transport";
            case 446 -> "turn.connection-exists";
            case 447 -> "turn.connect-failed";
            case 486, 508 -> "turn.capacity";
            default -> "turn.error";
        };
    }

    private static Severity severityFor(String id) {
        return switch (id) {
            case "turn.connection-exists", "turn.error" -> Severity.WARNING;
            default -> Severity.ERROR;
        };
    }

    private static boolean isAuthFailure(TurnErrorResponse e) {
        return (e.code() == 401 || e.code() == 431) && e.withIntegrity();
    }

    private static String who(TurnAllocation a) {
        String stream = a.controlConnection() >= 0 ? ", TCP stream " + a.controlConnection() : "";
        return "TURN client " + a.client() + " → TURN server " + a.server() + " (" + a.transport() + stream + ")";
    }

    private static void authFailed(TurnAllocation a, List<Finding> out) {
        List<TurnErrorResponse> failures = a.errors().stream().filter(TurnFindings::isAuthFailure).toList();
        if (failures.isEmpty()) {
            return;
        }
        boolean recovered = failures.stream().allMatch(TurnErrorResponse::recovered);
        TurnErrorResponse first = failures.get(0);
        String credentials = "username " + quote(a.username()) + ", realm " + quote(a.realm());
        StringBuilder d = new StringBuilder(who(a)).append(": ").append(failures.size())
                .append(failures.size() == 1 ? " request" : " requests")
                .append(" with MESSAGE-INTEGRITY (").append(credentials).append(") answered ")
                .append(codes(failures)).append(", the first ").append(first.method()).append(" at frame ")
                .append(first.requestFrame()).append(" → ").append(first.responseFrame()).append('.');
        String title;
        Severity severity;
        if (recovered) {
            severity = Severity.WARNING;
            title = "TURN server rejected authenticated requests, but a retry succeeded";
            d.append(" A later request of the same kind succeeded, so the credentials are right; the server"
                    + " probably renewed its nonce with 401 instead of 438.");
        } else {
            severity = Severity.ERROR;
            title = failures.size() > 1 ? "TURN credentials rejected again and again"
                    : "TURN credentials rejected";
            d.append(failures.size() > 1
                    ? " The server rejects the credentials every time: the TURN client's username/password do not"
                    + " match the server's TURN user (or the realm differs)."
                    : " The server did not accept the credentials the client sent after the challenge.");
        }
        String fix = "Make the TURN credentials of the client match the server: on CMS the username and password of"
                + " the /turnServers entry for this server; on Expressway-E the TURN user in the local"
                + " authentication database (Configuration > Traversal > TURN; realm " + quote(realmOrDefault(a))
                + "). Re-enter the password on both sides; watch for a trailing space or a changed realm.";
        out.add(new Finding("turn.auth-failed", severity, title, d.toString(), fix, pairFrames(failures)));
    }

    private static String realmOrDefault(TurnAllocation a) {
        return a.realm() != null ? a.realm() : "TANDBERG";
    }

    private static void staleNonce(TurnAllocation a, List<Finding> out) {
        List<TurnErrorResponse> stale = a.errors().stream().filter(e -> e.code() == 438).toList();
        if (stale.isEmpty()) {
            return;
        }
        boolean recovered = stale.stream().allMatch(TurnErrorResponse::recovered);
        TurnErrorResponse first = stale.get(0);
        String d = who(a) + ": " + first.method() + " (frame " + first.requestFrame() + ") answered 438 "
                + first.reason() + " (frame " + first.responseFrame() + ")"
                + (stale.size() > 1 ? ", " + stale.size() + " times" : "")
                + (recovered ? "; the client retried with the new NONCE and succeeded — normal nonce expiry."
                : "; no retry with the new NONCE succeeded.");
        String fix = recovered ? "Nothing to do: nonces expire and the client renewed it."
                : "The client must repeat the request with the NONCE from the 438 answer; if it loops, the client or"
                + " server mishandles nonce expiry (check both for updates and the server's nonce lifetime).";
        out.add(new Finding("turn.stale-nonce", recovered ? Severity.INFO : Severity.WARNING,
                recovered ? "TURN nonce expired (438), retry succeeded" : "TURN nonce expired (438), no good retry",
                d, fix, pairFrames(stale)));
    }

    private static void byCode(TurnAllocation a, List<Finding> out) {
        Map<String, List<TurnErrorResponse>> groups = new LinkedHashMap<>();
        for (TurnErrorResponse e : a.errors()) {
            if (isAuthFailure(e) || e.code() == 438) {
                continue;
            }
            groups.computeIfAbsent(idFor(e.code()), k -> new ArrayList<>()).add(e);
        }
        groups.forEach((id, list) -> {
            switch (id) {
                case "turn.connect-failed" -> out.add(connectFailed(a, list));
                case "turn.unsupported-transport" -> out.add(unsupportedTransport(a, list));
                default -> out.add(generic(id, who(a), list));
            }
        });
    }

    private static Finding unsupportedTransport(TurnAllocation a, List<TurnErrorResponse> list) {
        TurnErrorResponse e = list.get(0);
        boolean tcp = a.requestedTransport() == 6;
        String d = who(a) + ": " + e.method() + " for a " + a.requestedTransportName() + " relay (frame "
                + e.requestFrame() + ") answered 442 " + e.reason() + " (frame " + e.responseFrame() + "). "
                + (tcp ? "The server does not offer TCP relays (RFC 6062), which Skype presentation sharing needs."
                : "The server refused to relay UDP.");
        String fix = tcp
                ? "Expressway-E gives TCP relays from X8.9 on: upgrade an older Expressway-E and make sure TCP TURN"
                + " is enabled (Configuration > Traversal > TURN; on coturn remove no-tcp-relay)."
                : "Allow UDP relaying on the TURN server, or let the client ask for the transport the server offers.";
        return new Finding("turn.unsupported-transport", Severity.ERROR,
                tcp ? "TURN server does not offer TCP relays (442)" : "TURN server refused the UDP relay (442)",
                d, fix, pairFrames(list));
    }

    private static Finding connectFailed(TurnAllocation a, List<TurnErrorResponse> list) {
        StringBuilder d = new StringBuilder();
        List<Long> frames = new ArrayList<>(pairFrames(list));
        int n = 0;
        for (TurnErrorResponse e : list) {
            if (n++ == MAX_LISTED) {
                d.append(" (").append(list.size() - MAX_LISTED).append(" more)");
                break;
            }
            if (d.length() > 0) {
                d.append(' ');
            }
            String peer = e.peer() == null ? "a peer" : e.peer().toString();
            d.append("TURN client ").append(a.client()).append(" asked TURN server ").append(a.server())
                    .append(" to connect to ").append(peer);
            if (a.relayed() != null) {
                d.append(" from its relayed address ").append(a.relayed());
            }
            d.append(" (frame ").append(e.requestFrame()).append("); the TURN server answered 447 ")
                    .append(e.reason());
            if (e.elapsedNanos() >= 0) {
                d.append(" after ").append(Durations.text(e.elapsedNanos()));
                d.append(e.elapsedNanos() >= SLOW_CONNECT_NANOS
                        ? " — about the 30 s TCP connect timeout, so its SYNs to the peer went unanswered (dropped"
                        + " by a firewall)"
                        : " — fast, so the peer refused the connection (RST) or it was rejected on the way");
            }
            d.append(" (frame ").append(e.responseFrame()).append(").");
            TurnConnection.PeerLeg leg = legFor(a, e);
            if (leg != null && leg.synFrame() > 0) {
                frames.add(leg.synFrame());
                d.append(" The capture shows the relay's SYN (frame ").append(leg.synFrame()).append(')')
                        .append(leg.refused() ? " answered by RST." : leg.synAcked() ? " answered by SYN-ACK."
                                : " without an answer.");
            }
        }
        String fix = "Open TCP from the TURN server's relay range to the peer: for Expressway-E that is its relay"
                + " ports 24000–29999 towards the Skype Edge A/V relay ports 50000–59999 (the Edge's external"
                + " firewall usually allows these only outbound) or towards the peer address named here. Check that"
                + " the peer address is the Edge's public relay candidate. Otherwise rely on the passive path: allow"
                + " inbound TCP to 24000–29999 on Expressway-E so the Edge can connect (ConnectionAttempt).";
        return new Finding("turn.connect-failed", Severity.ERROR,
                "TURN server could not open TCP to the peer (447)", d.toString(), fix, frames);
    }

    private static TurnConnection.PeerLeg legFor(TurnAllocation a, TurnErrorResponse e) {
        for (TurnConnection c : a.connections()) {
            if (c.responseFrame() == e.responseFrame()) {
                return c.peerLeg();
            }
        }
        return null;
    }

    private static Finding generic(String id, String who, List<TurnErrorResponse> list) {
        StringBuilder d = new StringBuilder(who).append(": ");
        int n = 0;
        for (TurnErrorResponse e : list) {
            if (n++ == MAX_LISTED) {
                d.append("; ").append(list.size() - MAX_LISTED).append(" more");
                break;
            }
            if (n > 1) {
                d.append("; ");
            }
            d.append(e.method());
            if (e.peer() != null) {
                // CreatePermission addresses carry port 0: permissions are per IP
                d.append(" for peer ").append(e.peer().port() == 0 ? e.peer().host() : e.peer().toString());
            }
            d.append(" (frame ").append(e.requestFrame()).append(") answered ").append(e.code()).append(' ')
                    .append(e.reason()).append(" (frame ").append(e.responseFrame()).append(')');
            if (e.recovered()) {
                d.append(", a later one succeeded");
            }
        }
        d.append(". ").append(meaning(id, list.get(0).code()));
        return new Finding(id, severityFor(id), title(id, list.get(0)), d.toString(), fix(id, list.get(0).code()),
                pairFrames(list));
    }

    private static String title(String id, TurnErrorResponse e) {
        return switch (id) {
            case "turn.allocation-mismatch" -> "TURN server has no matching allocation (437)";
            case "turn.forbidden" -> "TURN server forbade the request (403)";
            case "turn.wrong-credentials" -> "TURN request used other credentials than the allocation (441)";
            case "turn.connection-exists" -> "TURN Connect for a peer that is already connected (446)";
            case "turn.capacity" -> e.code() == 486 ? "TURN allocation quota reached (486)"
                    : "TURN server out of relay capacity (508)";
            default -> "TURN " + e.method() + " failed: " + e.code() + " " + e.reason();
        };
    }

    private static String meaning(String id, int code) {
        return switch (id) {
            case "turn.allocation-mismatch" -> "The server has no allocation on this 5-tuple (it expired, or the TCP"
                    + " control connection was dropped and reopened), or the client asked for a second allocation on"
                    + " a 5-tuple that already has one.";
            case "turn.forbidden" -> "The server's policy refuses this request: the peer IP is not allowed, or the"
                    + " method is not allowed on this kind of allocation (coturn answers 403 to Connect on a UDP"
                    + " allocation and to ChannelBind on a TCP allocation).";
            case "turn.wrong-credentials" -> "The USERNAME differs from the one that created the allocation.";
            case "turn.connection-exists" -> "A Connect to this peer is already pending or active in the allocation"
                    + " (RFC 6062 §5.2).";
            case "turn.capacity" -> code == 486
                    ? "The TURN user has as many allocations as the server allows (often leaked allocations that"
                    + " were never deallocated)."
                    : "The server has no relay port left (Expressway-E relays use ports 24000–29999).";
            default -> "The TURN server's reason phrase says why.";
        };
    }

    private static String fix(String id, int code) {
        return switch (id) {
            case "turn.allocation-mismatch" -> "Refresh the allocation before its LIFETIME runs out and keep the TCP"
                    + " control connection open; after a 437 start again with a new Allocate from a new source port"
                    + " or connection.";
            case "turn.forbidden" -> "Check that the peer address is the Skype Edge's public relay address and that"
                    + " the TURN server's policy allows it (Expressway-E TURN settings; coturn allowed-peer-ip /"
                    + " denied-peer-ip); use Connect only on TCP allocations.";
            case "turn.wrong-credentials" -> "Use one TURN username for all requests of an allocation (one CMS"
                    + " /turnServers entry per Expressway-E node).";
            case "turn.connection-exists" -> "Usually a duplicate Connect and harmless; if it repeats, the client is"
                    + " not binding the CONNECTION-IDs it got — check its data connections.";
            case "turn.capacity" -> code == 486
                    ? "Deallocate unused allocations (Refresh LIFETIME 0) and raise the per-user quota on the TURN"
                    + " server."
                    : "Add relay capacity: a larger Expressway-E (Small/Medium ≈ 1800 relays, Large 6000) or another"
                    + " cluster peer; check for leaked allocations.";
            default -> "Look up the code in the TURN server's log for this request and correct what it names.";
        };
    }

    private static void unbound(TurnAllocation a, List<Finding> out) {
        List<TurnConnection> late = new ArrayList<>();
        for (TurnConnection c : a.connections()) {
            boolean lateBind = c.data() != null && c.data().bindDelayNanos() > AllocationState.BIND_TIMEOUT_NANOS;
            if (c.state() == TurnConnection.State.UNBOUND || lateBind) {
                late.add(c);
            }
        }
        if (late.isEmpty()) {
            return;
        }
        StringBuilder d = new StringBuilder(who(a)).append(": ");
        List<Long> frames = new ArrayList<>();
        int n = 0;
        for (TurnConnection c : late) {
            frames.add(c.responseFrame());
            if (n++ == MAX_LISTED) {
                d.append("; ").append(late.size() - MAX_LISTED).append(" more");
                continue;
            }
            if (n > 1) {
                d.append("; ");
            }
            d.append(c.kind() == TurnConnection.Kind.ACTIVE ? "Connect success" : "ConnectionAttempt")
                    .append(" for peer ").append(c.peer() == null ? "?" : c.peer().toString())
                    .append(" with CONNECTION-ID ").append(String.format("%08x", c.connectionId()))
                    .append(" (frame ").append(c.responseFrame()).append(')');
            if (c.data() != null && c.data().bindRequestFrame() > 0) {
                frames.add(c.data().bindRequestFrame());
                d.append(" was bound only after ").append(Durations.text(c.data().bindDelayNanos()))
                        .append(" (ConnectionBind frame ").append(c.data().bindRequestFrame()).append(')');
            } else {
                d.append(" got no ConnectionBind");
            }
        }
        d.append(". The server closes the peer's TCP connection when no ConnectionBind arrives within 30 s, so"
                + " nothing can flow between the client and the peer.");
        String fix = "The TURN client must open a new TCP connection to " + a.server() + " and send ConnectionBind"
                + " with the CONNECTION-ID within 30 s: check that the client (CMS) can open a second TCP"
                + " connection to the TURN server's port (firewall between CMS and Expressway-E TCP "
                + a.server().port() + ") and that it handles ConnectionAttempt indications.";
        out.add(new Finding("turn.unbound-connection", Severity.ERROR,
                "RFC 6062 connection never bound with ConnectionBind within 30 s", d.toString(), fix, frames));
    }

    private static void orphanBind(DataBind b, List<Finding> out) {
        String id = (b.errorCode == 401 || b.errorCode == 431) && b.integrity ? "turn.auth-failed" : idFor(b.errorCode);
        Severity severity = id.equals("turn.auth-failed") ? Severity.ERROR : severityFor(id);
        String cid = b.connectionId < 0 ? "?" : String.format("%08x", b.connectionId);
        String d = "ConnectionBind from " + b.client + " to " + b.server + " (TCP stream " + b.stream
                + ", CONNECTION-ID " + cid + ", frame " + b.requestFrame + ") answered " + b.errorCode + " "
                + b.errorReason + " (frame " + b.responseFrame + "); the capture does not show the allocation that"
                + " gave out this CONNECTION-ID.";
        String fix = b.errorCode == 400
                ? "The CONNECTION-ID is unknown or no longer pending: bind within 30 s of the Connect success /"
                + " ConnectionAttempt, on a new TCP connection to the same server address."
                : fix(id, b.errorCode);
        List<Long> frames = new ArrayList<>();
        if (b.requestFrame > 0) {
            frames.add(b.requestFrame);
        }
        frames.add(b.responseFrame);
        out.add(new Finding(id, severity, "ConnectionBind failed: " + b.errorCode + " " + b.errorReason, d, fix,
                frames));
    }

    private static List<Long> pairFrames(List<TurnErrorResponse> list) {
        List<Long> frames = new ArrayList<>();
        int n = 0;
        for (TurnErrorResponse e : list) {
            if (n++ == MAX_FRAME_PAIRS) {
                frames.add(list.get(list.size() - 1).responseFrame());
                break;
            }
            if (e.requestFrame() > 0) {
                frames.add(e.requestFrame());
            }
            frames.add(e.responseFrame());
        }
        return frames;
    }

    private static String codes(List<TurnErrorResponse> list) {
        return list.stream().map(e -> e.code() + " " + e.reason()).distinct()
                .reduce((x, y) -> x + " / " + y).orElse("");
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }
}
