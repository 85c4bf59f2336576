package org.turnladder.decode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;

/** The repository's test-captures/ folder, and a one-call decode of a capture in it. */
public final class TestCaptures {
    private TestCaptures() {
    }

    public static Path dir() {
        String root = System.getProperty("turnladder.root");
        Path d = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("test-captures"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("test-captures/ not found");
        }
        return d.resolve("test-captures");
    }

    public static Path path(String name) {
        return dir().resolve(name);
    }

    /** Every capture file in test-captures/ and test-captures/synthetic/. */
    public static List<Path> all() {
        try (Stream<Path> top = Files.list(dir()); Stream<Path> synthetic = Files.list(dir().resolve("synthetic"))) {
            return Stream.concat(top, synthetic)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng)(\\.gz)?"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a whole capture. */
    public static List<DecodedMessage> decode(Path capture) {
        List<DecodedMessage> out = new ArrayList<>();
        DecodeEngine engine = new DecodeEngine(out::add);
        try (PacketSource source = CaptureFiles.open(capture)) {
            RawPacket p;
            while ((p = source.next()) != null) {
                engine.accept(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine.finish();
        return out;
    }
}
