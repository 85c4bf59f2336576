package org.turnladder.document;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.turnladder.analysis.Analyzer;
import org.turnladder.analysis.Role;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.ladder.GrowingList;
import org.turnladder.ladder.LadderFeed;

/**
 * Takes a capture's packets one by one and keeps what a document needs: the decoded messages, the bytes of their
 * frames, the analysis and the ladder entries. A file is read through one, and so is a running capture (under its
 * {@link LiveDocument}'s lock). Not thread-safe, except that the messages and the ladder entries may be read from
 * other threads up to a count read where feeding waits (they are {@link GrowingList}s).
 */
public final class CaptureBuilder {
    private final GrowingList<DecodedMessage> messages = new GrowingList<>();
    private final FrameStore frames = new FrameStore();
    private final LadderFeed feed = new LadderFeed();
    private final Analyzer analyzer;
    private final DecodeEngine engine;
    private long frameCount;
    private boolean finished;

    /** @param overrides the user's roles by address, used by the analysis from the start */
    public CaptureBuilder(Map<String, Role> overrides) {
        this.analyzer = new Analyzer(overrides);
        this.engine = new DecodeEngine(m -> {
            frames.message(m); // its bytes before the message: a reader that sees the message finds them
            messages.add(m);
            feed.add(m);
            analyzer.message(m);
        }, analyzer::tcpFlow);
    }

    /** The next packet of the capture, in order. */
    public void packet(RawPacket p) {
        frameCount++;
        frames.frame(p);
        analyzer.frame(p.epochNanos());
        engine.accept(p);
    }

    /** No more packets: messages still buffered (half-read TCP streams) are flushed. Only the first call acts. */
    public void finish() {
        if (!finished) {
            finished = true;
            engine.finish();
        }
    }

    public boolean finished() {
        return finished;
    }

    public long frameCount() {
        return frameCount;
    }

    /** The messages decoded so far (a read-only view that grows; readable from any thread). */
    public List<DecodedMessage> messages() {
        return Collections.unmodifiableList(messages);
    }

    public FrameStore frames() {
        return frames;
    }

    public LadderFeed feed() {
        return feed;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The decoder's warnings so far. */
    public List<String> warnings() {
        return engine.warnings();
    }
}
