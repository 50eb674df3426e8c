package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwarding table with longest-prefix match over a binary trie keyed by address bits. A
 * lookup walks at most 32 nodes and allocates nothing.
 */
public final class Fib {
    private static final class TrieNode {
        TrieNode zero;
        TrieNode one;
        FibEntry entry;
    }

    private final TrieNode root = new TrieNode();
    private int size;

    /** Longest-prefix match, or null when no entry covers {@code dst}. */
    public FibEntry lookup(int dst) {
        TrieNode n = root;
        FibEntry best = n.entry;
        for (int bit = 31; bit >= 0; bit--) {
            n = ((dst >>> bit) & 1) == 0 ? n.zero : n.one;
            if (n == null) {
                break;
            }
            if (n.entry != null) {
                best = n.entry;
            }
        }
        return best;
    }

    /** The exact entry for {@code prefix}, or null. */
    public FibEntry get(Ipv4Prefix prefix) {
        TrieNode n = find(prefix, false);
        return n == null ? null : n.entry;
    }

    /** Installs or replaces the entry for its prefix; returns the previous one. */
    public FibEntry put(FibEntry e) {
        TrieNode n = find(e.prefix(), true);
        FibEntry old = n.entry;
        n.entry = e;
        if (old == null) {
            size++;
        }
        return old;
    }

    public FibEntry remove(Ipv4Prefix prefix) {
        TrieNode n = find(prefix, false);
        if (n == null || n.entry == null) {
            return null;
        }
        FibEntry old = n.entry;
        n.entry = null;
        size--;
        return old;
    }

    public int size() {
        return size;
    }

    /** All entries in address order, shorter prefixes first at equal addresses. */
    public List<FibEntry> entries() {
        List<FibEntry> out = new ArrayList<>(size);
        collect(root, out);
        out.sort((a, b) -> a.prefix().compareTo(b.prefix()));
        return out;
    }

    private static void collect(TrieNode n, List<FibEntry> out) {
        if (n == null) {
            return;
        }
        if (n.entry != null) {
            out.add(n.entry);
        }
        collect(n.zero, out);
        collect(n.one, out);
    }

    private TrieNode find(Ipv4Prefix prefix, boolean create) {
        int bits = prefix.networkBits();
        TrieNode n = root;
        for (int i = 0; i < prefix.length(); i++) {
            boolean one = ((bits >>> (31 - i)) & 1) != 0;
            TrieNode next = one ? n.one : n.zero;
            if (next == null) {
                if (!create) {
                    return null;
                }
                next = new TrieNode();
                if (one) {
                    n.one = next;
                } else {
                    n.zero = next;
                }
            }
            n = next;
        }
        return n;
    }
}
