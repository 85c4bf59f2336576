package org.turnladder.capture;

import java.math.BigInteger;

/**
 * Converts pcapng timestamp units to epoch nanoseconds exactly (rounding down, as libpcap does), for an
 * {@code if_tsresol} byte (high bit clear: 10^-n seconds; set: 2^-n seconds) and an {@code if_tsoffset} in seconds.
 */
final class TimestampScale {
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    static final TimestampScale MICROS = new TimestampScale(6, 0);

    private final int tsresol;
    private final long offsetNanos;

    TimestampScale(int tsresol, long offsetSeconds) {
        this.tsresol = tsresol & 0xff;
        this.offsetNanos = offsetSeconds * 1_000_000_000L;
    }

    /** Nanoseconds since the epoch for a 64-bit (unsigned) count of units. */
    long toEpochNanos(long units) {
        return unitsToNanos(units) + offsetNanos;
    }

    private long unitsToNanos(long units) {
        int exp = tsresol & 0x7f;
        boolean binary = (tsresol & 0x80) != 0;
        if (!binary) {
            if (exp <= 9) {
                return units * POW10[9 - exp];
            }
            if (exp - 9 < POW10.length) {
                return Long.divideUnsigned(units, POW10[exp - 9]);
            }
            return slow(units, BigInteger.TEN.pow(exp));
        }
        if (exp <= 30) {
            long seconds = units >>> exp;
            long fraction = units & ((1L << exp) - 1);
            return seconds * 1_000_000_000L + ((fraction * 1_000_000_000L) >>> exp);
        }
        return slow(units, BigInteger.ONE.shiftLeft(exp));
    }

    private static long slow(long units, BigInteger unitsPerSecond) {
        BigInteger u = new BigInteger(Long.toUnsignedString(units));
        return u.multiply(NANOS_PER_SECOND).divide(unitsPerSecond).longValue();
    }
}
