package io.tunnelsim.routing.rip;

import io.tunnelsim.sim.SimTime;

/**
 * Timers and behaviour of one RIP process, as {@code router rip} / {@code timers basic} set them.
 *
 * <ul>
 * <li>{@code updateInterval}: periodic full updates (RFC 2453 §3.8, 30 s);</li>
 * <li>{@code updateJitter}: each periodic timer is set to {@code updateInterval} plus a uniform
 *     random offset in [−jitter, +jitter] (RFC 2453 §3.8 asks for "+/- 0 to 5 seconds"; default 5 s,
 *     so consecutive updates are 25–35 s apart);</li>
 * <li>{@code timeout}: a learnt route not refreshed for this long becomes unreachable (180 s);</li>
 * <li>{@code garbage}: an unreachable route is advertised with metric 16 for this long, then
 *     deleted (120 s; the Cisco flush timer 240 s is timeout + garbage, i.e. garbage 60 s);</li>
 * <li>{@code holdDown}: after a route became unreachable, new information about its prefix is
 *     ignored for this long or until it is deleted (0 = off, as in RFC 2453; Cisco 180 s);</li>
 * <li>{@code triggeredMin}/{@code triggeredMax}: a triggered update goes out after a uniform random
 *     delay in this range, and changes made meanwhile ride on it (RFC 2453 §3.10.1, 1–5 s);</li>
 * <li>{@code splitHorizon}: see {@link SplitHorizon} (default simple split horizon, as IOS
 *     {@code ip split-horizon} and FRR {@code ip rip split-horizon});</li>
 * <li>{@code originateDefault}: advertise 0.0.0.0/0 with metric 1 ({@code default-information originate});</li>
 * <li>{@code distance}: administrative distance of RIP routes in the RIB (120);</li>
 * <li>{@code requestOnLoss}: when the process loses a route through first-hand knowledge (an
 *     interface went down, a route timed out), it multicasts a whole-table request on its other
 *     interfaces so that neighbours answer at once with any alternative (RFC 2453 §3.9.1 allows
 *     requests at any time). Off gives the textbook behaviour where an alternative arrives with
 *     the neighbour's next periodic update. Default off: neither IOS, FRR nor ns-3 sends such a
 *     request.</li>
 * </ul>
 */
public record RipConfig(long updateInterval, long updateJitter, long timeout, long garbage, long holdDown,
                        long triggeredMin, long triggeredMax, SplitHorizon splitHorizon, boolean originateDefault,
                        int distance, boolean requestOnLoss, int maxPaths) {

    public static final long DEFAULT_UPDATE = 30 * SimTime.SECOND;
    public static final long DEFAULT_JITTER = 5 * SimTime.SECOND;
    public static final long DEFAULT_TIMEOUT = 180 * SimTime.SECOND;
    public static final long DEFAULT_GARBAGE = 120 * SimTime.SECOND;
    public static final long DEFAULT_TRIGGERED_MIN = SimTime.SECOND;
    public static final long DEFAULT_TRIGGERED_MAX = 5 * SimTime.SECOND;
    public static final int DEFAULT_DISTANCE = 120;
    /** IOS {@code maximum-paths} default for RIP. */
    public static final int DEFAULT_MAX_PATHS = 4;

    public RipConfig {
        if (updateInterval <= 0 || timeout <= 0 || garbage <= 0) {
            throw new IllegalArgumentException("RIP update, timeout and garbage timers must be positive");
        }
        if (updateJitter < 0 || updateJitter >= updateInterval) {
            throw new IllegalArgumentException("RIP update jitter must be in [0, update interval)");
        }
        if (holdDown < 0) {
            throw new IllegalArgumentException("RIP hold-down must be >= 0");
        }
        if (triggeredMin < 0 || triggeredMax < triggeredMin) {
            throw new IllegalArgumentException("RIP triggered-update delay needs 0 <= min <= max");
        }
        if (splitHorizon == null) {
            throw new IllegalArgumentException("missing split-horizon mode");
        }
        if (maxPaths < 1 || maxPaths > 32) {
            throw new IllegalArgumentException("RIP maximum-paths " + maxPaths + " outside 1-32");
        }
        if (distance < 1 || distance > 255) {
            throw new IllegalArgumentException("distance " + distance + " outside 1-255");
        }
    }

    /** RFC 2453 timers, simple split horizon, no hold-down, no request on loss. */
    public static RipConfig defaults() {
        return new RipConfig(DEFAULT_UPDATE, DEFAULT_JITTER, DEFAULT_TIMEOUT, DEFAULT_GARBAGE, 0, DEFAULT_TRIGGERED_MIN,
                DEFAULT_TRIGGERED_MAX, SplitHorizon.SIMPLE, false, DEFAULT_DISTANCE, false, DEFAULT_MAX_PATHS);
    }

    /** Cisco flavour: update 30 s, invalid 180 s, hold-down 180 s, flush 240 s (garbage 60 s after invalid). */
    public static RipConfig cisco() {
        return defaults().withTimers(DEFAULT_UPDATE, DEFAULT_TIMEOUT, 60 * SimTime.SECOND)
                .withHoldDown(180 * SimTime.SECOND);
    }

    public RipConfig withTimers(long update, long newTimeout, long newGarbage) {
        return new RipConfig(update, Math.min(updateJitter, update - 1), newTimeout, newGarbage, holdDown, triggeredMin,
                triggeredMax, splitHorizon, originateDefault, distance, requestOnLoss, maxPaths);
    }

    public RipConfig withJitter(long jitter) {
        return new RipConfig(updateInterval, jitter, timeout, garbage, holdDown, triggeredMin, triggeredMax,
                splitHorizon, originateDefault, distance, requestOnLoss, maxPaths);
    }

    public RipConfig withHoldDown(long hold) {
        return new RipConfig(updateInterval, updateJitter, timeout, garbage, hold, triggeredMin, triggeredMax,
                splitHorizon, originateDefault, distance, requestOnLoss, maxPaths);
    }

    public RipConfig withTriggeredDelay(long min, long max) {
        return new RipConfig(updateInterval, updateJitter, timeout, garbage, holdDown, min, max, splitHorizon,
                originateDefault, distance, requestOnLoss, maxPaths);
    }

    public RipConfig withSplitHorizon(SplitHorizon mode) {
        return new RipConfig(updateInterval, updateJitter, timeout, garbage, holdDown, triggeredMin, triggeredMax, mode,
                originateDefault, distance, requestOnLoss, maxPaths);
    }

    public RipConfig withOriginateDefault(boolean originate) {
        return new RipConfig(updateInterval, updateJitter, timeout, garbage, holdDown, triggeredMin, triggeredMax,
                splitHorizon, originate, distance, requestOnLoss, maxPaths);
    }

    public RipConfig withDistance(int d) {
        return new RipConfig(updateInterval, updateJitter, timeout, garbage, holdDown, triggeredMin, triggeredMax,
                splitHorizon, originateDefault, d, requestOnLoss, maxPaths);
    }

    public RipConfig withRequestOnLoss(boolean request) {
        return new RipConfig(updateInterval, updateJitter, timeout, garbage, holdDown, triggeredMin, triggeredMax,
                splitHorizon, originateDefault, distance, request, maxPaths);
    }

    public RipConfig withMaxPaths(int n) {
        return new RipConfig(updateInterval, updateJitter, timeout, garbage, holdDown, triggeredMin, triggeredMax,
                splitHorizon, originateDefault, distance, requestOnLoss, n);
    }
}
