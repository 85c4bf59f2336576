package org.turnladder.ladder;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.document.CaptureDocument;

/**
 * Benchmark, not a test: loads a capture the way the window does, then times {@link LadderModel#build} and
 * {@link LadderLayout#compute} (text measured as 7 px a character) for the default options and a few filters.
 * Prints columns, rows, median wall time of each step over the runs, and the bytes each step allocated.
 * Run by {@code benchmark/ladder.sh}.
 */
public final class LadderBench {
    private static final TextWidth SEVEN = s -> 7.0 * s.length();

    private LadderBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LadderBench CAPTURE [RUNS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long t0 = System.nanoTime();
        CaptureDocument doc = CaptureDocument.load(file, Map.of(), (a, b, c, d) -> { }, () -> false);
        long t1 = System.nanoTime();
        LadderFeed feed = new LadderFeed();
        for (DecodedMessage m : doc.messages()) {
            feed.add(m);
        }
        long t2 = System.nanoTime();
        Columns columns = RoleColumns.of(doc.analysis().roles());
        System.out.printf("capture %s: %d frames, %d messages, %d TURN sessions, %d calls, %d role boxes%n",
                file.getFileName(), doc.frameCount(), doc.messages().size(), feed.turnSessions().size(),
                feed.callIds().size(), doc.analysis().roles().size());
        System.out.printf("load %.2f s, ladder feed %.2f s, heap in use %d MiB%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, usedMiB());

        Map<org.turnladder.analysis.Role, Integer> perRole = new java.util.EnumMap<>(org.turnladder.analysis.Role.class);
        for (LadderColumn c : LadderModel.build(feed, columns, List.of(), LadderOptions.showAll().withColumnsPerRole(0))
                .columns()) {
            perRole.merge(c.role(), 1, Integer::sum);
        }
        System.out.println("columns per role without a limit: " + perRole);
        Map<String, LadderOptions> cases = new LinkedHashMap<>();
        cases.put("defaults", LadderOptions.defaults());
        cases.put("show all", LadderOptions.showAll());
        cases.put("show all, no column limit", LadderOptions.showAll().withColumnsPerRole(0));
        cases.put("SIP only", LadderOptions.defaults().withProtocols(EnumSet.of(LadderProtocol.SIP)));
        cases.putAll(Scenarios.extra(feed));
        System.out.printf("%-28s %8s %8s %10s %10s %12s %12s%n", "options", "columns", "rows", "build ms",
                "layout ms", "build MiB", "layout MiB");
        for (Map.Entry<String, LadderOptions> c : cases.entrySet()) {
            measure(c.getKey(), feed, columns, doc, c.getValue(), runs);
        }
    }

    private static void measure(String name, LadderFeed feed, Columns columns, CaptureDocument doc, LadderOptions o,
                                int runs) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double[] build = new double[runs];
        double[] lay = new double[runs];
        long buildBytes = 0;
        long layBytes = 0;
        LadderModel m = null;
        for (int i = 0; i < runs; i++) {
            m = null;
            long a0 = mx.getThreadAllocatedBytes(tid);
            long s0 = System.nanoTime();
            m = LadderModel.build(feed, columns, doc.analysis().findings(), o);
            long s1 = System.nanoTime();
            long a1 = mx.getThreadAllocatedBytes(tid);
            LadderLayout l = LadderLayout.compute(m, SEVEN, SEVEN, TimeMode.RELATIVE);
            long s2 = System.nanoTime();
            long a2 = mx.getThreadAllocatedBytes(tid);
            build[i] = (s1 - s0) / 1e6;
            lay[i] = (s2 - s1) / 1e6;
            buildBytes = a1 - a0;
            layBytes = a2 - a1;
            if (l.columnCount() != m.columns().size()) {
                throw new IllegalStateException("layout and model disagree");
            }
        }
        System.out.printf("%-28s %8d %8d %10.0f %10.0f %12.1f %12.1f%n", name, m.columns().size(), m.rowCount(),
                median(build), median(lay), buildBytes / 1048576.0, layBytes / 1048576.0);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long usedMiB() {
        Runtime r = Runtime.getRuntime();
        System.gc();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    /** Filters narrowing the ladder to one call or one TURN session, the busiest of each. */
    static final class Scenarios {
        private Scenarios() {
        }

        static Map<String, LadderOptions> extra(LadderFeed feed) {
            Map<String, LadderOptions> out = new LinkedHashMap<>();
            Map<String, Integer> perCall = new LinkedHashMap<>();
            Map<Integer, Integer> perSession = new LinkedHashMap<>();
            for (LadderEntry e : feed.entries()) {
                if (e.callId() != null) {
                    perCall.merge(e.callId(), 1, Integer::sum);
                }
                if (e.turnSession() >= 0) {
                    perSession.merge(e.turnSession(), 1, Integer::sum);
                }
            }
            List<String> calls = new ArrayList<>(perCall.keySet());
            calls.sort((x, y) -> perCall.get(y) - perCall.get(x));
            if (!calls.isEmpty()) {
                out.put("one call (busiest)", LadderOptions.defaults().withCall(calls.get(0)));
            }
            List<Integer> sessions = new ArrayList<>(perSession.keySet());
            sessions.sort((x, y) -> perSession.get(y) - perSession.get(x));
            if (!sessions.isEmpty()) {
                out.put("one TURN session (busiest)", LadderOptions.defaults().withTurnSession(sessions.get(0)));
            }
            return out;
        }
    }
}
