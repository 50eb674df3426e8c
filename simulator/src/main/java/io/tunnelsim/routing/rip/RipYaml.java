package io.tunnelsim.routing.rip;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tunnelsim.topology.AuthenticationYaml;
import io.tunnelsim.topology.NodeSection;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.TimerRules;
import io.tunnelsim.topology.YamlContext;
import io.tunnelsim.topology.YamlMap;

/**
 * Reads a router's {@code rip:} section into a {@link RipSpec}, defaults applied, and declares
 * its keys, including the {@code timers:} mapping a variant's {@code rip:} overrides also use.
 * The keys are described in {@code docs/topology-format.md}.
 */
public final class RipYaml {

    /** {@code timers:} of a section; a variant's {@code rip:} overrides take the same keys. */
    public static final Shape.Obj TIMERS = Shape.obj("RIP timers (RFC 2453: 30s, 180s, 120s).")
            .key("update", Shape.DURATION, "Update interval (default 30s).")
            .key("timeout", Shape.DURATION, "Route timeout (default 180s).")
            .key("garbage", Shape.DURATION, "Garbage-collection time (default 120s).")
            .key("holddown", Shape.DURATION, "Hold-down after a route is lost (default 0s).")
            .key("jitter", Shape.DURATION, "Random jitter of the update interval.");

    static final Shape.Obj INTERFACE = Shape.obj("RIP on one interface.")
            .key("offset", Shape.integer(0, 16), "Metric added to routes received here.")
            .key("passive", Shape.BOOL, "Receive only, send no updates.")
            .key("authentication", AuthenticationYaml.SHAPE, "RIP authentication (RFC 2453 §4.1, RFC 2082).");

    /** The node's {@code rip:} section. */
    static final Shape.Obj SECTION = Shape.obj("RIPv2.")
            .key("version", Shape.integer(1, 2), "RIP version; only 2 runs.")
            .key("timers", TIMERS, "Timers.")
            .key("split-horizon", Shape.choice("simple", "poison", "off"), "Split horizon (default simple).")
            .key("default-originate", Shape.BOOL, "Advertise a default route.")
            .key("interfaces", Shape.namedMap(null, INTERFACE), "Interfaces RIP runs on, by name.")
            .key("request-on-loss", Shape.BOOL, "Send a request when a route is lost.")
            .key("maximum-paths", Shape.integer(1, 32), "Equal-cost paths installed (default 4).");

    private RipYaml() {
    }

    /** The section, or null when it is not a mapping (reported). */
    static RipSpec read(NodeSection in) {
        YamlContext ctx = in.context();
        String node = in.node();
        YamlMap r = ctx.map(in.value(), "'rip' of node '" + node + "'", SECTION);
        if (r == null) {
            return null;
        }
        String path = "nodes/" + node + "/rip";
        in.markAll(path, r);
        int version = (int) r.integer("version", 2, 1, 2);
        if (version == 1) {
            ctx.error(r.nodeFor("version"), "RIPv1 (classful, broadcast) is not modelled; only version 2 (RFC 2453) runs."
                    + " Hint: write version: 2 or leave it out");
        }
        RipSpec.Timers timers = RipSpec.Timers.DEFAULT;
        if (r.has("timers")) {
            YamlMap t = ctx.map(r.get("timers"), "'timers'", TIMERS);
            if (t != null) {
                RipSpec.Timers d = RipSpec.Timers.DEFAULT;
                timers = new RipSpec.Timers(t.duration("update", d.updateNs()), t.duration("timeout", d.timeoutNs()),
                        t.duration("garbage", d.garbageNs()), t.duration("holddown", d.holddownNs()),
                        t.has("jitter") ? t.duration("jitter", 0) : -1);
                TimerRules.rip(t, timers.updateNs(), timers.timeoutNs(), timers.garbageNs(), timers.holddownNs(),
                        timers.jitterNs());
            }
        }
        Map<String, RipSpec.SplitHorizon> sh = new LinkedHashMap<>();
        sh.put("simple", RipSpec.SplitHorizon.SIMPLE);
        sh.put("poison", RipSpec.SplitHorizon.POISON);
        sh.put("off", RipSpec.SplitHorizon.OFF);
        RipSpec.SplitHorizon split = r.choice("split-horizon", sh, RipSpec.SplitHorizon.SIMPLE);
        boolean origin = r.bool("default-originate", false);
        Map<String, RipSpec.RipInterfaceSpec> ifs = new LinkedHashMap<>();
        if (r.has("interfaces")) {
            YamlMap im = ctx.namedMap(r.get("interfaces"), "'interfaces' of rip");
            if (im != null) {
                for (YamlMap.Entry e : im.entries()) {
                    ctx.mark(path + "/interfaces/" + e.key(), e.keyNode());
                    if (!in.checkInterface(e.keyNode(), e.key(), "rip interface")) {
                        continue;
                    }
                    if (in.interfaces().get(e.key()).address().isEmpty()) {
                        ctx.error(e.keyNode(), "rip interface '" + e.key() + "' has no IPv4 address");
                    }
                    YamlMap c = ctx.map(e.value(), "rip interface '" + e.key() + "'", INTERFACE);
                    if (c == null) {
                        continue;
                    }
                    ifs.put(e.key(), new RipSpec.RipInterfaceSpec(e.key(), (int) c.integer("offset", 0, 0, 16),
                            c.bool("passive", false), AuthenticationYaml.read(ctx, c, "rip", 16)));
                }
            }
        } else {
            ctx.warning(r.node(), "rip on node '" + node + "' lists no interfaces, so it runs on none");
        }
        return new RipSpec(version, timers, split, origin, ifs, r.bool("request-on-loss", false),
                (int) r.integer("maximum-paths", RipSpec.DEFAULT_MAXIMUM_PATHS, 1, 32));
    }
}
