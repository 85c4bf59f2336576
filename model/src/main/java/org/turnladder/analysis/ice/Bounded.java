package org.turnladder.analysis.ice;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its oldest entry beyond a size: keeps per-capture memory bounded on multi-GB captures. */
final class Bounded<K, V> extends LinkedHashMap<K, V> {
    private final int max;

    /** Forgets the entry put first. */
    Bounded(int max) {
        this(max, false);
    }

    /** {@code accessOrder}: forgets the entry used least recently instead. */
    Bounded(int max, boolean accessOrder) {
        super(16, 0.75f, accessOrder);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
