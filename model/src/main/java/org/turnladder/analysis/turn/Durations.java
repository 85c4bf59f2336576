package org.turnladder.analysis.turn;

import java.util.Locale;

/** Capture-time intervals the way an engineer reads them: "0.1 ms", "35 ms", "30.0 s". */
final class Durations {
    private Durations() {
    }

    static String text(long nanos) {
        if (nanos < 10_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (nanos < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%d ms", nanos / 1_000_000L);
        }
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
