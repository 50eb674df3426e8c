package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.Objects;

/**
 * What identifies an LSA in the link-state database (RFC 2328 §12.1): LS type, Link State ID
 * and Advertising Router. It is also the content of one Link State Request entry (§A.3.4).
 * Ordered by type, then ID, then router (unsigned), for deterministic iteration.
 */
public record LsaKey(int type, Ipv4Address linkStateId, Ipv4Address advertisingRouter) implements Comparable<LsaKey> {

    public LsaKey {
        if (type < 0 || type > 0xff) {
            throw new IllegalArgumentException("LS type " + type);
        }
        Objects.requireNonNull(linkStateId, "linkStateId");
        Objects.requireNonNull(advertisingRouter, "advertisingRouter");
    }

    /**
     * Mixes all three fields: router LSAs have equal ID and router, which the default record
     * hash turns into colliding buckets in large databases.
     */
    @Override
    public int hashCode() {
        return mix(mix(type * 31 + linkStateId.bits()) ^ advertisingRouter.bits());
    }

    /** The MurmurHash3 finalizer: every input bit affects every output bit. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        h *= 0xC2B2_AE35;
        return h ^ (h >>> 16);
    }

    /** Field by field on the primitive values: the LSDB compares and matches keys on hot paths. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LsaKey k && type == k.type && linkStateId.bits() == k.linkStateId.bits()
                && advertisingRouter.bits() == k.advertisingRouter.bits();
    }

    /** Type, then Link State ID, then Advertising Router, addresses unsigned. */
    @Override
    public int compareTo(LsaKey o) {
        if (type != o.type) {
            return Integer.compare(type, o.type);
        }
        int c = Integer.compareUnsigned(linkStateId.bits(), o.linkStateId.bits());
        return c != 0 ? c : Integer.compareUnsigned(advertisingRouter.bits(), o.advertisingRouter.bits());
    }

    @Override
    public String toString() {
        return "type-" + type + " " + linkStateId + " adv " + advertisingRouter;
    }
}
