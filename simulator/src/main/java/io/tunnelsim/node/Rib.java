package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.PrefixTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routing information base of one node. Each protocol offers its routes per prefix; the
 * RIB installs, per prefix, the eligible routes (egress interface up) with the lowest
 * administrative distance, then the lowest metric — several of them when they tie (equal-cost
 * multipath). Every resulting change reaches the {@link Fib} and the node's FIB listeners.
 *
 * <p>Layout: one {@link PrefixTable} (keyed by network bits and prefix length, as the {@link Fib}); per prefix the one source's routes as an array when
 * a single source offers the prefix, else a small record holding each source's array. An offer equal to the one held changes nothing; a new selection equal to the
 * installed entry leaves the FIB alone, and when the selection is exactly one source's offer the
 * FIB entry shares that array. Walks over every prefix (a source withdrawing all, an interface
 * changing state) visit the prefixes in address order, as a sorted map would.
 */
public final class Rib {
    private static final int SOURCES = RouteSource.values().length;

    static {
        if (SOURCES != 4) {
            throw new ExceptionInInitializerError("Rib.Candidates holds 4 route sources, RouteSource has " + SOURCES);
        }
    }
    private static final Route[] NONE = new Route[0];

    /**
     * The candidates for one prefix: each source's offer (null: none), by the source's ordinal.
     * One field per source, not an array of them: a node holds one of these per prefix.
     */
    private static final class Candidates {
        final Ipv4Prefix prefix;
        private Route[] s0;
        private Route[] s1;
        private Route[] s2;
        private Route[] s3;

        Candidates(Ipv4Prefix prefix) {
            this.prefix = prefix;
        }

        Route[] get(int source) {
            return switch (source) {
                case 0 -> s0;
                case 1 -> s1;
                case 2 -> s2;
                case 3 -> s3;
                default -> throw new IllegalArgumentException("route source " + source);
            };
        }

        void set(int source, Route[] routes) {
            switch (source) {
                case 0 -> s0 = routes;
                case 1 -> s1 = routes;
                case 2 -> s2 = routes;
                case 3 -> s3 = routes;
                default -> throw new IllegalArgumentException("route source " + source);
            }
        }

        boolean isEmpty() {
            return s0 == null && s1 == null && s2 == null && s3 == null;
        }
    }

    private final Node node;
    private final Fib fib = new Fib();
    /**
     * Per prefix: a {@code Route[]} when a single source offers it (the usual case: a router
     * learns most prefixes from one protocol), a {@link Candidates} when several do. A compact
     * array holds routes of one source and the table's prefix; anything else takes a record.
     */
    private final PrefixTable<Object> table = new PrefixTable<>(16);

    Rib(Node node) {
        this.node = node;
    }

    public Fib fib() {
        return fib;
    }

    private static long key(Ipv4Prefix p) {
        return PrefixTable.key(p);
    }

    /** {@code source}'s offer in a table value (null: none). */
    private static Route[] offer(Object v, int source) {
        if (v instanceof Route[] a) {
            return a[0].source().ordinal() == source ? a : null;
        }
        return v == null ? null : ((Candidates) v).get(source);
    }

    private static Ipv4Prefix prefixOf(Object v) {
        return v instanceof Route[] a ? a[0].prefix() : ((Candidates) v).prefix;
    }

