package org.turnladder.tcp;

import org.turnladder.net.Endpoint;

/**
 * Both directions of one TCP connection. {@code id} counts connections in the order the capture first shows them,
 * starting at 0, as Wireshark's {@code tcp.stream} does.
 */
public final class TcpConnection {
    private final long id;
    private final TcpDirection first;
    private final TcpDirection second;
    private final long firstFrame;
    private long lastFrame;
    private long lastNanos;
    private boolean reset;
    private boolean queuedForEviction;
    private int synCount;
    private boolean synAcked;
    private boolean refused;
    private long firstSynNanos;
    private long lastSynFrame;
    private Object attachment;

    TcpConnection(long id, Endpoint src, Endpoint dst, long firstFrame) {
        this.id = id;
        this.first = new TcpDirection(this, src, dst);
        this.second = new TcpDirection(this, dst, src);
        this.firstFrame = firstFrame;
        this.lastFrame = firstFrame;
    }

    public long id() {
        return id;
    }

    /** The direction whose source sent the first packet the capture shows (the client when the SYN was seen). */
    public TcpDirection firstDirection() {
        return first;
    }

    public TcpDirection secondDirection() {
        return second;
    }

    /** The direction from {@code src}. */
    public TcpDirection from(Endpoint src) {
        return first.src().equals(src) ? first : second;
    }

    TcpDirection reverse(TcpDirection d) {
        return d == first ? second : first;
    }

    /** Whether the capture saw the opening SYN, so the connection's initiator is known. */
    public boolean handshakeSeen() {
        return first.synSeen() || second.synSeen();
    }

    /** The side that opened the connection (sent the SYN without ACK), or the first sender when no SYN was seen. */
    public Endpoint initiator() {
        return first.src();
    }

    public long firstFrame() {
        return firstFrame;
    }

    public long lastFrame() {
        return lastFrame;
    }

    /** Capture time of the latest packet. */
    public long lastNanos() {
        return lastNanos;
    }

    void touch(long frame, long epochNanos) {
        lastFrame = frame;
        lastNanos = epochNanos;
    }

    /** SYNs (without ACK) the initiator sent: more than one means retransmissions. */
    public int synCount() {
        return synCount;
    }

    /** Whether the responder answered the SYN with SYN-ACK. */
    public boolean synAcked() {
        return synAcked;
    }

    /** Whether the responder answered the SYN with RST: nothing listens there, or a firewall rejects. */
    public boolean refused() {
        return refused;
    }

    /** Frame of the last SYN sent, 0 if none. */
    public long lastSynFrame() {
        return lastSynFrame;
    }

    /** Capture time of the first SYN, 0 if none. */
    public long firstSynNanos() {
        return firstSynNanos;
    }

    void syn(long frame, long nanos) {
        if (synCount++ == 0) {
            firstSynNanos = nanos;
        }
        lastSynFrame = frame;
    }

    void synAck() {
        synAcked = true;
    }

    void rstBeforeHandshake() {
        refused = true;
    }

    boolean queuedForEviction() {
        return queuedForEviction;
    }

    void queueForEviction() {
        queuedForEviction = true;
    }

    public boolean reset() {
        return reset;
    }

    void markReset() {
        reset = true;
    }

    public boolean closed() {
        return reset || (first.finSeen() && second.finSeen());
    }

    /** Per-connection state of whoever consumes the streams (the framing layer). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }
}
