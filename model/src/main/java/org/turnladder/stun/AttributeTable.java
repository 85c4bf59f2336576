package org.turnladder.stun;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** A sorted table of attribute types → (name, value kind); lookups allocate nothing. */
final class AttributeTable {
    /** What one attribute type is. */
    record Spec(String name, ValueKind kind) {
    }

    private final int[] types;
    private final Spec[] specs;

    private AttributeTable(Map<Integer, Spec> entries) {
        TreeMap<Integer, Spec> sorted = new TreeMap<>(entries);
        types = sorted.keySet().stream().mapToInt(Integer::intValue).toArray();
        specs = sorted.values().toArray(new Spec[0]);
    }

    /** The spec of {@code type}, or {@code null}. */
    Spec get(int type) {
        int i = Arrays.binarySearch(types, type);
        return i >= 0 ? specs[i] : null;
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<Integer, Spec> entries = new TreeMap<>();

        Builder add(int type, String name, ValueKind kind) {
            if (entries.put(type, new Spec(name, kind)) != null) {
                throw new IllegalStateException("duplicate attribute 0x" + Integer.toHexString(type));
            }
            return this;
        }

        AttributeTable build() {
            return new AttributeTable(entries);
        }
    }
}