    /** Whether {@code routes} can stand for the prefix's whole entry: all of {@code source}, all for {@code prefix}. */
    private static boolean compact(Route[] routes, int source, Ipv4Prefix prefix) {
        for (Route r : routes) {
            if (r.source().ordinal() != source || !r.prefix().equals(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** The table value with {@code source}'s offer set to {@code routes} (null: withdrawn); null when nothing is left. */
    private static Object with(Object v, Ipv4Prefix prefix, int source, Route[] routes) {
        Candidates c;
        if (v instanceof Candidates held) {
            c = held;
        } else {
            Route[] only = (Route[]) v;
            if (only == null || only[0].source().ordinal() == source) {
                // one source before and after
                if (routes == null) {
                    return null;
                }
                if (compact(routes, source, prefix)) {
                    return routes;
                }
                c = new Candidates(prefix);
            } else {
                if (routes == null) {
                    return v;
                }
                c = new Candidates(prefix);
                c.set(only[0].source().ordinal(), only);
            }
        }
        c.set(source, routes);
        if (c.isEmpty()) {
            return null;
        }
        int left = -1;
        for (int s = 0; s < SOURCES; s++) {
            if (c.get(s) != null) {
                left = left == -1 ? s : -2;
            }
        }
        return left >= 0 && compact(c.get(left), left, c.prefix) ? c.get(left) : c;
    }

    /** Replaces all routes {@code source} offers for {@code prefix}; an empty list withdraws them. */
    public void update(RouteSource source, Ipv4Prefix prefix, List<Route> routes) {
        if (!routes.isEmpty()) {
            Route[] old = offer(table.get(key(prefix)), source.ordinal());
            if (old != null && old.length == routes.size()) {
                boolean same = true;
                for (int i = 0; i < old.length && same; i++) {
                    same = old[i].equals(routes.get(i));
                }
                if (same) {
                    return; // the offer held already: no copy, no re-selection
                }
            }
        }
        update(source, prefix, routes.isEmpty() ? NONE : routes.toArray(NONE));
    }

    /**
     * As {@link #update(RouteSource, Ipv4Prefix, List)} with the routes in an array, which the RIB
     * keeps (the caller must not change it afterwards); an empty array withdraws them.
     */
    public void update(RouteSource source, Ipv4Prefix prefix, Route[] routes) {
        long key = key(prefix);
        Object v = table.get(key);
        int s = source.ordinal();
        Route[] old = offer(v, s);
        Ipv4Prefix net;
        if (routes.length == 0) {
            if (old == null) {
                return;
            }
            net = prefixOf(v);
            Object next = with(v, net, s, null);
            if (next == null) {
                table.remove(key);
            } else if (next != v) {
                table.put(key, next);
            }
        } else {
            net = v == null ? prefix.network() : prefixOf(v);
            Object next = with(v, net, s, routes);
            if (next != v) {
                table.put(key, next);
            }
            if (Arrays.equals(routes, old)) {
                return;
            }
        }
        recompute(key, net);
    }

    /** Withdraws every route of {@code source} (a protocol stopping or a node crash). */
    public void withdrawAll(RouteSource source) {
        long[] touched = keysWhere(v -> offer(v, source.ordinal()) != null);
        for (long k : touched) {
            Object v = table.get(k);
            if (v != null) {
                update(source, prefixOf(v), NONE);
            }
        }
    }

    /** Keys of the prefixes whose candidates match, in address order. */
    private long[] keysWhere(java.util.function.Predicate<Object> test) {
        long[] out = new long[8];
        int n = 0;
        for (int i = 0; i < table.capacity(); i++) {
            if (table.keyAt(i) != PrefixTable.EMPTY && test.test(table.valueAt(i))) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * n);
                }
                out[n++] = table.keyAt(i);
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** Routes {@code source} currently offers, by prefix. */
    public Map<Ipv4Prefix, List<Route>> offered(RouteSource source) {
        TreeMap<Ipv4Prefix, List<Route>> out = new TreeMap<>();
        for (int i = 0; i < table.capacity(); i++) {
            Object v = table.valueAt(i);
            Route[] routes = offer(v, source.ordinal());
            if (routes != null) {
                out.put(prefixOf(v), List.of(routes));
            }
        }
        return out;
    }

    /** Re-selects the prefixes that have a candidate route through {@code itf} (it changed state). */
    public void recomputeVia(Interface itf) {
        long[] touched = keysWhere(v -> {
            for (int s = 0; s < SOURCES; s++) {
                Route[] routes = offer(v, s);
                if (routes != null) {
                    for (Route r : routes) {
                        if (r.egress() == itf) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
        for (long k : touched) {
            Object v = table.get(k);
            if (v != null) {
                recompute(k, prefixOf(v));
            }
        }
    }

    private void recompute(long key, Ipv4Prefix prefix) {
        Object c = table.get(key);
        int bestDistance = Integer.MAX_VALUE;
        long bestMetric = Long.MAX_VALUE;
        if (c != null) {
            for (int s = 0; s < SOURCES; s++) {
                Route[] routes = offer(c, s);
                if (routes == null) {
                    continue;
                }
                for (Route r : routes) {
                    if (r.egress().isUp() && (r.distance() < bestDistance
                            || (r.distance() == bestDistance && r.metric() < bestMetric))) {
                        bestDistance = r.distance();
                        bestMetric = r.metric();
                    }
                }
            }
        }
        FibEntry old = fib.get(prefix);
        if (bestDistance == Integer.MAX_VALUE) {
            if (old != null) {
                fib.remove(prefix);
                node.fibChanged(prefix, old, null);
            }
            return;
        }
        // the selection: every eligible route at the best (distance, metric), in source order, duplicates once
        Route[] best = null;
        int n = 0;
        Route[] only = null;
        boolean onlyWhole = true;
        for (int s = 0; s < SOURCES; s++) {
            Route[] routes = offer(c, s);
            if (routes == null) {
                continue;
            }
            for (Route r : routes) {
                if (!r.egress().isUp() || r.distance() != bestDistance || r.metric() != bestMetric) {
                    onlyWhole &= only != routes;
                    continue;
                }
                if (best == null) {
                    best = new Route[4];
                    only = routes;
                } else if (only != routes) {
                    onlyWhole = false;
                }
                boolean seen = false;
                for (int i = 0; i < n && !seen; i++) {
                    seen = best[i].equals(r);
                }
                if (seen) {
                    onlyWhole = false;
                    continue;
                }
                if (n == best.length) {
                    best = Arrays.copyOf(best, 2 * n);
                }
                best[n++] = r;
            }
        }
        if (old != null && old.pathCount() == n) {
            boolean same = true;
            for (int i = 0; i < n && same; i++) {
                same = old.path(i).equals(best[i]);
            }
            if (same) {
                return;
            }
        }
        Route[] paths = onlyWhole && only.length == n ? only : Arrays.copyOf(best, n);
        FibEntry e = new FibEntry(prefix, paths);
        fib.put(e);
        node.fibChanged(prefix, old, e);
    }

    /** {@code show ip route} layout. */
    public String show() {
        return show((p, r) -> r.source().code());
    }

    /** {@link #show()} with the route code chosen per route (e.g. {@code O IA} for OSPF inter-area routes). */
    public String show(java.util.function.BiFunction<io.tunnelsim.addr.Ipv4Prefix, Route, String> code) {
        StringBuilder sb = new StringBuilder();
        sb.append("Codes: C - connected, S - static, R - RIP, O - OSPF, IA - OSPF inter area\n\n");
        for (FibEntry e : fib.entries()) {
            for (int i = 0; i < e.pathCount(); i++) {
                Route r = e.path(i);
                String c = code.apply(e.prefix().network(), r);
                String head = i == 0 ? String.format("%-3s%s%-18s", c, c.length() >= 3 ? " " : "", e.prefix().network())
                        : String.format("%-21s", "");
                if (r.source() == RouteSource.CONNECTED) {
                    sb.append(head).append(" is directly connected, ").append(r.egress().displayName()).append('\n');
                } else if (r.hasNextHop()) {
                    sb.append(head).append(" [").append(r.distance()).append('/').append(r.metric()).append("] via ")
                            .append(r.nextHopAddress()).append(", ").append(r.egress().displayName()).append('\n');
                } else {
                    sb.append(head).append(" [").append(r.distance()).append('/').append(r.metric())
                            .append("] is directly connected, ").append(r.egress().displayName()).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
