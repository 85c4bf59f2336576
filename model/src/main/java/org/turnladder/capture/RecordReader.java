package org.turnladder.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the pcap and pcapng readers share: the input window, frame numbering, warnings and the end state. */
abstract class RecordReader implements PacketSource {
    /** Largest captured length accepted for one frame (libpcap's maximum snap length). */
    static final int MAX_CAPLEN = 256 * 1024;

    final ChannelInput in;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> readOnlyWarnings = Collections.unmodifiableList(warnings);
    long frames; // packet records met so far, including skipped ones
    private boolean done;

    RecordReader(ChannelInput in) {
        this.in = in;
    }

    /** Reads records until a frame is produced, or returns null at the end. */
    abstract RawPacket readNext() throws IOException;

    @Override
    public final RawPacket next() throws IOException {
        if (done) {
            return null;
        }
        RawPacket p = readNext();
        if (p == null) {
            finish();
        }
        return p;
    }

    /** Ends the stream, adding the compressed stream's own complaint if it ended it. */
    final void finish() {
        if (!done) {
            done = true;
            if (in.streamError() != null) {
                warn("compressed data ends early or is corrupt (" + in.streamError() + ")");
            }
        }
    }

    final boolean isDone() {
        return done;
    }

    final void warn(String message) {
        warnings.add(message);
    }

    /** Ends the stream because a record is cut short. */
    final RawPacket truncated(String what, long present, long needed) {
        warn("capture is truncated: " + what + " is cut short (file ends after " + present + " of " + needed
                + " bytes)");
        finish();
        return null;
    }

    /** Ends the stream because a record cannot be trusted. */
    final RawPacket corrupt(String message) {
        warn(message + "; the rest of the file is ignored");
        finish();
        return null;
    }

    @Override
    public final List<String> warnings() {
        return readOnlyWarnings;
    }

    @Override
    public final long position() {
        return in.progress();
    }

    @Override
    public final long size() {
        return in.progressTotal();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
