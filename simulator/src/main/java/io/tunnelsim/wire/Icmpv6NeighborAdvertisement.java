package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.MacAddress;

import java.util.Objects;
import java.util.Optional;

/**
 * A Neighbor Advertisement (RFC 4861 §4.4).
 *
 * @param router the R flag: the sender is a router
 * @param solicited the S flag: sent in response to a solicitation
 * @param override the O flag: the advertisement should override a cached link-layer address
 * @param target the address the advertisement is about
 * @param targetLinkLayer the Target Link-Layer Address option
 */
public record Icmpv6NeighborAdvertisement(boolean router, boolean solicited, boolean override, Ipv6Address target,
                                          Optional<MacAddress> targetLinkLayer) {

    public Icmpv6NeighborAdvertisement {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetLinkLayer, "targetLinkLayer");
        if (target.isMulticast()) {
            throw new IllegalArgumentException("target " + target + " is multicast");
        }
    }
}
