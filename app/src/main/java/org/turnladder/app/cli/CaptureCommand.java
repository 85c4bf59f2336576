package org.turnladder.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.framing.TcpFlowSummary;
import org.turnladder.live.CaptureInterface;
import org.turnladder.live.CaptureStats;
import org.turnladder.live.Interfaces;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveCaptureException;
import org.turnladder.live.LiveOptions;
import org.turnladder.live.SaveFormat;

/**
 * {@code capture --interface NAME [...]}: captures live, printing each decoded message as it comes (the lines of
 * {@code decode}), statistics on stderr at the end, and the capture to {@code --write} if asked. Ctrl-C stops
 * cleanly and still writes the file.
 */
final class CaptureCommand {
    static final String USAGE = "capture --interface NAME [--filter BPF] [--duration SECONDS] [--count N]"
            + " [--write FILE.pcapng|FILE.pcap] [--format text|json] [--snaplen N] [--no-promiscuous]"
            + " [--ring N --ring-size MB] | capture --list";
    private static final String NAME = "turnladder capture: ";
    /** How long Ctrl-C waits for the capture to be written out. */
    private static final long SHUTDOWN_WAIT_SECONDS = 120;

    private CaptureCommand() {
    }

    /** Parsed command line. */
    private static final class Args {
        String iface;
        String filter = LiveOptions.DEFAULT_FILTER;
        double durationSeconds = -1;
        long count = -1;
        Path write;
        String format = "text";
        int snaplen = LiveOptions.MAX_SNAPLEN;
        boolean promiscuous = true;
        int ringFiles;
        long ringMegabytes = -1;
        boolean list;
        boolean help;
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Args a;
        try {
            a = parse(argv);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return 2;
        }
        if (a.help) {
            out.print(Cli.usage());
            return 0;
        }
        if (a.list) {
            return list(out, err);
        }
        LiveOptions options;
        try {
            options = LiveOptions.of(a.iface).withFilter(a.filter).withSnapLength(a.snaplen)
                    .withPromiscuous(a.promiscuous)
                    .withRing(a.ringFiles, a.ringFiles == 0 ? 0 : (a.ringMegabytes < 0 ? 100 : a.ringMegabytes) << 20);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return 2;
        }
        LiveCapture capture;
        try {
            capture = LiveCapture.open(options);
        } catch (IOException e) {
            err.println(NAME + oneLine(e));
            return 2;
        }
        return capture(capture, a, out, err);
    }

    private static int list(PrintStream out, PrintStream err) {
        try {
            List<CaptureInterface> all = Interfaces.list();
            for (CaptureInterface i : all) {
                out.println(i.label());
            }
            out.flush();
            if (all.isEmpty()) {
                err.println(NAME + "libpcap lists no interfaces: capturing may need more privilege ("
                        + "cap_net_raw,cap_net_admin, root or administrator)");
            }
            return 0;
        } catch (LiveCaptureException e) {
            err.println(NAME + oneLine(e));
            return 2;
        }
    }

