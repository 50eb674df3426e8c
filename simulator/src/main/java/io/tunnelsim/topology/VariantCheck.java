package io.tunnelsim.topology;

/**
 * What {@link VariantKey#checkRouting} and {@link VariantKey#checkVariant} get: one scenario
 * variant as the module's key sees it.
 *
 * @param context  diagnostics and marks of the scenario file
 * @param variant  the variant's name, as messages quote it
 * @param at       where findings go: the key's value ({@code checkRouting}) or the variant ({@code checkVariant})
 * @param routing  the variant's {@code routing:} choice ({@link RoutingProtocol#NONE} when absent)
 * @param topology the variant's topology, or null when it could not be read (an error was reported)
 */
public record VariantCheck(YamlContext context, String variant, Location at, RoutingProtocol routing, TopologySpec topology) {
}
