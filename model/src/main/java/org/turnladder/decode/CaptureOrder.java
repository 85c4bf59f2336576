package org.turnladder.decode;

import java.util.PriorityQueue;

/**
 * Puts messages back in capture order. A TCP message held behind a hole completes after later frames of other
 * connections; messages wait here until no connection holds bytes of an earlier frame.
 */
final class CaptureOrder implements MessageSink {
    /** Past this many waiting messages the oldest go out anyway: memory beats perfect order. */
    private static final int MAX_WAITING = 10_000;

    private final MessageSink out;
    private final PriorityQueue<Entry> waiting = new PriorityQueue<>();
    private long sequence;

    private record Entry(long frame, long sequence, DecodedMessage message) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(frame, o.frame);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    CaptureOrder(MessageSink out) {
        this.out = out;
    }

    @Override
    public void message(DecodedMessage m) {
        waiting.add(new Entry(m.frame(), sequence++, m));
        while (waiting.size() > MAX_WAITING) {
            out.message(waiting.poll().message);
        }
    }

    boolean waiting() {
        return !waiting.isEmpty();
    }

    /**
     * Sends every message from a frame before {@code frame}, and those captured before {@code nanos}: a connection
     * that never finishes a message must not hold back the rest of a live capture.
     */
    void release(long frame, long nanos) {
        while (!waiting.isEmpty() && (waiting.peek().frame < frame || waiting.peek().message.epochNanos() < nanos)) {
            out.message(waiting.poll().message);
        }
    }
}
