package io.tunnelsim.topology;

import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.sim.SimTime;

/** OSPF SPF back-off: first run after {@code start}, then waits doubling from {@code hold} up to {@code max}. */
public record SpfThrottle(long startNs, long holdNs, long maxNs) {

    /** Older IOS timers: 5 s / 10 s / 10 s. */
    public static final SpfThrottle CLASSIC = new SpfThrottle(SimTime.millis(5000), SimTime.millis(10000), SimTime.millis(10000));
    /** Current IOS timers: 50 ms / 200 ms / 5 s. */
    public static final SpfThrottle MODERN = new SpfThrottle(SimTime.millis(50), SimTime.millis(200), SimTime.millis(5000));

    /** Reads {@code classic}, {@code modern} or {@code {start, hold, max}}; reports problems and falls back to modern. */
    public static SpfThrottle read(YamlContext ctx, Node n) {
        if (n instanceof MappingNode) {
            YamlMap s = ctx.map(n, "'spf'", "start", "hold", "max");
            SpfThrottle d = SpfThrottle.MODERN;
            long start = s.duration("start", d.startNs());
            long hold = s.duration("hold", d.holdNs());
            long max = s.duration("max", Math.max(hold, d.maxNs()));
            if (max < hold) {
                ctx.error(s.nodeFor("max"), "spf max " + SimTime.formatShort(max) + " is below hold " + SimTime.formatShort(hold));
            }
            return new SpfThrottle(start, hold, max);
        }
        String s = ctx.string(n, "'spf' (classic, modern or {start, hold, max})");
        if (s == null) {
            return SpfThrottle.MODERN;
        }
        switch (s) {
            case "classic":
                return SpfThrottle.CLASSIC;
            case "modern":
                return SpfThrottle.MODERN;
            default:
                ctx.error(n, "unknown spf '" + YamlContext.abbreviate(s) + "'"
                        + DidYouMean.hint(s, List.of("classic", "modern")) + "; or write {start: 50ms, hold: 200ms, max: 5s}");
                return SpfThrottle.MODERN;
        }
    }

}
