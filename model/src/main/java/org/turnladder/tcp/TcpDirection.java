package org.turnladder.tcp;

import java.util.Map;
import java.util.TreeMap;
import org.turnladder.net.Endpoint;

/**
 * One direction of a TCP connection: puts segments back in sequence order and hands in-order bytes to its
 * {@link StreamConsumer}. Survives retransmissions, overlaps, reordering, segments lost before the capture saw them
 * (reported as a gap so the consumer resynchronises) and captures that start mid-connection.
 */
public final class TcpDirection {
    /** Out-of-order bytes held while waiting for a hole to fill; past this the hole is declared lost. */
    static final int MAX_PENDING_BYTES = 512 * 1024;
    static final int MAX_PENDING_SEGMENTS = 256;

    private record Pending(long frame, long epochNanos, byte[] bytes, int frameOffset) {
    }

    private final TcpConnection connection;
    private final Endpoint src;
    private final Endpoint dst;
    private StreamBuffer buffer;
    private StreamConsumer consumer;
    private boolean started;
    private boolean synSeen;
    private boolean finSeen;
    /** Absolute (unwrapped) sequence number of the next byte expected. */
    private long next;
    /** Highest ack the other direction sent for this one, absolute; -1 when none yet. */
    private long peerAck = -1;
    /** Segments waiting behind a hole; created when the first one comes. */
    private TreeMap<Long, Pending> pending;
    private boolean tracked;
    private int pendingBytes;
    /** Set when the capture starts mid-connection: the consumer hears of it before the first bytes. */
    private boolean startedMidStream;
    private boolean ignored;
    private long bytesSeen;
    private long bytesLost;

    TcpDirection(TcpConnection connection, Endpoint src, Endpoint dst) {
        this.connection = connection;
        this.src = src;
        this.dst = dst;
    }

    public TcpConnection connection() {
        return connection;
    }

    public Endpoint src() {
        return src;
    }

    public Endpoint dst() {
        return dst;
    }

    public StreamBuffer buffer() {
        if (buffer == null) {
            buffer = new StreamBuffer();
        }
        return buffer;
    }

    /** Whether the reassembler lists this direction among those holding bytes. */
    boolean tracked() {
        return tracked;
    }

    void tracked(boolean t) {
        tracked = t;
    }

    private boolean hasPending() {
        return pending != null && !pending.isEmpty();
    }

    /** The other direction of the same connection. */
    public TcpDirection reverse() {
        return connection.reverse(this);
    }

    /** Stop buffering: this direction carries nothing worth decoding. Sequence tracking goes on cheaply. */
    public void ignore() {
        ignored = true;
        if (buffer != null) {
            buffer.clear();
        }
        pending = null;
        pendingBytes = 0;
    }

    public boolean ignored() {
        return ignored;
    }

    /**
     * The earliest frame whose bytes this direction still holds (an incomplete message, or segments waiting behind a
     * hole), or {@code Long.MAX_VALUE} when it holds nothing. Messages from later frames of other connections may be
     * ready before this one's are.
     */
    public long heldFrame() {
        long f = buffer != null && buffer.available() > 0 ? buffer.frameAt(0)[0] : Long.MAX_VALUE;
        if (hasPending()) {
            for (Pending p : pending.values()) {
                f = Math.min(f, p.frame);
            }
        }
        return f;
    }

    public boolean holding() {
        return (buffer != null && buffer.available() > 0) || hasPending();
    }

    public boolean synSeen() {
        return synSeen;
    }

    public boolean finSeen() {
        return finSeen;
    }

    /** Payload bytes that arrived in order (retransmitted copies counted once). */
    public long bytesSeen() {
        return bytesSeen;
    }

    /** Bytes the capture never saw (holes skipped). */
    public long bytesLost() {
        return bytesLost;
    }

    public void setConsumer(StreamConsumer consumer) {
        this.consumer = consumer;
    }

    private long unwrap(long seq32) {
        return next + (int) (seq32 - next);
    }

