package org.turnladder.views.ladder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.DecodedMessage;

/** The repository's test-captures/ folder, decoded for views tests and demos. */
public final class Captures {
    private Captures() {
    }

    public static Path path(String name) {
        String root = System.getProperty("turnladder.root");
        Path d = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("test-captures"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("test-captures/ not found");
        }
        return d.resolve("test-captures").resolve(name);
    }

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
