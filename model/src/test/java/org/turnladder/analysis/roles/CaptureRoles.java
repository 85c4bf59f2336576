package org.turnladder.analysis.roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.TestCaptures;

/** Feeds a capture from test-captures/ through the decoder into a {@link RoleDetector}, messages and TCP flows. */
final class CaptureRoles {
    private CaptureRoles() {
    }

    static RoleDetector detect(String name) {
        return detect(name, Long.MAX_VALUE);
    }

    /** Only the frames up to {@code lastFrame}, as a live capture would have delivered them by then. */
    static RoleDetector detect(String name, long lastFrame) {
        RoleDetector d = new RoleDetector();
        DecodeEngine engine = new DecodeEngine(d::message, d::tcpFlow);
        Path p = TestCaptures.path(name);
        try (PacketSource source = CaptureFiles.open(p)) {
            RawPacket raw;
            long n = 0;
            while ((raw = source.next()) != null && ++n <= lastFrame) {
                engine.accept(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine.finish();
        return d;
    }
}
