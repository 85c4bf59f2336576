package org.turnladder.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.ladder.Columns;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.LadderSnapshot;
import org.turnladder.ladder.TurnSession;

/**
 * A capture that is still running, built packet by packet from a reader thread while a window reads it. Feeding
 * and the reads hold one lock, so whatever is read (the analysis, a snapshot of the ladder's entries) sees whole
 * packets only. The lock is held briefly: a ladder is built from a {@link LadderSnapshot} taken under it, but
 * without it (the reader thread does not wait for builds); messages and their frames' bytes are read without it
 * (they are published one by one, see {@link org.turnladder.ladder.GrowingList}).
 */
public final class LiveDocument implements CaptureContent {
    private final String name;
    private final Object lock = new Object();
    private final CaptureBuilder builder;
    private volatile long version;

    /**
     * @param name      what the capture is called (the interface)
     * @param overrides the user's roles by address at the start
     */
    public LiveDocument(String name, Map<String, Role> overrides) {
        this.name = name;
        this.builder = new CaptureBuilder(overrides);
    }

    /** The next captured packet (from the reader thread). */
    public void packet(RawPacket p) {
        synchronized (lock) {
            builder.packet(p);
            version++;
        }
    }

    /** The capture ended: half-read streams are flushed and the analysis becomes final. */
    public void finish() {
        synchronized (lock) {
            if (!builder.finished()) {
                builder.finish();
                version++;
            }
        }
    }

    public boolean finished() {
        synchronized (lock) {
            return builder.finished();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long frameCount() {
        synchronized (lock) {
            return builder.frameCount();
        }
    }

    @Override
    public int messageCount() {
        return builder.messages().size();
    }

    /** Without the lock: a message is published whole, once decoded, and never changes. */
    @Override
    public DecodedMessage message(int index) {
        List<DecodedMessage> all = builder.messages();
        return index >= 0 && index < all.size() ? all.get(index) : null;
    }

    /** Without the lock: a frame's bytes are kept before its message is published, and never change. */
    @Override
    public Optional<byte[]> frameBytes(long frame) {
        return builder.frames().bytes(frame);
    }

    @Override
    public Analysis analysis(Map<String, Role> overrides) {
        synchronized (lock) {
            builder.analyzer().overrides(overrides);
            return builder.analyzer().snapshot(builder.finished());
        }
    }

    /** Built from a snapshot taken under the lock, without holding it. */
    @Override
    public LadderModel ladder(Columns columns, List<Finding> findings, LadderOptions options) {
        return LadderModel.build(ladderSnapshot(), columns, findings, options);
    }

    @Override
    public LadderSnapshot ladderSnapshot() {
        synchronized (lock) {
            return builder.feed().snapshot();
        }
    }

    @Override
    public List<TurnSession> turnSessions() {
        synchronized (lock) {
            return List.copyOf(builder.feed().turnSessions());
        }
    }

    @Override
    public <T> T consistent(Supplier<T> reads) {
        synchronized (lock) {
            return reads.get();
        }
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public List<String> warnings() {
        synchronized (lock) {
            return List.copyOf(builder.warnings());
        }
    }
}
