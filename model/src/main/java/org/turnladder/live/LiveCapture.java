package org.turnladder.live;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.live.LiveCaptureException.Kind;

/**
 * Packets from a network interface, one at a time, as a {@link PacketSource}: the decoding engine reads a live
 * interface exactly as it reads a file. Every packet is also written to a temporary pcapng file before it is
 * handed out ({@link #temporaryFiles()}, {@link #saveAs}).
 *
 * <p>One thread reads with {@link #next()}; {@link #stop()}, {@link #stats()} and {@link #saveAs} may be called from
 * any thread. {@code next()} blocks until a packet comes; {@code stop()} wakes it ({@code pcap_breakloop}, and a
 * short read timeout where the platform honours it), after which it returns null.
 */
public final class LiveCapture implements PacketSource {
    /** How long one read waits before looking at {@link #stop()} again, where the platform honours the timeout. */
    static final int READ_TIMEOUT_MILLIS = 100;
    /** Kernel capture buffer: room for bursts while the reader is busy (libpcap's default is 2 MB). */
    static final int BUFFER_BYTES = 16 << 20;
    private static final long STATS_EVERY_NANOS = 250_000_000L;

    /** Opens the pcap handle; tests put failures here. */
    @FunctionalInterface
    interface HandleOpener {
        PcapHandle open(LiveOptions options, boolean nanoseconds) throws PcapNativeException;
    }

    private final LiveOptions options;
    private final PcapHandle handle;
    private final int linkType;
    private final boolean nanoseconds;
    private final CaptureSpool spool;
    private final Object handleLock = new Object();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;
    private volatile boolean ended;
    private volatile long packets;
    private volatile long bytes;
    private volatile long received = -1;
    private volatile long droppedByKernel;
    private volatile long droppedByInterface;
    private long lastStatsNanos;
    private LiveCaptureException failure;

    private LiveCapture(LiveOptions options, PcapHandle handle, boolean nanoseconds, CaptureSpool spool) {
        this.options = options;
        this.handle = handle;
        this.linkType = LinkTypes.fromDlt(handle.getDlt().value());
        this.nanoseconds = nanoseconds;
        this.spool = spool;
        this.lastStatsNanos = System.nanoTime();
        if (!nanoseconds) {
            warnings.add("timestamps have microsecond precision: this platform's libpcap offers no nanoseconds");
        }
    }

    /**
     * Starts capturing on {@code options.interfaceName()}.
     *
     * @throws LiveCaptureException when libpcap is missing, the process lacks permission, the interface is unknown
     *                              or down, or the filter is bad; the message says what to do
     * @throws IOException          when the temporary capture file cannot be created
     */
    public static LiveCapture open(LiveOptions options) throws IOException {
        return open(options, LiveCapture::openHandle, Interfaces::namesOrNull);
    }

    static LiveCapture open(LiveOptions options, HandleOpener opener, Supplier<List<String>> knownNames)
            throws IOException {
        String name = options.interfaceName();
        // Syntax first and without privilege, so a typo is not hidden behind a permission problem.
        CaptureFilter.check(options.filter());
        PcapHandle handle;
        boolean nanos = true;
        try {
            try {
                handle = opener.open(options, true);
            } catch (PcapNativeException e) {
                if (!String.valueOf(e.getMessage()).contains("pcap_set_tstamp_precision")) {
                    throw e;
                }
                nanos = false; // a libpcap older than 1.5
                handle = opener.open(options, false);
            }
        } catch (PcapNativeException | LinkageError e) {
            throw PcapFailures.opening(name, e, knownNames);
        }
        try {
            if (handle.getTimestampPrecision() != TimestampPrecision.NANO) {
                nanos = false; // pcap4j falls back to microseconds where the device cannot do better
            }
            if (!options.filter().isEmpty()) {
                try {
                    handle.setFilter(options.filter(), BpfCompileMode.OPTIMIZE);
                } catch (PcapNativeException e) {
                    throw PcapFailures.badFilter(options.filter(), e);
                }
            }
            int linkType = LinkTypes.fromDlt(handle.getDlt().value());
            CaptureSpool spool = new CaptureSpool(options.spoolDirectory(), options.ringFiles(),
                    options.ringFileBytes(), linkType);
            return new LiveCapture(options, handle, nanos, spool);
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        } catch (NotOpenException e) {
            handle.close();
            throw new LiveCaptureException(Kind.FAILED, "cannot capture on " + name + ": the handle closed early", e);
        }
    }

