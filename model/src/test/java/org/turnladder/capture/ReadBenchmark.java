package org.turnladder.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.turnladder.net.PacketDissector;
import org.turnladder.net.TransportPacket;

/**
 * Measures reading speed: {@code ReadBenchmark FILE [--dissect]} reads the whole capture (optionally through
 * {@link PacketDissector}) and prints frames per second and MiB per second.
 */
public final class ReadBenchmark {
    private ReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ReadBenchmark FILE [--dissect]");
            System.exit(2);
        }
        boolean dissect = args.length > 1 && args[1].equals("--dissect");
        long start = System.nanoTime();
        long frames = 0, bytes = 0, transport = 0;
        PacketDissector dissector = new PacketDissector();
        try (PacketSource source = CaptureFiles.open(Path.of(args[0]))) {
            for (RawPacket p; (p = source.next()) != null; ) {
                frames++;
                bytes += p.data().length;
                if (dissect) {
                    TransportPacket t = dissector.dissect(p);
                    if (t != null) {
                        transport++;
                    }
                }
            }
            source.warnings().forEach(w -> System.out.println("warning: " + w));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d frames, %.1f MiB in %.3f s: %.2f M frames/s, %.0f MiB/s%s%n", frames,
                bytes / 1048576.0, seconds, frames / seconds / 1e6, bytes / 1048576.0 / seconds,
                dissect ? ", " + transport + " UDP/TCP packets" : "");
        dissector.warnings().forEach(w -> System.out.println("warning: " + w));
    }
}
