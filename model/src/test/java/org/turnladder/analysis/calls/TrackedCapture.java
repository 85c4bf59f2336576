package org.turnladder.analysis.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Severity;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.TestCaptures;

/** A capture fed through the decoder into a {@link CallTracker}, messages and TCP flow summaries alike. */
final class TrackedCapture {
    final CallTracker tracker = new CallTracker();
    long lastNanos;

    static TrackedCapture of(String name) {
        return of(TestCaptures.path(name));
    }

    static TrackedCapture of(Path capture) {
        TrackedCapture t = new TrackedCapture();
        DecodeEngine engine = new DecodeEngine(t.tracker::message, t.tracker::tcpFlow);
        try (PacketSource source = CaptureFiles.open(capture)) {
            RawPacket p;
            while ((p = source.next()) != null) {
                engine.accept(p);
                t.lastNanos = p.epochNanos();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine.finish();
        return t;
    }

    List<Finding> findings() {
        return tracker.findings(lastNanos, true);
    }

    List<Finding> findings(String id) {
        return findings().stream().filter(f -> f.id().equals(id)).toList();
    }

    List<Finding> errors() {
        return findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
