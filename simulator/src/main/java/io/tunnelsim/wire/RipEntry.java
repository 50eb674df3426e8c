package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;

import java.util.Objects;

/**
 * One 20-byte RIPv2 route entry (RFC 2453 §4).
 *
 * @param addressFamily 2 for IPv4; 0 only in a whole-table request
 * @param routeTag 16-bit route tag
 * @param address the destination
 * @param mask the subnet mask (0 means "none", which RIPv1-style receivers infer)
 * @param nextHop 0.0.0.0 means "via the sender"
 * @param metric 1..16, 16 meaning unreachable (infinity)
 */
public record RipEntry(int addressFamily, int routeTag, Ipv4Address address, Ipv4Address mask, Ipv4Address nextHop,
                       int metric) {

    public static final int AFI_IPV4 = 2;
    public static final int AFI_UNSPECIFIED = 0;
    public static final int INFINITY = 16;

    public RipEntry {
        if (addressFamily < 0 || addressFamily > 0xffff || routeTag < 0 || routeTag > 0xffff) {
            throw new IllegalArgumentException("address family/route tag out of range");
        }
        if (metric < 1 || metric > INFINITY) {
            throw new IllegalArgumentException("metric " + metric + " outside 1..16");
        }
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(nextHop, "nextHop");
    }

    /** An IPv4 route entry with route tag 0 and next hop "via the sender". */
    public static RipEntry route(Ipv4Prefix prefix, int metric) {
        return new RipEntry(AFI_IPV4, 0, prefix.network().address(), prefix.mask(), Ipv4Address.ANY, metric);
    }

    /** The single entry of a whole-table request (RFC 2453 §3.9.1): AFI 0, metric 16. */
    public static RipEntry wholeTable() {
        return new RipEntry(AFI_UNSPECIFIED, 0, Ipv4Address.ANY, Ipv4Address.ANY, Ipv4Address.ANY, INFINITY);
    }

    /** True when the mask is a contiguous run of leading ones, so that {@link #prefix} works. */
    public boolean hasContiguousMask() {
        int m = mask.bits();
        return (m | (m - 1)) == -1 || m == 0;
    }

    /** The destination as a prefix; the mask must be contiguous. */
    public Ipv4Prefix prefix() {
        if (!hasContiguousMask()) {
            throw new IllegalStateException("non-contiguous mask " + mask);
        }
        return new Ipv4Prefix(address, Integer.bitCount(mask.bits()));
    }
}
