package io.tunnelsim.ipsec;

/**
 * SA lifetime limits, RFC 4301 §4.4.2.1: a soft limit warns that the SA should be replaced, a
 * hard limit ends it. Times are durations in simulation nanoseconds from the SA's creation; byte
 * limits count payload bytes protected or accepted. Zero means no limit.
 */
public record SaLifetime(long softNanos, long hardNanos, long softBytes, long hardBytes) {

    public static final SaLifetime UNLIMITED = new SaLifetime(0, 0, 0, 0);

    public SaLifetime {
        if (softNanos < 0 || hardNanos < 0 || softBytes < 0 || hardBytes < 0) {
            throw new IllegalArgumentException("lifetime limits must not be negative");
        }
        if (hardNanos > 0 && softNanos > hardNanos) {
            throw new IllegalArgumentException("soft lifetime exceeds hard lifetime");
        }
        if (hardBytes > 0 && softBytes > hardBytes) {
            throw new IllegalArgumentException("soft byte lifetime exceeds hard byte lifetime");
        }
    }

    /** Time limits only, in whole seconds (e.g. Cisco's default 3600 s hard lifetime). */
    public static SaLifetime ofSeconds(long softSeconds, long hardSeconds) {
        return new SaLifetime(softSeconds * 1_000_000_000L, hardSeconds * 1_000_000_000L, 0, 0);
    }

    public SaLifetime withBytes(long soft, long hard) {
        return new SaLifetime(softNanos, hardNanos, soft, hard);
    }
}
