package org.turnladder.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.turnladder.capture.FrameSpan;

/**
 * Maps between a message's own byte offsets (those of its {@link Field}s) and the captured frames the bytes sit
 * in, for the hex view: a field of a message reassembled from several TCP segments or IP fragments can straddle
 * frames.
 */
public final class ByteLocator {
    private ByteLocator() {
    }

    /** Where message bytes {@code [offset, offset + length)} are in the frames, in order. */
    public static List<FrameSpan> toFrames(List<FrameSpan> spans, int offset, int length) {
        List<FrameSpan> out = new ArrayList<>(1);
        int at = 0;
        int end = offset + length;
        for (FrameSpan s : spans) {
            int sEnd = at + s.length();
            int from = Math.max(offset, at);
            int to = Math.min(end, sEnd);
            if (from < to) {
                out.add(new FrameSpan(s.frame(), s.frameOffset() + (from - at), to - from));
            }
            if (sEnd >= end) {
                break;
            }
            at = sEnd;
        }
        return out;
    }

    /** The message offset of byte {@code frameOffset} of frame {@code frame}, if the message holds that byte. */
    public static OptionalInt toMessage(List<FrameSpan> spans, long frame, int frameOffset) {
        int at = 0;
        for (FrameSpan s : spans) {
            if (s.frame() == frame && frameOffset >= s.frameOffset() && frameOffset < s.frameOffset() + s.length()) {
                return OptionalInt.of(at + frameOffset - s.frameOffset());
            }
            at += s.length();
        }
        return OptionalInt.empty();
    }

    /** The deepest field that holds message byte {@code offset}, with its ancestors first. */
    public static List<Field> path(List<Field> fields, int offset) {
        List<Field> path = new ArrayList<>();
        List<Field> level = fields;
        boolean found = true;
        while (found) {
            found = false;
            for (Field f : level) {
                if (offset >= f.offset() && offset < f.offset() + f.length()) {
                    path.add(f);
                    level = f.children();
                    found = true;
                    break;
                }
            }
        }
        return path;
    }
}
