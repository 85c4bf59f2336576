package org.turnladder.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;

class CaptureSpoolTest {
    private static final int ETHERNET = 1;
    @TempDir
    Path dir;

    static RawPacket packet(long frame, int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (frame * 7 + i);
        }
        return new RawPacket(frame, 1_700_000_000_123_456_789L + frame * 1_000_003L, ETHERNET, size + 10, data);
    }

    static List<RawPacket> read(Path file) throws IOException {
        return read(file, true);
    }

    /** A reader racing the writer may see a block half written: {@code whole} says no such race is possible. */
    static List<RawPacket> read(Path file, boolean whole) throws IOException {
        List<RawPacket> all = new ArrayList<>();
        try (PacketSource in = CaptureFiles.open(file)) {
            RawPacket p;
            while ((p = in.next()) != null) {
                all.add(p);
            }
            if (whole) {
                assertThat(in.warnings()).isEmpty();
            }
        }
        return all;
    }

    static void assertSamePackets(List<RawPacket> actual, List<RawPacket> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).data()).isEqualTo(expected.get(i).data());
            assertThat(actual.get(i).epochNanos()).isEqualTo(expected.get(i).epochNanos());
            assertThat(actual.get(i).originalLength()).isEqualTo(expected.get(i).originalLength());
            assertThat(actual.get(i).linkType()).isEqualTo(expected.get(i).linkType());
            assertThat(actual.get(i).frame()).isEqualTo(i + 1);
        }
    }

    @Test
    void packetsReachTheTemporaryFileWithoutClosingIt() throws Exception {
        try (CaptureSpool spool = new CaptureSpool(dir, 0, 0, ETHERNET)) {
            List<RawPacket> written = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                written.add(packet(i, 60 + i));
                spool.write(written.get(i - 1));
            }
            Path file = spool.files().get(0);
            assertThat(file.getParent()).isEqualTo(dir);
            assertThat(file.getFileName().toString()).startsWith("turnladder-live-").endsWith(".pcapng");
            // No explicit flush: the spool pushes buffered packets out by itself within FLUSH_MILLIS.
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (read(file, false).size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertSamePackets(read(file), written);
        }
    }

    @Test
    void anEmptyCaptureIsStillAValidFile() throws Exception {
        try (CaptureSpool spool = new CaptureSpool(dir, 0, 0, ETHERNET)) {
            assertThat(read(spool.files().get(0))).isEmpty();
            Path pcap = dir.resolve("empty.pcap");
            assertThat(spool.saveAs(pcap, SaveFormat.PCAP)).isZero();
            assertThat(read(pcap)).isEmpty();
        }
    }

    @Test
    void saveAsWritesEveryPacketAsPcapngAndAsPcap() throws Exception {
        List<RawPacket> written = new ArrayList<>();
        try (CaptureSpool spool = new CaptureSpool(dir, 0, 0, ETHERNET)) {
            for (int i = 1; i <= 50; i++) {
                written.add(packet(i, 40 + i % 17));
                spool.write(written.get(i - 1));
            }
            Path ng = dir.resolve("out.pcapng");
            Path pcap = dir.resolve("out.pcap");
            assertThat(spool.saveAs(ng, SaveFormat.PCAPNG)).isEqualTo(50);
            assertThat(spool.saveAs(pcap, SaveFormat.PCAP)).isEqualTo(50);
            assertSamePackets(read(ng), written);
            assertSamePackets(read(pcap), written);
            assertThat(Files.readAllBytes(pcap)).startsWith(0x4d, 0x3c, 0xb2, 0xa1); // nanosecond pcap magic
        }
    }

    @Test
    void aRingKeepsOnlyTheNewestFilesAndCountsWhatItDropped() throws Exception {
        List<RawPacket> written = new ArrayList<>();
        try (CaptureSpool spool = new CaptureSpool(dir, 3, 1000, ETHERNET)) {
            for (int i = 1; i <= 100; i++) {
                written.add(packet(i, 100));
                spool.write(written.get(i - 1));
            }
            spool.flush();
            List<Path> files = spool.files();
            assertThat(files).hasSize(3);
            try (var listing = Files.list(dir)) {
                assertThat(listing.toList()).containsExactlyInAnyOrderElementsOf(files);
            }
            long kept = 0;
            for (Path f : files) {
                kept += read(f).size();
            }
            assertThat(spool.packetsWritten()).isEqualTo(100);
            assertThat(spool.packetsDroppedByRing()).isPositive().isEqualTo(100 - kept);

            Path saved = dir.resolve("ring.pcapng");
            assertThat(spool.saveAs(saved, SaveFormat.PCAPNG)).isEqualTo(kept);
            List<RawPacket> back = read(saved);
            List<RawPacket> newest = written.subList(100 - (int) kept, 100);
            assertThat(back).extracting(RawPacket::data).containsExactlyElementsOf(
                    newest.stream().map(RawPacket::data).toList());
        }
    }

    @Test
    void deleteRemovesTheTemporaryFiles() throws Exception {
        CaptureSpool spool = new CaptureSpool(dir, 2, 500, ETHERNET);
        for (int i = 1; i <= 20; i++) {
            spool.write(packet(i, 100));
        }
        spool.delete();
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).isEmpty();
        }
    }
}
