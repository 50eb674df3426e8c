package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;

/** An IPv6 route: prefix, optional next hop (null = on-link), egress, distance, source. */
public record Ipv6Route(Ipv6Prefix prefix, Ipv6Address nextHop, Interface egress, int distance, RouteSource source) {
    public Ipv6Route {
        prefix = prefix.network();
    }
}
