package org.turnladder.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a headless command in a child JVM sized for streaming. A plain {@code java -jar} JVM on a big machine takes a
 * quarter of its memory as heap and grows the young generation into it, so decoding a gigabyte of capture would
 * hold hundreds of megabytes it never needs (the engine's live data stays in the tens of megabytes). A small young
 * generation, the serial collector and the quick compiler suit a command that streams for seconds.
 * {@code TURNLADDER_JAVA_OPTIONS} replaces these options; {@code TURNLADDER_JAVA_OPTIONS=none} runs in this JVM.
 */
final class LeanJvm {
    static final String CHILD = "turnladder.child";
    static final List<String> DEFAULT_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmn48m", "-Xmx2g",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    private LeanJvm() {
    }

    /** Whether this JVM should hand the command to a child: not when it is the child or was told not to. */
    static boolean shouldFork() {
        String opts = System.getenv("TURNLADDER_JAVA_OPTIONS");
        return !Boolean.getBoolean(CHILD) && !"none".equals(opts) && javaBinary() != null
                && System.getProperty("java.class.path", "").endsWith(".jar");
    }

    /** Runs {@code mainClass args} in a child JVM with this one's class path, and returns its exit status. */
    static int run(String mainClass, String[] args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary().toString());
        String opts = System.getenv("TURNLADDER_JAVA_OPTIONS");
        cmd.addAll(opts == null || opts.isBlank() ? DEFAULT_OPTIONS : Arrays.asList(opts.trim().split("\\s+")));
        cmd.addAll(moduleOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        cmd.add("-D" + CHILD + "=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        Process child = new ProcessBuilder(cmd).inheritIO().start();
        Thread stopChild = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return child.waitFor();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        }
    }

    /**
     * The options of this JVM that the child needs to run the same code: how modules are opened and exported to
     * the class path. The installed app's launcher passes them (JavaFX is linked into its runtime as modules, and
     * the views and Monocle use JavaFX internals); without them the child fails where this JVM works.
     */
    static List<String> moduleOptions(List<String> jvmArguments) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < jvmArguments.size(); i++) {
            String a = jvmArguments.get(i);
            boolean joined = a.contains("=");
            for (String name : List.of("--add-exports", "--add-opens", "--add-modules", "--add-reads",
                    "--enable-native-access", "--module-path")) {
                if (a.equals(name) && i + 1 < jvmArguments.size()) {
                    out.add(a);
                    out.add(jvmArguments.get(++i));
                } else if (joined && a.startsWith(name + "=")) {
                    out.add(a);
                }
            }
            if (a.startsWith("-Djava.library.path=")) {
                out.add(a);
            }
        }
        return out;
    }

    private static Path javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java : null;
    }
}
