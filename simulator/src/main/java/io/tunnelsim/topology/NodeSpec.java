package io.tunnelsim.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A router or a host with its interfaces and (routers only) routing configuration; each
 * protocol's section (tracks, OSPF, BFD, RIP) is in {@code protocols}.
 *
 * @param staticRoutes    IPv4 static routes in file order
 * @param staticRoutesV6  IPv6 static routes in file order
 * @param protocols       sections read by {@link ProtocolModule}s, by the module's node key, in
 *                        registration order
 */
public record NodeSpec(String name, Kind kind, Map<String, InterfaceSpec> interfaces, List<StaticRouteSpec> staticRoutes,
                       List<StaticRouteV6Spec> staticRoutesV6, Map<String, Object> protocols) {

    /** What a node is. Hosts have a default gateway and no routing or tunnels. */
    public enum Kind {
        ROUTER, HOST
    }

    public NodeSpec {
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        protocols = Collections.unmodifiableMap(new LinkedHashMap<>(protocols));
        staticRoutes = List.copyOf(staticRoutes);
        staticRoutesV6 = List.copyOf(staticRoutesV6);
    }

    /** The node's section of the module whose section type is {@code type}, or empty. */
    public <T> Optional<T> protocol(Class<T> type) {
        for (Object o : protocols.values()) {
            if (type.isInstance(o)) {
                return Optional.of(type.cast(o));
            }
        }
        return Optional.empty();
    }

    /** A copy with {@code protocols} in place of this node's module sections. */
    public NodeSpec withProtocols(Map<String, Object> replaced) {
        return new NodeSpec(name, kind, interfaces, staticRoutes, staticRoutesV6, replaced);
    }

    public boolean isHost() {
        return kind == Kind.HOST;
    }
}
