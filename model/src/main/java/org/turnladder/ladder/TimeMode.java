package org.turnladder.ladder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the time column reads: wall-clock time (UTC), seconds since the first message, or since the row above. */
public enum TimeMode {
    ABSOLUTE("Time (UTC)"), RELATIVE("Time (s)"), DELTA("Δ (s)");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final String header;

    TimeMode(String header) {
        this.header = header;
    }

    /** The time column's heading. */
    public String header() {
        return header;
    }

    /** The time of a row in this mode. */
    public String format(LadderModel model, int row) {
        long t = model.row(row).epochNanos();
        return switch (this) {
            case ABSOLUTE -> CLOCK.format(Instant.ofEpochSecond(0, t));
            case RELATIVE -> seconds(t - model.firstNanos(), false);
            case DELTA -> seconds(row == 0 ? 0 : t - model.row(row - 1).epochNanos(), true);
        };
    }

    /** The widest text this mode can produce for typical captures, for sizing the column. */
    public String sample() {
        return switch (this) {
            case ABSOLUTE -> "00:00:00.000000";
            case RELATIVE -> "00000.000000";
            case DELTA -> "+0000.000000";
        };
    }

    private static String seconds(long nanos, boolean sign) {
        long micros = Math.floorDiv(nanos, 1000);
        String s = (micros < 0 ? "-" : sign ? "+" : "") + Math.abs(micros) / 1_000_000 + "."
                + String.format("%06d", Math.abs(micros) % 1_000_000);
        return s;
    }
}
