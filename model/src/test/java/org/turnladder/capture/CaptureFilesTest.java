package org.turnladder.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.turnladder.capture.Captures.describe;
import static org.turnladder.capture.Captures.gzip;
import static org.turnladder.capture.Captures.readAll;
import static org.turnladder.capture.Captures.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFilesTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyFileIsAFormatError() throws IOException {
        Path p = write(dir, "e.pcap", new byte[0]);
        assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("empty file");
    }

    @Test
    void aFileThatIsNotACaptureSaysWhatItStartsWith() throws IOException {
        Path p = write(dir, "page.pcap", "<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("not a pcap or pcapng file (starts with 3c 21 44 4f)");
    }

    @Test
    void aFileShorterThanAMagicNumberIsAFormatError() throws IOException {
        Path p = write(dir, "s.pcap", new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2});
        assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("file too short to be a capture (3 bytes)");
    }

    @Test
    void gzipIsRecognisedByItsMagicNotItsName() throws IOException {
        List<RawPacket> sent = Captures.sample(50, 1);
        byte[] pcap = Captures.pcap(1, true, ByteOrder.LITTLE_ENDIAN, sent);
        byte[] pcapng = Captures.pcapng(ByteOrder.BIG_ENDIAN, sent);
        for (byte[] plain : List.of(pcap, pcapng)) {
            Path p = write(dir, "capture.bin", gzip(plain));
            Captures.Read read = readAll(p);
            assertThat(describe(read.packets())).containsExactlyElementsOf(describe(sent));
            assertThat(read.warnings()).isEmpty();
            assertThat(read.size()).isEqualTo(Files.size(p));
            assertThat(read.position()).isEqualTo(read.size());
        }
    }

    @Test
    void aTruncatedGzipEndsWithAWarningNotAnException() throws IOException {
        byte[] zipped = gzip(Captures.pcap(1, true, ByteOrder.LITTLE_ENDIAN, Captures.sample(400, 1)));
        Captures.Read read = readAll(write(dir, "cut.pcap.gz", Arrays.copyOf(zipped, zipped.length / 2)));
        assertThat(read.packets()).isNotEmpty().hasSizeLessThan(400);
        assertThat(read.warnings()).anyMatch(w -> w.startsWith("compressed data ends early or is corrupt"));
    }

    @Test
    void gzipOfSomethingElseIsAFormatError() throws IOException {
        Path html = write(dir, "x.gz", gzip("<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> CaptureFiles.open(html)).hasMessage("not a pcap or pcapng file (starts with 3c 21 44 4f)");
        Path empty = write(dir, "y.gz", gzip(new byte[0]));
        assertThatThrownBy(() -> CaptureFiles.open(empty)).isInstanceOf(CaptureFormatException.class)
                .hasMessageStartingWith("empty file");
        Path header = write(dir, "z.gz", new byte[] {0x1f, (byte) 0x8b, 8});
        assertThatThrownBy(() -> CaptureFiles.open(header)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("truncated gzip header");
    }

    @Test
    void aStreamReadsLikeAFileWithUnknownSize() throws IOException {
        List<RawPacket> sent = Captures.sample(30, 1);
        byte[] zipped = gzip(Captures.pcapng(ByteOrder.LITTLE_ENDIAN, sent));
        Captures.Read read = readAll(CaptureFiles.open(new ByteArrayInputStream(zipped)));
        assertThat(describe(read.packets())).containsExactlyElementsOf(describe(sent));
        assertThat(read.size()).isEqualTo(-1);
        assertThat(read.position()).isEqualTo(zipped.length);
    }

    @Test
    void positionGrowsTowardsSizeWhileReading() throws IOException {
        Path p = write(dir, "x.pcap", Captures.pcap(1, true, ByteOrder.LITTLE_ENDIAN, Captures.sample(10, 1)));
        try (PacketSource source = CaptureFiles.open(p, 64)) {
            long last = source.position();
            assertThat(source.size()).isEqualTo(Files.size(p));
            while (source.next() != null) {
                assertThat(source.position()).isGreaterThan(last).isLessThanOrEqualTo(source.size());
                last = source.position();
            }
            assertThat(last).isEqualTo(source.size());
        }
    }
}
