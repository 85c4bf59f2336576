package org.turnladder.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.ladder.Columns;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderSnapshot;
import org.turnladder.ladder.TurnSession;

/**
 * What a capture pane shows of a capture, whether it was read from a file ({@link CaptureDocument}) or is still
 * being captured ({@link LiveDocument}): messages, the bytes of their frames, the analysis and the ladder, each as
 * of the moment it is asked for. Thread-safe: a pane asks from its background builder and from the JavaFX thread
 * while a live capture keeps feeding packets.
 */
public interface CaptureContent {

    /** What the capture is called in titles and exports: the file name, or the interface captured on. */
    String name();

    /** Frames taken in so far (decoded or not). */
    long frameCount();

    /** Decoded messages so far. */
    int messageCount();

    /** The decoded message at this index in capture order (a ladder entry's message index), null if none. */
    DecodedMessage message(int index);

    /** Captured bytes of a frame a message came from (for the hex view). */
    Optional<byte[]> frameBytes(long frame);

    /** The analysis as of now with these role choices (by address): a running capture's is not final. */
    Analysis analysis(Map<String, Role> overrides);

    /** The ladder of the messages so far; whole packets only, never half of one. */
    LadderModel ladder(Columns columns, List<Finding> findings, LadderOptions options);

    /**
     * The ladder entries so far and what the filters need, frozen: cheap to take (inside {@link #consistent}
     * with the analysis), then built into a ladder ({@link LadderModel#build(LadderSnapshot, Columns, List,
     * LadderOptions)}, {@link LadderModel#extend}) on any thread while the capture goes on.
     */
    LadderSnapshot ladderSnapshot();

    /** TURN allocations the ladder has seen so far, in order of their first Allocate. */
    List<TurnSession> turnSessions();

    /** Changes whenever something was taken in (a packet, the end); equal versions mean equal content. */
    long version();

    /**
     * Runs these reads with nothing taken in meanwhile (an analysis and the ladder built from its findings see the
     * same packets). Calls of this interface inside it are allowed.
     */
    <T> T consistent(Supplier<T> reads);

    /** Problems met while reading so far (truncation, unsupported link types, decoder limits). */
    List<String> warnings();
}
