package io.tunnelsim.sim;

/**
 * Simulated time: a point in time and a span of time are both a {@code long} count of
 * nanoseconds. This class holds the units, parsing of durations with units, and formatting.
 *
 * <p>Time stays primitive on purpose: the kernel and the per-packet path handle millions of
 * timestamps and must not allocate for them. The split between a point and a span lives in
 * names ({@code at}, {@code delay}) rather than in wrapper types.
 */
public final class SimTime {
    public static final long NANOSECOND = 1L;
    public static final long MICROSECOND = 1_000L;
    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;

    private SimTime() {
    }

    public static long seconds(long s) {
        return Math.multiplyExact(s, SECOND);
    }

    public static long millis(long ms) {
        return Math.multiplyExact(ms, MILLISECOND);
    }

    public static long micros(long us) {
        return Math.multiplyExact(us, MICROSECOND);
    }

    /**
     * Parses a duration with a unit: {@code 10s}, {@code 250ms}, {@code 1.5s}, {@code 2m} or
     * {@code 2min}, {@code 1h}, {@code 100us}, {@code 10ns}, and concatenations like {@code 1m30s}.
     * Spaces between a number and its unit or between parts are allowed ({@code 60 s},
     * {@code 1m 30s}); every number needs its unit ({@code 1m30} is refused).
     *
     * @throws IllegalArgumentException with one message that says what a valid duration looks like
     */
    public static long parseDuration(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration (write a number with a unit, e.g. 10s or 250ms)");
        }
        String s = text.trim();
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (write a number with a unit, e.g. 10s or 250ms)");
            }
            String number = s.substring(start, i);
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            String unit = s.substring(unitStart, i);
            long scale = switch (unit) {
                case "ns" -> NANOSECOND;
                case "us", "µs" -> MICROSECOND;
                case "ms" -> MILLISECOND;
                case "s" -> SECOND;
                case "m", "min" -> MINUTE;
                case "h" -> HOUR;
                case "" -> throw new IllegalArgumentException(start == 0 && i >= s.length()
                        ? "duration '" + text + "' has no unit (write e.g. " + number + "s or " + number + "ms)"
                        : "duration '" + text + "': '" + number + "' has no unit (every number needs one, e.g. 1m30s)");
                default -> throw new IllegalArgumentException("duration '" + text + "' has unknown unit '" + unit
                        + "' (units: ns, us, ms, s, m or min, h)");
            };
            try {
                java.math.BigDecimal value = new java.math.BigDecimal(number).multiply(java.math.BigDecimal.valueOf(scale));
                total = Math.addExact(total, value.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (write a number with a unit, e.g. 10s or 250ms)");
            } catch (ArithmeticException e) {
                throw tooLong(text);
            }
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }
        if (total > MAX_DURATION) {
            throw tooLong(text);
        }
        return total;
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("duration '" + text + "' is longer than the limit of "
                + MAX_DURATION / HOUR + "h (" + MAX_DURATION / (24 * HOUR) + " days)");
    }

    /**
     * Longest duration any input may give (a run, a delay, a timer): 365 days. Sums of a few such
     * values stay far below the 292 years a {@code long} of nanoseconds can hold.
     */
    public static final long MAX_DURATION = 365 * 24 * HOUR;

    /** {@code a + b} for times, refusing to wrap around past the largest representable time. */
    public static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    /** Seconds with nine decimals, e.g. {@code 12.500000000}: the timestamp of log lines. */
    public static String format(long nanos) {
        long s = nanos / SECOND;
        long frac = Math.abs(nanos % SECOND);
        String f = Long.toString(frac);
        return (nanos < 0 && s == 0 ? "-" : "") + s + "." + "000000000".substring(f.length()) + f;
    }

    /** A short human form: {@code 40s}, {@code 250ms}, {@code 1.5s}, {@code 12us}. */
    public static String formatShort(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos % SECOND == 0) {
            return nanos / SECOND + "s";
        }
        if (Math.abs(nanos) >= SECOND) {
            return trim(java.math.BigDecimal.valueOf(nanos, 9)) + "s";
        }
        if (nanos % MILLISECOND == 0) {
            return nanos / MILLISECOND + "ms";
        }
        if (Math.abs(nanos) >= MILLISECOND) {
            return trim(java.math.BigDecimal.valueOf(nanos, 6)) + "ms";
        }
        if (nanos % MICROSECOND == 0) {
            return nanos / MICROSECOND + "us";
        }
        return nanos + "ns";
    }

    private static String trim(java.math.BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** Seconds as a double, for reports and charts only (never for simulation arithmetic). */
    public static double toSeconds(long nanos) {
        return nanos / (double) SECOND;
    }
}
