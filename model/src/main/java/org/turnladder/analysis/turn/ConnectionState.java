package org.turnladder.analysis.turn;

import org.turnladder.net.Endpoint;

/** Mutable state of one RFC 6062 connection while the capture is read; see {@link TurnConnection}. */
final class ConnectionState {
    final TurnConnection.Kind kind;
    Endpoint peer;
    long connectionId = -1;
    long requestFrame;
    long requestNanos;
    long responseFrame;
    long responseNanos;
    long startNanos;
    Integer errorCode;
    String errorReason;

    ConnectionState(TurnConnection.Kind kind, Endpoint peer) {
        this.kind = kind;
        this.peer = peer;
    }

    boolean hasId() {
        return connectionId >= 0;
    }
}