    private static int capture(LiveCapture capture, Args a, PrintStream out, PrintStream err) {
        boolean json = a.format.equals("json");
        DecodeEngine engine = new DecodeEngine(m -> out.println(json ? MessageJson.of(m) : TextLine.of(m)));
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            capture.stop();
            try {
                finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "turnladder-capture-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "turnladder-capture-duration");
            t.setDaemon(true);
            return t;
        });
        if (a.durationSeconds >= 0) {
            timer.schedule(capture::stop, Math.round(a.durationSeconds * 1e9), TimeUnit.NANOSECONDS);
        }
        err.println(NAME + "capturing on " + capture.options().interfaceName() + " (filter: "
                + (capture.options().filter().isEmpty() ? "none" : capture.options().filter()) + "; snap length "
                + capture.options().snapLength() + "); Ctrl-C stops");
        err.flush();
        String failure = null;
        try {
            RawPacket p;
            while ((p = capture.next()) != null) {
                engine.accept(p);
                out.flush();
                if (a.count > 0 && p.frame() >= a.count) {
                    capture.stop();
                }
            }
        } catch (LiveCaptureException e) {
            failure = oneLine(e); // says which interface and what to do
        } catch (IOException | RuntimeException e) {
            failure = "capture stopped: " + oneLine(e);
        } finally {
            timer.shutdownNow();
        }
        try {
            engine.finish();
            if (!json) {
                for (TcpFlowSummary f : engine.tcpFlows()) {
                    out.println(TextLine.of(f));
                }
            }
            out.flush();
            for (String w : engine.warnings()) {
                err.println(NAME + "warning: " + w);
            }
            for (String w : capture.warnings()) {
                err.println(NAME + "warning: " + w);
            }
            CaptureStats stats = capture.stats();
            err.println(NAME + stats.summary() + " on " + capture.options().interfaceName());
            boolean saved = keep(capture, a.write, err);
            if (failure != null) {
                err.println(NAME + failure);
            }
            return failure == null && saved ? 0 : 2;
        } finally {
            err.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // shutting down (Ctrl-C): the hook is running and has just been released
            }
        }
    }

    /** Writes the capture where asked (then drops the temporary file), or says where the temporary file is. */
    private static boolean keep(LiveCapture capture, Path write, PrintStream err) {
        try {
            capture.close();
            if (write != null) {
                long n = capture.saveAs(write, SaveFormat.forFileName(write));
                err.println(NAME + "wrote " + n + " packets to " + write);
                capture.discard();
            } else {
                List<Path> files = capture.temporaryFiles();
                err.println(NAME + "the capture is kept in " + String.join(", ", files.stream().map(Path::toString)
                        .toList()) + " (--write FILE saves it where you want)");
            }
            return true;
        } catch (IOException e) {
            err.println(NAME + "cannot write " + write + ": " + oneLine(e) + "; the capture is still in "
                    + capture.temporaryFiles());
            return false;
        }
    }

    private static Args parse(String[] argv) {
        Args a = new Args();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--list", "-D" -> a.list = true;
                case "--help", "-h" -> a.help = true;
                case "--no-promiscuous", "-p" -> a.promiscuous = false;
                case "--interface", "-i", "--filter", "-f", "--duration", "--count", "-c", "--write", "-w",
                        "--format", "--snaplen", "-s", "--ring", "--ring-size" -> {
                    if (value == null) {
                        if (i + 1 >= argv.length) {
                            throw new IllegalArgumentException(arg + " needs a value; usage: " + USAGE);
                        }
                        value = argv[++i];
                    }
                    set(a, arg, value);
                }
                default -> throw new IllegalArgumentException("unknown option " + argv[i] + "; usage: " + USAGE);
            }
        }
        if (!a.list && !a.help && a.iface == null) {
            throw new IllegalArgumentException("which interface? (--list shows them) usage: " + USAGE);
        }
        if (!a.format.equals("text") && !a.format.equals("json")) {
            throw new IllegalArgumentException("--format is json or text, not " + a.format);
        }
        if (a.ringMegabytes >= 0 && a.ringFiles == 0) {
            throw new IllegalArgumentException("--ring-size needs --ring N (how many files to keep)");
        }
        return a;
    }

    private static void set(Args a, String option, String value) {
        switch (option) {
            case "--interface", "-i" -> a.iface = value;
            case "--filter", "-f" -> a.filter = value;
            case "--duration" -> a.durationSeconds = positiveDouble(option, value);
            case "--count", "-c" -> a.count = positiveLong(option, value, Long.MAX_VALUE);
            case "--write", "-w" -> a.write = Path.of(value);
            case "--format" -> a.format = value;
            case "--snaplen", "-s" -> a.snaplen = (int) positiveLong(option, value, LiveOptions.MAX_SNAPLEN);
            case "--ring" -> a.ringFiles = (int) positiveLong(option, value, 100_000);
            case "--ring-size" -> a.ringMegabytes = positiveLong(option, value, 1L << 20);
            default -> throw new IllegalStateException(option);
        }
    }

    private static long positiveLong(String option, String value, long max) {
        try {
            long v = Long.parseLong(value.trim());
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number from 1 to " + max + ", not " + value);
    }

    private static double positiveDouble(String option, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (v > 0 && v < 1e9) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a number of seconds above 0, not " + value);
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }
}
