package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.PrefixTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwarding table with longest-prefix match: one {@link PrefixTable} (open addressing on
 * (network bits, prefix length) packed in a primitive {@code long}), and a mask of the prefix
 * lengths present. A lookup probes only the lengths in use, longest first (a router typically
 * holds a handful: /32, /30, /24, /0), and allocates nothing. About 24 bytes per entry beside
 * the entry itself, where a binary trie spends a node per address bit; at thousands of routers
 * with thousands of routes each this is most of the simulator's heap.
 */
public final class Fib {
    private final PrefixTable<FibEntry> table = new PrefixTable<>(16);
    /** Bit {@code l} set while some entry has prefix length {@code l}. */
    private long lengths;
    private final int[] perLength = new int[33];

    private static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    /** Longest-prefix match, or null when no entry covers {@code dst}. */
    public FibEntry lookup(int dst) {
        long present = lengths;
        while (present != 0) {
            int len = 63 - Long.numberOfLeadingZeros(present);
            present &= ~(1L << len);
            FibEntry e = table.get(PrefixTable.key(dst & mask(len), len));
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The exact entry for {@code prefix}, or null. */
    public FibEntry get(Ipv4Prefix prefix) {
        return table.get(PrefixTable.key(prefix));
    }

    /** Installs or replaces the entry for its prefix; returns the previous one. */
    public FibEntry put(FibEntry e) {
        Ipv4Prefix p = e.prefix();
        FibEntry old = table.put(PrefixTable.key(p), e);
        if (old == null && perLength[p.length()]++ == 0) {
            lengths |= 1L << p.length();
        }
        return old;
    }

    public FibEntry remove(Ipv4Prefix prefix) {
        FibEntry old = table.remove(PrefixTable.key(prefix));
        if (old != null && --perLength[prefix.length()] == 0) {
            lengths &= ~(1L << prefix.length());
        }
        return old;
    }

    public int size() {
        return table.size();
    }

    /** All entries in address order, shorter prefixes first at equal addresses. */
    public List<FibEntry> entries() {
        List<FibEntry> out = new ArrayList<>(table.size());
        for (int i = 0; i < table.capacity(); i++) {
            if (table.keyAt(i) != PrefixTable.EMPTY) {
                out.add(table.valueAt(i));
            }
        }
        out.sort((a, b) -> a.prefix().compareTo(b.prefix()));
        return out;
    }
}
