package org.turnladder.app.ui.live;

import java.io.IOException;
import java.util.List;
import org.turnladder.live.CaptureInterface;
import org.turnladder.live.Interfaces;
import org.turnladder.live.LiveCapture;
import org.turnladder.live.LiveCaptureException;
import org.turnladder.live.LiveOptions;

/**
 * Where the window's live captures come from: libpcap normally; tests put libpcap's failures here (missing
 * library, no permission) to see what the window shows.
 */
public interface CaptureBackend {
    /** The real one. */
    CaptureBackend LIBPCAP = new CaptureBackend() {
        @Override
        public List<CaptureInterface> interfaces() throws LiveCaptureException {
            return Interfaces.list();
        }

        @Override
        public LiveCapture open(LiveOptions options) throws IOException {
            return LiveCapture.open(options);
        }
    };

    /** The interfaces to offer; see {@link Interfaces#list()}. */
    List<CaptureInterface> interfaces() throws LiveCaptureException;

    /** Starts a capture; see {@link LiveCapture#open(LiveOptions)}. */
    LiveCapture open(LiveOptions options) throws IOException;
}
