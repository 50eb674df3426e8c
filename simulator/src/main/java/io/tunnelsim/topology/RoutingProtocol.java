package io.tunnelsim.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which routing a run uses; {@link #NONE} means "as configured on each node". */
public enum RoutingProtocol {
    NONE("none"), STATIC("static"), RIP("rip"), OSPF("ospf");

    private final String yamlName;

    RoutingProtocol(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** YAML word to constant, in declaration order. */
    public static Map<String, RoutingProtocol> byName() {
        Map<String, RoutingProtocol> m = new LinkedHashMap<>();
        for (RoutingProtocol p : values()) {
            m.put(p.yamlName, p);
        }
        return m;
    }
}
