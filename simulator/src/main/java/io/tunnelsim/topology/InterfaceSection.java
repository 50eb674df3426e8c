package io.tunnelsim.topology;

/**
 * What a {@link NetworkModule} gets to read its keys of one interface.
 *
 * @param context diagnostics and marks of the file being read
 * @param node    the node's name
 * @param name    the interface's name
 * @param kind    the interface's kind
 * @param where   how messages name the interface ({@code interface 'eth0' of node 'hq'})
 * @param map     the interface's mapping (all its keys)
 * @param tunnel  a tunnel's {@code tunnel:} mapping as read, or null (not a tunnel, or unreadable)
 */
public record InterfaceSection(YamlContext context, String node, String name, InterfaceSpec.Kind kind, String where,
                               YamlMap map, YamlMap tunnel) {
}
