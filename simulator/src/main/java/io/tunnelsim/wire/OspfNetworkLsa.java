package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.List;
import java.util.Objects;

/**
 * The body of a Network-LSA, LS type 2 (RFC 2328 §A.4.3), originated by a network's
 * Designated Router; its Link State ID is the DR's interface address.
 *
 * @param attachedRouters router IDs of the routers fully adjacent to the DR, the DR included
 */
public record OspfNetworkLsa(Ipv4Address networkMask, List<Ipv4Address> attachedRouters) implements LsaBody {

    public OspfNetworkLsa {
        Objects.requireNonNull(networkMask, "networkMask");
        attachedRouters = List.copyOf(attachedRouters);
    }

    @Override
    public int type() {
        return LsaHeader.NETWORK;
    }
}
