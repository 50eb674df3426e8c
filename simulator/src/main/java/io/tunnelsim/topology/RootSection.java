package io.tunnelsim.topology;

import org.yaml.snakeyaml.nodes.Node;

/**
 * What a {@link NetworkModule} gets to read its root section: the YAML value under the module's
 * root key and the context that collects diagnostics with marks.
 *
 * @param context diagnostics and marks of the file being read
 * @param value   the YAML value under the module's key, null when the key is not written
 * @param path    the mark path of the section (the key itself); marks written below it are
 *                found again by {@link SourceLocations#of(String)}
 */
public record RootSection(YamlContext context, Node value, String path) {

    /** Marks a mapping and each of its values under {@code path}. */
    public void markAll(String path, YamlMap m) {
        TopologyReader.markAll(context, path, m);
    }
}
