package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the topology's {@code defaults:} and {@code links:} sections, part of
 * {@link TopologyReader}; it fills the endpoint → link map the node pass takes interface
 * defaults from (first link wins).
 */
final class LinksReader {

    private final YamlContext ctx;
    private final Map<Endpoint, LinkSpec> linkByEndpoint;

    LinksReader(YamlContext ctx, Map<Endpoint, LinkSpec> linkByEndpoint) {
        this.ctx = ctx;
        this.linkByEndpoint = linkByEndpoint;
    }

    /** The root's {@code defaults:} for links, else the built-in ones. */
    LinkDefaults readDefaults(YamlMap top) {
        LinkDefaults d = LinkDefaults.BUILT_IN;
        if (!top.has("defaults")) {
            return d;
        }
        YamlMap defs = ctx.map(top.get("defaults"), "'defaults'", TopologyShapes.DEFAULTS);
        if (defs == null || !defs.has("link")) {
            return d;
        }
        YamlMap l = ctx.map(defs.get("link"), "'defaults.link'", TopologyShapes.LINK_PARAMS);
        if (l == null) {
            return d;
        }
        return new LinkDefaults(l.duration("delay", d.delayNs()), l.bandwidth("bandwidth", d.bandwidthBps()),
                (int) l.integer("mtu", d.mtu(), 68, 65535), l.fraction("loss", d.loss()),
                (int) l.integer("queue", d.queuePackets(), 1, 1_000_000));
    }

    /** The root's {@code links:} in file order; each endpoint's first link goes into the endpoint map. */
    List<LinkSpec> readLinks(YamlMap top, LinkDefaults d) {
        List<LinkSpec> out = new ArrayList<>();
        if (!top.has("links")) {
            return out;
        }
        List<Node> items = ctx.list(top.get("links"), "'links'");
        Map<String, Node> captureNames = new java.util.HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMap l = ctx.map(items.get(i), "a link (expected {endpoints: [\"a:eth0\", \"b:eth0\"]})", TopologyShapes.LINK);
            if (l == null) {
                continue;
            }
            String path = "links/" + i;
            markAll(path, l);
            List<Endpoint> eps = new ArrayList<>();
            if (l.require("endpoints", "a link")) {
                List<Node> epNodes = ctx.list(l.get("endpoints"), "'endpoints'");
                for (int j = 0; j < epNodes.size(); j++) {
                    Node en = epNodes.get(j);
                    ctx.mark(path + "/endpoints/" + j, en);
                    String s = ctx.string(en, "an endpoint");
                    if (s == null) {
                        continue;
                    }
                    try {
                        eps.add(Endpoint.parse(s.trim()));
                    } catch (IllegalArgumentException ex) {
                        ctx.error(en, ex.getMessage());
                        eps.add(null);
                    }
                }
                // one endpoint: a stub LAN segment, whose other stations are outside (live mode, docs/live.md)
                if (epNodes.size() < 2 && !(epNodes.size() == 1 && l.has("lan") && l.bool("lan", false))) {
                    ctx.error(l.get("endpoints"), "a link needs at least two endpoints, found " + epNodes.size()
                            + (epNodes.size() == 1 ? " (a one-port LAN segment, e.g. for a live peer, needs 'lan: true')" : ""));
                }
            }
            List<Endpoint> clean = eps.stream().filter(java.util.Objects::nonNull).toList();
            String defaultName = String.join("--", clean.stream().map(Endpoint::toString).toList());
            String name = l.string("name", defaultName.isEmpty() ? "link" + i : defaultName);
            if (Names.checkText(ctx, l.nodeFor("name"), "link name", name)) {
                Node earlier = captureNames.putIfAbsent(Names.fileName(name).toLowerCase(java.util.Locale.ROOT), l.nodeFor("name"));
                if (earlier != null) {
                    ctx.error(l.nodeFor("name"), "link '" + name + "' would write the same capture file "
                            + Names.fileName(name) + ".pcap as the link at line " + ctx.at(earlier).line()
                            + "; give the links names that differ in letters, digits, '.', '_' or '-'");
                }
            }
            boolean lan = l.bool("lan", clean.size() > 2);
            if (!lan && clean.size() > 2) {
                ctx.error(l.get("lan"), "a link with " + clean.size() + " endpoints is a LAN segment; remove 'lan: false'");
            }
            LinkSpec link = new LinkSpec(name, clean, l.duration("delay", d.delayNs()),
                    l.bandwidth("bandwidth", d.bandwidthBps()), (int) l.integer("mtu", d.mtu(), 68, 65535),
                    l.fraction("loss", d.loss()), (int) l.integer("queue", d.queuePackets(), 1, 1_000_000), lan);
            out.add(link);
            for (Endpoint e : clean) {
                linkByEndpoint.putIfAbsent(e, link);
            }
        }
        return out;
    }

    private void markAll(String path, YamlMap m) {
        TopologyReader.markAll(ctx, path, m);
    }
}
