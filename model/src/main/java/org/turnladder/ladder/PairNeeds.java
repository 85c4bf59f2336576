package org.turnladder.ladder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far apart the arrows of a ladder need its lifelines: per pair of columns some row joins, the widest label
 * between them; per column, the widest loop label right of it. Sparse — only pairs that occur are kept, grouped by
 * their right column — so it is linear in rows and columns (a full matrix of 8 000 columns would be half a GB).
 * Gathered row by row in a {@link Widest}, which can be copied and fed more rows (a growing ladder measures only
 * its new rows).
 */
final class PairNeeds {
    private final double[] loop;
    private final int[] start;
    private final int[] from;
    private final double[] need;

    private PairNeeds(double[] loop, int[] start, int[] from, double[] need) {
        this.loop = loop;
        this.start = start;
        this.from = from;
        this.need = need;
    }

    /** The widest label per pair of columns and per loop, gathered from rows so far. Mutable. */
    static final class Widest {
        private double[] loop;
        private final Map<Long, Integer> slots;
        private int[] left;
        private int[] right;
        private double[] width;
        private int pairs;

        Widest() {
            this(new double[16], new HashMap<>(), new int[16], new int[16], new double[16], 0);
        }

        private Widest(double[] loop, Map<Long, Integer> slots, int[] left, int[] right, double[] width, int pairs) {
            this.loop = loop;
            this.slots = slots;
            this.left = left;
            this.right = right;
            this.width = width;
            this.pairs = pairs;
        }

        /** Measures rows {@code [from, to)} (labels measured once each per call). */
        void add(List<LadderRow> rows, int from, int to, TextWidth labels) {
            Map<String, Double> widths = new HashMap<>();
            for (int i = from; i < to; i++) {
                LadderRow r = rows.get(i);
                double w = Math.min(LadderLayout.MAX_LABEL, widths.computeIfAbsent(r.label(), labels::of))
                        + LadderLayout.LABEL_PAD;
                int a = Math.min(r.from(), r.to());
                int b = Math.max(r.from(), r.to());
                if (a == b) {
                    if (a >= loop.length) {
                        loop = Arrays.copyOf(loop, Math.max(a + 1, loop.length * 2));
                    }
                    loop[a] = Math.max(loop[a], w + LadderLayout.LOOP);
                    continue;
                }
                long key = ((long) a << 32) | b;
                Integer slot = slots.get(key);
                if (slot == null) {
                    if (pairs == left.length) {
                        left = Arrays.copyOf(left, pairs * 2);
                        right = Arrays.copyOf(right, pairs * 2);
                        width = Arrays.copyOf(width, pairs * 2);
                    }
                    slot = pairs++;
                    slots.put(key, slot);
                    left[slot] = a;
                    right[slot] = b;
                }
                width[slot] = Math.max(width[slot], w);
            }
        }

        /** An independent copy. */
        Widest copy() {
            return new Widest(loop.clone(), new HashMap<>(slots), left.clone(), right.clone(), width.clone(), pairs);
        }

        /** The needs of a ladder of this many columns (at least as many as the rows use). */
        PairNeeds needs(int columns) {
            // counting sort by right column: the pairs ending at column j are from[start[j] .. start[j + 1])
            int[] start = new int[columns + 2];
            for (int k = 0; k < pairs; k++) {
                start[right[k] + 1]++;
            }
            for (int j = 0; j <= columns; j++) {
                start[j + 1] += start[j];
            }
            int[] fill = Arrays.copyOf(start, columns + 1);
            int[] from = new int[pairs];
            double[] need = new double[pairs];
            for (int k = 0; k < pairs; k++) {
                int at = fill[right[k]]++;
                from[at] = left[k];
                need[at] = width[k];
            }
            return new PairNeeds(Arrays.copyOf(loop, Math.max(columns, 0)), start, from, need);
        }
    }

    /** Room a loop label of the column needs right of its lifeline, 0 if it has none. */
    double loop(int column) {
        return loop[column];
    }

    /** First pair whose right column is {@code column} (pairs are ordered by right column). */
    int firstInto(int column) {
        return start[column];
    }

    /** Left column of a pair. */
    int from(int pair) {
        return from[pair];
    }

    /** Least distance between the two lifelines of a pair. */
    double need(int pair) {
        return need[pair];
    }
}
