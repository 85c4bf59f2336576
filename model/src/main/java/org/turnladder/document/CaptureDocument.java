package org.turnladder.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Analyzer;
import org.turnladder.analysis.Role;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.capture.ReadAheadSource;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.DecodedMessage;

/**
 * One opened capture file: its decoded messages, the bytes of the frames they came from, and the analysis — what
 * the window shows and the PNG export draws. Loading streams the file once; only decoded messages and their frames
 * stay in memory.
 */
public final class CaptureDocument {

    /** Reports loading progress; called every few thousand frames from the loading thread. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesRead, long totalBytes, long frames, long messages);
    }

    private final Path file;
    private final List<DecodedMessage> messages;
    private final FrameStore frames;
    private final Analyzer analyzer;
    private final Analysis analysis;
    private final List<String> warnings;
    private final long frameCount;

    private CaptureDocument(Path file, List<DecodedMessage> messages, FrameStore frames, Analyzer analyzer,
                            List<String> warnings, long frameCount) {
        this.file = file;
        this.messages = List.copyOf(messages);
        this.frames = frames;
        this.analyzer = analyzer;
        this.analysis = analyzer.snapshot(true);
        this.warnings = List.copyOf(warnings);
        this.frameCount = frameCount;
    }

    /**
     * Reads and decodes a whole capture.
     *
     * @param cancelled polled while reading; when it says true, loading stops with {@link CancellationException}
     * @throws IOException when the file cannot be read at all (not a capture, missing); a truncated file loads
     *                     with a warning
     */
    public static CaptureDocument load(Path file, Map<String, Role> overrides, Progress progress,
                                       BooleanSupplier cancelled) throws IOException {
        List<DecodedMessage> messages = new ArrayList<>();
        FrameStore frames = new FrameStore();
        Analyzer analyzer = new Analyzer(overrides);
        DecodeEngine engine = new DecodeEngine(m -> {
            messages.add(m);
            frames.message(m);
            analyzer.message(m);
        }, analyzer::tcpFlow);
        List<String> warnings = new ArrayList<>();
        long count = 0;
        try (PacketSource source = new ReadAheadSource(CaptureFiles.open(file))) {
            RawPacket p;
            while ((p = source.next()) != null) {
                count++;
                frames.frame(p);
                analyzer.frame(p.epochNanos());
                engine.accept(p);
                if ((count & 4095) == 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("loading " + file.getFileName() + " was cancelled");
                    }
                    progress.update(source.position(), source.size(), count, messages.size());
                }
            }
            engine.finish();
            warnings.addAll(source.warnings());
            progress.update(source.size(), source.size(), count, messages.size());
        }
        warnings.addAll(engine.warnings());
        return new CaptureDocument(file, messages, frames, analyzer, warnings, count);
    }

    public Path file() {
        return file;
    }

    /** Decoded messages in capture order. */
    public List<DecodedMessage> messages() {
        return messages;
    }

    public Analysis analysis() {
        return analysis;
    }

    /** The analysis again with other role choices (the user changed a role). */
    public Analysis analysis(Map<String, Role> overrides) {
        analyzer.overrides(overrides);
        return analyzer.snapshot(true);
    }

    /** Captured bytes of a frame a message came from. */
    public Optional<byte[]> frameBytes(long frame) {
        return frames.bytes(frame);
    }

    /** Problems met while reading (truncation, unsupported link types). */
    public List<String> warnings() {
        return warnings;
    }

    public boolean truncated() {
        return warnings.stream().anyMatch(w -> w.contains("truncated"));
    }

    public long frameCount() {
        return frameCount;
    }
}
