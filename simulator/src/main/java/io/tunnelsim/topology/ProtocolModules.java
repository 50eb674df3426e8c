package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Route;

/**
 * The registered {@link ProtocolModule}s, in registration order (the order of the lines in
 * {@code META-INF/services/io.tunnelsim.topology.ProtocolModule}). The list is read once; the
 * order is fixed by that file, so reading, checking and installing are deterministic.
 */
public final class ProtocolModules {

    /** Keys a node's mapping has without any module. */
    static final Set<String> NODE_KEYS = Set.of("kind", "interfaces", "static");

    private static final List<ProtocolModule<?>> ALL = load();

    private ProtocolModules() {
    }

    /** All modules, registration order. */
    public static List<ProtocolModule<?>> all() {
        return ALL;
    }

    /** The module that owns {@code nodeKey}, or null. */
    public static ProtocolModule<?> byKey(String nodeKey) {
        for (ProtocolModule<?> m : ALL) {
            if (m.nodeKey().equals(nodeKey)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The code of route {@code r} to {@code prefix} on {@code n} in {@code show route}: the first
     * module's {@link ProtocolModule#routeCode} in registration order, else the code of the
     * route's source.
     */
    public static String routeCode(Node n, Ipv4Prefix prefix, Route r) {
        for (ProtocolModule<?> m : ALL) {
            String code = m.routeCode(n, prefix, r);
            if (code != null) {
                return code;
            }
        }
        return r.source().code();
    }

    @SuppressWarnings("rawtypes")
    private static List<ProtocolModule<?>> load() {
        Map<String, ProtocolModule<?>> byKey = new LinkedHashMap<>();
        for (ProtocolModule m : ServiceLoader.load(ProtocolModule.class, ProtocolModules.class.getClassLoader())) {
            String key = m.nodeKey();
            if (NODE_KEYS.contains(key) || byKey.containsKey(key)) {
                throw new IllegalStateException("protocol module " + m.getClass().getName() + " claims node key '" + key
                        + "', which is already taken");
            }
            byKey.put(key, m);
        }
        return List.copyOf(new ArrayList<>(byKey.values()));
    }
}
