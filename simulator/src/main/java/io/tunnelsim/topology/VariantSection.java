package io.tunnelsim.topology;

/**
 * What {@link VariantOverrides#read} gets: the module's override mapping of one scenario
 * variant, the context that collects diagnostics with marks, the variant's routing choice and
 * the topology the variant runs on, against whose sections the override timers are checked.
 *
 * @param context  diagnostics and marks of the scenario file
 * @param map      the override mapping, its keys already checked against the shape
 * @param routing  the variant's {@code routing:} choice ({@link RoutingProtocol#NONE} when absent)
 * @param topology the variant's topology, or null when it could not be read (an error was reported)
 */
public record VariantSection(YamlContext context, YamlMap map, RoutingProtocol routing, TopologySpec topology) {
}
