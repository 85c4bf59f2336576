package org.turnladder.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.calls.Call;
import org.turnladder.document.CaptureDocument;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.ladder.TimeMode;
import org.turnladder.ladder.TurnSession;

/**
 * {@code export FILE --png OUT.png [--time absolute|relative|delta] [--all] [--columns N] [--role ADDRESS=ROLE …]
 * [--name ADDRESS=NAME …] [--protocols LIST] [--hide LIST] [--call CALL-ID]
 * [--allocation CLIENT-ADDRESS:PORT]}:
 * the whole ladder as a PNG, drawn by the same painter as the window, without a display (JavaFX's headless Monocle
 * glass). {@code --role} and {@code --name} do what changing a role or naming a box does in the window. {@code --columns}: most columns per role, the rest of a role's boxes sharing one (default
 * {@value LadderOptions#DEFAULT_COLUMNS_PER_ROLE}, as in the window; 0: every box its own column).
 */
final class ExportCommand {
    private ExportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Set<String> valued = new java.util.HashSet<>(Set.of("--png", "--time", "--columns", "--name", "--allocation"));
        valued.addAll(ExportFilters.OPTIONS);
        Args a = Args.parse("export", args, valued, Set.of("--all"), err);
        if (a.outcome == Args.Outcome.HELP) {
            out.print(Cli.usage());
            return 0;
        }
        TimeMode time = TimeMode.RELATIVE;
        if (a.outcome == Args.Outcome.OK && a.values.containsKey("--time")) {
            try {
                time = TimeMode.valueOf(a.values.get("--time").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                a.fail(err, "--time is absolute, relative or delta, not " + a.values.get("--time"));
            }
        }
        int columns = LadderOptions.DEFAULT_COLUMNS_PER_ROLE;
        if (a.outcome == Args.Outcome.OK && a.values.containsKey("--columns")) {
            try {
                columns = Integer.parseInt(a.values.get("--columns"));
            } catch (NumberFormatException e) {
                columns = -1;
            }
            if (columns < 0) {
                a.fail(err, "--columns is a number of columns per role (0: no limit), not "
                        + a.values.get("--columns"));
            }
        }
        if (a.outcome == Args.Outcome.OK && (a.file == null || !a.values.containsKey("--png"))) {
            a.fail(err, "usage: export FILE --png OUT.png [--time absolute|relative|delta] [--all] [--columns N]"
                    + " [--protocols LIST] [--hide LIST] [--call CALL-ID] [--allocation CLIENT:PORT]"
                    + " [--role ADDRESS=ROLE …]"
                    + " [--name ADDRESS=NAME …]");
        }
        LadderOptions options = null;
        if (a.outcome == Args.Outcome.OK) {
            options = ExportFilters.apply(a, (a.flags.contains("--all") ? LadderOptions.showAll()
                    : LadderOptions.defaults()).withColumnsPerRole(columns), err);
        }
        if (a.outcome == Args.Outcome.ERROR) {
            return 2;
        }
        Path file = a.file;
        Path png = Path.of(a.values.get("--png"));
        Map<String, Role> overrides = a.roles;
        try {
            CaptureDocument doc = CaptureDocument.load(file, overrides, (read, size, frames, messages) -> { }, () -> false);
            for (String w : doc.warnings()) {
                err.println("turnladder export: warning: " + w);
            }
            String callId = options.callId();
            if (callId != null && doc.analysis().calls().stream().noneMatch(c -> c.callId().equals(callId))) {
                List<String> ids = doc.analysis().calls().stream().map(Call::callId).toList();
                err.println("turnladder export: no call with Call-ID " + callId + " in " + file
                        + (ids.isEmpty() ? " (it has no SIP calls)" : "; its calls: " + String.join(", ", ids)));
                return 2;
            }
            String allocation = a.values.get("--allocation");
            if (allocation != null) {
                // the client's address on its control connection, as the sessions panel and the ladder show it
                List<TurnSession> sessions = doc.feed().turnSessions();
                TurnSession s = sessions.stream().filter(t -> t.client().toString().equals(allocation.strip()))
                        .findFirst().orElse(null);
                if (s == null) {
                    List<String> clients = sessions.stream().map(t -> t.client().toString()).distinct().limit(20)
                            .toList();
                    err.println("turnladder export: no TURN allocation from " + allocation + " in " + file
                            + (clients.isEmpty() ? " (it has none)" : "; its TURN clients: "
                            + String.join(", ", clients) + (sessions.size() > clients.size() ? ", …" : "")));
                    return 2;
                }
                options = options.withTurnSession(s.id());
            }
            LadderModel model = LadderModel.build(doc.feed(), RoleColumns.of(doc.analysis().roles(), a.names),
                    doc.analysis().findings(), options);
            Headless.useMonocleUnlessADisplayIsSet();
            var exporter = new org.turnladder.views.export.LadderPngExporter(model, time,
                    file.getFileName().toString());
            exporter.export(png);
            int[] size = exporter.size();
            int cols = model.columns().size();
            out.println("wrote " + png + " (" + size[0] + " × " + size[1] + " px, " + model.rows().size()
                    + " rows, " + cols + (cols == 1 ? " column)" : " columns)"));
            return 0;
        } catch (NoSuchFileException e) {
            err.println("turnladder export: no such file: " + e.getFile());
        } catch (IOException e) {
            err.println("turnladder export: cannot export " + file + ": " + Args.oneLine(e));
        } catch (RuntimeException | LinkageError e) {
            err.println("turnladder export: failed: " + Args.oneLine(e));
        }
        return 2;
    }
}