    private static PcapHandle openHandle(LiveOptions o, boolean nanoseconds) throws PcapNativeException {
        PcapHandle.Builder b = new PcapHandle.Builder(o.interfaceName())
                .snaplen(o.snapLength())
                .promiscuousMode(o.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(READ_TIMEOUT_MILLIS)
                .bufferSize(BUFFER_BYTES);
        if (nanoseconds) {
            b.timestampPrecision(TimestampPrecision.NANO);
        }
        return b.build();
    }

    /**
     * The next packet, waiting for it; null once {@link #stop()} was called.
     *
     * @throws LiveCaptureException when the interface went away (INTERFACE_GONE) or the temporary file cannot be
     *                              written (SPOOL_FAILED); later calls return null. What was captured before is
     *                              kept.
     */
    @Override
    public RawPacket next() throws IOException {
        while (!ended) {
            if (stopRequested) {
                end();
                return null;
            }
            byte[] data;
            try {
                data = handle.getNextRawPacketEx();
            } catch (TimeoutException e) {
                sampleStatsEvery();
                continue;
            } catch (EOFException | NotOpenException e) {
                end(); // pcap_breakloop from stop(), or closed under us
                return null;
            } catch (PcapNativeException | RuntimeException | LinkageError e) {
                if (stopRequested) {
                    end();
                    return null;
                }
                failure = PcapFailures.reading(options.interfaceName(), e);
                end();
                throw failure;
            }
            RawPacket p = new RawPacket(packets + 1, epochNanos(handle.getTimestamp()), linkType,
                    originalLength(data), data);
            try {
                spool.write(p);
            } catch (IOException e) {
                failure = new LiveCaptureException(Kind.SPOOL_FAILED, "capture on " + options.interfaceName()
                        + " stopped: cannot write the temporary capture file (" + PcapFailures.detail(e)
                        + "): free disk space in " + options.spoolDirectory() + " or use a ring (--ring)", e);
                end();
                throw failure;
            }
            packets = p.frame();
            bytes += data.length;
            sampleStatsEvery();
            return p;
        }
        return null;
    }

    private int originalLength(byte[] data) {
        Integer original = handle.getOriginalLength();
        return original == null ? data.length : Math.max(original, data.length);
    }

    static long epochNanos(Timestamp t) {
        return Math.floorDiv(t.getTime(), 1000L) * 1_000_000_000L + t.getNanos();
    }

    /** Ends reading: takes the last statistics, pushes the file out and releases the interface. */
    private void end() {
        synchronized (handleLock) {
            if (ended) {
                return;
            }
            sampleStats();
            try {
                spool.flush();
            } catch (IOException e) {
                warnings.add("the temporary capture file could not be flushed: " + PcapFailures.detail(e));
            }
            ended = true;
            handle.close();
        }
    }

    /**
     * Asks {@link #next()} to return null: at once if it is waiting for packets. Safe from any thread, any number
     * of times.
     */
    public void stop() {
        stopRequested = true;
        synchronized (handleLock) {
            if (handle.isOpen()) {
                try {
                    handle.breakLoop();
                } catch (NotOpenException e) {
                    // closed meanwhile: next() returns null anyway
                }
            }
        }
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Whether reading has ended (stopped, failed or closed). */
    public boolean ended() {
        return ended;
    }

    /** What ended the capture, if it failed. */
    public LiveCaptureException failure() {
        return failure;
    }

    /** Counters as of now; libpcap's figures are refreshed about four times a second while packets come. */
    public CaptureStats stats() {
        return new CaptureStats(packets, bytes, received, droppedByKernel, droppedByInterface);
    }

    private void sampleStatsEvery() {
        long now = System.nanoTime();
        if (now - lastStatsNanos >= STATS_EVERY_NANOS) {
            lastStatsNanos = now;
            sampleStats();
        }
    }

    private void sampleStats() {
        try {
            PcapStat s = handle.getStats();
            received = s.getNumPacketsReceived();
            droppedByKernel = s.getNumPacketsDropped();
            droppedByInterface = s.getNumPacketsDroppedByIf();
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            // statistics are a courtesy: a handle that cannot give them still captures
        }
    }

    public LiveOptions options() {
        return options;
    }

    /** LINKTYPE of the frames (1 Ethernet for {@code lo} on Linux, 113 Linux cooked for {@code any}). */
    public int linkType() {
        return linkType;
    }

    /** Whether timestamps carry nanoseconds (else microseconds). */
    public boolean nanosecondTimestamps() {
        return nanoseconds;
    }

    /** The temporary pcapng files holding the capture, oldest first. */
    public List<Path> temporaryFiles() {
        return spool.files();
    }

    /**
     * Writes what was captured so far to {@code target}; works while capturing and after.
     *
     * @return the number of packets written
     */
    public long saveAs(Path target, SaveFormat format) throws IOException {
        return spool.saveAs(target, format);
    }

    /** Removes the temporary files; call after saving, or when the user chose not to keep the capture. */
    public void discard() throws IOException {
        close();
        spool.delete();
    }

    @Override
    public List<String> warnings() {
        List<String> w = new ArrayList<>(warnings);
        long ringDropped = spool.packetsDroppedByRing();
        if (ringDropped > 0) {
            w.add("the ring of " + options.ringFiles() + " temporary files kept only the newest: " + ringDropped
                    + " older packets are no longer in the capture file");
        }
        if (droppedByKernel > 0 || droppedByInterface > 0) {
            w.add("libpcap dropped packets (" + droppedByKernel + " by the kernel, " + droppedByInterface
                    + " by the interface): a narrower capture filter or a shorter snap length helps");
        }
        return w;
    }

    /** Bytes captured so far. */
    @Override
    public long position() {
        return bytes;
    }

    /** Unknown: a live capture has no end to measure against. */
    @Override
    public long size() {
        return -1;
    }

    /**
     * Stops capturing (if still running) and closes the temporary file; the file stays for {@link #saveAs} until
     * {@link #discard()}. Call it from the reading thread, or after the reading thread has stopped.
     */
    @Override
    public void close() throws IOException {
        stop();
        if (!ended) {
            end();
        }
        spool.close();
    }
}
