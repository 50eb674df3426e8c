package io.tunnelsim.addr;

import java.util.Arrays;

/**
 * One shared instance per distinct IPv4 prefix. Prefixes are immutable values, so the routers of
 * one network that learn the same destination (every router of a RIP or OSPF domain learns every
 * prefix) can hold one object instead of one each: 40 bytes a route saved. An open-addressing
 * table keyed by (network bits, length) in a primitive {@code long} array; it only grows, and
 * lives as long as its network.
 */
public final class PrefixPool {
    private static final long EMPTY = -1L;

    private long[] keys = newKeys(64);
    private Ipv4Prefix[] values = new Ipv4Prefix[64];
    private int size;

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        Arrays.fill(k, EMPTY);
        return k;
    }

    private int slot(long key, int capacity) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & (capacity - 1);
    }

    /** The shared prefix {@code networkBits/length}; host bits of {@code networkBits} are cleared. */
    public Ipv4Prefix get(int networkBits, int length) {
        int net = networkBits & Ipv4Prefix.maskBits(length);
        long key = (Integer.toUnsignedLong(net) << 6) | length;
        int m = keys.length - 1;
        int i = slot(key, keys.length);
        for (; keys[i] != EMPTY; i = (i + 1) & m) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        Ipv4Prefix p = new Ipv4Prefix(new Ipv4Address(net), length);
        keys[i] = key;
        values[i] = p;
        if (2 * ++size > keys.length) {
            grow();
        }
        return p;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        Ipv4Prefix[] oldValues = values;
        keys = newKeys(oldKeys.length * 2);
        values = new Ipv4Prefix[oldKeys.length * 2];
        int m = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i], keys.length);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & m;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
