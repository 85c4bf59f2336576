package org.turnladder.tcp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.turnladder.capture.FrameSpan;

/**
 * The not-yet-consumed bytes of one TCP direction, with the frame every byte came from. Decoders read
 * {@link #array()} from {@link #start()} to {@link #end()}, then {@link #consume(int)} what they used; the buffer
 * keeps only what is still unconsumed, so memory follows the largest pending message, not the stream.
 */
public final class StreamBuffer {
    /** Bytes of one segment: stream positions [from, from + length) came from this frame at frameOffset. */
    private record Chunk(long from, int length, long frame, int frameOffset, long epochNanos) {
    }

    private static final byte[] EMPTY = new byte[0];
    /** Allocated on first use: most directions are classified as opaque before they buffer anything. */
    private byte[] data = EMPTY;
    private int start;
    private int end;
    /** Stream position of data[start]: counts every byte ever appended or skipped. */
    private long position;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();

    public byte[] array() {
        return data;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int available() {
        return end - start;
    }

    /** Stream position of the first unconsumed byte. */
    public long position() {
        return position;
    }

    public void append(long frame, long epochNanos, byte[] src, int off, int len, int frameOffset) {
        if (len == 0) {
            return;
        }
        ensureRoom(len);
        System.arraycopy(src, off, data, end, len);
        chunks.addLast(new Chunk(position + (end - start), len, frame, frameOffset, epochNanos));
        end += len;
    }

    /** Drops {@code n} bytes from the front. */
    public void consume(int n) {
        if (n < 0 || n > available()) {
            throw new IllegalArgumentException("consume " + n + " of " + available());
        }
        start += n;
        position += n;
        while (!chunks.isEmpty() && chunks.peekFirst().from + chunks.peekFirst().length <= position) {
            chunks.removeFirst();
        }
        if (start == end) {
            start = end = 0;
        }
    }

    /** Drops everything buffered. */
    public void clear() {
        consume(available());
        if (data.length > 1 << 20) {
            data = EMPTY; // give back the memory of one huge message
        }
    }

    /** Drops everything buffered and advances the stream position past {@code lost} bytes never seen. */
    void skip(long lost) {
        clear();
        position += lost;
    }

    /** The frame pieces that hold {@code length} bytes starting {@code offset} bytes after {@link #start()}. */
    public List<FrameSpan> spans(int offset, int length) {
        long from = position + offset;
        long to = from + length;
        List<FrameSpan> spans = new ArrayList<>(2);
        for (Chunk c : chunks) {
            long cEnd = c.from + c.length;
            if (cEnd <= from) {
                continue;
            }
            if (c.from >= to) {
                break;
            }
            long s = Math.max(from, c.from);
            long e = Math.min(to, cEnd);
            spans.add(new FrameSpan(c.frame, (int) (c.frameOffset + (s - c.from)), (int) (e - s)));
        }
        return spans;
    }

    /** The frame holding the byte at {@code offset} after {@link #start()}, and its time, as {frame, nanos}. */
    public long[] frameAt(int offset) {
        long p = position + offset;
        Iterator<Chunk> it = chunks.iterator();
        while (it.hasNext()) {
            Chunk c = it.next();
            if (p < c.from + c.length) {
                return new long[] {c.frame, c.epochNanos};
            }
        }
        Chunk last = chunks.peekLast();
        return last == null ? new long[] {0, 0} : new long[] {last.frame, last.epochNanos};
    }

    private void ensureRoom(int len) {
        if (end + len <= data.length) {
            return;
        }
        int live = end - start;
        if (live + len <= data.length && start > 0) {
            System.arraycopy(data, start, data, 0, live);
        } else {
            int cap = Math.max(data.length, 256);
            while (cap < live + len) {
                cap = cap * 2;
            }
            byte[] bigger = new byte[cap];
            System.arraycopy(data, start, bigger, 0, live);
            data = bigger;
        }
        start = 0;
        end = live;
    }

    @Override
    public String toString() {
        return "StreamBuffer[" + position + "+" + available() + " " + Arrays.toString(Arrays.copyOfRange(data, start,
                Math.min(end, start + 16))) + "]";
    }
}
