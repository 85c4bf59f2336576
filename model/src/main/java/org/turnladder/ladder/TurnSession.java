package org.turnladder.ladder;

import java.util.List;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/**
 * One TURN allocation as seen on the wire: the client's control connection (TCP) or 5-tuple (UDP), the relayed
 * address the server gave, and the RFC 6062 data connections bound to it by CONNECTION-ID.
 *
 * @param id                 0-based, in order of the first Allocate
 * @param client             the client's address on the control connection
 * @param server             the TURN server's address
 * @param transport          transport of the control connection
 * @param controlConnection  TCP connection id of the control connection, -1 for UDP
 * @param relayed            XOR-RELAYED-ADDRESS of the Allocate success, {@code null} if none was seen
 * @param firstFrame         frame of the first Allocate request
 * @param connectionIds      CONNECTION-IDs from Connect successes and ConnectionAttempts, in order
 * @param dataConnections    TCP connection ids bound to this allocation by ConnectionBind
 */
public record TurnSession(int id, Endpoint client, Endpoint server, Transport transport, long controlConnection,
                          Endpoint relayed, long firstFrame, List<Long> connectionIds, List<Long> dataConnections) {
    public TurnSession {
        connectionIds = List.copyOf(connectionIds);
        dataConnections = List.copyOf(dataConnections);
    }

    /** "TURN TCP 127.0.0.3:46369 → 127.0.0.2:3478, relay 127.0.0.2:49160, 2 data connections". */
    public String describe() {
        StringBuilder sb = new StringBuilder("TURN ").append(transport).append(' ').append(client).append(" → ")
                .append(server);
        if (relayed != null) {
            sb.append(", relay ").append(relayed);
        }
        if (!dataConnections.isEmpty()) {
            sb.append(", ").append(dataConnections.size()).append(" data connection")
                    .append(dataConnections.size() > 1 ? "s" : "");
        }
        return sb.toString();
    }
}
