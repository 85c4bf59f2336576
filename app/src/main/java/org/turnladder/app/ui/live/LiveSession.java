package org.turnladder.app.ui.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Analyzer;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodeEngine;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.document.FrameStore;
import org.turnladder.ladder.LadderFeed;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveCaptureException;

/**
 * One running live capture without any JavaFX: a reader thread takes packets from {@link LiveCapture#next()} and
 * feeds the decode engine, the analyzer and the ladder feed; {@link #snapshot(LadderOptions)} builds what the
 * window shows from them. Both hold the same lock, so a snapshot sees whole packets only; the window asks for a
 * snapshot a few times a second, never per packet.
 */
public final class LiveSession {
    private final LiveCapture capture;
    private final Object lock = new Object();
    private final List<DecodedMessage> messages = new ArrayList<>();
    private final LadderFeed feed = new LadderFeed();
    private final FrameStore frames = new FrameStore();
    private final Analyzer analyzer = new Analyzer();
    private final DecodeEngine engine;
    private final Thread reader;
    private volatile boolean dirty = true;
    private volatile boolean finished;
    private volatile LiveCaptureException failure;

    /**
     * @param onEnd called once on the reader thread when reading ends: null after Stop, else why it failed
     */
    public LiveSession(LiveCapture capture, Consumer<LiveCaptureException> onEnd) {
        this.capture = capture;
        this.engine = new DecodeEngine(m -> {
            messages.add(m);
            frames.message(m);
            feed.add(m);
            analyzer.message(m);
        }, analyzer::tcpFlow);
        this.reader = new Thread(() -> read(onEnd), "turnladder-live-" + capture.options().interfaceName());
        reader.setDaemon(true);
    }

    /** Starts the reader thread. */
    public void start() {
        reader.start();
    }

    private void read(Consumer<LiveCaptureException> onEnd) {
        try {
            RawPacket p;
            while ((p = capture.next()) != null) {
                synchronized (lock) {
                    frames.frame(p);
                    analyzer.frame(p.epochNanos());
                    engine.accept(p);
                }
                dirty = true;
            }
        } catch (LiveCaptureException e) {
            failure = e;
        } catch (IOException e) {
            failure = new LiveCaptureException(LiveCaptureException.Kind.FAILED, e.getMessage(), e);
        } catch (RuntimeException e) {
            // a decoder bug must not leave the capture running unseen; what was captured is still in the spool
            failure = new LiveCaptureException(LiveCaptureException.Kind.FAILED,
                    "Reading the capture stopped on an internal error (" + e + "); the packets so far are kept.", e);
        } finally {
            synchronized (lock) {
                engine.finish();
            }
            // finished before dirty: the snapshot that sees dirty must also see the end (findings at the end differ)
            finished = true;
            dirty = true;
            onEnd.accept(failure);
        }
    }

    /** Asks the reader to end (returns at once; the end callback follows). */
    public void stop() {
        capture.stop();
    }

    /** Waits up to {@code millis} for the reader thread to end. */
    public boolean awaitEnd(long millis) throws InterruptedException {
        reader.join(millis);
        return !reader.isAlive();
    }

    /** Whether anything arrived since the last snapshot. */
    public boolean dirty() {
        return dirty;
    }

    public boolean finished() {
        return finished;
    }

    public LiveCaptureException failure() {
        return failure;
    }

    public LiveCapture capture() {
        return capture;
    }

    /** The decoded message a ladder entry points at (by its index), null if there is none. */
    public DecodedMessage message(int index) {
        synchronized (lock) {
            return index >= 0 && index < messages.size() ? messages.get(index) : null;
        }
    }

    /** Captured bytes of a frame a decoded message came from (for the hex view), null if not kept. */
    public byte[] frameBytes(long frame) {
        synchronized (lock) {
            return frames.bytes(frame).orElse(null);
        }
    }

    /** The ladder, analysis and counters as of now (call off the JavaFX thread: it costs one ladder build). */
    public LiveSnapshot snapshot(LadderOptions options) {
        dirty = false;
        synchronized (lock) {
            Analysis analysis = analyzer.snapshot(finished);
            LadderModel ladder = LadderModel.build(feed, columns(analysis), analysis.findings(), options);
            return new LiveSnapshot(ladder, analysis, capture.stats(), messages.size());
        }
    }

    /** One column per detected box, named after the box when it is not just the role's label. */
    static RoleColumns columns(Analysis analysis) {
        Map<String, Role> roleByHost = new HashMap<>();
        Map<String, String> nameByHost = new HashMap<>();
        for (RoleAssignment r : analysis.roles()) {
            boolean named = r.role() != Role.UNKNOWN ? !r.box().equals(r.role().label()) : r.addresses().size() > 1;
            for (String a : r.addresses()) {
                roleByHost.put(a, r.role());
                if (named) {
                    nameByHost.put(a, r.box());
                }
            }
        }
        return new RoleColumns(roleByHost, nameByHost);
    }
}
