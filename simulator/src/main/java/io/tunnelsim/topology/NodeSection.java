package io.tunnelsim.topology;

import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.addr.Ipv4Address;

/**
 * What a {@link ProtocolModule} gets to read its section of one node: the YAML value under the
 * module's key, the context that collects diagnostics with marks, the node's name and its
 * already read interfaces (defaults applied).
 *
 * @param context    diagnostics and marks of the file being read
 * @param node       the node's name
 * @param value      the YAML value under the module's key
 * @param path       the mark path of the section ({@code nodes/<node>/<key>}); marks written
 *                   below it are found again by {@link SourceLocations#of(String)}
 * @param interfaces the node's interfaces by name, file order
 */
public record NodeSection(YamlContext context, String node, Node value, String path,
                          Map<String, InterfaceSpec> interfaces) {

    /** Marks a mapping and each of its values under {@code path}. */
    public void markAll(String path, YamlMap m) {
        context.mark(path, m.node());
        for (YamlMap.Entry e : m.entries()) {
            context.mark(path + "/" + e.key(), e.value());
        }
    }

    /** True when {@code iface} is one of the node's interfaces; else reports it (with a hint) at {@code at}. */
    public boolean checkInterface(Node at, String iface, String role) {
        if (interfaces.containsKey(iface)) {
            return true;
        }
        context.error(at, role + " '" + YamlContext.abbreviate(iface) + "' does not exist on node '" + node + "'"
                + DidYouMean.hint(iface, interfaces.keySet()));
        return false;
    }

    /** Highest loopback address, else highest address of any interface (the usual router-id choice). */
    public static Ipv4Address defaultRouterId(Map<String, InterfaceSpec> interfaces) {
        return TopologyReader.defaultRouterId(interfaces);
    }
}
