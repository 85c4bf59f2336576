package org.turnladder.framing;

import org.turnladder.net.Endpoint;

/**
 * What one TCP connection turned out to be, for reports: its label, its ends, and for RFC 6062 data connections
 * what went through them.
 *
 * @param id              connection number (Wireshark's {@code tcp.stream})
 * @param client          the side that opened it (or the first sender when the handshake was not captured)
 * @param appBytesOut     application bytes (not STUN) from client to server
 * @param appBytesIn      application bytes from server to client
 * @param relayedStun     STUN messages decoded inside the relayed data (both directions)
 * @param bytesLost       bytes the capture missed, both directions
 * @param synCount        SYNs the client sent (retransmissions included); 0 when the capture missed the opening
 * @param synAcked        the server answered with SYN-ACK
 * @param refused         the server answered the SYN with RST
 * @param closed          the connection was closed (FIN both ways, or RST) before it ended in the capture; false
 *                        when the capture ended with it open or stopped showing it
 */
public record TcpFlowSummary(long id, Endpoint client, Endpoint server, String label, boolean handshakeSeen,
                             long firstFrame, long lastFrame, boolean bound, long boundFrame, long connectionId,
                             long appBytesOut, long appBytesIn, long relayedStun, long bytesLost,
                             int synCount, boolean synAcked, boolean refused, long lastSynFrame, boolean closed) {

    /** Without the closed flag (tests that do not care). */
    public TcpFlowSummary(long id, Endpoint client, Endpoint server, String label, boolean handshakeSeen,
                          long firstFrame, long lastFrame, boolean bound, long boundFrame, long connectionId,
                          long appBytesOut, long appBytesIn, long relayedStun, long bytesLost, int synCount,
                          boolean synAcked, boolean refused, long lastSynFrame) {
        this(id, client, server, label, handshakeSeen, firstFrame, lastFrame, bound, boundFrame, connectionId,
                appBytesOut, appBytesIn, relayedStun, bytesLost, synCount, synAcked, refused, lastSynFrame, false);
    }

    /** A connection attempt that never got through: SYN unanswered or refused. */
    public boolean failedHandshake() {
        return synCount > 0 && !synAcked;
    }

    static TcpFlowSummary of(TcpFlow f) {
        var c = f.connection();
        var a = f.first();
        var b = f.second();
        return new TcpFlowSummary(c.id(), c.firstDirection().src(), c.firstDirection().dst(), f.label(),
                c.handshakeSeen(), c.firstFrame(), c.lastFrame(), f.bound(), f.boundFrame(), f.connectionId(),
                a.appBytes(), b.appBytes(), a.relayedStun() + b.relayedStun(),
                c.firstDirection().bytesLost() + c.secondDirection().bytesLost(), c.synCount(), c.synAcked(),
                c.refused(), c.lastSynFrame(), c.closed());
    }
}
