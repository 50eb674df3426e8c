package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.Objects;

/**
 * The body of a Summary-LSA (RFC 2328 §A.4.4): LS type 3 for a network, type 4 for an AS
 * boundary router (then the mask is unused and zero).
 *
 * @param asbrSummary true for type 4
 * @param metric 24-bit cost; {@link #LS_INFINITY} withdraws the route
 */
public record OspfSummaryLsa(boolean asbrSummary, Ipv4Address networkMask, int metric) implements LsaBody {

    public static final int LS_INFINITY = 0xFF_FFFF;

    public OspfSummaryLsa {
        Objects.requireNonNull(networkMask, "networkMask");
        if (metric < 0 || metric > LS_INFINITY) {
            throw new IllegalArgumentException("metric " + metric);
        }
    }

    @Override
    public int type() {
        return asbrSummary ? LsaHeader.SUMMARY_ASBR : LsaHeader.SUMMARY_NETWORK;
    }
}
