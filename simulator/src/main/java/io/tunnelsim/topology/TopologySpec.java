package io.tunnelsim.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated topology: the contract between the loader and the network builder. Maps keep file
 * order. All defaults are applied; every cross reference (endpoints, tunnel sources, route
 * interfaces, and the network modules' own references) has been checked to resolve.
 *
 * @param name      the topology's name (the file name without extension when not written)
 * @param file      the file it came from, when loaded from a file
 * @param defaults  the link defaults after merging the file's {@code defaults.link}
 * @param nodes     routers and hosts by name
 * @param links     point-to-point links and multi-access segments, in file order
 * @param sections  root sections read by {@link NetworkModule}s, by the module's root key, in
 *                  registration order (IPsec: its profiles)
 * @param routing   network-wide routing intent ({@link RoutingProtocol#NONE}: as configured per node)
 * @param locations where each element was written, for later diagnostics
 * @param warnings  warnings found while loading (including the {@link TopologyGraph} checks)
 */
public record TopologySpec(String name, Optional<Path> file, LinkDefaults defaults, Map<String, NodeSpec> nodes,
                           List<LinkSpec> links, Map<String, Object> sections, RoutingProtocol routing,
                           SourceLocations locations, List<Diagnostic> warnings) {

    public TopologySpec {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
    }

    /** The root section of the network module whose section type is {@code type}, or empty. */
    public <T> Optional<T> section(Class<T> type) {
        for (Object o : sections.values()) {
            if (type.isInstance(o)) {
                return Optional.of(type.cast(o));
            }
        }
        return Optional.empty();
    }

    public NodeSpec node(String nodeName) {
        return nodes.get(nodeName);
    }

    /** The interface an endpoint names, or empty. */
    public Optional<InterfaceSpec> iface(Endpoint e) {
        NodeSpec n = nodes.get(e.node());
        return n == null ? Optional.empty() : Optional.ofNullable(n.interfaces().get(e.iface()));
    }

    /** The link or segment an interface is attached to, or empty (loopbacks, tunnels, unwired ports). */
    public Optional<LinkSpec> linkOf(Endpoint e) {
        for (LinkSpec l : links) {
            if (l.endpoints().contains(e)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public Optional<LinkSpec> link(String linkName) {
        return links.stream().filter(l -> l.name().equals(linkName)).findFirst();
    }
}
