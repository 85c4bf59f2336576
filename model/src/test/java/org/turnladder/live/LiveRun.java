package org.turnladder.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.DecodedMessage;

/**
 * A live capture read on its own thread into the decoding engine, as the window and the command line do; the test
 * thread makes traffic and watches the messages arrive.
 */
final class LiveRun {
    final LiveCapture capture;
    final List<RawPacket> packets = new CopyOnWriteArrayList<>();
    final List<DecodedMessage> messages = new CopyOnWriteArrayList<>();
    /** How many messages had been decoded when stop() was called: proof they came while capturing. */
    volatile int messagesBeforeStop = -1;
    volatile IOException failure;
    private final Thread reader;

    LiveRun(LiveCapture capture) {
        this.capture = capture;
        DecodeEngine engine = new DecodeEngine(messages::add);
        reader = new Thread(() -> {
            try {
                RawPacket p;
                while ((p = capture.next()) != null) {
                    packets.add(p);
                    engine.accept(p);
                }
            } catch (IOException e) {
                failure = e;
            }
            engine.finish();
        }, "live-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits up to {@code millis} for the decoded messages to satisfy {@code done}. */
    boolean awaitMessages(Predicate<List<DecodedMessage>> done, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.test(List.copyOf(messages))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Waits until the reader thread has ended by itself (failure, or someone else's stop). */
    boolean awaitEnd(long millis) throws InterruptedException {
        reader.join(millis);
        return !reader.isAlive();
    }

    /** Stops the capture and waits for the reader; fails the test if it does not end within a second. */
    List<RawPacket> stop() throws InterruptedException {
        messagesBeforeStop = messages.size();
        long t0 = System.nanoTime();
        capture.stop();
        reader.join(2000);
        assertThat(reader.isAlive()).as("reader still waiting 2 s after stop()").isFalse();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("milliseconds from stop() to the end").isLessThan(1000);
        return new ArrayList<>(packets);
    }
}
