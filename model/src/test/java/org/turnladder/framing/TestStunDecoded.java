package org.turnladder.framing;

import org.turnladder.decode.Payload;
import org.turnladder.stun.StunDecoder;

/** Decodes a whole test message, to compare with what the stream decoder found. */
final class TestStunDecoded {
    private TestStunDecoded() {
    }

    static Payload of(byte[] message) {
        return StunDecoder.decode(message, 0, message.length);
    }
}
