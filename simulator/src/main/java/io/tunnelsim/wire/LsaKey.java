package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.Comparator;
import java.util.Objects;

/**
 * What identifies an LSA in the link-state database (RFC 2328 §12.1): LS type, Link State ID
 * and Advertising Router. It is also the content of one Link State Request entry (§A.3.4).
 * Ordered by type, then ID, then router (unsigned), for deterministic iteration.
 */
public record LsaKey(int type, Ipv4Address linkStateId, Ipv4Address advertisingRouter) implements Comparable<LsaKey> {

    private static final Comparator<LsaKey> ORDER = Comparator.comparingInt(LsaKey::type)
            .thenComparing(LsaKey::linkStateId).thenComparing(LsaKey::advertisingRouter);

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

    @Override
    public int compareTo(LsaKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return "type-" + type + " " + linkStateId + " adv " + advertisingRouter;
    }
}
