package org.turnladder.analysis.calls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A list that keeps its first {@code head} and last {@code tail} elements and counts the ones dropped in between,
 * so a long-running dialog costs bounded memory.
 */
final class Capped<T> {
    private final int head;
    private final int tail;
    private final List<T> first = new ArrayList<>();
    private final ArrayDeque<T> last = new ArrayDeque<>();
    private long total;

    Capped(int head, int tail) {
        this.head = head;
        this.tail = tail;
    }

    void add(T t) {
        total++;
        if (first.size() < head) {
            first.add(t);
            return;
        }
        if (tail == 0) {
            return;
        }
        if (last.size() == tail) {
            last.removeFirst();
        }
        last.addLast(t);
    }

    long total() {
        return total;
    }

    long dropped() {
        return total - first.size() - last.size();
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** The kept elements in order (the gap of dropped ones is not marked). */
    List<T> kept() {
        List<T> out = new ArrayList<>(first.size() + last.size());
        out.addAll(first);
        out.addAll(last);
        return out;
    }
}
