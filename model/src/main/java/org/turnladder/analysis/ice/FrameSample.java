package org.turnladder.analysis.ice;

import java.util.ArrayList;
import java.util.List;

/** The first few frame numbers of something repeated, plus the last one: enough to prove it, bounded in size. */
final class FrameSample {
    private static final int FIRST = 5;
    private final long[] first = new long[FIRST];
    private int count;
    private long last = -1;

    void add(long frame) {
        if (count < FIRST) {
            first[count++] = frame;
        }
        last = frame;
    }

    boolean isEmpty() {
        return last < 0;
    }

    long first() {
        return count == 0 ? -1 : first[0];
    }

    long last() {
        return last;
    }

    List<Long> frames() {
        List<Long> out = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            out.add(first[i]);
        }
        if (last >= 0 && !out.contains(last)) {
            out.add(last);
        }
        return out;
    }
}
