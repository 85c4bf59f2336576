package org.turnladder.decode;

import java.util.List;
import org.turnladder.capture.FrameSpan;
import org.turnladder.framing.Framing;
import org.turnladder.net.Endpoint;
import org.turnladder.net.Transport;

/**
 * A decoded message with where it came from.
 *
 * @param frame      the frame that completes the message (Wireshark's numbering for reassembled messages)
 * @param epochNanos capture time of that frame
 * @param spans      where the message's bytes are in the captured frames; concatenated, they are the message
 * @param connection for TCP, an id of the TCP connection (same for both directions), else -1
 * @param warnings   problems of carriage (gap in the stream, truncated frame), beside the payload's own
 */
public record DecodedMessage(long frame, long epochNanos, Endpoint src, Endpoint dst, Transport transport,
                             Framing framing, List<FrameSpan> spans, long connection, Payload payload,
                             List<String> warnings) {
    public DecodedMessage {
        spans = List.copyOf(spans);
        warnings = List.copyOf(warnings);
    }

    public String protocol() {
        return payload.protocol();
    }

    /** Carriage warnings followed by the payload's own. */
    public List<String> allWarnings() {
        if (payload.warnings().isEmpty()) {
            return warnings;
        }
        if (warnings.isEmpty()) {
            return payload.warnings();
        }
        var all = new java.util.ArrayList<String>(warnings);
        all.addAll(payload.warnings());
        return List.copyOf(all);
    }
}
