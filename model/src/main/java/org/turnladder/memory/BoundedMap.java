package org.turnladder.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its oldest entry beyond a size. Decoders and trackers keep per-transaction or per-address
 * state in it, so that their memory stays bounded on multi-gigabyte captures whatever the traffic.
 */
public final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
    private final int max;

    /** Forgets the entry put first. */
    public BoundedMap(int max) {
        this(max, false);
    }

    /** {@code accessOrder}: forgets the entry used least recently instead. */
    public BoundedMap(int max, boolean accessOrder) {
        super(16, 0.75f, accessOrder);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
