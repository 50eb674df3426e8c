package io.tunnelsim.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;

/**
 * Reads a composed topology document into a {@link TopologySpec}: per-field checks and defaults
 * here, cross-reference and addressing checks in {@link TopologyValidator}. Problems go to the
 * context's diagnostics; the returned spec is only meaningful when there are no errors.
 *
 * <p>This class reads the root and each node and hands the sections to readers beside it:
 * {@link LinksReader} ({@code defaults:}, {@code links:}), each registered
 * {@link NetworkModule} (its root section, such as IPsec's {@code ipsec:}),
 * {@link InterfacesReader} (a node's {@code interfaces:}, with the network modules' interface
 * keys), {@link StaticRoutesReader} (a router's {@code static:}), then each registered
 * {@link ProtocolModule} (its node section).
 */
final class TopologyReader {

    static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    static final Pattern IFACE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_./-]*");

    static final long LOOPBACK_DELAY = SimTime.millis(5);
    static final long TUNNEL_DELAY = SimTime.millis(50);
    static final long DEFAULT_RECURSION_HOLD = io.tunnelsim.tunnel.TunnelConfig.DEFAULT_RECURSION_HOLD;

    private final YamlContext ctx;
    private final Optional<Path> file;
    /** The endpoint → link assignment the node pass uses for interface defaults; first link wins. */
    private final Map<Endpoint, LinkSpec> linkByEndpoint = new HashMap<>();

    TopologyReader(YamlContext ctx, Optional<Path> file) {
        this.ctx = ctx;
        this.file = file;
    }

    TopologySpec read(Node root, String defaultName) {
        YamlMap top = ctx.checkRoot(root, "the topology (expected name:, nodes:, links:)")
                ? ctx.map(root, "the topology (expected name:, nodes:, links:)", TopologyShapes.topology()) : null;
        if (top == null) {
            return null;
        }
        ctx.mark("", root);
        String name = top.string("name", defaultName);
        if (top.has("name")) {
            Names.checkText(ctx, top.get("name"), "topology name", name);
        }
        LinksReader linksReader = new LinksReader(ctx, linkByEndpoint);
        LinkDefaults defaults = linksReader.readDefaults(top);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (NetworkModule<?> nm : NetworkModules.all()) {
            Object section = nm.readRoot(new RootSection(ctx, top.has(nm.rootKey()) ? top.get(nm.rootKey()) : null,
                    nm.rootKey()));
            if (section != null) {
                sections.put(nm.rootKey(), section);
            }
        }
        List<LinkSpec> links = linksReader.readLinks(top, defaults);
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        if (top.require("nodes", "a topology")) {
            YamlMap nodesMap = ctx.namedMap(top.get("nodes"), "'nodes'");
            if (nodesMap != null) {
                for (YamlMap.Entry e : nodesMap.entries()) {
                    NodeSpec n = readNode(e, defaults);
                    if (n != null) {
                        nodes.put(n.name(), n);
                    }
                }
                if (nodesMap.entries().isEmpty()) {
                    ctx.error(nodesMap.node(), "'nodes' is empty; a topology needs at least one node");
                }
            }
        }
        RoutingProtocol routing = RoutingProtocol.NONE;
        if (top.has("routing")) {
            YamlMap r = ctx.map(top.get("routing"), "'routing'", TopologyShapes.routing());
            if (r != null) {
                routing = r.choice("protocol", RoutingProtocol.byName(), RoutingProtocol.NONE);
            }
        }
        return new TopologySpec(name, file, defaults, nodes, links, sections, routing, ctx.locations(), List.of());
    }

    private void markAll(String path, YamlMap m) {
        markAll(ctx, path, m);
    }

    /** Marks a mapping and each of its values under {@code path}. */
    static void markAll(YamlContext ctx, String path, YamlMap m) {
        ctx.mark(path, m.node());
        for (YamlMap.Entry e : m.entries()) {
            ctx.mark(path + "/" + e.key(), e.value());
        }
    }

    // ---- nodes ----

    private NodeSpec readNode(YamlMap.Entry entry, LinkDefaults d) {
        String name = entry.key();
        String path = "nodes/" + name;
        ctx.mark(path, entry.keyNode());
        if (!NODE_NAME.matcher(name).matches()) {
            ctx.error(entry.keyNode(), "node name '" + YamlContext.abbreviate(name)
                    + "' may only use letters, digits, '_', '.' and '-'");
        }
        YamlMap m = ctx.map(entry.value(), "node '" + name + "'", TopologyShapes.node());
        if (m == null) {
            return null;
        }
        markAll(path, m);
        Map<String, NodeSpec.Kind> kinds = new LinkedHashMap<>();
        kinds.put("router", NodeSpec.Kind.ROUTER);
        kinds.put("host", NodeSpec.Kind.HOST);
        NodeSpec.Kind kind = m.choice("kind", kinds, NodeSpec.Kind.ROUTER);
        boolean host = kind == NodeSpec.Kind.HOST;
        if (host) {
            List<String> routerOnly = new ArrayList<>(List.of("static"));
            for (ProtocolModule<?> pm : ProtocolModules.all()) {
                if (pm.routersOnly()) {
                    routerOnly.add(pm.nodeKey());
                }
            }
            for (String k : routerOnly) {
                if (m.has(k)) {
                    ctx.error(m.get(k), "host '" + name + "' cannot have '" + k
                            + "' (hosts use a gateway; make it kind: router to route)");
                }
            }
        }

        Map<String, InterfaceSpec> interfaces = new InterfacesReader(ctx, linkByEndpoint).read(name, host, m, d);

        List<StaticRouteSpec> statics = new ArrayList<>();
        List<StaticRouteV6Spec> statics6 = new ArrayList<>();
        Map<Node, Integer> trackRefs = new LinkedHashMap<>();
        if (!host && m.has("static")) {
            new StaticRoutesReader(ctx).readStatics(name, m.get("static"), interfaces, trackRefs, statics, statics6);
        }
        Map<String, Object> protocols = new LinkedHashMap<>();
        for (ProtocolModule<?> pm : ProtocolModules.all()) {
            if ((!host || !pm.routersOnly()) && m.has(pm.nodeKey())) {
                Object section = pm.read(new NodeSection(ctx, name, m.get(pm.nodeKey()), path + "/" + pm.nodeKey(), interfaces));
                if (section != null) {
                    protocols.put(pm.nodeKey(), section);
                }
            }
        }
        new StaticRoutesReader(ctx).checkTrackRefs(name, trackRefs, protocols);
        return new NodeSpec(name, kind, interfaces, statics, statics6, protocols);
    }

    // ---- router id ----

    /** Highest loopback address, else highest address of any interface (the usual router-id choice). */
    static Ipv4Address defaultRouterId(Map<String, InterfaceSpec> interfaces) {
        Ipv4Address best = null;
        for (boolean loopbacksOnly : new boolean[] {true, false}) {
            for (InterfaceSpec i : interfaces.values()) {
                if (i.address().isEmpty() || (loopbacksOnly && i.kind() != InterfaceSpec.Kind.LOOPBACK)) {
                    continue;
                }
                Ipv4Address a = i.address().get().address();
                if (best == null || a.compareTo(best) > 0) {
                    best = a;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return Ipv4Address.ANY;
    }
}
