package org.turnladder.analysis.roles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.turnladder.analysis.Role;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.Payload;
import org.turnladder.framing.Framing;
import org.turnladder.framing.TestStun;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.sip.SipDecoder;
import org.turnladder.stun.StunDecoder;

/**
 * A message sequence for tests, fed to a {@link RoleDetector} as the decoder would: SIP text and STUN bytes are
 * decoded by the real decoders, frames numbered 1, 2, 3, …
 */
final class Wire {
    static final int REQUESTED_TRANSPORT = 0x0019;
    static final int XOR_RELAYED_ADDRESS = 0x0016;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    static final int XOR_PEER_ADDRESS = 0x0012;
    static final int REALM = 0x0014;

    final RoleDetector detector = new RoleDetector();
    private long frame;
    private int seed;

    /** A SIP message; {@code text} uses \n line ends; the Content-Length header is added for the body. */
    long sip(String src, String dst, String text) {
        int split = text.indexOf("\n\n");
        String head = (split < 0 ? text : text.substring(0, split)).stripTrailing();
        String body = split < 0 ? "" : text.substring(split + 2);
        String crlfBody = body.replace("\n", "\r\n");
        String msg = head.replace("\n", "\r\n") + "\r\nContent-Length: "
                + crlfBody.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + crlfBody;
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        return feed(src, dst, Transport.TCP, Framing.STREAM, SipDecoder.decode(b, 0, b.length));
    }

    /** A STUN message over TCP (STREAM framing). */
    long stun(String src, String dst, byte[] message) {
        return feed(src, dst, Transport.TCP, Framing.STREAM, StunDecoder.decode(message, 0, message.length));
    }

    /** A STUN message in a datagram. */
    long stunUdp(String src, String dst, byte[] message) {
        return feed(src, dst, Transport.UDP, Framing.DATAGRAM, StunDecoder.decode(message, 0, message.length));
    }

    /** A TURN Allocate request asking for TCP (6) or UDP (17) relays; same seed for the matching response. */
    TestStun allocate(int transport) {
        seed++;
        return TestStun.of(TestStun.ALLOCATE_REQUEST, seed).u32(REQUESTED_TRANSPORT, (long) transport << 24);
    }

    /** The response to the last {@link #allocate}: same transaction id. */
    TestStun allocateSuccess() {
        return TestStun.of(TestStun.ALLOCATE_SUCCESS, seed);
    }

    TestStun allocateError() {
        return TestStun.of(0x0113, seed);
    }

    long feed(String src, String dst, Transport t, Framing framing, Payload p) {
        frame++;
        DecodedMessage m = new DecodedMessage(frame, frame * 1_000_000L, Endpoint.parse(src), Endpoint.parse(dst), t,
                framing, List.of(), t == Transport.TCP ? 0 : -1, p, List.of());
        detector.message(m);
        return frame;
    }

    List<RoleAssignment> roles() {
        return detector.roles();
    }

    List<RoleAssignment> roles(Map<String, Role> overrides) {
        return detector.roles(overrides);
    }

    /** The box that owns the address. */
    RoleAssignment box(String ip) {
        return box(roles(), ip);
    }

    static RoleAssignment box(List<RoleAssignment> roles, String ip) {
        for (RoleAssignment r : roles) {
            if (r.has(ip)) {
                return r;
            }
        }
        throw new AssertionError("no box has " + ip + " in " + roles);
    }
}
