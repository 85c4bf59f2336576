package org.turnladder.ladder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How far apart the arrows of a ladder need its lifelines: per pair of columns some row joins, the widest label
 * between them; per column, the widest loop label right of it. Sparse — only pairs that occur are kept, grouped by
 * their right column — so it is linear in rows and columns (a full matrix of 8 000 columns would be half a GB).
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

    static PairNeeds of(LadderModel model, int columns, TextWidth labels) {
        Map<String, Double> widths = new HashMap<>();
        double[] loop = new double[columns];
        Map<Long, Integer> slots = new HashMap<>();
        int[] left = new int[16];
        int[] right = new int[16];
        double[] width = new double[16];
        int pairs = 0;
        for (LadderRow r : model.rows()) {
            double w = Math.min(LadderLayout.MAX_LABEL, widths.computeIfAbsent(r.label(), labels::of))
                    + LadderLayout.LABEL_PAD;
            int a = Math.min(r.from(), r.to());
            int b = Math.max(r.from(), r.to());
            if (a == b) {
                loop[a] = Math.max(loop[a], w + LadderLayout.LOOP);
                continue;
            }
            Integer slot = slots.get(((long) a << 32) | b);
            if (slot == null) {
                if (pairs == left.length) {
                    left = Arrays.copyOf(left, pairs * 2);
                    right = Arrays.copyOf(right, pairs * 2);
                    width = Arrays.copyOf(width, pairs * 2);
                }
                slot = pairs++;
                slots.put(((long) a << 32) | b, slot);
                left[slot] = a;
                right[slot] = b;
            }
            width[slot] = Math.max(width[slot], w);
        }
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
        return new PairNeeds(loop, start, from, need);
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
