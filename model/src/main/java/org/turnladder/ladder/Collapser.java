package org.turnladder.ladder;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds runs of repeats into groups: a message repeated on the same arrow (ten Binding indications), or a
 * two-message exchange repeated (request/response, ChannelData back and forth) — the pair becomes two rows, each
 * with the count. Says where the groups stop being final: a group whose run reached the last entry could grow
 * (or become a run at all) when more entries come, and so could everything after it.
 */
final class Collapser {
    private Collapser() {
    }

    /**
     * @param groups          the groups, in order
     * @param settledGroups   how many leading groups stay as they are whatever entries follow
     * @param settledEntries  how many leading entries those groups hold (where collapsing resumes for more entries)
     */
    record Collapsed(List<LadderEntry[]> groups, int settledGroups, int settledEntries) {
    }

    static List<LadderEntry[]> collapse(List<LadderEntry> entries, int minRepeats) {
        return collapseSettled(entries, minRepeats).groups();
    }

    static Collapsed collapseSettled(List<LadderEntry> entries, int minRepeats) {
        List<LadderEntry[]> out = new ArrayList<>(entries.size());
        int n = entries.size();
        int i = 0;
        int settledGroups = -1;
        int settledEntries = n;
        while (i < n) {
            int start = i;
            int groupsBefore = out.size();
            boolean open = false; // the decision looked as far as the last entry: more entries could change it
            if (minRepeats >= 2) {
                int single = runLength(entries, i, 1);
                open = reachedEnd(i, single, 1, n);
                if (single >= minRepeats) {
                    out.add(entries.subList(i, i + single).toArray(new LadderEntry[0]));
                    i += single;
                } else {
                    int pairs = runLength(entries, i, 2);
                    open |= reachedEnd(i, pairs, 2, n);
                    if (pairs >= minRepeats) {
                        LadderEntry[] a = new LadderEntry[pairs];
                        LadderEntry[] b = new LadderEntry[pairs];
                        for (int k = 0; k < pairs; k++) {
                            a[k] = entries.get(i + 2 * k);
                            b[k] = entries.get(i + 2 * k + 1);
                        }
                        out.add(a);
                        out.add(b);
                        i += 2 * pairs;
                    } else {
                        out.add(new LadderEntry[] {entries.get(i)});
                        i++;
                    }
                }
            } else {
                out.add(new LadderEntry[] {entries.get(i)});
                i++;
            }
            if (open && settledGroups < 0) {
                settledGroups = groupsBefore;
                settledEntries = start;
            }
        }
        return new Collapsed(out, settledGroups < 0 ? out.size() : settledGroups, settledEntries);
    }

    /** Whether finding a run of {@code reps} units from {@code start} compared up to the end of the entries. */
    private static boolean reachedEnd(int start, int reps, int unit, int n) {
        return start + (reps + 1) * unit > n;
    }

    /** How many times the unit of {@code unit} entries starting at {@code start} repeats back to back. */
    private static int runLength(List<LadderEntry> entries, int start, int unit) {
        int n = entries.size();
        if (start + unit > n || (unit == 2 && same(entries.get(start), entries.get(start + 1)))) {
            return unit == 1 ? 1 : 0; // a pair of equal messages is a run of singles, not a pair
        }
        int reps = 1;
        while (start + (reps + 1) * unit <= n) {
            boolean equal = true;
            for (int k = 0; k < unit && equal; k++) {
                equal = same(entries.get(start + k), entries.get(start + reps * unit + k));
            }
            if (!equal) {
                break;
            }
            reps++;
        }
        return reps;
    }

    private static boolean same(LadderEntry a, LadderEntry b) {
        return a.collapseKey().equals(b.collapseKey()) && a.style().equals(b.style()) && a.src().equals(b.src())
                && a.dst().equals(b.dst());
    }
}
