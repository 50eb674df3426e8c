package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.MacAddress;

import java.util.Objects;
import java.util.Optional;

/**
 * A Neighbor Solicitation (RFC 4861 §4.3).
 *
 * @param target the address whose link-layer address is sought; never multicast
 * @param sourceLinkLayer the Source Link-Layer Address option, absent when the IPv6 source is
 *        the unspecified address (duplicate address detection)
 */
public record Icmpv6NeighborSolicitation(Ipv6Address target, Optional<MacAddress> sourceLinkLayer) {

    public Icmpv6NeighborSolicitation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sourceLinkLayer, "sourceLinkLayer");
        if (target.isMulticast()) {
            throw new IllegalArgumentException("target " + target + " is multicast");
        }
    }
}
