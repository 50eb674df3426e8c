package io.tunnelsim.topology;

import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.sim.SimTime;

/**
 * The one set of rules for protocol timers. Topology values ({@code ospf:}, {@code rip:},
 * {@code track:}, tunnel {@code keepalive:}) and scenario variant overrides go through the same
 * checks, so a value the topology loader refuses is refused in a variant too, with its
 * file:line:column.
 *
 * <p>A new timer key is one {@link Rule} constant (range, granularity and the source of the
 * rule) and one {@code check} call where the key is read; relations between timers (hello
 * below dead, update below timeout) are the static methods below.
 */
public final class TimerRules {

    /**
     * One timer: accepted range and granularity.
     *
     * @param what        how messages name the timer ("ospf hello")
     * @param minNs       smallest accepted value
     * @param maxNs       largest accepted value
     * @param granularity values must be a multiple of this (1 for any nanosecond value)
     * @param source      where the rule comes from, quoted in the message
     */
    public record Rule(String what, long minNs, long maxNs, long granularity, String source) {

        /** Reports at {@code at} and returns false when {@code value} breaks the rule. */
        public boolean check(YamlContext ctx, Node at, long value) {
            if (value < minNs || value > maxNs) {
                ctx.error(at, what + " " + SimTime.formatShort(value) + " is outside " + SimTime.formatShort(minNs)
                        + ".." + SimTime.formatShort(maxNs) + " (" + source + ")");
                return false;
            }
            if (value % granularity != 0) {
                ctx.error(at, what + " " + SimTime.formatShort(value) + " must be a whole number of "
                        + (granularity == SimTime.SECOND ? "seconds" : SimTime.formatShort(granularity)) + " (" + source + ")");
                return false;
            }
            return true;
        }

        /** {@link #check} on the value of {@code key} when the map has it. */
        public boolean check(YamlMap m, String key, long value) {
            return !m.has(key) || check(m.context(), m.get(key), value);
        }
    }

    private static final long S = SimTime.SECOND;

    /** RFC 2328 A.3.2: HelloInterval is a 16-bit count of seconds. */
    public static final Rule OSPF_HELLO = new Rule("ospf hello", S, 65_535 * S, S,
            "RFC 2328 A.3.2: HelloInterval is a 16-bit number of seconds; for sub-second hellos write"
            + " hello-multiplier: 3-20 (IOS ip ospf dead-interval minimal hello-multiplier)");
    /** RFC 2328 A.3.2: RouterDeadInterval is a 32-bit count of seconds; IOS accepts 1-65535. */
    public static final Rule OSPF_DEAD = new Rule("ospf dead interval", S, 65_535 * S, S,
            "RFC 2328 A.3.2: RouterDeadInterval is in seconds; IOS ip ospf dead-interval 1-65535");
    /** IOS {@code timers basic} takes seconds up to 2^32-1; the model honours any positive value. */
    public static final Rule RIP_UPDATE = new Rule("rip update timer", SimTime.MILLISECOND, 86_400 * S, 1,
            "RFC 2453 3.8: one Response every update period; at most 1 day here");
    public static final Rule RIP_TIMEOUT = new Rule("rip timeout", SimTime.MILLISECOND, 86_400 * S, 1,
            "RFC 2453 3.8: a route expires after the timeout; at most 1 day here");
    public static final Rule RIP_GARBAGE = new Rule("rip garbage-collection timer", SimTime.MILLISECOND, 86_400 * S, 1,
            "RFC 2453 3.8: an expired route is deleted after the garbage-collection timer; above 0");
    public static final Rule RIP_JITTER = new Rule("rip update jitter", 0, 86_400 * S, 1,
            "RFC 2453 3.8: each update period is offset at random by up to this, 5 s by default; below the update timer");
    public static final Rule RIP_HOLDDOWN = new Rule("rip hold-down timer", 0, 86_400 * S, 1,
            "IOS timers basic hold-down; 0 turns it off");
    /** IOS {@code ip sla ... frequency} 1-604800 s; the model also honours sub-second values. */
    public static final Rule TRACK_FREQUENCY = new Rule("track frequency", SimTime.MILLISECOND, 604_800 * S, 1,
            "IOS ip sla frequency, at most 604800 s; above 0");
    /** IOS {@code ip sla ... timeout} 0-604800000 ms; 0 would time out every probe. */
    public static final Rule TRACK_TIMEOUT = new Rule("track timeout", SimTime.MILLISECOND, 604_800 * S, 1,
            "IOS ip sla timeout, in milliseconds; above 0");
    /** IOS {@code track ... delay up/down} 0-180 s. */
    public static final Rule TRACK_DELAY = new Rule("track delay", 0, 180 * S, 1, "IOS track delay up/down 0-180 s");
    /** IOS {@code keepalive [period [retries]]}: period 1-32767 s. */
    public static final Rule KEEPALIVE_PERIOD = new Rule("keepalive period", SimTime.MILLISECOND, 32_767 * S, 1,
            "IOS keepalive period, at most 32767 s; 'keepalive: false' turns keepalives off, not a 0 period");

