package org.turnladder.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Analyzer;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.capture.ReadAheadSource;
import org.turnladder.decode.DecodeEngine;

/** Reads a whole capture file through the engine into an analyzer: what {@code analyze} and {@code export} share. */
final class CaptureReading {
    private CaptureReading() {
    }

    /** The analysis and the warnings met on the way (truncation, unsupported link types). */
    record Result(Analysis analysis, List<String> warnings) {
    }

    static Result analyze(Path file, Analyzer analyzer) throws IOException {
        DecodeEngine engine = new DecodeEngine(analyzer::message, analyzer::tcpFlow);
        List<String> warnings = new ArrayList<>();
        try (PacketSource source = new ReadAheadSource(CaptureFiles.open(file))) {
            RawPacket p;
            while ((p = source.next()) != null) {
                analyzer.frame(p.epochNanos());
                engine.accept(p);
            }
            engine.finish();
            warnings.addAll(source.warnings());
        }
        warnings.addAll(engine.warnings());
        return new Result(analyzer.snapshot(true), warnings);
    }
}
