package io.tunnelsim.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the DF and fragmentation keys: a tunnel's {@code df}, {@code path-mtu-discovery} and
 * {@code keepalive-protection}.
 */
final class TunnelMtuReader {
    private TunnelMtuReader() {
    }

    /** {@code df: clear|inherit} and {@code path-mtu-discovery: true|false|{age-timer, min-mtu}}. */
    static TunnelMtuSpec read(YamlContext ctx, YamlMap t) {
        Map<String, Boolean> dfs = new LinkedHashMap<>();
        dfs.put("clear", false);
        dfs.put("inherit", true);
        boolean inherit = t.choice("df", dfs, false);
        boolean pmtud = false;
        long age = TunnelMtuSpec.DEFAULT_AGE_NS;
        int minMtu = TunnelMtuSpec.DEFAULT_MIN_MTU;
        if (t.has("path-mtu-discovery")) {
            Node n = t.get("path-mtu-discovery");
            if (n instanceof MappingNode) {
                YamlMap m = ctx.map(n, "'path-mtu-discovery'", TopologyShapes.PATH_MTU);
                if (m != null) {
                    pmtud = true;
                    if (m.has("age-timer")) {
                        String text = ctx.string(m.get("age-timer"), "'age-timer'");
                        if ("infinite".equals(text)) {
                            age = 0;
                        } else {
                            age = m.duration("age-timer", age);
                            if (age <= 0) {
                                ctx.error(m.get("age-timer"), "'age-timer' is a duration above 0 or 'infinite'");
                            }
                        }
                    }
                    // IOS: min-mtu 92-65535
                    minMtu = (int) m.integer("min-mtu", minMtu, 92, 65535);
                }
            } else {
                pmtud = t.bool("path-mtu-discovery", false);
            }
        }
        if (pmtud && t.has("df") && !inherit) {
            ctx.error(t.nodeFor("df"), "path-mtu-discovery copies the passenger's DF bit to the outer header;"
                    + " remove 'df: clear' or the path-mtu-discovery key");
        }
        return new TunnelMtuSpec(inherit || pmtud, pmtud, age, minMtu);
    }

    /** {@code keepalive-protection: supported|unsupported}; true when supported (the default). */
    static boolean keepaliveUnderProtection(YamlMap t) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("supported", true);
        m.put("unsupported", false);
        return t.choice("keepalive-protection", m, true);
    }
}
