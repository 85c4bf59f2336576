package org.turnladder.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.turnladder.analysis.Analyzer;
import org.turnladder.analysis.Role;

/** {@code analyze FILE [--format json|text] [--role ADDRESS=ROLE …]}: roles, calls, TURN, ICE and findings. */
final class AnalyzeCommand {
    private AnalyzeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        String format = "text";
        Map<String, Role> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--format") && i + 1 < args.length) {
                format = args[++i];
            } else if (a.startsWith("--format=")) {
                format = a.substring("--format=".length());
            } else if ((a.equals("--role") && i + 1 < args.length) || a.startsWith("--role=")) {
                String spec = a.equals("--role") ? args[++i] : a.substring("--role=".length());
                String problem = addOverride(spec, overrides);
                if (problem != null) {
                    err.println("turnladder analyze: " + problem);
                    return 2;
                }
            } else if (a.equals("--help") || a.equals("-h")) {
                out.print(Cli.usage());
                return 0;
            } else if (a.startsWith("-")) {
                err.println("turnladder analyze: unknown option " + a);
                return 2;
            } else if (file == null) {
                file = Path.of(a);
            } else {
                err.println("turnladder analyze: one capture file at a time");
                return 2;
            }
        }
        if (file == null) {
            err.println("turnladder analyze: which capture? usage: analyze FILE [--format json|text] "
                    + "[--role ADDRESS=ROLE …]");
            return 2;
        }
        if (!format.equals("json") && !format.equals("text")) {
            err.println("turnladder analyze: --format is json or text, not " + format);
            return 2;
        }
        try {
            CaptureReading.Result r = CaptureReading.analyze(file, new Analyzer(overrides));
            for (String w : r.warnings()) {
                err.println("turnladder analyze: warning: " + w);
            }
            out.print(format.equals("json") ? AnalysisJson.of(file, r) : AnalysisText.of(file, r));
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("turnladder analyze: no such file: " + file);
        } catch (IOException e) {
            err.println("turnladder analyze: cannot read " + file + ": " + oneLine(e));
        } catch (RuntimeException e) {
            err.println("turnladder analyze: internal error while analysing " + file + ": " + oneLine(e));
        }
        return 2;
    }

    /** Parses {@code 192.0.2.50=EXPRESSWAY_E} (role names as in the JSON, any case, '-' for '_'). */
    static String addOverride(String spec, Map<String, Role> overrides) {
        int eq = spec.lastIndexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            return "--role takes ADDRESS=ROLE, not " + spec;
        }
        String name = spec.substring(eq + 1).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            overrides.put(spec.substring(0, eq).trim(), Role.valueOf(name));
            return null;
        } catch (IllegalArgumentException e) {
            return "unknown role " + spec.substring(eq + 1) + " (roles: SKYPE_CLIENT, SKYPE_EDGE, SKYPE_FRONT_END, "
                    + "EXPRESSWAY_E, EXPRESSWAY_C, CMS, UNKNOWN)";
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }
}
