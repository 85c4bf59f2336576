package org.turnladder.views.ladder;

import java.util.List;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.NotePayload;
import org.turnladder.framing.Framing;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/** Messages between numbered addresses (10.x.y.z), each address its own column: ladders as wide as a test needs. */
public final class Hops {
    private Hops() {
    }

    /** A message from address {@code a} to address {@code b}, labelled "hop a". */
    public static DecodedMessage message(int a, int b) {
        return new DecodedMessage(a + 1, a * 1_000_000L, endpoint(a), endpoint(b), Transport.UDP, Framing.DATAGRAM,
                List.of(), -1, new NotePayload("hop " + a), List.of());
    }

    private static Endpoint endpoint(int n) {
        return Endpoint.parse("10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff) + ":3478");
    }
}
