package io.tunnelsim.routing.rip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RIP process on a router (RFC 2453).
 *
 * @param version          1 or 2
 * @param timers           update, timeout, garbage-collection and optional hold-down
 * @param splitHorizon     split horizon variant (default simple)
 * @param defaultOriginate advertise 0.0.0.0/0
 * @param interfaces       interfaces that run RIP, by name
 * @param requestOnLoss    send a whole-table request when a route is lost (default off, as IOS,
 *                         FRR and ns-3; RFC 2453 §3.9.1 allows a request at any time)
 * @param maximumPaths     equal-metric paths installed per prefix (IOS {@code maximum-paths}, default 4)
 */
public record RipSpec(int version, Timers timers, SplitHorizon splitHorizon, boolean defaultOriginate,
                      Map<String, RipInterfaceSpec> interfaces, boolean requestOnLoss, int maximumPaths) {

    /** IOS {@code maximum-paths} default. */
    public static final int DEFAULT_MAXIMUM_PATHS = 4;

    /** With the default maximum-paths. */
    public RipSpec(int version, Timers timers, SplitHorizon splitHorizon, boolean defaultOriginate,
                   Map<String, RipInterfaceSpec> interfaces, boolean requestOnLoss) {
        this(version, timers, splitHorizon, defaultOriginate, interfaces, requestOnLoss, DEFAULT_MAXIMUM_PATHS);
    }

    /**
     * RFC 2453 §3.8 timers; a non-zero hold-down is the Cisco extension.
     *
     * @param jitterNs each periodic update comes {@code updateNs} ± a uniform offset up to this;
     *                 negative = automatic: 5 s (RFC 2453 §3.8), at most update / 6
     */
    public record Timers(long updateNs, long timeoutNs, long garbageNs, long holddownNs, long jitterNs) {
        /** 30 s / 180 s / 120 s, no hold-down, ±5 s. */
        public static final Timers DEFAULT = new Timers(30_000_000_000L, 180_000_000_000L, 120_000_000_000L, 0, -1);

        /** With the automatic jitter. */
        public Timers(long updateNs, long timeoutNs, long garbageNs, long holddownNs) {
            this(updateNs, timeoutNs, garbageNs, holddownNs, -1);
        }
    }

    /** RFC 2453 §3.4.3. */
    public enum SplitHorizon {
        SIMPLE, POISON, OFF
    }

    /**
     * Per-interface settings: metric offset added to received routes, passive (listen only), and
     * authentication (none, simple password or keyed MD5, RFC 2453 §5.2 / RFC 2082).
     */
    public record RipInterfaceSpec(String name, int offset, boolean passive, io.tunnelsim.wire.Authentication authentication) {
    }

    public RipSpec {
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
    }

    /** Without request on loss (the default). */
    public RipSpec(int version, Timers timers, SplitHorizon splitHorizon, boolean defaultOriginate,
                   Map<String, RipInterfaceSpec> interfaces) {
        this(version, timers, splitHorizon, defaultOriginate, interfaces, false);
    }
}
