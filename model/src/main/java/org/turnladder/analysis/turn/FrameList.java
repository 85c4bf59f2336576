package org.turnladder.analysis.turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Frame numbers of something that repeats (401 challenges, retransmissions): the first few, the latest and how
 * many there were. Never grows with the capture.
 */
final class FrameList {
    private static final int KEEP = 8;
    private final long[] first = new long[KEEP];
    private int kept;
    private long last;
    private long count;

    void add(long frame) {
        if (kept < KEEP) {
            first[kept++] = frame;
        }
        last = frame;
        count++;
    }

    long count() {
        return count;
    }

    /** The first frames and the latest, ascending. */
    List<Long> frames() {
        List<Long> out = new ArrayList<>(kept + 1);
        for (int i = 0; i < kept; i++) {
            out.add(first[i]);
        }
        if (count > kept) {
            out.add(last);
        }
        return out;
    }
}
