package org.turnladder.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic pcap file of one link type, with microsecond or nanosecond timestamps, in either byte order.
 * Frames are written as given; their frame numbers are ignored.
 */
public final class PcapWriter implements Closeable {
    /** Snap length written in the file header. */
    public static final int SNAPLEN = 262144;

    private final OutputStream out;
    private final int linkType;
    private final boolean nanos;
    private final boolean bigEndian;
    private final byte[] header = new byte[16];

    /**
     * Writes the file header to {@code out} (which this writer then owns).
     *
     * @param nanos whether timestamps keep nanoseconds (magic a1b23c4d) or are cut to microseconds (a1b2c3d4)
     */
    public PcapWriter(OutputStream out, int linkType, boolean nanos, ByteOrder order) throws IOException {
        this.out = out;
        this.linkType = linkType;
        this.nanos = nanos;
        this.bigEndian = order == ByteOrder.BIG_ENDIAN;
        byte[] h = new byte[24];
        put32(h, 0, nanos ? PcapReader.MAGIC_NANOS : PcapReader.MAGIC_MICROS);
        put16(h, 4, 2);
        put16(h, 6, 4);
        put32(h, 16, SNAPLEN);
        put32(h, 20, linkType);
        out.write(h);
    }

    /** A nanosecond, little-endian pcap file at {@code file}. */
    public static PcapWriter create(Path file, int linkType) throws IOException {
        return new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), linkType, true,
                ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Appends one frame.
     *
     * @throws IllegalArgumentException when the frame's link type is not the file's, or it is longer than
     *                                  {@link #SNAPLEN}, or its time is before the epoch
     */
    public void write(RawPacket packet) throws IOException {
        if (packet.linkType() != linkType) {
            throw new IllegalArgumentException("link type " + packet.linkType() + " in a pcap file of link type "
                    + linkType);
        }
        if (packet.data().length > SNAPLEN) {
            throw new IllegalArgumentException("frame of " + packet.data().length + " bytes exceeds the snap length");
        }
        long t = packet.epochNanos();
        if (t < 0) {
            throw new IllegalArgumentException("pcap cannot store times before 1970");
        }
        put32(header, 0, (int) (t / 1_000_000_000L));
        long fraction = t % 1_000_000_000L;
        put32(header, 4, (int) (nanos ? fraction : fraction / 1000));
        put32(header, 8, packet.data().length);
        put32(header, 12, Math.max(packet.originalLength(), packet.data().length));
        out.write(header);
        out.write(packet.data());
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void put16(byte[] b, int off, int v) {
        if (bigEndian) {
            b[off] = (byte) (v >> 8);
            b[off + 1] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >> 8);
        }
    }

    private void put32(byte[] b, int off, int v) {
        if (bigEndian) {
            put16(b, off, v >>> 16);
            put16(b, off + 2, v);
        } else {
            put16(b, off, v);
            put16(b, off + 2, v >>> 16);
        }
    }
}
