package org.turnladder.capture;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens capture files: pcap (micro/nanosecond, either byte order), pcapng, and either of them gzip-compressed. The
 * format is recognised by its first bytes, never by the file name.
 */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    /**
     * Opens a capture file for streaming.
     *
     * @throws CaptureFormatException when the file is empty or not a capture this reader understands
     * @throws IOException            when the file cannot be read
     */
    public static PacketSource open(Path file) throws IOException {
        return open(file, ChannelInput.DEFAULT_BUFFER);
    }

    /** As {@link #open(Path)}, with the read buffer size chosen by tests of the buffer window logic. */
    static PacketSource open(Path file, int bufferSize) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (channel.size() == 0) {
                throw new CaptureFormatException("empty file");
            }
            ByteBuffer head = ByteBuffer.allocate(2);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // at most two reads
            }
            channel.position(0);
            long size = channel.size();
            ChannelInput in;
            if (head.position() == 2 && (head.get(0) & 0xff) == 0x1f && (head.get(1) & 0xff) == 0x8b) {
                InputStream raw = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
                in = ChannelInput.ofStream(Channels.newChannel(gunzip(raw)), positionOf(channel), size, bufferSize);
            } else {
                in = ChannelInput.ofFile(channel, bufferSize);
            }
            return detect(in);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Reads a capture from a stream (e.g. standard input); gzip is recognised here too. {@link PacketSource#size()}
     * is -1 and {@link PacketSource#position()} counts bytes taken from {@code stream}.
     */
    public static PacketSource open(InputStream stream) throws IOException {
        CountingInputStream counted = new CountingInputStream(stream);
        BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first < 0) {
            throw new CaptureFormatException("empty file");
        }
        InputStream content = first == 0x1f && second == 0x8b ? gunzip(buffered) : buffered;
        return detect(ChannelInput.ofStream(Channels.newChannel(content), counted::count, -1,
                ChannelInput.DEFAULT_BUFFER));
    }

    private static InputStream gunzip(InputStream raw) throws IOException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (EOFException e) {
            throw new CaptureFormatException("truncated gzip header");
        } catch (ZipException e) {
            throw new CaptureFormatException("corrupt gzip header (" + e.getMessage() + ")");
        }
    }

    private static LongSupplier positionOf(FileChannel channel) {
        return () -> {
            try {
                return channel.isOpen() ? channel.position() : channel.size();
            } catch (IOException e) {
                return -1;
            }
        };
    }

    private static PacketSource detect(ChannelInput in) throws IOException {
        try {
            if (!in.require(4)) {
                if (in.streamError() != null) {
                    throw new CaptureFormatException("compressed data ends early or is corrupt (" + in.streamError()
                            + ")");
                }
                if (in.available() == 0) {
                    throw new CaptureFormatException(in.progressTotal() > 0 && in.size() < 0
                            ? "empty file (nothing inside the compressed data)" : "empty file");
                }
                throw new CaptureFormatException("file too short to be a capture (" + in.available() + " bytes)");
            }
            byte[] b = in.array();
            int p = in.pos();
            if (PcapReader.isMagic(Bytes.i32(b, p, true)) || PcapReader.isMagic(Bytes.i32(b, p, false))) {
                return new PcapReader(in);
            }
            if (Bytes.i32(b, p, true) == PcapngReader.SHB) {
                return new PcapngReader(in);
            }
            throw new CaptureFormatException("not a pcap or pcapng file (starts with " + Bytes.hex(b, p, 4) + ")");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Counts bytes taken from a stream, for progress. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int r = super.read();
            if (r >= 0) {
                count++;
            }
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long r = super.skip(n);
            count += r;
            return r;
        }
    }
}
