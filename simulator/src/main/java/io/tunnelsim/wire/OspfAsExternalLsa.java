package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.Objects;

/**
 * The body of an AS-external-LSA, LS type 5 (RFC 2328 §A.4.5), TOS 0 part only.
 *
 * @param type2Metric the E bit: the metric is a type 2 external metric
 * @param metric 24-bit cost
 * @param forwardingAddress 0.0.0.0 means "to the advertising router"
 * @param externalRouteTag 32-bit tag, unsigned
 */
public record OspfAsExternalLsa(Ipv4Address networkMask, boolean type2Metric, int metric,
                                Ipv4Address forwardingAddress, long externalRouteTag) implements LsaBody {

    public OspfAsExternalLsa {
        Objects.requireNonNull(networkMask, "networkMask");
        Objects.requireNonNull(forwardingAddress, "forwardingAddress");
        if (metric < 0 || metric > OspfSummaryLsa.LS_INFINITY) {
            throw new IllegalArgumentException("metric " + metric);
        }
        if (externalRouteTag < 0 || externalRouteTag > 0xffff_ffffL) {
            throw new IllegalArgumentException("route tag " + externalRouteTag);
        }
    }

    @Override
    public int type() {
        return LsaHeader.AS_EXTERNAL;
    }
}
