package org.turnladder.capture;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A stream of frames from a capture file or a live interface, read one at a time. */
public interface PacketSource extends Closeable {

    /**
     * The next frame, or {@code null} at the end. A file that ends in the middle of a record ends the stream
     * and adds a warning; it does not throw.
     *
     * @throws IOException when the underlying file cannot be read at all
     */
    RawPacket next() throws IOException;

    /** Problems met so far (truncation, skipped blocks), in the user's words. */
    List<String> warnings();

    /** Bytes consumed so far from the underlying file (compressed bytes for gzip), for progress bars. */
    long position();

    /** Total bytes of the underlying file, or -1 when unknown (live capture). */
    long size();
}
