package org.turnladder.framing;

import org.turnladder.tcp.TcpConnection;

/**
 * What the framing layer learned about one TCP connection: the label a person would give it and, for an RFC 6062
 * data connection, when it was bound and how much peer data went through it.
 */
public final class TcpFlow {
    private final TcpConnection connection;
    private final TcpStreamDecoder first;
    private final TcpStreamDecoder second;
    private String label = "";
    private long boundFrame;
    private long connectionId = -1;

    TcpFlow(TcpConnection connection, TcpStreamDecoder first, TcpStreamDecoder second) {
        this.connection = connection;
        this.first = first;
        this.second = second;
    }

    public TcpConnection connection() {
        return connection;
    }

    /** Decoder of the direction from the connection's first sender. */
    public TcpStreamDecoder first() {
        return first;
    }

    public TcpStreamDecoder second() {
        return second;
    }

    TcpStreamDecoder other(TcpStreamDecoder d) {
        return d == first ? second : first;
    }

    /** "STUN/TURN", "RFC 4571", "MS-TURN", "MS-TURN (pseudo-TLS)", "SIP", "TLS", "RFC 6062 data", or "". */
    public String label() {
        return label;
    }

    void label(String text) {
        if (label.isEmpty() || text.startsWith("RFC 6062")) {
            label = text;
        }
    }

    /** True once a ConnectionBind on this connection succeeded: from then on it is a pipe to the peer. */
    public boolean bound() {
        return boundFrame > 0;
    }

    /** Frame of the ConnectionBind success response, 0 if none. */
    public long boundFrame() {
        return boundFrame;
    }

    /** CONNECTION-ID this connection was bound with, -1 if none. */
    public long connectionId() {
        return connectionId;
    }

    void bind(long frame, long cid) {
        boundFrame = frame;
        if (cid >= 0) {
            connectionId = cid;
        }
    }

    void requestedBind(long cid) {
        connectionId = cid;
    }
}
