package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwarding table with longest-prefix match: one open-addressing hash table keyed by
 * (network bits, prefix length) in a primitive {@code long} array, and a mask of the prefix
 * lengths present. A lookup probes only the lengths in use, longest first (a router typically
 * holds a handful: /32, /30, /24, /0), and allocates nothing. About 24 bytes per entry beside
 * the entry itself, where a binary trie spends a node per address bit; at thousands of routers
 * with thousands of routes each this is most of the simulator's heap.
 */
public final class Fib {
    private static final long EMPTY = -1L;

    private long[] keys = newKeys(16);
    private FibEntry[] values = new FibEntry[16];
    private int size;
    /** Bit {@code l} set while some entry has prefix length {@code l}. */
    private long lengths;
    private final int[] perLength = new int[33];

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        java.util.Arrays.fill(k, EMPTY);
        return k;
    }

    private static long key(int networkBits, int length) {
        return ((long) networkBits << 6 | length) & 0x3F_FFFF_FFFFL;
    }

    private static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & (keys.length - 1);
    }

    private int find(long key) {
        int m = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & m) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** Longest-prefix match, or null when no entry covers {@code dst}. */
    public FibEntry lookup(int dst) {
        long present = lengths;
        while (present != 0) {
            int len = 63 - Long.numberOfLeadingZeros(present);
            present &= ~(1L << len);
            int i = find(key(dst & mask(len), len));
            if (i >= 0) {
                return values[i];
            }
        }
        return null;
    }

    /** The exact entry for {@code prefix}, or null. */
    public FibEntry get(Ipv4Prefix prefix) {
        int i = find(key(prefix.networkBits(), prefix.length()));
        return i < 0 ? null : values[i];
    }

    /** Installs or replaces the entry for its prefix; returns the previous one. */
    public FibEntry put(FibEntry e) {
        Ipv4Prefix p = e.prefix();
        long key = key(p.networkBits(), p.length());
        int i = find(key);
        if (i >= 0) {
            FibEntry old = values[i];
            values[i] = e;
            return old;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int m = keys.length - 1;
        int j = slot(key);
        while (keys[j] != EMPTY) {
            j = (j + 1) & m;
        }
        keys[j] = key;
        values[j] = e;
        size++;
        if (perLength[p.length()]++ == 0) {
            lengths |= 1L << p.length();
        }
        return null;
    }

    public FibEntry remove(Ipv4Prefix prefix) {
        int i = find(key(prefix.networkBits(), prefix.length()));
        if (i < 0) {
            return null;
        }
        FibEntry old = values[i];
        deleteSlot(i);
        size--;
        if (--perLength[prefix.length()] == 0) {
            lengths &= ~(1L << prefix.length());
        }
        return old;
    }

    /** Linear-probing deletion by backward shift: no tombstones, lookups stay short. */
    private void deleteSlot(int i) {
        int m = keys.length - 1;
        int hole = i;
        for (int j = (i + 1) & m; keys[j] != EMPTY; j = (j + 1) & m) {
            int home = slot(keys[j]);
            // move j into the hole unless its home lies cyclically in (hole, j]
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
    }

    private void grow() {
        long[] oldKeys = keys;
        FibEntry[] oldValues = values;
        keys = newKeys(oldKeys.length * 2);
        values = new FibEntry[oldKeys.length * 2];
        int m = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i]);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & m;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    public int size() {
        return size;
    }

    /** All entries in address order, shorter prefixes first at equal addresses. */
    public List<FibEntry> entries() {
        List<FibEntry> out = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                out.add(values[i]);
            }
        }
        out.sort((a, b) -> a.prefix().compareTo(b.prefix()));
        return out;
    }
}
