package io.tunnelsim.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import io.tunnelsim.sim.SimTime;

/**
 * Parsers for the unit-carrying values of the input files. Each throws
 * {@link IllegalArgumentException} with a message that says what a valid value looks like.
 */
public final class SpecValues {

    private SpecValues() {
    }

    /**
     * A duration with unit ({@code 10s}, {@code 250ms}, {@code 1m30s}, {@code 60 s}); a bare
     * {@code 0} is accepted; at most {@link SimTime#MAX_DURATION} (365 days).
     */
    public static long duration(String text) {
        String t = text.trim();
        if (t.matches("[0-9]+(\\.[0-9]+)?")) {
            if (new BigDecimal(t).signum() == 0) {
                return 0;
            }
            throw new IllegalArgumentException("duration '" + t + "' has no unit (write " + t + "s or " + t + "ms)");
        }
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("duration '" + t + "' is negative");
        }
        return SimTime.parseDuration(t);
    }

    /** A bandwidth with unit: {@code bps}, {@code kbps}, {@code Mbps} or {@code Gbps}; decimals allowed. */
    public static long bandwidth(String text) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        String number = t.substring(0, i);
        String unit = t.substring(i).trim();
        if (number.isEmpty() || number.chars().filter(c -> c == '.').count() > 1 || number.endsWith(".")) {
            throw new IllegalArgumentException("'" + t + "' is not a bandwidth (write e.g. 100Mbps, 1.5Mbps or 64kbps)");
        }
        if (unit.isEmpty()) {
            throw new IllegalArgumentException("bandwidth '" + t + "' has no unit (write " + number + "Mbps or "
                    + number + "kbps; units: bps, kbps, Mbps, Gbps)");
        }
        long scale = switch (unit) {
            case "bps" -> 1L;
            case "kbps", "Kbps" -> 1_000L;
            case "Mbps", "mbps" -> 1_000_000L;
            case "Gbps", "gbps" -> 1_000_000_000L;
            default -> throw new IllegalArgumentException("bandwidth '" + t + "' has unknown unit '" + unit
                    + "' (units are bits per second: bps, kbps, Mbps, Gbps)");
        };
        try {
            BigDecimal v = new BigDecimal(number).multiply(BigDecimal.valueOf(scale));
            long bps = v.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            if (bps <= 0) {
                throw new IllegalArgumentException("bandwidth '" + t + "' must be above 0");
            }
            return bps;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("bandwidth '" + t + "' is out of range");
        }
    }

    /** A probability 0..1, written as a number ({@code 0.1}) or a percentage ({@code "10%"}). */
    public static double fraction(String text) {
        String t = text.trim();
        boolean percent = t.endsWith("%");
        String n = percent ? t.substring(0, t.length() - 1).trim() : t;
        double v;
        try {
            if (!n.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a loss ratio (write 0.1 or \"10%\")");
        }
        if (percent) {
            v /= 100.0;
        }
        if (v < 0 || v > 1) {
            throw new IllegalArgumentException("loss '" + t + "' is outside 0..1 (0%..100%)");
        }
        return v;
    }

    /** A non-negative integer in decimal or {@code 0x} hexadecimal. */
    public static long integer(String text) {
        String t = text.trim().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.startsWith("+")) {
                t = t.substring(1);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, found '" + text + "'");
        }
    }

    /** Hex key material, optionally with a {@code 0x} prefix and {@code :} or space separators; lower case result. */
    public static String hex(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        t = t.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (t.isEmpty() || (t.length() & 1) != 0 || !t.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("'" + text + "' is not hex key material (write an even number of hex digits, e.g. \"0x00112233...\")");
        }
        return t;
    }

    /** Bytes of a hex string produced by {@link #hex(String)}. */
    public static byte[] hexBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }
}
