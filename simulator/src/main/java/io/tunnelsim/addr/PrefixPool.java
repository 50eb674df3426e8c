package io.tunnelsim.addr;

/**
 * One shared instance per distinct IPv4 prefix. Prefixes are immutable values, so the routers of
 * one network that learn the same destination (every router of a RIP or OSPF domain learns every
 * prefix) can hold one object instead of one each: 40 bytes a route saved. A {@link PrefixTable};
 * it only grows, and lives as long as its network.
 */
public final class PrefixPool {
    private final PrefixTable<Ipv4Prefix> table = new PrefixTable<>(64);

    /** The shared prefix {@code networkBits/length}; host bits of {@code networkBits} are cleared. */
    public Ipv4Prefix get(int networkBits, int length) {
        int net = networkBits & Ipv4Prefix.maskBits(length);
        long key = PrefixTable.key(net, length);
        Ipv4Prefix p = table.get(key);
        if (p == null) {
            p = new Ipv4Prefix(new Ipv4Address(net), length);
            table.put(key, p);
        }
        return p;
    }

    public int size() {
        return table.size();
    }
}
