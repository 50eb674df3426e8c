package io.tunnelsim.routing;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;

/**
 * A configured static route: {@code ip route PREFIX [INTERFACE] [NEXT-HOP] [DISTANCE] [track N]}.
 * At least one of {@code interfaceName} and {@code nextHop} is set; {@code track} is 0 when the
 * route is not tracked.
 */
public record StaticRoute(Ipv4Prefix prefix, Ipv4Address nextHop, String interfaceName, int distance, int track) {
    public StaticRoute {
        if (nextHop == null && interfaceName == null) {
            throw new IllegalArgumentException("static route " + prefix + " needs a next hop or an interface");
        }
        if (distance < 1 || distance > 255) {
            throw new IllegalArgumentException("distance " + distance + " outside 1-255");
        }
    }

    public static StaticRoute via(String prefix, String nextHop) {
        return new StaticRoute(Ipv4Prefix.parse(prefix), Ipv4Address.parse(nextHop), null, 1, 0);
    }

    public static StaticRoute out(String prefix, String itf, int distance) {
        return new StaticRoute(Ipv4Prefix.parse(prefix), null, itf, distance, 0);
    }
}
