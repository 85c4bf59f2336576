package org.turnladder.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.turnladder.capture.FrameSpan;
import org.turnladder.capture.RawPacket;
import org.turnladder.decode.DecodedMessage;

/**
 * The bytes of the frames that decoded messages came from, for the hex view. A capture's other frames are not kept:
 * the last {@value #RECENT} frames wait in a ring, and a message's frames are copied out of it when the message is
 * decoded (a message completes within a few frames of its last byte, so the ring holds them). One thread feeds it;
 * {@link #bytes(long)} may be called from any thread meanwhile (a running capture's details pane reads without
 * waiting for the reader thread).
 */
public final class FrameStore {
    static final int RECENT = 8192;

    private final RawPacket[] recent = new RawPacket[RECENT];
    private final Map<Long, byte[]> kept = new ConcurrentHashMap<>();
    private long keptBytes;

    /** Every frame of the capture, in order. */
    public void frame(RawPacket p) {
        recent[(int) (p.frame() % RECENT)] = p;
    }

    /** Keeps the frames this message's bytes came from, and the frame that completed it. */
    public void message(DecodedMessage m) {
        keep(m.frame());
        List<FrameSpan> spans = m.spans();
        for (FrameSpan s : spans) {
            keep(s.frame());
        }
    }

    private void keep(long frame) {
        if (kept.containsKey(frame)) {
            return;
        }
        RawPacket p = recent[(int) (frame % RECENT)];
        if (p != null && p.frame() == frame) {
            kept.put(frame, p.data());
            keptBytes += p.data().length;
        }
    }

    /** The captured bytes of a frame a message came from. */
    public Optional<byte[]> bytes(long frame) {
        return Optional.ofNullable(kept.get(frame));
    }

    public int frames() {
        return kept.size();
    }

    public long bytes() {
        return keptBytes;
    }
}
