package org.turnladder.framing;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.MessageSink;
import org.turnladder.decode.Payload;
import org.turnladder.net.Transport;
import org.turnladder.sip.SipDecoder;
import org.turnladder.sip.SipFraming;
import org.turnladder.stun.ChannelDataDecoder;
import org.turnladder.stun.StunClass;
import org.turnladder.stun.StunDecoder;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunProbe;
import org.turnladder.tcp.StreamBuffer;
import org.turnladder.tcp.StreamConsumer;
import org.turnladder.tcp.TcpDirection;

/**
 * Cuts one TCP direction into messages, whatever the port: detects the framing from content, follows an RFC 6062
 * data connection past its ConnectionBind, and resynchronises at the next recognisable message after lost bytes.
 */
public final class TcpStreamDecoder implements StreamConsumer {
    /** Bytes looked at without recognising anything before a direction is given up as opaque. */
    static final int UNKNOWN_BUDGET = 64 * 1024;
    /** A message larger than this is not waited for: the stream is treated as lost sync. */
    static final int MAX_MESSAGE = 256 * 1024;
    private static final int CONNECTION_BIND = 0x00B;

    private final TcpDirection direction;
    private final MessageSink sink;
    private final TurnServers turnServers;
    private TcpFlow flow;
    private StreamMode mode = StreamMode.UNKNOWN;
    private boolean resyncing;
    private long examined;
    private String pendingWarning;
    private long appBytes;
    private long appFrames;
    private long relayedStun;
    private long firstAppFrame;

    TcpStreamDecoder(TcpDirection direction, MessageSink sink, TurnServers turnServers) {
        this.direction = direction;
        this.sink = sink;
        this.turnServers = turnServers;
    }

    void flow(TcpFlow flow) {
        this.flow = flow;
    }

    public TcpDirection direction() {
        return direction;
    }

    public StreamMode mode() {
        return mode;
    }

    /**
     * Application bytes (not STUN) in this direction of an RFC 4571, MS-TURN data or RFC 6062 relayed stream,
     * framing headers included: what flows once ICE has succeeded.
     */
    public long appBytes() {
        return mode == StreamMode.RELAYED_OPAQUE ? appBytes + direction.bytesSeen() : appBytes;
    }

    /** Frames of application data (not STUN) in this direction. */
    public long appFrames() {
        return appFrames;
    }

    /** STUN messages decoded inside the relayed data in this direction. */
    public long relayedStun() {
        return relayedStun;
    }

    /** Frame where application data started in this direction, 0 if none. */
    public long firstAppFrame() {
        return firstAppFrame;
    }

    @Override
    public void onGap(TcpDirection d, long lost) {
        if (d.buffer().available() > 0 && mode != StreamMode.UNKNOWN) {
            pendingWarning = "bytes before this were lost: " + (lost < 0 ? "capture started mid-connection"
                    : lost + " bytes missing from the capture") + "; " + d.buffer().available()
                    + " bytes of an incomplete message were dropped";
        } else {
            pendingWarning = lost < 0 ? "capture started mid-connection"
                    : lost + " bytes before this message are missing from the capture";
        }
        if (mode == StreamMode.RELAYED_OPAQUE || mode == StreamMode.TLS || mode == StreamMode.OPAQUE) {
            return;
        }
        resyncing = true;
    }

    @Override
    public void onData(TcpDirection d) {
        StreamBuffer buf = d.buffer();
        while (buf.available() > 0) {
            int before = buf.available();
            StreamMode modeBefore = mode;
            boolean resyncBefore = resyncing;
            step(buf);
            if (buf.available() == before && mode == modeBefore && resyncing == resyncBefore) {
                return; // needs more bytes
            }
            if (direction.ignored()) {
                return;
            }
        }
    }

    private void step(StreamBuffer buf) {
        if (resyncing) {
            resync(buf);
            return;
        }
        switch (mode) {
            case UNKNOWN -> classify(buf);
            case STUN_STREAM -> stunStream(buf, Framing.STREAM);
            case RFC4571 -> rfc4571(buf, Framing.RFC4571);
            case RELAYED -> rfc4571(buf, Framing.RELAYED);
            case MS_TURN -> msTurn(buf);
            case SIP -> sip(buf);
            case BIND_PENDING -> bindPending(buf);
            case TLS, OPAQUE, RELAYED_OPAQUE -> direction.ignore();
        }
    }

    private void classify(StreamBuffer buf) {
        byte[] b = buf.array();
        StreamClassifier.Verdict v = StreamClassifier.classify(b, buf.start(), buf.available());
        if (v.mode() == StreamMode.UNKNOWN) {
            return; // wait for more
        }
        if (v.mode() == StreamMode.OPAQUE) {
            // The first bytes say nothing; a capture that started mid-connection may still find a message later.
            if (!direction.synSeen()) {
                examined += buf.available();
                resyncing = examined < UNKNOWN_BUDGET;
                if (resyncing) {
                    return;
                }
            }
            giveUp(StreamMode.OPAQUE);
            return;
        }
        switch (v.mode()) {
            case TLS -> flow.label("TLS");
            case MS_TURN -> flow.label(v.skip() > 0 ? "MS-TURN (pseudo-TLS)" : "MS-TURN");
            case STUN_STREAM -> flow.label("STUN/TURN");
            case RFC4571 -> flow.label("RFC 4571");
            case SIP -> flow.label("SIP");
            default -> {
            }
        }
        mode = v.mode();
        if (v.skip() > 0) {
            buf.consume(v.skip());
        }
        if (mode == StreamMode.TLS) {
            giveUp(StreamMode.TLS);
        }
    }

