package io.tunnelsim.topology;

import java.util.Optional;
import java.util.OptionalInt;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;

/**
 * An IPv4 static route: to a next hop, out an interface, or both. The prefix is stored as its
 * network (host bits cleared).
 *
 * @param distance administrative distance, 1 by default; higher values make a floating static
 * @param track    the tracked object that must be up for the route to be installed
 * @param bfd      the BFD session to the next hop that must be Up for the route to be installed
 */
public record StaticRouteSpec(Ipv4Prefix prefix, Optional<Ipv4Address> via, Optional<String> iface, int distance,
                              OptionalInt track, Optional<StaticBfdSpec> bfd) {
    public StaticRouteSpec(Ipv4Prefix prefix, Optional<Ipv4Address> via, Optional<String> iface, int distance,
                           OptionalInt track) {
        this(prefix, via, iface, distance, track, Optional.empty());
    }
}
