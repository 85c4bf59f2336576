package org.turnladder.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.Map;
import org.turnladder.analysis.Analyzer;
import org.turnladder.analysis.Role;

/** {@code analyze FILE [--format json|text] [--role ADDRESS=ROLE …]}: roles, calls, TURN, ICE and findings. */
final class AnalyzeCommand {
    private AnalyzeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Args a = Args.parse("analyze", args, Set.of(), Set.of(), err);
        if (a.outcome == Args.Outcome.HELP) {
            out.print(Cli.usage());
            return 0;
        }
        if (a.outcome == Args.Outcome.OK && a.file == null) {
            a.fail(err, "which capture? usage: analyze FILE [--format json|text] [--role ADDRESS=ROLE …]");
        }
        if (a.outcome == Args.Outcome.ERROR) {
            return 2;
        }
        Path file = a.file;
        String format = a.format;
        Map<String, Role> overrides = a.roles;
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
            err.println("turnladder analyze: cannot read " + file + ": " + Args.oneLine(e));
        } catch (RuntimeException e) {
            err.println("turnladder analyze: internal error while analysing " + file + ": " + Args.oneLine(e));
        }
        return 2;
    }
}
