package org.turnladder.app.ui;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.turnladder.analysis.Analysis;
import org.turnladder.capture.RawPacket;
import org.turnladder.document.LiveDocument;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderSnapshot;
import org.turnladder.views.ladder.LadderView;
import org.turnladder.net.LinkType;
import org.turnladder.net.TestFrames;

/**
 * What one live refresh costs at 10k, 100k and 500k messages, {@value #GROWTH} new messages per refresh: the time
 * the document's lock is held (the analysis snapshot and the ladder's entries), building the ladder whole and
 * extending the previous one (both without the lock), laying it out on the JavaFX thread (whole, and extended as a
 * refresh does), the whole refresh as the pane does it (submit to shown), and the longest a packet waited for the
 * lock while that refresh ran (a reader thread feeding all along). Not a test: run it by hand, headless, e.g.
 * <pre>
 * mvn -o -q -B test-compile -pl app -am
 * mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=cp.txt -pl app   # then drop the turnladder jars
 * java -cp app/target/test-classes:app/target/classes:views/target/classes:model/target/classes:\
 *     model/target/test-classes:$(cat cp.txt) \
 *     org.turnladder.app.ui.LiveRefreshBenchmark
 * </pre>
 * The traffic: STUN Binding and TURN Allocate exchanges of 40 clients with one server, every transaction new, so
 * nothing collapses (the most rows per message).
 */
public final class LiveRefreshBenchmark {
    private static final int REPEAT = 7;
    /** New messages per refresh (4 refreshes a second: 4 000 messages a second). */
    private static final int GROWTH = 1000;

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
        System.out.printf("%9s %10s %10s %10s %10s %10s %10s %11s %9s%n", "messages", "under lock", "build",
                "extend", "fx whole", "fx extend", "refresh", "reader wait", "rows");
        for (int n : sizes) {
            run(n);
        }
        Platform.exit();
    }

    private static void run(int messages) throws Exception {
        LiveDocument doc = new LiveDocument("bench0", Map.of());
        long[] frame = {0};
        int[] next = {0};
        grow(doc, frame, next, messages);
        LadderOptions options = new LadderFilters().options();
        CapturePane pane = onFx(() -> {
            CapturePane p = new CapturePane(LoadedCapture.of(doc, Map.of()),
                    new RoleMemory(Preferences.userRoot().node("org/turnladder/bench")), java.nio.file.Path.of("b"));
            Stage s = new Stage();
            s.setScene(new Scene(p, 1500, 900));
            s.show();
            return p;
        });
        LadderView whole = onFx(() -> {
            LadderView v = new LadderView();
            Stage s = new Stage();
            s.setScene(new Scene(v, 1500, 600));
            s.show();
            return v;
        });
        long[] lock = new long[REPEAT];
        long[] build = new long[REPEAT];
        long[] extend = new long[REPEAT];
        long[] fxWhole = new long[REPEAT];
        long[] fxExtend = new long[REPEAT];
        long[] refresh = new long[REPEAT];
        long[] wait = new long[REPEAT];
        LadderModel previous = onFx(() -> pane.ladder().getModel());
        LadderModel m = previous;
        for (int r = 0; r < REPEAT; r++) {
            grow(doc, frame, next, GROWTH);
            long t0 = System.nanoTime();
            Object[] taken = doc.consistent(() -> new Object[] {doc.analysis(Map.of()), doc.ladderSnapshot()});
            long t1 = System.nanoTime();
            Analysis a = (Analysis) taken[0];
            LadderSnapshot snapshot = (LadderSnapshot) taken[1];
            LadderModel full = LadderModel.build(snapshot, BoxColumns.of(a, Map.of()), a.findings(), options);
            long t2 = System.nanoTime();
            m = LadderModel.extend(previous, snapshot, BoxColumns.of(a, Map.of()), a.findings(), options);
            long t3 = System.nanoTime();
            lock[r] = t1 - t0;
            build[r] = t2 - t1;
            extend[r] = t3 - t2;
            LadderModel shownBefore = previous;
            LadderModel grown = m;
            fxWhole[r] = onFx(() -> {
                whole.setModel(null); // laid out from nothing, as before extending
                long s0 = System.nanoTime();
                whole.setModel(full);
                whole.applyCss();
                whole.layout();
                return System.nanoTime() - s0;
            });
            fxExtend[r] = onFx(() -> {
                whole.setModel(shownBefore);
                whole.layout();
                long s0 = System.nanoTime();
                whole.setModel(grown);
                whole.applyCss();
                whole.layout();
                return System.nanoTime() - s0;
            });
            previous = m;
            grow(doc, frame, next, GROWTH); // the capture grew: a refresh has something to do
            Reader reader = new Reader(doc, frame, next);
            reader.start();
            long s0 = System.nanoTime();
            onFx(pane::refresh).get(60, TimeUnit.SECONDS);
            refresh[r] = System.nanoTime() - s0;
            wait[r] = reader.finish();
        }
        System.out.printf("%,9d %7.1f ms %7.1f ms %7.1f ms %7.1f ms %7.1f ms %7.1f ms %8.1f ms %,9d%n", messages,
                median(lock), median(build), median(extend), median(fxWhole), median(fxExtend), median(refresh),
                median(wait), m.rowCount());
        onFx(() -> {
            pane.getScene().getWindow().hide();
            whole.getScene().getWindow().hide();
            return null;
        });
    }

    /** Feeds exchanges like a capture's reader thread, timing how long each packet waits for the document. */
    private static final class Reader extends Thread {
        private final LiveDocument doc;
        private final long[] frame;
        private final int[] next;
        private volatile boolean stop;
        private long longest;

        Reader(LiveDocument doc, long[] frame, int[] next) {
            super("bench-reader");
            this.doc = doc;
            this.frame = frame;
            this.next = next;
        }

        @Override
        public void run() {
            while (!stop) {
                long t0 = System.nanoTime();
                grow(doc, frame, next, 2);
                longest = Math.max(longest, System.nanoTime() - t0);
                LockSupport.parkNanos(200_000); // about 10 000 packets a second
            }
        }

        long finish() throws InterruptedException {
            stop = true;
            join();
            return longest;
        }
    }

    /** Adds {@code n} messages (request/response exchanges). */
    private static void grow(LiveDocument doc, long[] frame, int[] next, int n) {
        for (int i = 0; i < n / 2; i++) {
            frame[0] = exchange(doc, frame[0], next[0]++);
        }
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
