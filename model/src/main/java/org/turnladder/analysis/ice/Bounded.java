package org.turnladder.analysis.ice;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its oldest entry beyond a size: keeps per-capture memory bounded on multi-GB captures. */
final class Bounded<K, V> extends LinkedHashMap<K, V> {
    private final int max;

    Bounded(int max) {
        super(16, 0.75f, false);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
