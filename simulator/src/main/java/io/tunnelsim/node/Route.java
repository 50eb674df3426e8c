package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;

/**
 * One path to a prefix as offered to the RIB: the egress interface, the next-hop address
 * ({@code 0} when the destination itself is the next hop, as on connected subnets and
 * point-to-point tunnels), administrative distance and the protocol's metric.
 */
public record Route(Ipv4Prefix prefix, int nextHop, Interface egress, int distance, long metric, RouteSource source) {

    public Route {
        prefix = prefix.network();
    }

    public boolean hasNextHop() {
        return nextHop != 0;
    }

    public Ipv4Address nextHopAddress() {
        return new Ipv4Address(nextHop);
    }

    @Override
    public String toString() {
        return source.code() + " " + prefix + " [" + distance + "/" + metric + "]"
                + (nextHop != 0 ? " via " + nextHopAddress() : " is directly connected")
                + ", " + egress.displayName();
    }
}
