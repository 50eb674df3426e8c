package io.tunnelsim.routing.ospf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.DidYouMean;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSection;
import io.tunnelsim.topology.SpecValues;
import io.tunnelsim.topology.TimerRules;
import io.tunnelsim.topology.YamlContext;
import io.tunnelsim.topology.YamlMap;

/**
 * Reads a router's {@code ospf:} section into an {@link OspfSpec}, defaults applied, and the
 * {@code spf:} throttle (also written in a variant's {@code ospf:} overrides). The keys are
 * described in {@code docs/topology-format.md}.
 */
public final class OspfYaml {

    static final String[] OSPF_KEYS = {"router-id", "spf", "reference-bandwidth", "interfaces", "loopback-cost"};
    static final String[] OSPF_IF_KEYS = {"area", "cost", "hello", "dead", "retransmit", "transmit-delay",
        "network", "priority", "passive", "hello-multiplier", "bfd", "authentication"};

    private final YamlContext ctx;
    private final NodeSection in;

    private OspfYaml(NodeSection in) {
        this.ctx = in.context();
        this.in = in;
    }

    /** The section, or null when it is not a mapping (reported). */
    static OspfSpec read(NodeSection in) {
        return new OspfYaml(in).readOspf(in.node(), in.value(), in.interfaces());
    }

    private OspfSpec readOspf(String node, Node n, Map<String, InterfaceSpec> interfaces) {
        YamlMap o = ctx.map(n, "'ospf' of node '" + node + "'", OSPF_KEYS);
        if (o == null) {
            return null;
        }
        String path = "nodes/" + node + "/ospf";
        in.markAll(path, o);
        Ipv4Address rid = o.ipv4("router-id");
        if (rid == null) {
            rid = NodeSection.defaultRouterId(interfaces);
        }
        SpfThrottle spf = o.has("spf") ? readSpf(ctx, o.get("spf")) : SpfThrottle.MODERN;
        long ref = o.bandwidth("reference-bandwidth", OspfConfig.DEFAULT_REFERENCE_BANDWIDTH);
        Map<String, OspfInterfaceSpec> ifs = new LinkedHashMap<>();
        if (o.has("interfaces")) {
            YamlMap im = ctx.namedMap(o.get("interfaces"), "'interfaces' of ospf");
            if (im != null) {
                for (YamlMap.Entry e : im.entries()) {
                    ctx.mark(path + "/interfaces/" + e.key(), e.keyNode());
                    InterfaceSpec spec = interfaces.get(e.key());
                    if (!in.checkInterface(e.keyNode(), e.key(), "ospf interface")) {
                        continue;
                    }
                    if (spec.address().isEmpty()) {
                        ctx.error(e.keyNode(), "ospf interface '" + e.key() + "' has no IPv4 address");
                    }
                    YamlMap c = ctx.map(e.value(), "ospf interface '" + e.key() + "'", OSPF_IF_KEYS);
                    if (c == null) {
                        continue;
                    }
                    ifs.put(e.key(), readOspfInterface(spec, c, ref));
                }
            }
        } else {
            ctx.warning(o.node(), "ospf on node '" + node + "' lists no interfaces, so it runs on none");
        }
        Map<String, Boolean> lc = new LinkedHashMap<>();
        lc.put("ios", false);
        lc.put("rfc", true);
        return new OspfSpec(rid, spf, ref, ifs, o.choice("loopback-cost", lc, false));
    }

    private OspfInterfaceSpec readOspfInterface(InterfaceSpec spec, YamlMap c, long ref) {
        long area = 0;
        Node an = c.get("area");
        if (an != null) {
            String a = ctx.string(an, "'area'");
            if (a != null) {
                try {
                    area = a.contains(".") ? Integer.toUnsignedLong(Ipv4Address.parse(a).bits()) : SpecValues.integer(a);
                    if (area < 0 || area > 0xFFFF_FFFFL) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException ex) {
                    ctx.error(an, "area '" + YamlContext.abbreviate(a) + "' is not an area id (write 0 or 0.0.0.0)");
                }
            }
        }
        long defCost = Math.max(1, Math.min(65535, ref / Math.max(1, spec.bandwidthBps())));
        int cost = (int) c.integer("cost", defCost, 1, 65535);
        int multiplier = TimerRules.ospfHelloMultiplier(c);
        long hello = multiplier > 0 ? SimTime.SECOND / multiplier : c.duration("hello", SimTime.seconds(10));
        long dead = multiplier > 0 ? SimTime.SECOND : c.duration("dead", 4 * hello);
        if (multiplier == 0) {
            TimerRules.ospf(c, hello, dead);
        }
        long rxmt = c.duration("retransmit", SimTime.seconds(5));
        long delay = c.duration("transmit-delay", SimTime.seconds(1));
        for (String k : new String[] {"retransmit", "transmit-delay"}) {
            long v = k.equals("retransmit") ? rxmt : delay;
            if (v < SimTime.SECOND || v > SimTime.seconds(65535) || v % SimTime.SECOND != 0) {
                ctx.error(c.nodeFor(k), "ospf " + k + " must be a whole number of seconds from 1s to 65535s"
                        + " (RFC 2328 RxmtInterval / InfTransDelay are in seconds)");
            }
        }
        Map<String, NetworkType> types = new LinkedHashMap<>();
        types.put("point-to-point", NetworkType.POINT_TO_POINT);
        types.put("broadcast", NetworkType.BROADCAST);
        NetworkType def = spec.kind() == InterfaceSpec.Kind.ETHERNET
                ? NetworkType.BROADCAST : NetworkType.POINT_TO_POINT;
        return new OspfInterfaceSpec(spec.name(), area, cost, hello, dead, rxmt, delay, c.choice("network", types, def),
                (int) c.integer("priority", 1, 0, 255), c.bool("passive", spec.kind() == InterfaceSpec.Kind.LOOPBACK), multiplier,
                c.bool("bfd", false), io.tunnelsim.topology.AuthenticationYaml.read(ctx, c, "ospf", 8));
    }

    /**
     * Reads {@code classic}, {@code modern} or {@code {start, hold, max}}; reports problems and
     * falls back to modern.
     */
    public static SpfThrottle readSpf(YamlContext ctx, Node n) {
        if (n instanceof MappingNode) {
            YamlMap s = ctx.map(n, "'spf'", "start", "hold", "max");
            SpfThrottle d = SpfThrottle.MODERN;
            long start = s.duration("start", d.initialDelay());
            long hold = s.duration("hold", d.holdTime());
            long max = s.duration("max", Math.max(hold, d.maxWait()));
            if (max < hold) {
                ctx.error(s.nodeFor("max"), "spf max " + SimTime.formatShort(max) + " is below hold " + SimTime.formatShort(hold));
                return SpfThrottle.MODERN; // the error stops the load; the runtime throttle refuses max < hold
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
