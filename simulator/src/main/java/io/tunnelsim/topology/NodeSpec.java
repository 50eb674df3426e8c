package io.tunnelsim.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A router or a host with its interfaces and (routers only) routing configuration.
 *
 * @param staticRoutes    IPv4 static routes in file order
 * @param staticRoutesV6  IPv6 static routes in file order
 * @param tracks          IP SLA style tracked objects by track number
 */
public record NodeSpec(String name, Kind kind, Map<String, InterfaceSpec> interfaces, List<StaticRouteSpec> staticRoutes,
                       List<StaticRouteV6Spec> staticRoutesV6, Map<Integer, TrackSpec> tracks, Optional<OspfSpec> ospf,
                       Optional<RipSpec> rip) {

    /** What a node is. Hosts have a default gateway and no routing or tunnels. */
    public enum Kind {
        ROUTER, HOST
    }

    public NodeSpec {
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        tracks = Collections.unmodifiableMap(new LinkedHashMap<>(tracks));
        staticRoutes = List.copyOf(staticRoutes);
        staticRoutesV6 = List.copyOf(staticRoutesV6);
    }

    public boolean isHost() {
        return kind == Kind.HOST;
    }
}
