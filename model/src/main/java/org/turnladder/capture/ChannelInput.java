package org.turnladder.capture;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.function.LongSupplier;
import java.util.zip.ZipException;

/**
 * A forward-only window over a byte stream: one reusable heap buffer filled by large channel reads, so reading a
 * record costs no system call. Offsets are {@code long} throughout, so files beyond 2 GiB are fine. The buffer
 * grows only while real bytes keep arriving, never because a length field asked for it.
 */
final class ChannelInput implements Closeable {
    static final int DEFAULT_BUFFER = 1 << 22;

    private final ReadableByteChannel channel;
    private final SeekableByteChannel seekable; // null when the stream cannot seek (gzip, plain InputStream)
    private final LongSupplier progress;        // null: progress is the stream offset
    private final long size;                    // stream length when known, else -1
    private final long progressTotal;           // what progress() runs up to, or -1
    private byte[] buf;
    private ByteBuffer view;
    private int pos;
    private int limit;
    private long bufStart; // stream offset of buf[0]
    private boolean eof;
    private String streamError; // why the stream ended early (corrupt gzip), or null

    private ChannelInput(ReadableByteChannel channel, SeekableByteChannel seekable, long size, LongSupplier progress,
                         long progressTotal, int bufferSize) {
        this.channel = channel;
        this.seekable = seekable;
        this.size = size;
        this.progress = progress;
        this.progressTotal = progressTotal;
        this.buf = new byte[Math.max(16, bufferSize)];
        this.view = ByteBuffer.wrap(buf);
    }

    /** A seekable file read from its current position to its end. */
    static ChannelInput ofFile(SeekableByteChannel file, int bufferSize) throws IOException {
        long size = file.size();
        return new ChannelInput(file, file, size, null, size, bufferSize);
    }

    /** A stream that cannot seek; {@code progress} reports bytes of the underlying file, up to {@code total}. */
    static ChannelInput ofStream(ReadableByteChannel stream, LongSupplier progress, long total, int bufferSize) {
        return new ChannelInput(stream, null, -1, progress, total, bufferSize);
    }

    byte[] array() {
        return buf;
    }

    /** Index in {@link #array()} of the next unread byte. */
    int pos() {
        return pos;
    }

    int available() {
        return limit - pos;
    }

    /** Stream offset of the next unread byte. */
    long offset() {
        return bufStart + pos;
    }

    /** Stream length, or -1 when unknown. */
    long size() {
        return size;
    }

    long progressTotal() {
        return progressTotal;
    }

    long progress() {
        return progress != null ? progress.getAsLong() : offset();
    }

    /** Why the stream ended before its end of file (e.g. corrupt compressed data), or null. */
    String streamError() {
        return streamError;
    }

    void advance(int n) {
        pos += n;
    }

    /**
     * Makes {@code n} bytes available from {@link #pos()}; false when the stream ends first, in which case
     * {@link #available()} says how many there are.
     */
    boolean require(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        compact();
        while (limit < n && !eof) {
            if (limit == buf.length) {
                grow(n);
            }
            fill();
        }
        return limit - pos >= n;
    }

    /** Skips {@code n} bytes; false when the stream ends first (everything to its end is then consumed). */
    boolean skip(long n) throws IOException {
        if (n <= limit - pos) {
            pos += (int) n;
            return true;
        }
        n -= limit - pos;
        bufStart += limit;
        pos = limit = 0;
        if (seekable != null && !eof) {
            long target = bufStart + n;
            long end = size >= 0 ? size : seekable.size();
            if (target <= end) {
                seekable.position(target);
                bufStart = target;
                return true;
            }
            seekable.position(end);
            bufStart = end;
            eof = true;
            return false;
        }
        while (n > 0) {
            if (!require(1)) {
                return false;
            }
            int step = (int) Math.min(n, limit - pos);
            pos += step;
            n -= step;
        }
        return true;
    }

    private void compact() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufStart += pos;
            limit -= pos;
            pos = 0;
        }
    }

    private void grow(int wanted) {
        // double at most: growth is earned by bytes that really arrived
        int newSize = (int) Math.min(Math.max(wanted, 16L), 2L * buf.length);
        byte[] bigger = new byte[newSize];
        System.arraycopy(buf, 0, bigger, 0, limit);
        buf = bigger;
        view = ByteBuffer.wrap(buf);
    }

    private void fill() throws IOException {
        view.limit(buf.length).position(limit);
        int r;
        try {
            r = channel.read(view);
        } catch (EOFException | ZipException e) {
            // only compressed streams throw these: the data ends or is corrupt partway
            streamError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            r = -1;
        }
        limit = view.position(); // bytes stored before a failure count too
        if (r < 0) {
            eof = true;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (seekable != null && seekable != channel) {
            seekable.close();
        }
    }
}
