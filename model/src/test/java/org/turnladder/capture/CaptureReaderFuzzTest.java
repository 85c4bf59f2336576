package org.turnladder.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes, read as a file and as a stream: the reader may refuse them with {@link CaptureFormatException} but
 * must not throw anything else, hang, or return frames after the end.
 */
class CaptureReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesReadWithoutCrashing(byte[] input) throws IOException {
        Path file = Files.createTempFile("fuzz", ".cap");
        try {
            Files.write(file, input);
            readFully(() -> CaptureFiles.open(file, 64));
            readFully(() -> CaptureFiles.open(new ByteArrayInputStream(input)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private interface Opener {
        PacketSource open() throws IOException;
    }

    private static void readFully(Opener opener) throws IOException {
        PacketSource source;
        try {
            source = opener.open();
        } catch (CaptureFormatException refused) {
            return;
        }
        try (source) {
            long last = 0;
            for (RawPacket p; (p = source.next()) != null; ) {
                if (p.frame() <= last || p.data().length > RecordReader.MAX_CAPLEN) {
                    throw new AssertionError("bad frame " + p.frame() + " after " + last);
                }
                last = p.frame();
            }
            if (source.next() != null) {
                throw new AssertionError("frame after the end");
            }
        }
    }
}