    void syn(long seq32) {
        synSeen = true;
        next = (seq32 + 1) & 0xFFFFFFFFL;
        started = true;
    }

    void fin() {
        finSeen = true;
    }

    /** The other direction acknowledged up to {@code ack32}; a hole below it will never be filled. */
    void acked(long ack32) {
        if (!started) {
            return;
        }
        long a = unwrap(ack32);
        if (a > peerAck) {
            peerAck = a;
        }
        if (hasPending() && peerAck >= pending.firstKey()) {
            skipToFirstPending();
            drain();
        }
    }

    void segment(long frame, long epochNanos, long seq32, byte[] bytes, int off, int len, int frameOffset) {
        if (len == 0) {
            return;
        }
        if (!started) {
            // Capture began mid-connection: take the first byte seen as the start, and say so.
            next = seq32;
            started = true;
            startedMidStream = true;
        }
        long abs = unwrap(seq32);
        long endAbs = abs + len;
        if (endAbs <= next) {
            return; // a retransmission of bytes already delivered
        }
        if (abs < next) {
            int trim = (int) (next - abs);
            off += trim;
            frameOffset += trim;
            len -= trim;
            abs = next;
        }
        if (abs > next) {
            if (peerAck >= abs) {
                // The receiver already acknowledged the hole: those bytes were lost by the capture, not the network.
                holdPending(frame, epochNanos, abs, bytes, off, len, frameOffset);
                skipToFirstPending();
                drain();
                return;
            }
            holdPending(frame, epochNanos, abs, bytes, off, len, frameOffset);
            if (hasPending() && (pendingBytes > MAX_PENDING_BYTES || pending.size() > MAX_PENDING_SEGMENTS)) {
                skipToFirstPending();
                drain();
            }
            return;
        }
        deliver(frame, epochNanos, bytes, off, len, frameOffset);
        drain();
    }

    /** End of capture or connection: whatever waits behind a hole is delivered after declaring the hole lost. */
    void flush() {
        while (hasPending()) {
            skipToFirstPending();
            drain();
        }
    }

    private void holdPending(long frame, long epochNanos, long abs, byte[] bytes, int off, int len, int frameOffset) {
        if (ignored) {
            return;
        }
        if (pending == null) {
            pending = new TreeMap<>();
        }
        Pending old = pending.get(abs);
        if (old != null && old.bytes.length >= len) {
            return;
        }
        byte[] copy = new byte[len];
        System.arraycopy(bytes, off, copy, 0, len);
        if (old != null) {
            pendingBytes -= old.bytes.length;
        }
        pending.put(abs, new Pending(frame, epochNanos, copy, frameOffset));
        pendingBytes += len;
    }

    private void skipToFirstPending() {
        if (!hasPending()) {
            return;
        }
        long first = pending.firstKey();
        if (first > next) {
            long lost = first - next;
            bytesLost += lost;
            next = first;
            if (!ignored && consumer != null) {
                consumer.onGap(this, lost);
            }
            buffer().skip(lost);
        }
    }

    private void drain() {
        while (hasPending()) {
            Map.Entry<Long, Pending> e = pending.firstEntry();
            long abs = e.getKey();
            if (abs > next) {
                return;
            }
            pending.remove(abs);
            Pending p = e.getValue();
            pendingBytes -= p.bytes.length;
            long endAbs = abs + p.bytes.length;
            if (endAbs <= next) {
                continue;
            }
            int trim = (int) (next - abs);
            deliver(p.frame, p.epochNanos, p.bytes, trim, p.bytes.length - trim, p.frameOffset + trim);
        }
    }

    private void deliver(long frame, long epochNanos, byte[] bytes, int off, int len, int frameOffset) {
        next += len;
        bytesSeen += len;
        if (ignored) {
            return;
        }
        if (startedMidStream) {
            startedMidStream = false;
            if (consumer != null) {
                consumer.onGap(this, -1);
            }
        }
        buffer().append(frame, epochNanos, bytes, off, len, frameOffset);
        if (consumer != null) {
            consumer.onData(this);
        }
    }
}
