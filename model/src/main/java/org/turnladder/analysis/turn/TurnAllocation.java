package org.turnladder.analysis.turn;

import java.util.List;
import java.util.Locale;
import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.Dialect;

/**
 * One TURN allocation as the capture shows it: on a TCP control connection, or on a UDP 5-tuple.
 *
 * @param client             the TURN client's transport address
 * @param server             the TURN server's transport address
 * @param transport          transport to the server
 * @param controlConnection  TCP stream id of the control connection, -1 for UDP
 * @param dialect            {@link Dialect#MS_TURN} when any message was MS-TURN, else {@link Dialect#RFC5389}
 * @param requestedTransport REQUESTED-TRANSPORT (17 UDP, 6 TCP), -1 if none was seen
 * @param outcome            how the Allocate ended
 * @param allocateRequestFrame first Allocate request, 0 if the capture started after it
 * @param responseFrame      the Allocate success, or the final Allocate error, 0 if none
 * @param errorCode          code of the final Allocate error, {@code null} unless outcome is ERROR
 * @param challengeFrames    the 401 challenges to requests without MESSAGE-INTEGRITY (normal, one is expected)
 * @param authenticatedRequestFrame first request that carried MESSAGE-INTEGRITY, 0 if none
 * @param username           USERNAME of the authenticated requests, {@code null} if none
 * @param realm              REALM of the authenticated requests, {@code null} if none
 * @param relayed            the relayed transport address, {@code null} until granted
 * @param mapped             the server-reflexive address the server saw, {@code null} if not given
 * @param lifetime           the latest granted LIFETIME in seconds, -1 if none
 * @param refreshes          Refresh transactions in order (capped)
 * @param permissions        per peer IP
 * @param channels           per channel number
 * @param connections        RFC 6062 connections
 * @param errors             error responses (capped), oldest first
 * @param end                how the allocation ended as of the snapshot
 * @param endFrame           frame of the deallocation success or the control connection's last frame, else 0
 * @param firstFrame         first message of the allocation
 * @param lastFrame          latest message of the allocation
 */
public record TurnAllocation(Endpoint client, Endpoint server, Transport transport, long controlConnection,
                             Dialect dialect, int requestedTransport, Outcome outcome, long allocateRequestFrame,
                             long responseFrame, Integer errorCode, String errorReason, List<Long> challengeFrames,
                             long authenticatedRequestFrame, String username, String realm, Endpoint relayed,
                             Endpoint mapped, long lifetime, List<TurnRefresh> refreshes,
                             List<TurnPermission> permissions, List<TurnChannelBinding> channels,
                             List<TurnConnection> connections, List<TurnErrorResponse> errors, End end,
                             long endFrame, long firstFrame, long lastFrame) {

    public TurnAllocation {
        challengeFrames = List.copyOf(challengeFrames);
        refreshes = List.copyOf(refreshes);
        permissions = List.copyOf(permissions);
        channels = List.copyOf(channels);
        connections = List.copyOf(connections);
        errors = List.copyOf(errors);
    }

    public enum Outcome {
        /** an Allocate success was seen */
        SUCCESS,
        /** the Allocate got a final error (not a 401 challenge) and no success */
        ERROR,
        /** Allocate sent, no final answer yet (perhaps only the 401 challenge) */
        PENDING,
        /** the capture started after the Allocate: only later requests of the allocation were seen */
        NOT_SEEN
    }

    public enum End {
        /** Refresh with LIFETIME 0 succeeded */
        DEALLOCATED,
        /** the TCP control connection ended (closed, or the capture stopped following it) */
        CONTROL_CLOSED,
        /** the granted LIFETIME ran out in capture time without a Refresh */
        EXPIRED,
        /** still allocated when the snapshot was taken */
        OPEN,
        /** never allocated */
        FAILED
    }

    /** "TCP", "UDP" or "?" for the REQUESTED-TRANSPORT. */
    public String requestedTransportName() {
        return switch (requestedTransport) {
            case 6 -> "TCP";
            case 17 -> "UDP";
            case -1 -> "?";
            default -> Integer.toString(requestedTransport);
        };
    }

    /** Control connection and 5-tuple, the way a person names it: "TCP 127.0.0.3:46369 → 127.0.0.2:3478". */
    public String describe() {
        return transport + " " + client + " → " + server;
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("client", client.toString())
                .field("server", server.toString())
                .field("transport", transport.name())
                .field("controlConnection", controlConnection)
                .field("dialect", dialect.json())
                .field("requestedTransport", requestedTransportName())
                .field("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .field("allocateRequestFrame", allocateRequestFrame)
                .field("responseFrame", responseFrame)
                .field("errorCode", errorCode)
                .field("errorReason", errorReason);
        w.name("challengeFrames").beginArray();
        challengeFrames.forEach(w::value);
        w.endArray();
        w.field("authenticatedRequestFrame", authenticatedRequestFrame)
                .field("username", username)
                .field("realm", realm)
                .field("relayed", relayed == null ? null : relayed.toString())
                .field("mapped", mapped == null ? null : mapped.toString())
                .field("lifetime", lifetime);
        w.name("refreshes").beginArray();
        refreshes.forEach(r -> r.writeJson(w));
        w.endArray();
        w.name("permissions").beginArray();
        permissions.forEach(p -> p.writeJson(w));
        w.endArray();
        w.name("channels").beginArray();
        channels.forEach(c -> c.writeJson(w));
        w.endArray();
        w.name("connections").beginArray();
        connections.forEach(c -> c.writeJson(w));
        w.endArray();
        w.name("errors").beginArray();
        errors.forEach(e -> e.writeJson(w));
        w.endArray();
        w.field("end", end.name().toLowerCase(Locale.ROOT))
                .field("endFrame", endFrame)
                .field("firstFrame", firstFrame)
                .field("lastFrame", lastFrame)
                .endObject();
    }
}
