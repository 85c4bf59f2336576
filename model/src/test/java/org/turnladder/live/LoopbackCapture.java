package org.turnladder.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether this machine can capture on its loopback interface (libpcap present, enough privilege), found out once:
 * live tests here and in the app's window tests run only where it can.
 */
public final class LoopbackCapture {
    private static boolean probed;
    private static String name;
    private static String whyNot;

    private LoopbackCapture() {
    }

    /** The loopback interface's name; skips the calling test when capturing on it is not possible. */
    public static synchronized String name() {
        assumeTrue(whyNot() == null, () -> "live capture is not possible here: " + whyNot);
        return name;
    }

    /** Why capturing on loopback is not possible here, or null when it is. */
    public static synchronized String whyNot() {
        if (!probed) {
            probed = true;
            probe();
        }
        return whyNot;
    }

    private static void probe() {
        try {
            name = Interfaces.list().stream().filter(CaptureInterface::loopback).map(CaptureInterface::name)
                    .findFirst().orElse(null);
            if (name == null) {
                whyNot = "no loopback interface";
                return;
            }
            try (LiveCapture probe = LiveCapture.open(LiveOptions.of(name).withFilter("udp port 9")
                    .withSpoolDirectory(Path.of(System.getProperty("java.io.tmpdir"), "turnladder-live-test")))) {
                probe.discard();
            }
        } catch (IOException | LinkageError e) {
            whyNot = String.valueOf(e.getMessage());
        }
    }
}
