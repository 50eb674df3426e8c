package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.List;
import java.util.Objects;

/**
 * The body of a Router-LSA, LS type 1 (RFC 2328 §A.4.2).
 *
 * @param virtualLinkEndpoint the V bit
 * @param asBoundaryRouter the E bit
 * @param areaBorderRouter the B bit
 */
public record OspfRouterLsa(boolean virtualLinkEndpoint, boolean asBoundaryRouter, boolean areaBorderRouter,
                            List<Link> links) implements LsaBody {

    public static final int POINT_TO_POINT = 1;
    public static final int TRANSIT = 2;
    public static final int STUB = 3;
    public static final int VIRTUAL = 4;

    public OspfRouterLsa {
        links = List.copyOf(links);
        if (links.size() > 0xffff) {
            throw new IllegalArgumentException(links.size() + " links");
        }
    }

    @Override
    public int type() {
        return LsaHeader.ROUTER;
    }

    /**
     * One router link. Link ID and Link Data mean, by type: point-to-point — neighbour's router
     * ID and the interface address (or ifIndex for unnumbered); transit — the DR's interface
     * address and the router's own interface address; stub — network number and mask; virtual
     * — neighbour's router ID and the interface address.
     *
     * @param type {@link #POINT_TO_POINT}, {@link #TRANSIT}, {@link #STUB} or {@link #VIRTUAL}
     * @param metric the TOS 0 cost, 0..65535
     */
    public record Link(Ipv4Address linkId, Ipv4Address linkData, int type, int metric) {
        public Link {
            Objects.requireNonNull(linkId, "linkId");
            Objects.requireNonNull(linkData, "linkData");
            if (type < POINT_TO_POINT || type > VIRTUAL) {
                throw new IllegalArgumentException("link type " + type);
            }
            if (metric < 0 || metric > 0xffff) {
                throw new IllegalArgumentException("metric " + metric);
            }
        }
    }
}
