package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registered {@link NetworkModule}s, in registration order (the order of the lines in
 * {@code META-INF/services/io.tunnelsim.topology.NetworkModule}). The list is read once; the
 * order is fixed by that file, so reading, checking and installing are deterministic.
 */
public final class NetworkModules {

    /** Keys the topology's root has without any module. */
    static final Set<String> ROOT_KEYS = Set.of("name", "defaults", "nodes", "links", "routing");
    /** Keys an interface has without any module. */
    static final Set<String> INTERFACE_KEYS = Set.of("address", "ipv6", "mtu", "bandwidth", "delay", "shutdown",
            "gateway", "tunnel", "unreachables");

    private static final List<NetworkModule<?>> ALL = load();

    private NetworkModules() {
    }

    /** All modules, registration order. */
    public static List<NetworkModule<?>> all() {
        return ALL;
    }

    /** The module that owns {@code rootKey}, or null. */
    public static NetworkModule<?> byKey(String rootKey) {
        for (NetworkModule<?> m : ALL) {
            if (m.rootKey().equals(rootKey)) {
                return m;
            }
        }
        return null;
    }

    @SuppressWarnings("rawtypes")
    private static List<NetworkModule<?>> load() {
        Map<String, NetworkModule<?>> byKey = new LinkedHashMap<>();
        List<String> interfaceKeys = new ArrayList<>();
        for (NetworkModule m : ServiceLoader.load(NetworkModule.class, NetworkModules.class.getClassLoader())) {
            String key = m.rootKey();
            if (ROOT_KEYS.contains(key) || byKey.containsKey(key)) {
                throw new IllegalStateException("network module " + m.getClass().getName() + " claims root key '" + key
                        + "', which is already taken");
            }
            for (String k : m.interfaceKeys().names()) {
                if (INTERFACE_KEYS.contains(k) || interfaceKeys.contains(k)) {
                    throw new IllegalStateException("network module " + m.getClass().getName() + " claims interface key '"
                            + k + "', which is already taken");
                }
                interfaceKeys.add(k);
            }
            byKey.put(key, m);
        }
        return List.copyOf(new ArrayList<>(byKey.values()));
    }
}
