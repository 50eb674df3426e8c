package io.tunnelsim.scenario.spec;

import static io.tunnelsim.topology.Shape.BOOL;
import static io.tunnelsim.topology.Shape.DURATION;
import static io.tunnelsim.topology.Shape.TEXT;

import io.tunnelsim.topology.JsonSchema;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.TopologyShapes;
import io.tunnelsim.topology.VariantKey;

/**
 * The keys of a scenario file ({@code docs/scenario-format.md}): what {@link ScenarioLoader}
 * refuses unknown keys by and the JSON Schema {@code schema/scenario.schema.json} is written from.
 */
public final class ScenarioShapes {

    private ScenarioShapes() {
    }

    /** A topology file path (relative to the scenario) or the topology written inline. */
    static final Shape TOPOLOGY = Shape.anyOf(TEXT, TopologyShapes.topology());

    static final Shape.Obj SIZE_SWEEP = Shape.obj("Probe sizes from min to max (IOS extended ping sweep).")
            .key("min", Shape.integer(28, 65535), "Smallest size in bytes (default 36).")
            .key("max", Shape.integer(28, 65535), "Largest size in bytes (default 18024).")
            .key("step", Shape.integer(1, 65535), "Size step in bytes (default 1).");

    static final Shape.Obj PROBE = Shape.obj("A probe flow: echo requests or UDP datagrams at a fixed interval.")
            .key("name", TEXT, "Flow name (default FROM-to-TO).")
            .required("from", TEXT, "Source node.")
            .required("to", Shape.anyOf(TEXT, Shape.IP), "Target: a node, node:interface, or an IPv4 or IPv6 address.")
            .key("type", Shape.choice("icmp", "udp"), "icmp (default) or udp.")
            .key("interval", DURATION, "Interval between probes (default 1s).")
            .key("size", Shape.integer(28, 65535), "IP packet size in bytes (default 100).")
            .key("start", DURATION, "First probe (default: the warmup).")
            .key("port", Shape.integer(1, 65535), "UDP destination port (default 5001).")
            .key("df", BOOL, "Set the DF bit.")
            .key("pmtud", BOOL, "Lower the size on ICMP fragmentation-needed (path-MTU discovery; needs df).")
            .key("size-sweep", SIZE_SWEEP, "Sweep sizes instead of a fixed size.");

    static final Shape.Obj ACTION = Shape.obj("A timeline action.")
            .required("at", DURATION, "When the action happens.")
            .required("action", Shape.choice(ActionType.byName().keySet()), "What happens.")
            .key("link", TEXT, "Target link: a link name or node:interface.")
            .key("interface", Shape.ENDPOINT, "Target interface, node:interface.")
            .key("node", TEXT, "Target node.")
            .key("loss", Shape.FRACTION, "impair: frame loss, 0..1 or a percentage.")
            .key("delay", DURATION, "impair: added one-way delay.");

    static final Shape.Obj VARIANT = variant();

    /**
     * A variant's keys: its own ({@code name}, {@code routing}, {@code topology}, {@code keepalive})
     * and each protocol module's {@link ProtocolModule#variantKey()} at its {@link VariantKey.Place},
     * registration order within a place.
     */
    private static Shape.Obj variant() {
        Shape.Obj v = Shape.obj("One variant of the network, run with the same probes and timeline.")
                .required("name", TEXT, "Variant name; names its results folder.")
                .key("routing", Shape.choice(RoutingProtocol.byName().keySet()), "Routing generated over the GRE tunnels.")
                .key("topology", TOPOLOGY, "Another topology for this variant.");
        moduleKeys(v, VariantKey.Place.AFTER_TOPOLOGY);
        moduleKeys(v, VariantKey.Place.BEFORE_KEEPALIVE);
        v.key("keepalive", TopologyShapes.KEEPALIVE, "GRE keepalives on every tunnel.");
        moduleKeys(v, VariantKey.Place.AFTER_KEEPALIVE);
        return v;
    }

    private static void moduleKeys(Shape.Obj v, VariantKey.Place place) {
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            VariantKey<?> k = m.variantKey();
            if (k != null && k.place() == place) {
                v.key(m.nodeKey(), k.whenTrue() != null ? Shape.anyOf(BOOL, k.shape()) : k.shape(), k.description());
            }
        }
    }

    static final Shape.Obj SWEEP = Shape.obj("Runs with the timeline shifted at random (tunnelsim sweep).")
            .key("shift", DURATION, "Largest random shift of the timeline in a sweep (default 10s).")
            .key("runs", Shape.integer(1, 100_000), "Runs per variant (default 20; tunnelsim sweep --trials overrides it).");

    static final Shape.Obj LIVE = Shape.obj("Live mode: segments bridged to TAP devices (docs/live.md).")
            .required("segments", Shape.namedMap(null, TEXT), "TAP device per link name.")
            .key("lag-warning", DURATION, "Warn when the simulation lags the wall clock by more (default 20ms).");

    static final Shape.Obj SCENARIO = Shape.named("scenario", "A tunnelsim scenario: a topology, probes, a timeline"
            + " of failures and the variants to compare.")
            .key("name", TEXT, "Scenario name (default: the file name).")
            .required("topology", TOPOLOGY, "Topology file (relative to this file) or an inline topology.")
            .required("duration", DURATION, "Simulated time.")
            .key("seed", Shape.integer(0, Long.MAX_VALUE), "Random seed (default 1).")
            .key("warmup", DURATION, "Time before probes start (default 0s).")
            .key("probes", Shape.list(PROBE), "Probe flows.")
            .key("timeline", Shape.list(ACTION), "Failures and repairs.")
            .key("variants", Shape.list(VARIANT), "Variants to compare (default: one).")
            .key("sweep", SWEEP, "Sweep settings.")
            .key("live", LIVE, "Live mode.");

    /** The whole scenario document. */
    public static Shape.Obj scenario() {
        return SCENARIO;
    }

    /** The JSON Schema of topology files, as committed in {@code schema/topology.schema.json}. */
    public static String topologySchema() {
        return JsonSchema.of(TopologyShapes.topology(), "tunnelsim topology");
    }

    /** The JSON Schema of scenario files, as committed in {@code schema/scenario.schema.json}. */
    public static String scenarioSchema() {
        return JsonSchema.of(SCENARIO, "tunnelsim scenario");
    }
}
