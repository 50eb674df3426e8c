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
import io.tunnelsim.topology.Shape;
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

    /** The SPF throttle as a mapping (IOS timers throttle spf START HOLD MAX). */
    static final Shape.Obj SPF_TIMERS = Shape.obj("SPF throttle timers (IOS timers throttle spf).")
            .key("start", Shape.DURATION, "Delay of the first SPF after a change.")
            .key("hold", Shape.DURATION, "Hold time between SPF runs, doubled while changes keep coming.")
            .key("max", Shape.DURATION, "Longest wait between SPF runs (not below hold).");

    /** {@code spf:} of a section or of a variant's overrides. */
    public static final Shape SPF = Shape.anyOf(Shape.choice("classic", "modern"), SPF_TIMERS);

    static final Shape.Obj INTERFACE = Shape.obj("OSPF on one interface.")
            .key("area", Shape.anyOf(Shape.integer(0, 0xFFFF_FFFFL), Shape.IPV4), "Area ID: a number or dotted (0 or 0.0.0.0).")
            .key("cost", Shape.integer(1, 65535), "Interface cost (default reference bandwidth / bandwidth).")
            .key("hello", Shape.DURATION, "Hello interval (default 10s).")
            .key("dead", Shape.DURATION, "Router dead interval (default 4 x hello).")
            .key("retransmit", Shape.DURATION, "LSA retransmit interval, whole seconds (default 5s).")
            .key("transmit-delay", Shape.DURATION, "Interface transmit delay, whole seconds (default 1s).")
            .key("network", Shape.choice("point-to-point", "broadcast"), "Network type (default: broadcast on Ethernet,"
                    + " point-to-point on tunnels).")
            .key("priority", Shape.integer(0, 255), "Router priority in DR election (default 1; 0: never DR).")
            .key("passive", Shape.BOOL, "Advertise the subnet but send no hellos (default: true on loopbacks).")
            .key("hello-multiplier", Shape.integer(3, 20), "Fast hellos: N hellos a second with a dead interval of 1s"
                    + " (IOS dead-interval minimal hello-multiplier).")
            .key("bfd", Shape.BOOL, "Let BFD report neighbour loss (needs a bfd section on the node).")
            .key("authentication", io.tunnelsim.topology.AuthenticationYaml.SHAPE, "OSPF authentication (RFC 2328 appendix D).");

    /** An area ID as a key: a number or dotted. */
    private static final String AREA_ID = "^([0-9]+|[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+)$";

    /** One area's settings (IOS area N stub [no-summary], area N default-cost C). */
    static final Shape.Obj AREA = Shape.obj("Settings of one area.")
            .key("stub", Shape.BOOL, "A stub area: no AS-external information, the E bit clear in hellos and LSAs;"
                    + " every router in the area must agree (IOS area N stub; default false).")
            .key("no-summary", Shape.BOOL, "On an area border router: send only a default route into the stub area,"
                    + " no other summaries (IOS area N stub no-summary; default false).")
            .key("default-cost", Shape.integer(0, 0xFF_FFFF), "On an area border router: cost of the default route"
                    + " it sends into the stub area (IOS area N default-cost; default 1).");

    /** The node's {@code ospf:} section. */
    static final Shape.Obj SECTION = Shape.obj("OSPFv2 (RFC 2328).")
            .key("router-id", Shape.IPV4, "Router ID (default: highest loopback address, else highest address).")
            .key("spf", SPF, "SPF throttle: classic, modern (default) or {start, hold, max}.")
            .key("reference-bandwidth", Shape.BANDWIDTH, "Reference bandwidth for interface costs (default 100Mbps).")
            .key("interfaces", Shape.namedMap(null, INTERFACE), "Interfaces OSPF runs on, by name.")
            .key("areas", Shape.namedMap(AREA_ID, AREA), "Area settings by area ID (a number or dotted): stub areas.")
            .key("loopback-cost", Shape.choice("ios", "rfc"), "Loopback host route cost: ios (default) or rfc.");

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
        YamlMap o = ctx.map(n, "'ospf' of node '" + node + "'", SECTION);
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
                    YamlMap c = ctx.map(e.value(), "ospf interface '" + e.key() + "'", INTERFACE);
                    if (c == null) {
                        continue;
                    }
                    ifs.put(e.key(), readOspfInterface(spec, c, ref));
                }
            }
        } else {
            ctx.warning(o.node(), "ospf on node '" + node + "' lists no interfaces, so it runs on none");
        }
        checkRouterLsaSize(node, o, ifs);
        Map<Long, AreaSettings> areas = o.has("areas") ? readAreas(node, o.get("areas"), ifs) : Map.of();
        Map<String, Boolean> lc = new LinkedHashMap<>();
        lc.put("ios", false);
        lc.put("rfc", true);
        return new OspfSpec(rid, spf, ref, ifs, o.choice("loopback-cost", lc, false), areas);
    }

    /** An error when the interfaces of one area would need more Router-LSA links than an LSA can hold. */
    private void checkRouterLsaSize(String node, YamlMap o, Map<String, OspfInterfaceSpec> ifs) {
        Map<Long, Integer> links = new java.util.TreeMap<>();
        for (OspfInterfaceSpec i : ifs.values()) {
            links.merge(i.area(), RouterLsaSize.links(in.interfaces().get(i.name()), i.network(), i.passive()), Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : links.entrySet()) {
            if (e.getValue() > RouterLsaSize.MAX_LINKS) {
                ctx.error(o.nodeFor("interfaces"), "ospf on node '" + node + "' runs on so many interfaces in area "
                        + Integer.toUnsignedString(e.getKey().intValue()) + " that its Router-LSA could need " + e.getValue()
                        + " links; " + RouterLsaSize.advice());
            }
        }
    }

    /** {@code areas:}: settings by area ID; the backbone cannot be a stub, the stub-only keys need {@code stub: true}. */
    private Map<Long, AreaSettings> readAreas(String node, Node n, Map<String, OspfInterfaceSpec> ifs) {
        Map<Long, AreaSettings> out = new LinkedHashMap<>();
        YamlMap am = ctx.namedMap(n, "'areas' of ospf");
        if (am == null) {
            return out;
        }
        for (YamlMap.Entry e : am.entries()) {
            long id = areaId(e.keyNode(), e.key());
            YamlMap c = ctx.map(e.value(), "ospf area '" + e.key() + "'", AREA);
            if (id < 0 || c == null) {
                continue;
            }
            String name = Integer.toUnsignedString((int) id);
            if (out.containsKey(id)) {
                ctx.error(e.keyNode(), "area " + name + " is listed twice under 'areas' (as a number and dotted?)");
                continue;
            }
            boolean stub = c.bool("stub", false);
            boolean noSummary = c.bool("no-summary", false);
            int cost = (int) c.integer("default-cost", AreaSettings.DEFAULT_STUB_COST, 0, 0xFF_FFFF);
            if (stub && id == 0) {
                ctx.error(c.nodeFor("stub"), "area 0 is the backbone and cannot be a stub area (RFC 2328 §3.6)");
                continue;
            }
            if (!stub) {
                for (String k : new String[] {"no-summary", "default-cost"}) {
                    if (c.has(k)) {
                        ctx.error(c.nodeFor(k), "'" + k + "' applies to stub areas only; add stub: true to area " + name);
                    }
                }
                if (c.has("no-summary") || c.has("default-cost")) {
                    continue;
                }
            }
            if (ifs.values().stream().noneMatch(i -> i.area() == id)) {
                ctx.warning(e.keyNode(), "area " + name + " of ospf on node '" + node
                        + "' has no interface in it, so its settings do nothing");
            }
            out.put(id, new AreaSettings(stub, noSummary, cost));
        }
        return out;
    }

    /** An area ID written as a number or dotted; -1 (reported) when it is neither. */
    private long areaId(Node at, String a) {
        try {
            long area = a.contains(".") ? Integer.toUnsignedLong(Ipv4Address.parse(a).bits()) : SpecValues.integer(a);
            if (area < 0 || area > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException();
            }
            return area;
        } catch (IllegalArgumentException ex) {
            ctx.error(at, "area '" + YamlContext.abbreviate(a) + "' is not an area id (write 0 or 0.0.0.0)");
            return -1;
        }
    }

    private OspfInterfaceSpec readOspfInterface(InterfaceSpec spec, YamlMap c, long ref) {
        long area = 0;
        Node an = c.get("area");
        if (an != null) {
            String a = ctx.string(an, "'area'");
            if (a != null) {
                area = Math.max(0, areaId(an, a));
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
            YamlMap s = ctx.map(n, "'spf'", SPF_TIMERS);
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
