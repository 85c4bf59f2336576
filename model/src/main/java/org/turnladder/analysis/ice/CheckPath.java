package org.turnladder.analysis.ice;

import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.Framing;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/**
 * What a check travels on: a carrying connection (checks inside relayed TCP), an unordered 5-tuple, or an unordered
 * TURN client ⇄ peer pair inside a TURN relay's Send/Data indications and ChannelData (kept apart from a direct
 * 5-tuple between the same addresses). Requests and responses are matched by transaction id within one path, so the
 * same check relayed onto another leg (RFC 6062: client data connection and relay ⇄ peer connection; UDP TURN: each
 * client's Send/Data leg and the relay ⇄ relay datagrams) is tracked on each leg separately.
 *
 * @param carrier TCP connection id of the carrier (for a TURN relay: of the client ⇄ server connection), -1 for a
 *                plain 5-tuple or a TURN relay over UDP
 * @param low     the lower endpoint of the 5-tuple ({@code null} for a carrying connection)
 * @param high    the higher endpoint ({@code null} for a carrying connection)
 */
record CheckPath(Transport transport, IceCarrier.Kind kind, long carrier, Endpoint low, Endpoint high) {

    /**
     * @param insideTurn whether {@code m} was decoded from inside a TURN Send/Data indication or ChannelData (its
     *                   addresses are then the TURN client's and the peer's)
     */
    static CheckPath of(DecodedMessage m, boolean insideTurn) {
        boolean srcLow = m.src().compareTo(m.dst()) <= 0;
        if (insideTurn) {
            return new CheckPath(m.transport(), IceCarrier.Kind.TURN_RELAY, m.connection(),
                    srcLow ? m.src() : m.dst(), srcLow ? m.dst() : m.src());
        }
        IceCarrier.Kind kind = carrierKind(m);
        if (kind != null) {
            return new CheckPath(m.transport(), kind, m.connection(), null, null);
        }
        return new CheckPath(m.transport(), null, -1, srcLow ? m.src() : m.dst(), srcLow ? m.dst() : m.src());
    }

    /** Checks inside relayed TCP: after ConnectionBind on an RFC 6062 data connection, or in MS-TURN frames. */
    private static IceCarrier.Kind carrierKind(DecodedMessage m) {
        if (m.connection() < 0) {
            return null;
        }
        if (m.framing() == Framing.RELAYED) {
            return IceCarrier.Kind.RFC6062_DATA;
        }
        return m.framing() == Framing.MS_TURN ? IceCarrier.Kind.MS_TURN : null;
    }

    boolean carried() {
        return kind != null;
    }
}
