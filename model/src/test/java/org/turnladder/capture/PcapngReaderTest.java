package org.turnladder.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.turnladder.capture.Captures.describe;
import static org.turnladder.capture.Captures.readAll;
import static org.turnladder.capture.Captures.write;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapngReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN, BE = ByteOrder.BIG_ENDIAN;
    private static final byte[] DATA = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    @TempDir
    Path dir;

    @Test
    void writerOutputReadsBackWithOneInterfacePerLinkType() throws IOException {
        List<RawPacket> sent = new ArrayList<>();
        List<RawPacket> a = Captures.sample(6, 1), b = Captures.sample(6, 113);
        for (int i = 0; i < 6; i++) {
            sent.add(renumber(a.get(i), 2 * i + 1));
            sent.add(renumber(b.get(i), 2 * i + 2));
        }
        for (ByteOrder order : List.of(LE, BE)) {
            Captures.Read read = readAll(write(dir, "w.pcapng", Captures.pcapng(order, sent)));
            assertThat(describe(read.packets())).containsExactlyElementsOf(describe(sent));
            assertThat(read.warnings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "tsresol {0}")
    @CsvSource({
        // tsresol byte, timestamp units, expected epoch nanoseconds
        "6, 1700000000123456, 1700000000123456000",
        "9, 1700000000123456789, 1700000000123456789",
        "3, 1700000000123, 1700000000123000000",
        "0, 1700000000, 1700000000000000000",
        "128, 1700000000, 1700000000000000000",            // 2^-0
        "148, 1782579200000001, 1700000000000000953",      // 2^-20: 1700000000 << 20 | 1
        "158, 1825361100800000512, 1700000000000000476",   // 2^-30: 1700000000 << 30 | 512
        "168, -2, 16777215999999999",                      // 2^-40, unsigned 64-bit count: 2^24 s less a hair
    })
    void timestampsHonourEveryResolutionExactly(int tsresol, String units, long expected) throws IOException {
        long u = Long.parseLong(units);
        byte[] file = new PcapngBuilder().section(LE).idb(1, 0, tsresol, null).epb(0, u, DATA, DATA.length).bytes();
        assertThat(readAll(write(dir, "t.pcapng", file)).packets().get(0).epochNanos()).isEqualTo(expected);
    }

    @Test
    void picosecondTimestampsRoundDownToNanoseconds() throws IOException {
        long units = 1_700_000_000_123_456_789L; // in picoseconds: 1 700 000.000 123 456 789 s
        byte[] file = new PcapngBuilder().section(LE).idb(1, 0, 12, null).epb(0, units, DATA, DATA.length).bytes();
        assertThat(readAll(write(dir, "p.pcapng", file)).packets().get(0).epochNanos())
                .isEqualTo(1_700_000_000_123_456L);
    }

    @Test
    void timestampOffsetIsAddedInSeconds() throws IOException {
        byte[] file = new PcapngBuilder().section(BE).idb(1, 0, 9, 3600L).epb(0, 5, DATA, DATA.length).bytes();
        assertThat(readAll(write(dir, "o.pcapng", file)).packets().get(0).epochNanos())
                .isEqualTo(3_600_000_000_005L);
    }

    @Test
    void interfacesKeepTheirOwnLinkTypeAndResolution() throws IOException {
        byte[] file = new PcapngBuilder().section(LE).idb(1, 0, null, null).idb(276, 0, 9, null).idb(101, 0, 3, null)
                .epb(2, 7, DATA, 20).epb(0, 7, DATA, 15).epb(1, 7, DATA, 15).bytes();
        Captures.Read read = readAll(write(dir, "i.pcapng", file));
        assertThat(read.packets()).extracting(RawPacket::linkType).containsExactly(101, 1, 276);
        assertThat(read.packets()).extracting(RawPacket::epochNanos).containsExactly(7_000_000L, 7_000L, 7L);
        assertThat(read.packets().get(0).originalLength()).isEqualTo(20);
        assertThat(read.packets().get(0).truncated()).isTrue();
    }

    @Test
    void eachSectionHasItsOwnByteOrderAndInterfaceNumbering() throws IOException {
        byte[] file = new PcapngBuilder().section(LE).idb(1, 0, 9, null).epb(0, 1, DATA, 15)
                .section(BE).idb(113, 0, 9, null).epb(0, 2, DATA, 15)
                .section(LE).idb(0, 0, 9, null).idb(101, 0, 9, null).epb(1, 3, DATA, 15).bytes();
        Captures.Read read = readAll(write(dir, "s.pcapng", file));
        assertThat(read.packets()).extracting(RawPacket::linkType).containsExactly(1, 113, 101);
        assertThat(read.packets()).extracting(RawPacket::frame).containsExactly(1L, 2L, 3L);
        assertThat(read.packets()).extracting(RawPacket::epochNanos).containsExactly(1L, 2L, 3L);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void simplePacketBlocksUseInterfaceZeroAndItsSnapLength() throws IOException {
        byte[] file = new PcapngBuilder().section(LE).idb(1, 10, null, null).spb(DATA, 15).spb(Arrays.copyOf(DATA, 8), 8)
                .bytes();
        Captures.Read read = readAll(write(dir, "spb.pcapng", file));
        assertThat(read.packets()).hasSize(2);
        assertThat(read.packets().get(0).data()).isEqualTo(Arrays.copyOf(DATA, 10));
        assertThat(read.packets().get(0).originalLength()).isEqualTo(15);
        assertThat(read.packets().get(1).data()).hasSize(8);
        assertThat(read.packets()).extracting(RawPacket::linkType).containsOnly(1);
    }

    @Test
    void theObsoletePacketBlockIsRead() throws IOException {
        byte[] file = new PcapngBuilder().section(BE).idb(1, 0, null, null).obsoletePacket(0, 42, DATA).bytes();
        RawPacket p = readAll(write(dir, "pb.pcapng", file)).packets().get(0);
        assertThat(p.data()).isEqualTo(DATA);
        assertThat(p.epochNanos()).isEqualTo(42_000L);
    }

    @Test
    void otherBlocksAreSkippedAndOnlyUnknownTypesAreMentionedOnce() throws IOException {
        byte[] file = new PcapngBuilder().section(LE).other(4, 8).idb(1, 0, null, null).other(5, 16)
                .other(0x1234, 12).epb(0, 1, DATA, 15).other(0x1234, 0).other(0x40000bad, 4).epb(0, 2, DATA, 15)
                .bytes();
        Captures.Read read = readAll(write(dir, "u.pcapng", file));
        assertThat(read.packets()).extracting(RawPacket::frame).containsExactly(1L, 2L);
        assertThat(read.warnings()).containsExactly("skipped a block of unknown type 0x00001234 at offset 100");
    }

    @Test
    void aPacketOfAnUndescribedInterfaceIsSkippedButCounted() throws IOException {
        byte[] file = new PcapngBuilder().section(LE).idb(1, 0, null, null).epb(3, 1, DATA, 15).epb(0, 2, DATA, 15)
                .bytes();
        Captures.Read read = readAll(write(dir, "if.pcapng", file));
        assertThat(read.packets()).extracting(RawPacket::frame).containsExactly(2L);
        assertThat(read.warnings()).containsExactly(
                "frame 1 is skipped: it names interface 3, which its section does not describe");
    }

    @Test
    void impossibleBlockLengthsStopReadingWithAWarning() throws IOException {
        byte[] good = new PcapngBuilder().section(LE).idb(1, 0, null, null).epb(0, 1, DATA, 15).bytes();
        for (int badLength : new int[] {0, 8, 13, 0x7ffffffc}) {
            byte[] bad = ByteBuffer.allocate(12).order(LE).putInt(6).putInt(badLength).putInt(badLength).array();
            Captures.Read read = readAll(write(dir, "b.pcapng", new PcapngBuilder().raw(good).raw(bad).bytes()));
            assertThat(read.packets()).as("length %d", badLength).hasSize(1);
            assertThat(read.warnings()).as("length %d", badLength).hasSize(1);
        }
    }

    @Test
    void aTrailingLengthThatDisagreesStopsReading() throws IOException {
        byte[] file = new PcapngBuilder().section(LE).idb(1, 0, null, null).epb(0, 1, DATA, 15).epb(0, 2, DATA, 15)
                .bytes();
        int secondEnd = file.length;
        file[secondEnd - 4] ^= 4;
        Captures.Read read = readAll(write(dir, "t.pcapng", file));
        assertThat(read.packets()).hasSize(1);
        assertThat(read.warnings()).singleElement().asString().contains("ends with a length that differs");
    }

    @Test
    void aFileThatIsNotPcapngPastItsMagicIsAFormatError() throws IOException {
        byte[] file = new PcapngBuilder().section(LE).bytes();
        file[8] = 0; // byte-order magic broken
        assertThatThrownBy(() -> readAll(write(dir, "m.pcapng", file))).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("byte-order magic");
    }

    @Test
    void cuttingTheFileAtAnyByteNeverThrowsPastTheSectionHeader() throws IOException {
        PcapngBuilder b = new PcapngBuilder().section(BE);
        int shb = b.bytes().length;
        b.idb(1, 0, 9, null).other(0x77, 8).epb(0, 1, DATA, 15).spb(DATA, 15).section(LE).idb(1, 0, null, null)
                .obsoletePacket(0, 1, DATA);
        byte[] file = b.bytes();
        int full = readAll(write(dir, "full.pcapng", file)).packets().size();
        assertThat(full).isEqualTo(3);
        int previous = 0;
        for (int cut = 0; cut <= file.length; cut++) {
            Path p = write(dir, "cut.pcapng", Arrays.copyOf(file, cut));
            if (cut < shb) {
                assertThatThrownBy(() -> readAll(p)).as("cut at %d", cut).isInstanceOf(CaptureFormatException.class);
                continue;
            }
            Captures.Read read = readAll(p);
            assertThat(read.packets().size()).as("cut at %d", cut).isBetween(previous, full);
            previous = read.packets().size();
            if (cut % 4 != 0) {
                assertThat(read.warnings()).as("cut at %d", cut).anyMatch(w -> w.startsWith("capture is truncated"));
            }
        }
        assertThat(previous).isEqualTo(full);
    }

    @Test
    void positionsBeyondTwoGibibytesWork() throws IOException {
        // A sparse file: an unknown block covers 2 GiB of holes, a packet follows it. Skipping reads nothing.
        Path file = dir.resolve("big.pcapng");
        byte[] head = new PcapngBuilder().section(LE).idb(1, 0, 9, null).bytes();
        long skipLength = (1L << 31) + (1 << 20);
        byte[] tail = new PcapngBuilder().epb(0, 99, DATA, 15).bytes();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(head);
            raf.write(ByteBuffer.allocate(8).order(LE).putInt(0xbad).putInt((int) skipLength).array());
            raf.seek(head.length + skipLength - 4);
            raf.write(ByteBuffer.allocate(4).order(LE).putInt((int) skipLength).array());
            raf.write(tail);
        }
        try {
            Captures.Read read = readAll(file);
            assertThat(read.packets()).singleElement().satisfies(p -> assertThat(p.epochNanos()).isEqualTo(99));
            assertThat(read.position()).isEqualTo(Files.size(file)).isGreaterThan(1L << 31);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aTruncatedFrameBeyondTwoGibibytesIsReportedWithLongCounts() throws IOException {
        Path file = dir.resolve("big2.pcapng");
        byte[] head = new PcapngBuilder().section(LE).idb(1, 0, 9, null).bytes();
        long skipLength = (1L << 31) + 1024;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(head);
            raf.write(ByteBuffer.allocate(8).order(LE).putInt(0xbad).putInt((int) skipLength).array());
            raf.setLength(head.length + skipLength - 100);
        }
        try {
            Captures.Read read = readAll(file);
            assertThat(read.warnings()).containsExactly("capture is truncated: the block at offset " + head.length
                    + " is cut short (file ends after " + (skipLength - 100) + " of " + skipLength + " bytes)");
        } finally {
            Files.delete(file);
        }
    }

    private static RawPacket renumber(RawPacket p, long frame) {
        return new RawPacket(frame, p.epochNanos(), p.linkType(), p.originalLength(), p.data());
    }
}
