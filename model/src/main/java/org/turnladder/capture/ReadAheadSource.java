package org.turnladder.capture;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a capture ahead on its own thread, in batches, so that reading overlaps decoding on a second core. Memory
 * stays bounded: at most {@code QUEUED_BATCHES} batches of {@code BATCH} frames wait.
 */
public final class ReadAheadSource implements PacketSource {
    static final int BATCH = 512;
    static final int QUEUED_BATCHES = 16;
    private static final Object END = new Object();

    private final PacketSource in;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread reader;
    private volatile boolean closed;
    private volatile long position;
    private RawPacket[] batch;
    private int next;
    private boolean ended;

    public ReadAheadSource(PacketSource in) {
        this.in = in;
        this.reader = new Thread(this::readAll, "capture-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        RawPacket[] b = new RawPacket[BATCH];
        int n = 0;
        try {
            RawPacket p;
            while (!closed && (p = in.next()) != null) {
                b[n++] = p;
                if (n == BATCH) {
                    position = in.position();
                    queue.put(b);
                    b = new RawPacket[BATCH];
                    n = 0;
                }
            }
            position = in.position();
            if (n > 0) {
                queue.put(Arrays.copyOf(b, n));
            }
            queue.put(END);
        } catch (IOException | RuntimeException e) {
            if (n > 0) {
                putQuietly(Arrays.copyOf(b, n)); // the frames before the failure still count
            }
            putQuietly(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void putQuietly(Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public RawPacket next() throws IOException {
        while (batch == null || next == batch.length) {
            if (ended) {
                return null;
            }
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the capture");
            }
            if (o == END) {
                ended = true;
                return null;
            }
            if (o instanceof IOException e) {
                ended = true;
                throw e;
            }
            if (o instanceof RuntimeException e) {
                ended = true;
                throw e;
            }
            batch = (RawPacket[]) o;
            next = 0;
        }
        return batch[next++];
    }

    /** The underlying reader's warnings; complete once {@link #next()} has returned null. */
    @Override
    public List<String> warnings() {
        return in.warnings();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long size() {
        return in.size();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        reader.interrupt();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }
}
