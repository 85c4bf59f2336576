package org.turnladder.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.turnladder.analysis.Role;
import org.turnladder.document.CaptureDocument;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.ladder.TimeMode;

/**
 * {@code export FILE --png OUT.png [--time absolute|relative|delta] [--all] [--role ADDRESS=ROLE …]}: the whole
 * ladder as a PNG, drawn by the same painter as the window, without a display (JavaFX's headless Monocle glass).
 */
final class ExportCommand {
    private ExportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path png = null;
        TimeMode time = TimeMode.RELATIVE;
        LadderOptions options = LadderOptions.defaults();
        Map<String, Role> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--png") && i + 1 < args.length) {
                png = Path.of(args[++i]);
            } else if (a.equals("--time") && i + 1 < args.length) {
                try {
                    time = TimeMode.valueOf(args[++i].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    err.println("turnladder export: --time is absolute, relative or delta, not " + args[i]);
                    return 2;
                }
            } else if (a.equals("--all")) {
                options = LadderOptions.showAll();
            } else if (a.equals("--role") && i + 1 < args.length) {
                String problem = AnalyzeCommand.addOverride(args[++i], overrides);
                if (problem != null) {
                    err.println("turnladder export: " + problem);
                    return 2;
                }
            } else if (a.equals("--help") || a.equals("-h")) {
                out.print(Cli.usage());
                return 0;
            } else if (a.startsWith("-")) {
                err.println("turnladder export: unknown option " + a);
                return 2;
            } else if (file == null) {
                file = Path.of(a);
            } else {
                err.println("turnladder export: one capture file at a time");
                return 2;
            }
        }
        if (file == null || png == null) {
            err.println("turnladder export: usage: export FILE --png OUT.png [--time absolute|relative|delta] [--all]"
                    + " [--role ADDRESS=ROLE …]");
            return 2;
        }
        try {
            CaptureDocument doc = CaptureDocument.load(file, overrides, (a, b, c, d) -> { }, () -> false);
            for (String w : doc.warnings()) {
                err.println("turnladder export: warning: " + w);
            }
            LadderModel model = LadderModel.build(doc.messages(), RoleColumns.of(doc.analysis().roles()),
                    doc.analysis().findings(), options);
            Headless.useMonocleUnlessADisplayIsSet();
            var exporter = new org.turnladder.views.export.LadderPngExporter(model, time,
                    file.getFileName().toString());
            exporter.export(png);
            int[] size = exporter.size();
            out.println("wrote " + png + " (" + size[0] + " × " + size[1] + " px, " + model.rows().size()
                    + " rows)");
            return 0;
        } catch (NoSuchFileException e) {
            err.println("turnladder export: no such file: " + e.getFile());
        } catch (IOException e) {
            err.println("turnladder export: cannot export " + file + ": " + oneLine(e));
        } catch (RuntimeException | LinkageError e) {
            err.println("turnladder export: failed: " + oneLine(e));
        }
        return 2;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }
}
