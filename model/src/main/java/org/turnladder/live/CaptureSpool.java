package org.turnladder.live;

import com.google.common.io.ByteStreams;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.PcapWriter;
import org.turnladder.capture.PcapngWriter;
import org.turnladder.capture.RawPacket;

/**
 * The temporary pcapng file(s) a live capture writes every packet to as it arrives, so that nothing is lost if the
 * program is closed or crashes. Buffered writes are pushed to the file at least every {@link #FLUSH_MILLIS}
 * milliseconds. As a ring it keeps only the newest N files. Thread-safe: one thread writes, any thread may flush,
 * list or save.
 */
public final class CaptureSpool implements Closeable {
    static final long FLUSH_MILLIS = 200;
    private static final String PREFIX = "turnladder-live-";

    private final Path directory;
    private final int ringFiles;
    private final long ringFileBytes;
    private final int linkType;
    private final Deque<Segment> segments = new ArrayDeque<>();
    private final List<Path> deferredDeletes = new ArrayList<>();
    private final ScheduledExecutorService flusher;
    private Segment current;
    private PcapngWriter writer;
    private long packets;
    private long packetsDroppedByRing;
    private long lastFlushNanos;
    private boolean dirty;
    private int saving;
    private boolean closed;

    /** One file of the spool and how much of it is safely on disk. */
    private static final class Segment {
        final Path file;
        Counting above;
        Counting below;
        long packets;
        long flushedPackets;
        long flushedBytes;

        Segment(Path file) {
            this.file = file;
        }
    }

    /** Counts bytes passed through, to know a file's size above and below its buffer. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Creates the directory if needed and starts the first file.
     *
     * @param ringFiles     0 for one growing file, else how many files to keep
     * @param ringFileBytes size at which the ring starts a new file
     * @param linkType      LINKTYPE of the captured frames (for an empty pcap save)
     */
    public CaptureSpool(Path directory, int ringFiles, long ringFileBytes, int linkType) throws IOException {
        if (ringFiles < 0 || ringFiles > 0 && ringFileBytes <= 0) {
            throw new IllegalArgumentException("a ring needs at least one file of a positive size");
        }
        this.directory = directory;
        this.ringFiles = ringFiles;
        this.ringFileBytes = ringFileBytes;
        this.linkType = linkType;
        Files.createDirectories(directory);
        startSegment();
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "turnladder-spool-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Appends one packet; flushes when the last flush is older than {@link #FLUSH_MILLIS}. */
    public synchronized void write(RawPacket packet) throws IOException {
        if (closed) {
            throw new IOException("the temporary capture file is closed");
        }
        writer.write(packet);
        current.packets++;
        packets++;
        dirty = true;
        if (System.nanoTime() - lastFlushNanos >= FLUSH_MILLIS * 1_000_000L) {
            flushNow();
        }
        if (ringFiles > 0 && current.above.count >= ringFileBytes) {
            rotate();
        }
    }

    /** Pushes buffered packets to the file (not to the disk platter: a process crash loses nothing). */
    public synchronized void flush() throws IOException {
        if (!closed) {
            flushNow();
        }
    }

    /** The files that hold the capture now, oldest first. */
    public synchronized List<Path> files() {
        return segments.stream().map(s -> s.file).toList();
    }

    /** Packets written so far, including those a ring has since dropped. */
    public synchronized long packetsWritten() {
        return packets;
    }

    /** Packets dropped with the oldest files of a ring; 0 without a ring. */
    public synchronized long packetsDroppedByRing() {
        return packetsDroppedByRing;
    }

    /**
     * Writes every packet written so far and still kept to {@code target}, while writing may go on. pcapng keeps the
     * temporary file's bytes as they are when there is one file; otherwise the packets are written anew in one
     * section (pcapng) or as classic pcap with nanosecond timestamps.
     *
     * @return the number of packets saved
     */
    public long saveAs(Path target, SaveFormat format) throws IOException {
        List<Segment> snapshot = new ArrayList<>();
        synchronized (this) {
            if (!closed) {
                flushNow();
            }
            for (Segment s : segments) {
                Segment copy = new Segment(s.file);
                copy.flushedBytes = s.flushedBytes;
                copy.flushedPackets = s.flushedPackets;
                snapshot.add(copy);
            }
            saving++;
        }
        try {
            if (format == SaveFormat.PCAPNG && snapshot.size() == 1) {
                Segment only = snapshot.get(0);
                try (InputStream in = ByteStreams.limit(Files.newInputStream(only.file), only.flushedBytes);
                        OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                }
                return only.flushedPackets;
            }
            return rewrite(snapshot, target, format);
        } finally {
            synchronized (this) {
                if (--saving == 0) {
                    for (Path p : deferredDeletes) {
                        Files.deleteIfExists(p);
                    }
                    deferredDeletes.clear();
                }
            }
        }
    }

    private long rewrite(List<Segment> snapshot, Path target, SaveFormat format) throws IOException {
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
        long saved = 0;
        try (PcapngWriter ng = format == SaveFormat.PCAPNG ? new PcapngWriter(file, ByteOrder.LITTLE_ENDIAN) : null;
                PcapWriter pcap = format == SaveFormat.PCAP ? new PcapWriter(file, linkType, true,
                        ByteOrder.LITTLE_ENDIAN) : null) {
            for (Segment s : snapshot) {
                try (PacketSource in = CaptureFiles.open(ByteStreams.limit(Files.newInputStream(s.file),
                        s.flushedBytes))) {
                    RawPacket p;
                    while ((p = in.next()) != null) {
                        if (ng != null) {
                            ng.write(p);
                        } else {
                            pcap.write(p);
                        }
                        saved++;
                    }
                }
            }
        }
        return saved;
    }

    /** Stops writing; the files stay (see {@link #delete()}). */
    @Override
    public void close() throws IOException {
        flusher.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            flushNow();
            writer.close();
        }
    }

    /** Closes and removes the temporary files (once any save under way has finished). */
    public void delete() throws IOException {
        close();
        synchronized (this) {
            for (Segment s : segments) {
                if (saving > 0) {
                    deferredDeletes.add(s.file);
                } else {
                    Files.deleteIfExists(s.file);
                }
            }
        }
    }

    private void flushQuietly() {
        try {
            synchronized (this) {
                if (dirty && !closed) {
                    flushNow();
                }
            }
        } catch (IOException e) {
            // the writing thread meets the same failure on its next write and reports it
        }
    }

    private void flushNow() throws IOException {
        writer.flush();
        current.flushedBytes = current.below.count;
        current.flushedPackets = current.packets;
        lastFlushNanos = System.nanoTime();
        dirty = false;
    }

    private void startSegment() throws IOException {
        Segment s = new Segment(Files.createTempFile(directory, PREFIX, ".pcapng"));
        OutputStream out = null;
        try {
            out = Files.newOutputStream(s.file);
            s.below = new Counting(out);
            s.above = new Counting(new BufferedOutputStream(s.below, 1 << 16));
            writer = new PcapngWriter(s.above, ByteOrder.LITTLE_ENDIAN);
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                out.close();
            }
            Files.deleteIfExists(s.file);
            throw e;
        }
        segments.addLast(s);
        current = s;
        flushNow();
    }

    private void rotate() throws IOException {
        flushNow();
        writer.close();
        startSegment();
        while (segments.size() > ringFiles) {
            Segment oldest = segments.removeFirst();
            packetsDroppedByRing += oldest.packets;
            if (saving > 0) {
                deferredDeletes.add(oldest.file);
            } else {
                Files.deleteIfExists(oldest.file);
            }
        }
    }
}
