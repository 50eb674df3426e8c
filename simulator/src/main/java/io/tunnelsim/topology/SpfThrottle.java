package io.tunnelsim.topology;

import io.tunnelsim.sim.SimTime;

/** OSPF SPF back-off: first run after {@code start}, then waits doubling from {@code hold} up to {@code max}. */
public record SpfThrottle(long startNs, long holdNs, long maxNs) {

    /** Older IOS timers: 5 s / 10 s / 10 s. */
    public static final SpfThrottle CLASSIC = new SpfThrottle(SimTime.millis(5000), SimTime.millis(10000), SimTime.millis(10000));
    /** Current IOS timers: 50 ms / 200 ms / 5 s. */
    public static final SpfThrottle MODERN = new SpfThrottle(SimTime.millis(50), SimTime.millis(200), SimTime.millis(5000));
}