    private void giveUp(StreamMode m) {
        mode = m;
        resyncing = false;
        direction.ignore();
    }

    private void resync(StreamBuffer buf) {
        byte[] b = buf.array();
        int at = StreamClassifier.resync(mode == StreamMode.BIND_PENDING ? StreamMode.UNKNOWN : mode, b, buf.start(),
                buf.available());
        if (at < 0) {
            // Keep a tail that may hold the start of the next message; drop the rest.
            int keep = Math.min(buf.available(), 64);
            int drop = buf.available() - keep;
            examined += drop;
            buf.consume(drop);
            if (mode == StreamMode.UNKNOWN && examined >= UNKNOWN_BUDGET) {
                giveUp(StreamMode.OPAQUE);
            }
            if (drop == 0 && buf.available() >= 64) {
                buf.consume(1);
            }
            return;
        }
        int skipped = at - buf.start();
        if (skipped > 0) {
            buf.consume(skipped);
            appendWarning(skipped + " bytes skipped to find the next message");
        }
        resyncing = false;
        if (mode == StreamMode.UNKNOWN) {
            classify(buf);
            if (mode == StreamMode.UNKNOWN) {
                resyncing = true; // a message was in view, but classify wants more bytes; look again next time
            }
        }
    }

    private void stunStream(StreamBuffer buf, Framing framing) {
        byte[] b = buf.array();
        int off = buf.start();
        int avail = buf.available();
        if ((b[off] & 0xC0) == 0x40) {
            int n = ChannelDataDecoder.messageLength(b, off, avail, true);
            if (n == 0 || n > avail) {
                return; // more bytes needed (at most 64 KiB: the length field is 16 bits)
            }
            if (n < 0) {
                lostSync(buf);
                return;
            }
            emit(buf, 0, n, framing, ChannelDataDecoder.decode(b, off, n, true));
            return;
        }
        int n = StunProbe.messageLength(b, off, avail);
        if (n == 0 || (n > 0 && n > avail)) {
            if (n > MAX_MESSAGE) {
                lostSync(buf);
            }
            return;
        }
        if (n < 0) {
            lostSync(buf);
            return;
        }
        StunMessage m = StunDecoder.decode(b, off, n);
        long frame = emit(buf, 0, n, framing, m);
        afterStun(m, frame);
    }

    /** RFC 6062: ConnectionBind turns this connection into a pipe to the peer once it succeeds. */
    private void afterStun(StunMessage m, long frame) {
        turnServers.learn(m, direction.src(), direction.dst());
        if (m.method() != CONNECTION_BIND) {
            return;
        }
        TcpStreamDecoder other = flow.other(this);
        if (m.messageClass() == StunClass.REQUEST) {
            mode = StreamMode.BIND_PENDING;
            flow.requestedBind(m.connectionId().orElse(-1));
        } else if (m.messageClass() == StunClass.SUCCESS) {
            flow.bind(frame, m.connectionId().orElse(-1));
            flow.label("RFC 6062 data");
            mode = StreamMode.RELAYED;
            if (other.mode == StreamMode.BIND_PENDING || other.mode == StreamMode.UNKNOWN) {
                other.mode = StreamMode.RELAYED;
                other.onData(other.direction);
            }
        } else if (m.messageClass() == StunClass.ERROR && other.mode == StreamMode.BIND_PENDING) {
            other.mode = StreamMode.STUN_STREAM;
            other.onData(other.direction);
        }
    }

    private void bindPending(StreamBuffer buf) {
        if (flow.bound()) {
            mode = StreamMode.RELAYED;
            return;
        }
        byte[] b = buf.array();
        int n = StunProbe.messageLength(b, buf.start(), buf.available());
        if (n == 0) {
            return;
        }
        if (n > 0) {
            stunStream(buf, Framing.STREAM); // a retry after 401/438
        } else {
            // Data before the success was seen: the client saw it even if the capture did not.
            mode = StreamMode.RELAYED;
        }
    }

