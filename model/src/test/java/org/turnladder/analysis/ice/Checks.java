package org.turnladder.analysis.ice;

import java.util.List;
import org.turnladder.capture.FrameSpan;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.framing.Framing;
import org.turnladder.framing.TestStun;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;
import org.turnladder.stun.StunDecoder;

/**
 * Builds connectivity checks for tests: STUN bytes from {@link TestStun}, decoded by the real {@link StunDecoder},
 * wrapped in a {@link DecodedMessage} as the decoding engine would deliver them.
 */
final class Checks {
    static final long T0 = 1_764_000_000_000_000_000L;
    static final int ICE_CONTROLLING = 0x802A;
    static final int ICE_CONTROLLED = 0x8029;

    /** Where the checks travel: a UDP 5-tuple, an ICE-TCP connection, or a carrying connection. */
    record Path(Transport transport, Framing framing, long connection) {
        static final Path UDP = new Path(Transport.UDP, Framing.DATAGRAM, -1);

        static Path iceTcp(long connection) {
            return new Path(Transport.TCP, Framing.RFC4571, connection);
        }

        static Path rfc6062(long connection) {
            return new Path(Transport.TCP, Framing.RELAYED, connection);
        }

        static Path msTurn(long connection) {
            return new Path(Transport.TCP, Framing.MS_TURN, connection);
        }
    }

    private Checks() {
    }

    /** A check request {@code receiver:sender} with PRIORITY and a role; seed = transaction id. */
    static TestStun request(int seed, String receiverUfrag, String senderUfrag, boolean controlling) {
        return TestStun.of(TestStun.BINDING_REQUEST, seed)
                .username(receiverUfrag + ":" + senderUfrag)
                .u32(0x0024, 0x6e7f00ff)
                .attr(controlling ? ICE_CONTROLLING : ICE_CONTROLLED, new byte[8])
                .integrity();
    }

    static TestStun success(int seed, Endpoint mapped) {
        return TestStun.of(TestStun.BINDING_SUCCESS, seed).address(0x0020, mapped, true).integrity();
    }

    static TestStun error(int seed, int code, String reason) {
        return TestStun.of(0x0111, seed).errorCode(code, reason).integrity();
    }

    static TestStun indication(int seed) {
        return TestStun.of(0x0011, seed);
    }

    static DecodedMessage msg(long frame, double seconds, String src, String dst, Path path, TestStun stun,
                              String... warnings) {
        byte[] b = stun.build();
        return new DecodedMessage(frame, T0 + Math.round(seconds * 1e9), Endpoint.parse(src), Endpoint.parse(dst),
                path.transport(), path.framing(), List.of(new FrameSpan(frame, 0, b.length)), path.connection(),
                StunDecoder.decode(b, 0, b.length), List.of(warnings));
    }

    static long at(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }
}
