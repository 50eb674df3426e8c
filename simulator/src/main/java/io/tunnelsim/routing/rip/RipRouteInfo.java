package io.tunnelsim.routing.rip;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;

/**
 * A read-only view of one RIP table entry.
 *
 * @param nextHop the neighbour the route was learnt from; 0.0.0.0 for connected and originated routes
 * @param interfaceName the interface it was learnt on (or is connected to); null for an originated default
 * @param origin "connected", "originated" or "rip"
 * @param lastHeard simulated time of the last update that refreshed it (or of its creation)
 */
public record RipRouteInfo(Ipv4Prefix prefix, int metric, Ipv4Address nextHop, String interfaceName, int tag,
                           String origin, long lastHeard) {

    public boolean reachable() {
        return metric < RipProcess.INFINITY;
    }
}
