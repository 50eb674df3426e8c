package io.tunnelsim.routing.bfd;

import io.tunnelsim.sim.SimTime;

/**
 * The configured timers of a session, as FRR's {@code bfd} peer or profile commands
 * ({@code transmit-interval}, {@code receive-interval}, {@code detect-multiplier}) or IOS
 * {@code bfd interval TX min_rx RX multiplier N} give them. Intervals are nanoseconds of
 * simulated time and whole microseconds on the wire.
 *
 * @param desiredMinTx bfd.DesiredMinTxInterval once Up (RFC 5880 §6.8.1)
 * @param requiredMinRx bfd.RequiredMinRxInterval
 * @param detectMult bfd.DetectMult, 1..255
 */
public record BfdTimers(long desiredMinTx, long requiredMinRx, int detectMult) {
    /** FRR bfdd: transmit-interval 300 ms. */
    public static final long DEFAULT_TX = SimTime.millis(300);
    /** FRR bfdd: receive-interval 300 ms. */
    public static final long DEFAULT_RX = SimTime.millis(300);
    /** FRR bfdd: detect-multiplier 3 (900 ms detection with the default intervals). */
    public static final int DEFAULT_MULTIPLIER = 3;
    /** FRR bfdd accepts intervals from 10 ms; IOS from 50 ms. The lower bound here is FRR's. */
    public static final long MIN_INTERVAL = SimTime.millis(10);
    /** FRR bfdd: intervals up to 60 s. */
    public static final long MAX_INTERVAL = SimTime.seconds(60);
    /** RFC 5880 §6.8.3: while not Up, DesiredMinTxInterval is at least one second. */
    public static final long SLOW_TX = SimTime.seconds(1);

    public static final BfdTimers DEFAULT = new BfdTimers(DEFAULT_TX, DEFAULT_RX, DEFAULT_MULTIPLIER);

    public BfdTimers {
        checkInterval("transmit interval", desiredMinTx);
        checkInterval("receive interval", requiredMinRx);
        if (detectMult < 1 || detectMult > 255) {
            throw new IllegalArgumentException("BFD detect multiplier " + detectMult + " outside 1-255");
        }
    }

    private static void checkInterval(String what, long v) {
        if (v < MIN_INTERVAL || v > MAX_INTERVAL || v % 1000 != 0) {
            throw new IllegalArgumentException("BFD " + what + " " + SimTime.formatShort(v)
                    + " must be whole microseconds from 10ms to 60s");
        }
    }

    /** The detection time the peer computes for us when both ends use these timers. */
    public long symmetricDetectionTime() {
        return detectMult * Math.max(desiredMinTx, requiredMinRx);
    }
}
