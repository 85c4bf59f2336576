package org.turnladder.app.ui;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.turnladder.analysis.Analysis;
import org.turnladder.capture.RawPacket;
import org.turnladder.document.LiveDocument;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.net.LinkType;
import org.turnladder.net.TestFrames;

/**
 * What one live refresh costs at 10k, 100k and 500k messages: the analysis snapshot and the ladder build (both
 * under the document's lock, on the pane's worker), the view's layout on the JavaFX thread, and the whole refresh
 * as the pane does it (submit to shown). Not a test: run it by hand, headless, e.g.
 * <pre>
 * mvn -o -q -B test-compile -pl app -am
 * java -cp app/target/test-classes:app/target/classes:$(cat cp.txt) org.turnladder.app.ui.LiveRefreshBenchmark
 * </pre>
 * The traffic: STUN Binding and TURN Allocate exchanges of 40 clients with one server, every transaction new, so
 * nothing collapses (the most rows per message).
 */
public final class LiveRefreshBenchmark {
    private static final int REPEAT = 5;

    private LiveRefreshBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1000-32");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000, 500_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("%9s %11s %11s %11s %11s %13s %9s%n", "messages", "analysis", "ladder", "fx ladder",
                "fx panels", "whole refresh", "rows");
        for (int n : sizes) {
            run(n);
        }
        Platform.exit();
    }

    private static void run(int messages) throws Exception {
        LiveDocument doc = new LiveDocument("bench0", Map.of());
        long frame = 0;
        for (int i = 0; i < messages / 2; i++) {
            frame = exchange(doc, frame, i);
        }
        long[] analysis = new long[REPEAT];
        long[] ladder = new long[REPEAT];
        LadderModel m = null;
        LadderOptions options = new LadderFilters().options();
        for (int r = 0; r < REPEAT; r++) {
            long t0 = System.nanoTime();
            Analysis a = doc.analysis(Map.of());
            long t1 = System.nanoTime();
            m = doc.ladder(BoxColumns.of(a, Map.of()), a.findings(), options);
            long t2 = System.nanoTime();
            analysis[r] = t1 - t0;
            ladder[r] = t2 - t1;
        }
        CapturePane pane = onFx(() -> {
            CapturePane p = new CapturePane(LoadedCapture.of(doc, Map.of()),
                    new RoleMemory(Preferences.userRoot().node("org/turnladder/bench")), java.nio.file.Path.of("b"));
            Stage s = new Stage();
            s.setScene(new Scene(p, 1500, 900));
            s.show();
            return p;
        });
        long[] panels = new long[REPEAT];
        long[] apply = new long[REPEAT];
        long[] whole = new long[REPEAT];
        LadderModel built = m;
        for (int r = 0; r < REPEAT; r++) {
            apply[r] = onFx(() -> {
                long t0 = System.nanoTime();
                pane.ladder().setModel(built);
                pane.ladder().applyCss();
                pane.ladder().layout();
                return System.nanoTime() - t0;
            });
            Analysis fresh = doc.analysis(Map.of());
            panels[r] = onFx(() -> {
                long t0 = System.nanoTime();
                pane.findings().setFindings(fresh.findings());
                pane.sessions().setAnalysis(fresh);
                pane.roles().setBoxes(fresh.roles(), Map.of(), Map.of());
                pane.applyCss();
                pane.layout();
                return System.nanoTime() - t0;
            });
            frame = exchange(doc, frame, messages + r); // the capture grew: a refresh has something to do
            long t0 = System.nanoTime();
            onFx(pane::refresh).get(60, TimeUnit.SECONDS);
            whole[r] = System.nanoTime() - t0;
        }
        System.out.printf("%,9d %8.1f ms %8.1f ms %8.1f ms %8.1f ms %10.1f ms %,9d%n", messages, median(analysis),
                median(ladder), median(apply), median(panels), median(whole), m.rowCount());
        onFx(() -> {
            pane.getScene().getWindow().hide();
            return null;
        });
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    /** A request and its response between client {@code i % 40} and the server; returns the last frame number. */
    private static long exchange(LiveDocument doc, long frame, int i) {
        int c = i % 40;
        String client = "10.0.0." + (c + 1);
        int port = 50000 + c;
        boolean allocate = i % 4 == 0;
        long t = 1_700_000_000_000_000_000L + i * 1_000_000L;
        doc.packet(packet(++frame, t, client, port, "203.0.113.10", 3478, stun(allocate ? 0x0003 : 0x0001, i)));
        doc.packet(packet(++frame, t + 300_000, "203.0.113.10", 3478, client, port,
                stun(allocate ? 0x0103 : 0x0101, i)));
        return frame;
    }

    private static RawPacket packet(long frame, long nanos, String src, int sport, String dst, int dport,
                                    byte[] payload) {
        byte[] ip = TestFrames.ipv4(src, dst, 17, TestFrames.udp(sport, dport, payload));
        return new RawPacket(frame, nanos, LinkType.RAW, ip.length, ip);
    }

    /** A STUN message without attributes and a transaction id of its own. */
    private static byte[] stun(int type, int id) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putShort((short) type).putShort((short) 0).putInt(0x2112A442).putInt(0x5a5a5a5a).putInt(id)
                .putInt(~id);
        return b.array();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
