package io.tunnelsim.topology;

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
 */
public record RipSpec(int version, Timers timers, SplitHorizon splitHorizon, boolean defaultOriginate,
                      Map<String, RipInterfaceSpec> interfaces, boolean requestOnLoss) {

    /** RFC 2453 §3.8 timers; a non-zero hold-down is the Cisco extension. */
    public record Timers(long updateNs, long timeoutNs, long garbageNs, long holddownNs) {
        /** 30 s / 180 s / 120 s, no hold-down. */
        public static final Timers DEFAULT = new Timers(30_000_000_000L, 180_000_000_000L, 120_000_000_000L, 0);
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
