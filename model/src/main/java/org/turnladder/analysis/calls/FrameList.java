package org.turnladder.analysis.calls;

import java.util.ArrayList;
import java.util.List;

/** Frames of a repeated thing, kept small: the first few, the latest, and how many there were. */
final class FrameList {
    private static final int FIRST = 8;
    private final long[] first = new long[FIRST];
    private int kept;
    private long last = -1;
    private long count;

    void add(long frame) {
        count++;
        if (kept < FIRST) {
            first[kept++] = frame;
        } else {
            last = frame;
        }
    }

    long count() {
        return count;
    }

    long firstFrame() {
        return kept == 0 ? -1 : first[0];
    }

    List<Long> frames() {
        List<Long> out = new ArrayList<>(kept + 1);
        for (int i = 0; i < kept; i++) {
            out.add(first[i]);
        }
        if (last >= 0) {
            out.add(last);
        }
        return out;
    }
}
