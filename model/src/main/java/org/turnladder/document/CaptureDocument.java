package org.turnladder.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Analyzer;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.capture.CaptureFiles;
import org.turnladder.capture.PacketSource;
import org.turnladder.capture.RawPacket;
import org.turnladder.capture.ReadAheadSource;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.ladder.Columns;
import org.turnladder.ladder.LadderFeed;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderSnapshot;
import org.turnladder.ladder.TurnSession;

/**
 * One opened capture file: its decoded messages, the bytes of the frames they came from, the ladder entries and
 * the analysis — what the window shows and the PNG export draws. Loading streams the file once; only decoded
 * messages and their frames stay in memory. Complete once loaded: only the analysis changes (role choices).
 */
public final class CaptureDocument implements CaptureContent {

    /** Reports loading progress; called every few thousand frames from the loading thread. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesRead, long totalBytes, long frames, long messages);
    }

    private final Path file;
    private final List<DecodedMessage> messages;
    private final FrameStore frames;
    private final LadderFeed feed;
    private final Analyzer analyzer;
    private final Analysis analysis;
    private final List<String> warnings;
    private final long frameCount;

    private CaptureDocument(Path file, CaptureBuilder b, List<String> warnings) {
        this.file = file;
        this.messages = b.messages(); // complete and never fed again: the builder's list, not a copy
        this.frames = b.frames();
        this.feed = b.feed();
        this.analyzer = b.analyzer();
        this.analysis = analyzer.snapshot(true);
        this.warnings = List.copyOf(warnings);
        this.frameCount = b.frameCount();
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
        CaptureBuilder b = new CaptureBuilder(overrides);
        List<String> warnings = new ArrayList<>();
        long count = 0;
        try (PacketSource source = new ReadAheadSource(CaptureFiles.open(file))) {
            RawPacket p;
            while ((p = source.next()) != null) {
                count++;
                b.packet(p);
                if ((count & 4095) == 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("loading " + file.getFileName() + " was cancelled");
                    }
                    progress.update(source.position(), source.size(), count, b.messages().size());
                }
            }
            b.finish();
            warnings.addAll(source.warnings());
            progress.update(source.size(), source.size(), count, b.messages().size());
        }
        warnings.addAll(b.warnings());
        return new CaptureDocument(file, b, warnings);
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    /** Decoded messages in capture order. */
    public List<DecodedMessage> messages() {
        return messages;
    }

    @Override
    public int messageCount() {
        return messages.size();
    }

    @Override
    public DecodedMessage message(int index) {
        return index >= 0 && index < messages.size() ? messages.get(index) : null;
    }

    /** The analysis with the role choices given to {@link #load}. */
    public Analysis analysis() {
        return analysis;
    }

    /** The analysis again with other role choices (the user changed a role). */
    @Override
    public synchronized Analysis analysis(Map<String, Role> overrides) {
        analyzer.overrides(overrides);
        return analyzer.snapshot(true);
    }

    /** The ladder entries, fed once while loading (filters and role changes rebuild the ladder from them). */
    public LadderFeed feed() {
        return feed;
    }

    @Override
    public LadderModel ladder(Columns columns, List<Finding> findings, LadderOptions options) {
        return LadderModel.build(feed, columns, findings, options);
    }

    @Override
    public LadderSnapshot ladderSnapshot() {
        return feed.snapshot();
    }

    @Override
    public List<TurnSession> turnSessions() {
        return feed.turnSessions();
    }

    @Override
    public long version() {
        return frameCount;
    }

    /** Nothing is taken in any more; only role changes must not interleave with the reads. */
    @Override
    public synchronized <T> T consistent(Supplier<T> reads) {
        return reads.get();
    }

    /** Captured bytes of a frame a message came from. */
    @Override
    public Optional<byte[]> frameBytes(long frame) {
        return frames.bytes(frame);
    }

    /** Problems met while reading (truncation, unsupported link types). */
    @Override
    public List<String> warnings() {
        return warnings;
    }

    public boolean truncated() {
        return warnings.stream().anyMatch(w -> w.contains("truncated"));
    }

    @Override
    public long frameCount() {
        return frameCount;
    }
}
