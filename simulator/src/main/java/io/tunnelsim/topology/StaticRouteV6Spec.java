package io.tunnelsim.topology;

import java.util.Optional;
import java.util.OptionalInt;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;

/** An IPv6 static route; fields as in {@link StaticRouteSpec}. */
public record StaticRouteV6Spec(Ipv6Prefix prefix, Optional<Ipv6Address> via, Optional<String> iface, int distance,
                                OptionalInt track) {
}
