package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Prefix;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One result of the routing table calculation: its entries in an array sorted by prefix, read
 * as an immutable map. Every router of a large area holds one entry per prefix of the area, so
 * the table is kept as bare as it can be (4 bytes an entry beside the entry itself, where a
 * linked hash map spends about 50); a look-up is a binary search, and {@link OspfProcess} compares
 * two tables by walking both in order, with no look-ups at all.
 */
final class RoutingTable extends AbstractMap<Ipv4Prefix, Spf.RouteEntry> {
    static final RoutingTable EMPTY = new RoutingTable(new Spf.RouteEntry[0]);

    private final Spf.RouteEntry[] entries;

    /** @param sorted entries in strictly increasing prefix order; the table keeps the array */
    RoutingTable(Spf.RouteEntry[] sorted) {
        this.entries = sorted;
    }

    int count() {
        return entries.length;
    }

    Spf.RouteEntry at(int i) {
        return entries[i];
    }

    /** The index of {@code prefix}, or {@code -(insertion point) - 1}. */
    int indexOf(Ipv4Prefix prefix) {
        int lo = 0;
        int hi = entries.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = entries[mid].prefix().compareTo(prefix);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    @Override
    public Spf.RouteEntry get(Object key) {
        if (!(key instanceof Ipv4Prefix p)) {
            return null;
        }
        int i = indexOf(p);
        return i < 0 ? null : entries[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return entries.length;
    }

    @Override
    public Set<Entry<Ipv4Prefix, Spf.RouteEntry>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Ipv4Prefix, Spf.RouteEntry>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < entries.length;
                    }

                    @Override
                    public Entry<Ipv4Prefix, Spf.RouteEntry> next() {
                        if (i >= entries.length) {
                            throw new NoSuchElementException();
                        }
                        Spf.RouteEntry e = entries[i++];
                        return new SimpleImmutableEntry<>(e.prefix(), e);
                    }
                };
            }

            @Override
            public int size() {
                return entries.length;
            }
        };
    }

    @Override
    public String toString() {
        return Arrays.toString(entries);
    }
}
