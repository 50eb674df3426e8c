package io.tunnelsim.routing.rip;

import io.tunnelsim.addr.Ipv4Prefix;
import java.util.Arrays;

/**
 * The RIP routing table of one process: routes sorted by prefix (network address unsigned, then
 * length: the order of {@link Ipv4Prefix#compareTo}) in two parallel arrays, a primitive
 * {@code long} key per route beside the route itself. A lookup is a binary search over the keys
 * alone and touches one route; responses walk the array in order. A table holds at most a few
 * thousand routes, so the shift on an insertion or a removal costs less than a tree's nodes,
 * about 48 bytes a route that this layout does not spend.
 */
final class RipTable {
    private long[] keys = new long[16];
    private RipRoute[] routes = new RipRoute[16];
    private int size;
    /** Where the last search ended (see {@link #search}). */
    private int finger;

    /** The sort key of a prefix: network bits (unsigned) above the length, as {@code compareTo} orders them. */
    static long key(int networkBits, int length) {
        return (Integer.toUnsignedLong(networkBits) << 6) | length;
    }

    static long key(Ipv4Prefix p) {
        return key(p.networkBits(), p.length());
    }

    int size() {
        return size;
    }

    /** The {@code i}-th route in prefix order. */
    RipRoute at(int i) {
        return routes[i];
    }

    /**
     * Position of {@code key}, or {@code -(insertion point) - 1}. The search starts where the last
     * one ended and gallops from there: a response lists its routes in prefix order, as this table
     * holds them, so the next entry's route is usually a step or two on, and a lookup reads one or
     * two cache lines of keys instead of a binary search's ten.
     */
    private int search(long key) {
        int lo;
        int hi;
        int f = finger;
        if (f < size && keys[f] <= key) {
            if (keys[f] == key) {
                return f;
            }
            // keys[f] < key: gallop forward
            lo = f + 1;
            int step = 1;
            hi = lo;
            while (hi < size && keys[hi] < key) {
                lo = hi + 1;
                hi = f + (step <<= 1);
            }
            hi = Math.min(hi + 1, size);
        } else {
            lo = 0;
            hi = Math.min(f, size);
        }
        int i = Arrays.binarySearch(keys, lo, hi, key);
        finger = i >= 0 ? i : Math.min(-i - 1, Math.max(size - 1, 0));
        return i;
    }

    RipRoute get(long key) {
        int i = search(key);
        return i >= 0 ? routes[i] : null;
    }

    RipRoute get(Ipv4Prefix p) {
        return get(key(p));
    }

    /** Adds or replaces the route for its prefix. */
    void put(RipRoute r) {
        long k = key(r.prefix);
        int i = search(k);
        if (i >= 0) {
            routes[i] = r;
            return;
        }
        i = -i - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            routes = Arrays.copyOf(routes, size * 2);
        }
        System.arraycopy(keys, i, keys, i + 1, size - i);
        System.arraycopy(routes, i, routes, i + 1, size - i);
        keys[i] = k;
        routes[i] = r;
        size++;
    }

    void remove(Ipv4Prefix p) {
        int i = search(key(p));
        if (i < 0) {
            return;
        }
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(routes, i + 1, routes, i, size - i - 1);
        size--;
        routes[size] = null;
    }

    void clear() {
        Arrays.fill(routes, 0, size, null);
        size = 0;
    }

    /** A copy of the routes in prefix order, for walks that may change the table. */
    RipRoute[] snapshot() {
        return Arrays.copyOf(routes, size);
    }
}
