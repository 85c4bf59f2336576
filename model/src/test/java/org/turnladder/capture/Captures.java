package org.turnladder.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helpers: write capture bytes, read a whole capture back. */
final class Captures {
    private Captures() {
    }

    /** Everything a capture yielded. */
    record Read(List<RawPacket> packets, List<String> warnings, long position, long size) {
    }

    static Read readAll(PacketSource source) throws IOException {
        try (source) {
            List<RawPacket> packets = new ArrayList<>();
            for (RawPacket p; (p = source.next()) != null; ) {
                packets.add(p);
            }
            if (source.next() != null) {
                throw new AssertionError("next() returned a frame after the end");
            }
            return new Read(packets, List.copyOf(source.warnings()), source.position(), source.size());
        }
    }

    static Read readAll(Path file) throws IOException {
        return readAll(CaptureFiles.open(file));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pcap(int linkType, boolean nanos, ByteOrder order, List<RawPacket> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, linkType, nanos, order)) {
            for (RawPacket p : packets) {
                w.write(p);
            }
        }
        return out.toByteArray();
    }

    static byte[] pcapng(ByteOrder order, List<RawPacket> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out, order)) {
            for (RawPacket p : packets) {
                w.write(p);
            }
        }
        return out.toByteArray();
    }

    /** {@code count} Ethernet-typed frames of varied sizes and times, numbered from 1. */
    static List<RawPacket> sample(int count, int linkType) {
        List<RawPacket> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            byte[] data = new byte[14 + (i * 37) % 300];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) (i + j);
            }
            long t = 1_700_000_000_000_000_000L + i * 1_234_567_891L + i; // distinct nanosecond digits
            list.add(new RawPacket(i, t, linkType, data.length + (i % 3 == 0 ? 100 : 0), data));
        }
        return list;
    }

    /** A comparable text form of a frame (records compare arrays by identity). */
    static String describe(RawPacket p) {
        return p.frame() + " t=" + p.epochNanos() + " lt=" + p.linkType() + " orig=" + p.originalLength() + " "
                + java.util.HexFormat.of().formatHex(p.data());
    }

    static List<String> describe(List<RawPacket> packets) {
        return packets.stream().map(Captures::describe).toList();
    }

    /** The same frames with times cut to whole microseconds. */
    static List<RawPacket> toMicros(List<RawPacket> packets) {
        return packets.stream().map(p -> new RawPacket(p.frame(), p.epochNanos() / 1000 * 1000, p.linkType(),
                p.originalLength(), p.data())).toList();
    }
}
