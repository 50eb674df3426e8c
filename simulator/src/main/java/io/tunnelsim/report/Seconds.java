package io.tunnelsim.report;

import io.tunnelsim.json.JsonWriter;

/**
 * Formats nanosecond counts as decimal seconds with exactly nine fraction digits
 * ({@code 12.500000000}, {@code -0.000000001}). Integer arithmetic only, so the text is exact and
 * independent of locale and floating-point rounding.
 */
public final class Seconds {

    private Seconds() {
    }

    public static String format(long nanos) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, nanos);
        return sb.toString();
    }

    /** Appends {@code nanos} as {@link #format} does: the digits of JSON's seconds ({@link JsonWriter#appendSeconds}). */
    public static void append(StringBuilder sb, long nanos) {
        JsonWriter.appendSeconds(sb, nanos);
    }

    /**
     * Seconds with three decimals, rounded half up to the millisecond ({@code 12.3456 s} →
     * {@code 12.346}), for text read by people.
     */
    public static String formatMillis(long nanos) {
        if (nanos == Long.MIN_VALUE) {
            throw new IllegalArgumentException("time out of range");
        }
        long ms = (Math.abs(nanos) + 500_000L) / 1_000_000L;
        StringBuilder sb = new StringBuilder(16);
        if (nanos < 0 && ms != 0) {
            sb.append('-');
        }
        sb.append(ms / 1000).append('.');
        long frac = ms % 1000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }

    /** Seconds as a double, for chart axes only (never for files). */
    public static double toDouble(long nanos) {
        return nanos / 1e9;
    }
}
