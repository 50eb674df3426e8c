package io.tunnelsim.routing.ospf;

import io.tunnelsim.sim.SimTime;

/**
 * The SPF throttle: how long a router waits after a topology change before running the route
 * calculation, and how that wait backs off while changes keep coming (the model RFC 8405
 * describes, in the shape of Cisco's {@code timers throttle spf start hold max}).
 *
 * <p>After a quiet period the first change is answered {@code initialDelay} later. A change
 * arriving while the previous calculation is recent waits until the current hold time has
 * passed since that calculation; each such wait doubles the hold time, up to {@code maxWait}.
 * After {@code 2 × maxWait} without a calculation the hold time returns to {@code holdTime}.
 *
 * @param initialDelay nanoseconds from the first change to the calculation
 * @param holdTime nanoseconds between two consecutive calculations, initially
 * @param maxWait upper bound of the hold time, nanoseconds
 */
public record SpfThrottle(long initialDelay, long holdTime, long maxWait) {
    /** Classic IOS defaults: 5000 / 10000 / 10000 ms. */
    public static final SpfThrottle CLASSIC = new SpfThrottle(5000 * SimTime.MILLISECOND,
            10_000 * SimTime.MILLISECOND, 10_000 * SimTime.MILLISECOND);
    /** Current IOS and FRR style defaults: 50 / 200 / 5000 ms. */
    public static final SpfThrottle MODERN = new SpfThrottle(50 * SimTime.MILLISECOND, 200 * SimTime.MILLISECOND,
            5000 * SimTime.MILLISECOND);

    public SpfThrottle {
        if (initialDelay < 0 || holdTime < 0 || maxWait < holdTime) {
            throw new IllegalArgumentException("SPF throttle needs 0 <= start, 0 <= hold <= max");
        }
    }
}
