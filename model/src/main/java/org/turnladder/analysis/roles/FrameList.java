package org.turnladder.analysis.roles;

/**
 * The frames a repeated observation was made in, kept small: the first few, the last, and how many there were.
 * Frames arrive in capture order; a frame repeated back to back (two messages in one segment) counts once.
 */
final class FrameList {
    private static final int KEEP = 4;
    private final long[] first = new long[KEEP];
    private int kept;
    private long last = -1;
    private long count;

    void add(long frame) {
        if (frame == last) {
            return;
        }
        if (kept < KEEP) {
            first[kept++] = frame;
        }
        last = frame;
        count++;
    }

    long count() {
        return count;
    }

    long firstFrame() {
        return kept == 0 ? -1 : first[0];
    }

    /** "frame 8", "frames 6, 9", "frames 4, 6, 8, 9, …, 91 (12 times)"; empty when no frame was recorded. */
    String text() {
        if (count == 0) {
            return "";
        }
        if (count == 1) {
            return "frame " + first[0];
        }
        StringBuilder sb = new StringBuilder("frames ");
        for (int i = 0; i < kept; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(first[i]);
        }
        if (count > kept) {
            if (count > kept + 1) {
                sb.append(", …");
            }
            sb.append(", ").append(last);
            if (count > kept + 1) {
                sb.append(" (").append(count).append(" times)");
            }
        }
        return sb.toString();
    }
}
