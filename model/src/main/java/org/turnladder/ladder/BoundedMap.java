package org.turnladder.ladder;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its oldest entries past a size, so per-transaction memory stays bounded on huge captures. */
final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
    private final int max;

    BoundedMap(int max) {
        super(1024, 0.75f, false);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