    private TimerRules() {
    }

    /** OSPF hello and dead interval of one interface (or a variant override); dead must exceed hello. */
    public static boolean ospf(YamlMap m, long hello, long dead) {
        boolean ok = OSPF_HELLO.check(m, "hello", hello) & OSPF_DEAD.check(m, "dead", dead);
        if (ok && dead <= hello) {
            m.context().error(m.nodeFor(m.has("dead") ? "dead" : "hello"), "ospf dead interval " + SimTime.formatShort(dead)
                    + " must be longer than hello " + SimTime.formatShort(hello)
                    + " (RFC 2328 C.3: a neighbour is declared down after the dead interval without hellos)");
            return false;
        }
        return ok;
    }

    /**
     * IOS fast hellos ({@code ip ospf dead-interval minimal hello-multiplier N}): the value of
     * {@code hello-multiplier}, 3-20 as IOS accepts, or 0 when absent or refused. It fixes dead at
     * 1 s and the hello period at 1 s / N, so {@code hello} or {@code dead} beside it is refused.
     */
    public static int ospfHelloMultiplier(YamlMap m) {
        if (!m.has("hello-multiplier")) {
            return 0;
        }
        int n = (int) m.integer("hello-multiplier", 0, 3, 20);
        for (String k : new String[] {"hello", "dead"}) {
            if (m.has(k)) {
                m.context().error(m.nodeFor(k), "ospf " + k + " cannot be set beside hello-multiplier, which sends "
                        + (n > 0 ? n : "N") + " hellos a second with a dead interval of 1s (IOS ip ospf dead-interval minimal"
                        + " hello-multiplier). Hint: remove '" + k + "' or 'hello-multiplier'");
                return 0;
            }
        }
        return n;
    }

    /** RIP timers: each in range, and the timeout longer than the update period (RFC 2453 3.8). */
    public static boolean rip(YamlMap m, long update, long timeout, long garbage, long holddown) {
        boolean ok = RIP_UPDATE.check(m, "update", update) & RIP_TIMEOUT.check(m, "timeout", timeout)
                & RIP_GARBAGE.check(m, "garbage", garbage) & RIP_HOLDDOWN.check(m, "holddown", holddown);
        if (ok && timeout <= update) {
            m.context().error(m.nodeFor(m.has("timeout") ? "timeout" : "update"), "rip timeout " + SimTime.formatShort(timeout)
                    + " must be longer than the update timer " + SimTime.formatShort(update)
                    + " (RFC 2453 3.8: routes would expire between two updates)");
            return false;
        }
        return ok;
    }

    /** {@link #rip(YamlMap, long, long, long, long)} and the update jitter ({@code jitter}, below the update timer). */
    public static boolean rip(YamlMap m, long update, long timeout, long garbage, long holddown, long jitter) {
        boolean ok = rip(m, update, timeout, garbage, holddown);
        if (!m.has("jitter")) {
            return ok;
        }
        if (!RIP_JITTER.check(m, "jitter", jitter)) {
            return false;
        }
        if (ok && jitter >= update) {
            m.context().error(m.nodeFor("jitter"), "rip update jitter " + SimTime.formatShort(jitter)
                    + " must be shorter than the update timer " + SimTime.formatShort(update)
                    + " (RFC 2453 3.8: the offset applies to each update period)");
            return false;
        }
        return ok;
    }

    /** IP SLA frequency and timeout: each in range, the timeout at most the frequency. */
    public static boolean track(YamlMap m, long frequency, long timeout) {
        boolean ok = TRACK_FREQUENCY.check(m, "frequency", frequency) & TRACK_TIMEOUT.check(m, "timeout", timeout);
        if (ok && timeout > frequency) {
            m.context().error(m.nodeFor(m.has("timeout") ? "timeout" : "frequency"), "track timeout "
                    + SimTime.formatShort(timeout) + " is longer than its frequency " + SimTime.formatShort(frequency)
                    + " (IOS refuses an IP SLA timeout above the frequency)");
            return false;
        }
        return ok;
    }

    /** GRE keepalive period. */
    public static boolean keepalive(YamlMap m, long period) {
        return KEEPALIVE_PERIOD.check(m, "period", period);
    }
}
