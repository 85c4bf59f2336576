package org.turnladder.analysis.turn;

import org.turnladder.net.Endpoint;

/** The ConnectionBind on one client data connection, and what the pipe carried afterwards. */
final class DataBind {
    final long stream;
    final Endpoint client;
    final Endpoint server;
    long connectionId = -1;
    String transactionId;
    boolean integrity;
    long requestFrame;
    long requestNanos;
    long responseFrame;
    long responseNanos;
    boolean bound;
    Integer errorCode;
    String errorReason;
    long relayedMessages;

    DataBind(long stream, Endpoint client, Endpoint server) {
        this.stream = stream;
        this.client = client;
        this.server = server;
    }
}
