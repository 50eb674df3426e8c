package io.tunnelsim.addr;

/**
 * An IPv4 prefix: network bits and a length 0–32. The stored address keeps host bits as given
 * (an interface address like 10.0.0.1/24 is a prefix with host bits); {@link #network()} clears
 * them.
 */
public record Ipv4Prefix(Ipv4Address address, int length) implements Comparable<Ipv4Prefix> {

    /** As the record's own equality, written out (hot in routing tables). */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Ipv4Prefix p && p.length == length && p.address.bits() == address.bits();
    }

    /**
     * The address bits and the length through the 32-bit finalizer of MurmurHash3, so every
     * output bit depends on every input bit. The record's own hash (31 × bits + length) gives
     * every /24 the same low eight bits and every /30 nearly so, which piles a routing table's
     * prefixes into few buckets of a {@code HashMap}. No output may depend on this order:
     * anything printed from a hash-keyed collection is sorted first.
     */
    @Override
    public int hashCode() {
        int h = address.bits() ^ (length * 0x9E3779B9);
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }


    public static final Ipv4Prefix DEFAULT = new Ipv4Prefix(Ipv4Address.ANY, 0);

    public Ipv4Prefix {
        if (address == null) {
            throw new IllegalArgumentException("missing address");
        }
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0-32");
        }
    }

    /** Parses {@code a.b.c.d/n}; a bare address is a /32. */
    public static Ipv4Prefix parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing IPv4 prefix");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Ipv4Prefix(Ipv4Address.parse(text), 32);
        }
        int len;
        try {
            len = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no numeric prefix length (expected a.b.c.d/n)");
        }
        if (len < 0 || len > 32) {
            throw new IllegalArgumentException("'" + text + "' has prefix length " + len + " outside 0-32");
        }
        return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, slash)), len);
    }

    public static int maskBits(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    public int maskBits() {
        return maskBits(length);
    }

    public Ipv4Address mask() {
        return new Ipv4Address(maskBits());
    }

    public Ipv4Prefix network() {
        int net = address.bits() & maskBits();
        return net == address.bits() ? this : new Ipv4Prefix(new Ipv4Address(net), length);
    }

    public int networkBits() {
        return address.bits() & maskBits();
    }

    public boolean contains(Ipv4Address a) {
        return contains(a.bits());
    }

    public boolean contains(int bits) {
        int m = maskBits();
        return (bits & m) == (address.bits() & m);
    }

    public boolean overlaps(Ipv4Prefix other) {
        int m = maskBits(Math.min(length, other.length));
        return (address.bits() & m) == (other.address.bits() & m);
    }

    /** The subnet's directed broadcast address. */
    public Ipv4Address broadcast() {
        return new Ipv4Address(networkBits() | ~maskBits());
    }

    @Override
    public int compareTo(Ipv4Prefix o) {
        int c = Integer.compareUnsigned(networkBits(), o.networkBits());
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
