package io.tunnelsim.topology;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;

/**
 * Reads a router's {@code static:} routes (IPv4 and IPv6, with distance, track and BFD), part
 * of {@link TopologyReader}; a route's {@code track: N} is checked once the node's module
 * sections are read ({@link #checkTrackRefs}).
 */
final class StaticRoutesReader {

    private final YamlContext ctx;

    StaticRoutesReader(YamlContext ctx) {
        this.ctx = ctx;
    }

    /** Reports each static route's {@code track: N} that no module section of the node defines. */
    void checkTrackRefs(String node, Map<Node, Integer> refs, Map<String, Object> protocols) {
        for (Map.Entry<Node, Integer> r : refs.entrySet()) {
            boolean defined = false;
            for (Object section : protocols.values()) {
                defined |= section instanceof TrackNumbers t && t.defines(r.getValue());
            }
            if (!defined) {
                ctx.error(r.getKey(), "track " + r.getValue() + " is not defined under 'track' of node '" + node + "'");
            }
        }
    }

    void readStatics(String node, Node n, Map<String, InterfaceSpec> interfaces, Map<Node, Integer> trackRefs,
                             List<StaticRouteSpec> out, List<StaticRouteV6Spec> out6) {
        List<Node> items = ctx.list(n, "'static' of node '" + node + "'");
        for (int i = 0; i < items.size(); i++) {
            YamlMap s = ctx.map(items.get(i), "a static route (expected {prefix: ..., via: ...})", TopologyShapes.STATIC);
            if (s == null) {
                continue;
            }
            markAll("nodes/" + node + "/static/" + i, s);
            if (!s.require("prefix", "a static route")) {
                continue;
            }
            if (!s.has("via") && !s.has("interface")) {
                ctx.error(s.node(), "a static route needs 'via' (next hop), 'interface', or both");
            }
            Optional<String> iface = Optional.empty();
            if (s.has("interface")) {
                String name = s.string("interface", null);
                if (name != null && checkIface(s.get("interface"), node, name, interfaces, "static route interface")) {
                    iface = Optional.of(name);
                }
            }
            int distance = (int) s.integer("distance", 1, 1, 255);
            OptionalInt track = OptionalInt.empty();
            if (s.has("track")) {
                int t = (int) s.integer("track", 0, 1, 1000);
                if (t > 0) {
                    trackRefs.put(s.get("track"), t);
                }
                track = OptionalInt.of(t);
            }
            String prefixText = s.string("prefix", "");
            if (prefixText.contains(":")) {
                Ipv6Prefix p = s.ipv6Prefix("prefix", true);
                Ipv6Address via = s.ipv6("via");
                if (s.has("bfd")) {
                    ctx.error(s.nodeFor("bfd"), "BFD is modelled for IPv4 only: remove 'bfd' from this IPv6 static route");
                }
                if (p != null) {
                    out6.add(new StaticRouteV6Spec(p.network(), Optional.ofNullable(via), iface, distance, track));
                }
            } else {
                Ipv4Prefix p = s.ipv4Prefix("prefix", true);
                Ipv4Address via = s.ipv4("via");
                Optional<StaticBfdSpec> bfd = Optional.ofNullable(StaticBfdSpec.read(ctx, s, via, iface, interfaces));
                if (p != null) {
                    out.add(new StaticRouteSpec(p.network(), Optional.ofNullable(via), iface, distance, track, bfd));
                }
            }
        }
    }

    /** Reports an unknown interface name with a suggestion; returns whether it exists. */
    private boolean checkIface(Node at, String node, String iface, Map<String, InterfaceSpec> interfaces, String role) {
        if (interfaces.containsKey(iface)) {
            return true;
        }
        ctx.error(at, role + " '" + YamlContext.abbreviate(iface) + "' does not exist on node '" + node + "'"
                + DidYouMean.hint(iface, interfaces.keySet()));
        return false;
    }

    private void markAll(String path, YamlMap m) {
        TopologyReader.markAll(ctx, path, m);
    }
}
