package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.Objects;

/**
 * What identifies an LSA in the link-state database (RFC 2328 §12.1): LS type, Link State ID
 * and Advertising Router. It is also the content of one Link State Request entry (§A.3.4).
 * Ordered by type, then ID, then router (unsigned), for deterministic iteration.
 *
 * <p>The two addresses are held as their 32-bit values: keys are hashed and compared on the
 * hottest paths of flooding (database, request and retransmission lookups), and comparing
 * three ints in the key itself needs no further memory access.
 */
public final class LsaKey implements Comparable<LsaKey> {
    private final int type;
    private final int linkStateId;
    private final int advertisingRouter;

    public LsaKey(int type, Ipv4Address linkStateId, Ipv4Address advertisingRouter) {
        this(type, Objects.requireNonNull(linkStateId, "linkStateId").bits(),
                Objects.requireNonNull(advertisingRouter, "advertisingRouter").bits());
    }

    /** A key from the address values ({@link Ipv4Address#bits()}). */
    public LsaKey(int type, int linkStateIdBits, int advertisingRouterBits) {
        if (type < 0 || type > 0xff) {
            throw new IllegalArgumentException("LS type " + type);
        }
        this.type = type;
        this.linkStateId = linkStateIdBits;
        this.advertisingRouter = advertisingRouterBits;
    }

    public int type() {
        return type;
    }

    public Ipv4Address linkStateId() {
        return new Ipv4Address(linkStateId);
    }

    public Ipv4Address advertisingRouter() {
        return new Ipv4Address(advertisingRouter);
    }

    /** The Link State ID's 32-bit value. */
    public int linkStateIdBits() {
        return linkStateId;
    }

    /** The Advertising Router's 32-bit value. */
    public int advertisingRouterBits() {
        return advertisingRouter;
    }

    /**
     * Mixes all three fields: router LSAs have equal ID and router, which a plain combination
     * turns into colliding buckets in large databases.
     */
    @Override
    public int hashCode() {
        return mix(mix(type * 31 + linkStateId) ^ advertisingRouter);
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
    public boolean equals(Object o) {
        return o instanceof LsaKey k && type == k.type && linkStateId == k.linkStateId
                && advertisingRouter == k.advertisingRouter;
    }

    /** Type, then Link State ID, then Advertising Router, addresses unsigned. */
    @Override
    public int compareTo(LsaKey o) {
        if (type != o.type) {
            return Integer.compare(type, o.type);
        }
        int c = Integer.compareUnsigned(linkStateId, o.linkStateId);
        return c != 0 ? c : Integer.compareUnsigned(advertisingRouter, o.advertisingRouter);
    }

    @Override
    public String toString() {
        return "type-" + type + " " + linkStateId() + " adv " + advertisingRouter();
    }
}
