package org.turnladder.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.turnladder.capture.Captures.describe;
import static org.turnladder.capture.Captures.readAll;
import static org.turnladder.capture.Captures.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "nanos={0} order={1}")
    @CsvSource({"true,BIG_ENDIAN", "true,LITTLE_ENDIAN", "false,BIG_ENDIAN", "false,LITTLE_ENDIAN"})
    void readsEveryByteOrderAndTimestampResolutionExactly(boolean nanos, String orderName) throws IOException {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<RawPacket> sent = Captures.sample(20, 1);
        Captures.Read read = readAll(write(dir, "x.pcap", Captures.pcap(1, nanos, order, sent)));
        assertThat(describe(read.packets())).containsExactlyElementsOf(describe(nanos ? sent : Captures.toMicros(sent)));
        assertThat(read.warnings()).isEmpty();
        assertThat(read.position()).isEqualTo(read.size());
    }

    @Test
    void framesAreNumberedFromOneAndCarryTheHeaderLinkType() throws IOException {
        Captures.Read read = readAll(write(dir, "x.pcap", Captures.pcap(113, true, ByteOrder.LITTLE_ENDIAN,
                Captures.sample(3, 113))));
        assertThat(read.packets()).extracting(RawPacket::frame).containsExactly(1L, 2L, 3L);
        assertThat(read.packets()).extracting(RawPacket::linkType).containsOnly(113);
    }

    @Test
    void fcsBitsInTheLinkTypeFieldAreNotPartOfTheType() throws IOException {
        byte[] file = Captures.pcap(1, true, ByteOrder.LITTLE_ENDIAN, Captures.sample(1, 1));
        file[23] = 0x10; // FCS-present flag and length in the upper bits
        assertThat(readAll(write(dir, "x.pcap", file)).packets().get(0).linkType()).isEqualTo(1);
    }

    @Test
    void aRecordCutShortEndsTheStreamWithAWarning() throws IOException {
        List<RawPacket> sent = List.of(frame(1, 50), frame(2, 82));
        byte[] file = Captures.pcap(1, false, ByteOrder.LITTLE_ENDIAN, sent);
        byte[] cut = Arrays.copyOf(file, 24 + 16 + 50 + 40);
        Captures.Read read = readAll(write(dir, "cut.pcap", cut));
        assertThat(read.packets()).hasSize(1);
        assertThat(read.warnings()).containsExactly(
                "capture is truncated: frame 2 is cut short (file ends after 40 of 98 bytes)");
    }

    @Test
    void anAbsurdCapturedLengthStopsReadingWithoutAllocatingIt() throws IOException {
        byte[] file = Captures.pcap(1, false, ByteOrder.LITTLE_ENDIAN, List.of(frame(1, 60), frame(2, 60)));
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 16 + 60 + 8, 0x7fff0000);
        Captures.Read read = readAll(write(dir, "absurd.pcap", file));
        assertThat(read.packets()).hasSize(1);
        assertThat(read.warnings()).singleElement().asString()
                .startsWith("frame 2 claims 2147418112 captured bytes").endsWith("the rest of the file is ignored");
    }

    @Test
    void aLengthBeyondTheFileEndIsTruncationNotARead() throws IOException {
        byte[] file = Captures.pcap(1, false, ByteOrder.LITTLE_ENDIAN, List.of(frame(1, 60)));
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, 200_000);
        Captures.Read read = readAll(write(dir, "long.pcap", file));
        assertThat(read.packets()).isEmpty();
        assertThat(read.warnings()).containsExactly(
                "capture is truncated: frame 1 is cut short (file ends after 76 of 200016 bytes)");
    }

    @Test
    void cuttingTheFileAtAnyByteNeverThrowsPastTheHeader() throws IOException {
        List<RawPacket> sent = List.of(frame(1, 20), frame(2, 33), frame(3, 7));
        byte[] file = Captures.pcap(1, true, ByteOrder.BIG_ENDIAN, sent);
        int[] recordEnds = {24, 24 + 36, 24 + 36 + 49, file.length};
        for (int cut = 0; cut <= file.length; cut++) {
            Path p = write(dir, "cut" + cut + ".pcap", Arrays.copyOf(file, cut));
            if (cut < 24) {
                assertThatThrownBy(() -> readAll(p)).isInstanceOf(CaptureFormatException.class);
                continue;
            }
            Captures.Read read = readAll(p);
            int complete = 0;
            while (complete < 3 && recordEnds[complete + 1] <= cut) {
                complete++;
            }
            int at = cut;
            boolean clean = Arrays.stream(recordEnds).anyMatch(e -> e == at);
            assertThat(read.packets()).as("cut at %d", cut).hasSize(complete);
            assertThat(read.warnings()).as("cut at %d", cut).hasSize(clean ? 0 : 1);
        }
    }

    @Test
    void aBufferSmallerThanTheFramesReadsTheSameFrames() throws IOException {
        List<RawPacket> sent = Captures.sample(200, 1);
        Path file = write(dir, "x.pcap", Captures.pcap(1, true, ByteOrder.LITTLE_ENDIAN, sent));
        for (int buffer : new int[] {16, 17, 64, 333, 4096}) {
            Captures.Read read = Captures.readAll(CaptureFiles.open(file, buffer));
            assertThat(describe(read.packets())).as("buffer %d", buffer).containsExactlyElementsOf(describe(sent));
            assertThat(read.position()).isEqualTo(read.size());
        }
    }

    @Test
    void anUnknownPcapMajorVersionIsAFormatError() throws IOException {
        byte[] file = Captures.pcap(1, true, ByteOrder.BIG_ENDIAN, List.of());
        file[5] = 9;
        assertThatThrownBy(() -> readAll(write(dir, "v.pcap", file))).isInstanceOf(CaptureFormatException.class)
                .hasMessage("unsupported pcap version 9.4");
    }

    static RawPacket frame(long n, int length) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) n);
        return new RawPacket(n, 1_600_000_000_000_000_000L + n * 1000, 1, length, data);
    }
}