    private void rfc4571(StreamBuffer buf, Framing framing) {
        byte[] b = buf.array();
        int off = buf.start();
        int avail = buf.available();
        if (avail < 2) {
            return;
        }
        int n = ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
        if (framing == Framing.RELAYED && relayedStun == 0 && appFrames == 0 && !looksFramed(b, off, avail)) {
            if (avail < 4) {
                return;
            }
            // The peer does not speak RFC 4571: count what flows, decode nothing.
            firstAppFrame = buf.frameAt(0)[0];
            appBytes -= direction.bytesSeen() - avail;
            mode = StreamMode.RELAYED_OPAQUE;
            direction.ignore();
            return;
        }
        if (avail < 2 + n) {
            return;
        }
        if (n >= 20 && StunProbe.isStun(b, off + 2, n)) {
            StunMessage m = StunDecoder.decode(b, off + 2, n);
            emit(buf, 2, n, framing, m);
            if (framing == Framing.RELAYED) {
                relayedStun++;
            }
            turnServers.learn(m, direction.src(), direction.dst());
            return;
        }
        if (firstAppFrame == 0) {
            firstAppFrame = buf.frameAt(0)[0];
        }
        appBytes += 2 + n;
        appFrames++;
        buf.consume(2 + n);
    }

    private static boolean looksFramed(byte[] b, int off, int avail) {
        if (avail < 4) {
            return true; // undecided: wait
        }
        int n = ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
        int c = b[off + 2] & 0xC0;
        return (c == 0x00 && n >= 20 && StreamClassifier.rfc4571Stun(b, off, avail) != -1) || (c == 0x80 && n >= 12);
    }

    private void msTurn(StreamBuffer buf) {
        byte[] b = buf.array();
        int off = buf.start();
        int avail = buf.available();
        if (avail >= 11 && (PseudoTls.isClientHello(b, off, avail) || PseudoTls.isServerHello(b, off, avail))) {
            int len = 5 + (((b[off + 3] & 0xff) << 8) | (b[off + 4] & 0xff));
            if (avail >= len) {
                buf.consume(len);
                flow.label("MS-TURN (pseudo-TLS)");
            }
            return;
        }
        if (avail < 4) {
            return;
        }
        int type = b[off] & 0xff;
        int n = ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        if ((type != 0x02 && type != 0x03) || b[off + 1] != 0) {
            lostSync(buf);
            return;
        }
        if (avail < 4 + n) {
            return;
        }
        if (type == 0x02) {
            if (StunProbe.isStun(b, off + 4, n)) {
                StunMessage m = StunDecoder.decode(b, off + 4, n);
                emit(buf, 4, n, Framing.MS_TURN, m);
                turnServers.learn(m, direction.src(), direction.dst());
            } else {
                appendWarning("MS-TURN control frame does not hold a STUN message");
                buf.consume(4 + n);
            }
            return;
        }
        // 0x03: end-to-end data. It may hold an RFC 4571 frame or a bare STUN message (ICE checks to the peer).
        if (n >= 22 && StreamClassifier.rfc4571Stun(b, off + 4, n) == n && StunProbe.isStun(b, off + 6, n - 2)) {
            emit(buf, 6, n - 2, Framing.MS_TURN, StunDecoder.decode(b, off + 6, n - 2), 4 + n);
            return;
        }
        if (n >= 20 && StunProbe.isStun(b, off + 4, n)) {
            emit(buf, 4, n, Framing.MS_TURN, StunDecoder.decode(b, off + 4, n), 4 + n);
            return;
        }
        appBytes += n;
        appFrames++;
        buf.consume(4 + n);
    }

    private void sip(StreamBuffer buf) {
        byte[] b = buf.array();
        int off = buf.start();
        int avail = buf.available();
        int ka = SipFraming.keepAliveLength(b, off, avail);
        if (ka > 0) {
            buf.consume(ka);
            return;
        }
        int n = SipFraming.messageLength(b, off, avail);
        if (n == 0) {
            if (avail > MAX_MESSAGE) {
                lostSync(buf);
            }
            return;
        }
        if (n < 0) {
            lostSync(buf);
            return;
        }
        emit(buf, 0, n, Framing.STREAM, SipDecoder.decode(b, off, n));
    }

    private void lostSync(StreamBuffer buf) {
        appendWarning("unrecognised bytes in a " + flow.label() + " stream");
        resyncing = true;
        buf.consume(1);
    }

    private void appendWarning(String w) {
        pendingWarning = pendingWarning == null ? w : pendingWarning + "; " + w;
    }

    private long emit(StreamBuffer buf, int at, int length, Framing framing, Payload payload) {
        return emit(buf, at, length, framing, payload, at + length);
    }

    /**
     * Reports the message at {@code at..at+length} after the buffer start, then consumes {@code consumed} bytes.
     * Returns the frame that completed it.
     */
    private long emit(StreamBuffer buf, int at, int length, Framing framing, Payload payload, int consumed) {
        long[] last = buf.frameAt(at + length - 1);
        List<String> warnings = List.of();
        if (pendingWarning != null) {
            warnings = new ArrayList<>(1);
            warnings.add(pendingWarning);
            pendingWarning = null;
        }
        DecodedMessage m = new DecodedMessage(last[0], last[1], direction.src(), direction.dst(), Transport.TCP,
                framing, buf.spans(at, length), direction.connection().id(), payload, warnings);
        // a STUN check inside a Send/Data indication or ChannelData follows its carrier
        turnServers.relayed().emit(sink, buf.array(), buf.start() + at, m, true);
        buf.consume(consumed);
        return last[0];
    }
}
