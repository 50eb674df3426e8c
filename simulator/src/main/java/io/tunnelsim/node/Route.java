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

    /**
     * As the record's own equality, written out (RIB and FIB compare route lists on every
     * change); the hash code stays the record's.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Route r && r.nextHop == nextHop && r.metric == metric && r.distance == distance
                && r.source == source && java.util.Objects.equals(r.egress, egress) && r.prefix.equals(prefix);
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
