package org.turnladder.analysis.turn;

import java.util.ArrayList;
import java.util.List;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.Payload;
import org.turnladder.framing.Framing;
import org.turnladder.framing.TestStun;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.StunDecoder;

/**
 * A synthetic exchange for failures no capture holds yet: STUN bytes written with {@link TestStun} and decoded by
 * the real {@link StunDecoder}, wrapped as the decoding engine would deliver them. Frames count up from 1; time
 * is set in seconds from the start.
 */
final class TurnScript {
    static final Endpoint CMS = Endpoint.parse("10.1.1.20:40000");
    static final Endpoint CMS_DATA = Endpoint.parse("10.1.1.20:40001");
    static final Endpoint EXPRESSWAY = Endpoint.parse("192.0.2.50:3478");
    static final Endpoint RELAY = Endpoint.parse("192.0.2.50:24012");
    static final Endpoint EDGE = Endpoint.parse("203.0.113.10:52044");
    static final long START = 1_764_000_000_000_000_000L;

    static final int ALLOCATE = 0x0003, REFRESH = 0x0004, CREATE_PERMISSION = 0x0008, CHANNEL_BIND = 0x0009,
            CONNECT = 0x000A, CONNECTION_BIND = 0x000B;
    static final int SUCCESS = 0x0100, ERROR = 0x0110;
    static final int CONNECTION_ATTEMPT_INDICATION = 0x001C;
    static final int XOR_PEER = 0x0012, XOR_RELAYED = 0x0016, XOR_MAPPED = 0x0020, LIFETIME = 0x000D,
            REQUESTED_TRANSPORT = 0x0019, REALM = 0x0014, NONCE = 0x0015, CHANNEL_NUMBER = 0x000C;

    final List<DecodedMessage> messages = new ArrayList<>();
    private long frame;
    private long nanos = START;

    /** Capture time of the next messages, seconds after {@link #START}. */
    TurnScript at(double seconds) {
        nanos = START + (long) (seconds * 1e9);
        return this;
    }

    long nanos() {
        return nanos;
    }

    long lastFrame() {
        return frame;
    }

    /** A STUN message on TCP stream {@code stream} (-1: UDP). Returns its frame number. */
    long send(long stream, Endpoint src, Endpoint dst, TestStun stun) {
        byte[] b = stun.build();
        Payload p = StunDecoder.decode(b, 0, b.length);
        messages.add(new DecodedMessage(++frame, nanos, src, dst, stream < 0 ? Transport.UDP : Transport.TCP,
                stream < 0 ? Framing.DATAGRAM : Framing.STREAM, List.of(), stream, p, List.of()));
        return frame;
    }

    /** Request from CMS to Expressway-E on the control connection (stream 0). */
    long request(int method, int tx, java.util.function.UnaryOperator<TestStun> attrs) {
        return send(0, CMS, EXPRESSWAY, attrs.apply(TestStun.of(method, tx)));
    }

    long success(int method, int tx, java.util.function.UnaryOperator<TestStun> attrs) {
        return send(0, EXPRESSWAY, CMS, attrs.apply(TestStun.of(method | SUCCESS, tx)));
    }

    long error(int method, int tx, int code, String reason) {
        return send(0, EXPRESSWAY, CMS, TestStun.of(method | ERROR, tx).errorCode(code, reason));
    }

    /** Long-term credentials as CMS sends them after the challenge. */
    static TestStun credentials(TestStun s) {
        return s.username("cms").text(REALM, "TANDBERG").text(NONCE, "n0nce").integrity();
    }

    /** Allocate TCP → 401 → Allocate with credentials → success with RELAY, on stream 0. */
    TurnScript tcpAllocation() {
        request(ALLOCATE, 1, s -> s.u32(REQUESTED_TRANSPORT, 6L << 24));
        send(0, EXPRESSWAY, CMS, TestStun.of(ALLOCATE | ERROR, 1).errorCode(401, "Unauthorized")
                .text(REALM, "TANDBERG").text(NONCE, "n0nce"));
        request(ALLOCATE, 2, s -> credentials(s.u32(REQUESTED_TRANSPORT, 6L << 24)));
        success(ALLOCATE, 2, s -> s.address(XOR_RELAYED, RELAY, true).address(XOR_MAPPED, CMS, true)
                .u32(LIFETIME, 600));
        return this;
    }

    /** Connect to {@code peer} answered with CONNECTION-ID {@code cid}. */
    TurnScript connect(int tx, Endpoint peer, int cid) {
        request(CONNECT, tx, s -> credentials(s.address(XOR_PEER, peer, true)));
        success(CONNECT, tx, s -> s.connectionId(cid));
        return this;
    }

    /** ConnectionBind for {@code cid} on data connection {@code stream} from {@code client}, answered by success. */
    TurnScript bind(long stream, Endpoint client, int tx, int cid) {
        send(stream, client, EXPRESSWAY, credentials(TestStun.of(CONNECTION_BIND, tx).connectionId(cid)));
        send(stream, EXPRESSWAY, client, TestStun.of(CONNECTION_BIND | SUCCESS, tx));
        return this;
    }
}
