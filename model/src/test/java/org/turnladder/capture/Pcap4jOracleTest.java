package org.turnladder.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;

/** Our reader must agree with libpcap (through pcap4j) on every frame: count, bytes, length and nanosecond time. */
class Pcap4jOracleTest {
    @TempDir
    static Path dir;
    private static String libpcapProblem;

    @BeforeAll
    static void loadLibpcap() {
        try {
            Pcaps.libVersion();
        } catch (LinkageError e) {
            libpcapProblem = "libpcap cannot be loaded: " + e;
        }
    }

    @TestFactory
    Stream<DynamicTest> syntheticCapturesReadLikeLibpcap() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        List<Path> files = new ArrayList<>();
        files.add(Captures.write(dir, "micro-le.pcap",
                Captures.pcap(1, false, ByteOrder.LITTLE_ENDIAN, Captures.sample(100, 1))));
        files.add(Captures.write(dir, "nano-be.pcap",
                Captures.pcap(113, true, ByteOrder.BIG_ENDIAN, Captures.sample(100, 113))));
        files.add(Captures.write(dir, "writer-le.pcapng", Captures.pcapng(ByteOrder.LITTLE_ENDIAN,
                Captures.sample(100, 1))));
        files.add(Captures.write(dir, "binary-resolution-be.pcapng", new PcapngBuilder().section(ByteOrder.BIG_ENDIAN)
                .idb(1, 0, 0x80 | 20, 60L).epb(0, (1_700_000_000L << 20) | 12345, data, 20)
                .other(5, 8).obsoletePacket(0, 1L << 20, data).epb(0, 3, data, 17).bytes()));
        files.add(Captures.write(dir, "micro-default.pcapng", new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN)
                .idb(101, 0, null, null).epb(0, 1_700_000_000_999_999L, data, 17).other(0x4444, 4)
                .epb(0, 1, data, 17).spb(data, 17).bytes()));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
    }

    @TestFactory
    Stream<DynamicTest> testCaptureFilesReadLikeLibpcap() throws IOException {
        Path captures = root().resolve("test-captures");
        if (!Files.isDirectory(captures)) {
            return Stream.of(DynamicTest.dynamicTest("no test-captures folder",
                    () -> assumeTrue(false, "no test-captures folder under " + root())));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(captures)) {
            files = walk.filter(Files::isRegularFile).filter(Pcap4jOracleTest::isPlainCapture).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(captures.relativize(f).toString(), () -> compare(f)));
    }

    private static void compare(Path file) throws Exception {
        assumeTrue(libpcapProblem == null, libpcapProblem);
        List<String> expected = new ArrayList<>();
        try (PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO)) {
            int linkType = sameRaw(handle.getDlt().value());
            long frame = 0;
            while (true) {
                byte[] bytes;
                try {
                    bytes = handle.getNextRawPacketEx();
                } catch (EOFException end) {
                    break;
                }
                Timestamp ts = handle.getTimestamp();
                long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                expected.add(Captures.describe(new RawPacket(++frame, nanos, linkType, handle.getOriginalLength(),
                        bytes)));
            }
        }
        Captures.Read read = Captures.readAll(file);
        List<RawPacket> ours = read.packets().stream().map(p -> new RawPacket(p.frame(), p.epochNanos(),
                sameRaw(p.linkType()), p.originalLength(), p.data())).toList();
        assertThat(Captures.describe(ours)).containsExactlyElementsOf(expected);
        assertThat(read.warnings()).allMatch(w -> w.startsWith("skipped a block of unknown type"));
    }

    /** libpcap reports LINKTYPE_RAW (101) as DLT_RAW (12, or 14 on OpenBSD); the file stores 101. */
    private static int sameRaw(int linkType) {
        return linkType == 12 || linkType == 14 ? 101 : linkType;
    }

    /** pcap or pcapng by magic; pcap4j cannot read gzip. */
    private static boolean isPlainCapture(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] m = in.readNBytes(4);
            if (m.length < 4) {
                return false;
            }
            int be = ((m[0] & 0xff) << 24) | ((m[1] & 0xff) << 16) | ((m[2] & 0xff) << 8) | (m[3] & 0xff);
            return PcapReader.isMagic(be) || PcapReader.isMagic(Integer.reverseBytes(be)) || be == PcapngReader.SHB;
        } catch (IOException e) {
            return false;
        }
    }

    static Path root() {
        String property = System.getProperty("turnladder.root");
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-captures"))) {
                return p;
            }
        }
        return dir;
    }
}
