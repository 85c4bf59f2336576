package org.turnladder.app.ui.live;

import java.io.IOException;
import java.util.function.Consumer;
import org.turnladder.capture.RawPacket;
import org.turnladder.document.LiveDocument;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveCaptureException;

/**
 * One running live capture without any JavaFX: a reader thread takes packets from {@link LiveCapture#next()} into
 * a {@link LiveDocument}, which the tab's capture pane reads (its lock keeps what the pane sees whole).
 */
public final class LiveSession {
    private final LiveCapture capture;
    private final LiveDocument document;
    private final Thread reader;

    /**
     * @param onEnd called once on the reader thread when reading ends: null after Stop, else why it failed
     */
    public LiveSession(LiveCapture capture, LiveDocument document, Consumer<LiveCaptureException> onEnd) {
        this.capture = capture;
        this.document = document;
        this.reader = new Thread(() -> read(onEnd), "turnladder-live-" + capture.options().interfaceName());
        reader.setDaemon(true);
    }

    /** Starts the reader thread. */
    public void start() {
        reader.start();
    }

    private void read(Consumer<LiveCaptureException> onEnd) {
        LiveCaptureException failure = null;
        try {
            RawPacket p;
            while ((p = capture.next()) != null) {
                document.packet(p);
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
            // the end changes the document's version: the next refresh shows the final analysis
            document.finish();
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

    /** Whether reading ended (the document has taken in its last packet). */
    public boolean finished() {
        return document.finished();
    }

    public LiveCapture capture() {
        return capture;
    }

    public LiveDocument document() {
        return document;
    }
}
