package org.turnladder.ladder;

import java.util.List;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.NotePayload;
import org.turnladder.framing.Framing;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/** Builds feeds of simple messages between many addresses, for ladders with more columns than a call has boxes. */
final class BusyLadder {
    private final LadderFeed feed;
    private long frame = 1_000_000;

    BusyLadder() {
        this(new LadderFeed());
    }

    /** Adds to a feed that may already hold other messages (frames numbered from 1 000 000 on). */
    BusyLadder(LadderFeed feed) {
        this.feed = feed;
    }

    LadderFeed feed() {
        return feed;
    }

    /** The n-th address of a test network (10.0.0.0/8), distinct for n below 2^24. */
    static String host(int n) {
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /** One message from host {@code a} to host {@code b}, labelled. */
    BusyLadder send(int a, int b, String label) {
        Endpoint src = Endpoint.parse(host(a) + ":5000");
        Endpoint dst = Endpoint.parse(host(b) + ":3478");
        feed.add(new DecodedMessage(frame, frame * 1_000_000L, src, dst, Transport.UDP, Framing.DATAGRAM, List.of(),
                -1, new NotePayload(label), List.of()));
        frame++;
        return this;
    }

    /** {@code times} messages from host a to host b, with distinct labels so they do not collapse. */
    BusyLadder send(int a, int b, int times) {
        for (int i = 0; i < times; i++) {
            send(a, b, a + "→" + b + " #" + i);
        }
        return this;
    }
}
