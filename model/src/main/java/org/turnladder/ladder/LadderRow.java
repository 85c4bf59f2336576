package org.turnladder.ladder;

import java.util.Arrays;
import java.util.List;

/**
 * One row of a built ladder: one message, or a run of identical messages collapsed into one arrow with a count.
 * A row whose {@link #from()} equals its {@link #to()} is a message between two addresses of the same box.
 */
public final class LadderRow {
    private final int index;
    private final LadderEntry[] members;
    private final int from;
    private final int to;
    private final String label;
    private final List<String> findingIds;
    private final boolean warning;

    LadderRow(int index, LadderEntry[] members, int from, int to, String label, List<String> findingIds) {
        this.index = index;
        this.members = members;
        this.from = from;
        this.to = to;
        this.label = label;
        this.findingIds = List.copyOf(findingIds);
        boolean w = false;
        for (LadderEntry e : members) {
            w |= e.warning();
        }
        this.warning = w;
    }

    /** Position in the ladder, 0-based. */
    public int index() {
        return index;
    }

    /** The first (or only) message of the row. */
    public LadderEntry entry() {
        return members[0];
    }

    /** How many messages the row stands for (1 unless collapsed). */
    public int count() {
        return members.length;
    }

    /** The messages of the row, in capture order. */
    public List<LadderEntry> members() {
        return List.of(members);
    }

    public long frame() {
        return members[0].frame();
    }

    public long lastFrame() {
        return members[members.length - 1].frame();
    }

    public long epochNanos() {
        return members[0].epochNanos();
    }

    /** Whether one of the row's messages is in this frame. */
    public boolean containsFrame(long frame) {
        if (frame < frame() || frame > lastFrame()) {
            return false;
        }
        return Arrays.stream(members).anyMatch(e -> e.frame() == frame);
    }

    /** Column index of the sender. */
    public int from() {
        return from;
    }

    /** Column index of the receiver. */
    public int to() {
        return to;
    }

    /** The arrow's text; collapsed rows add "×N" and the bytes carried. */
    public String label() {
        return label;
    }

    public ArrowStyle style() {
        return members[0].style();
    }

    /** Ids of the findings whose frames include one of this row's frames. */
    public List<String> findingIds() {
        return findingIds;
    }

    /** One of the row's messages has decoding or carriage warnings. */
    public boolean warning() {
        return warning;
    }

    @Override
    public String toString() {
        return index + ": #" + frame() + " " + from + "→" + to + " " + label;
    }
}
