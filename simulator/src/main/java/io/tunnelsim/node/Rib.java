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
 * <p>Layout: one {@link PrefixTable} (keyed by network bits and prefix length, as the {@link Fib}); per prefix a small record holds each source's routes
 * as an array. An offer equal to the one held changes nothing; a new selection equal to the
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
    private final PrefixTable<Candidates> table = new PrefixTable<>(16);

    Rib(Node node) {
        this.node = node;
    }

    public Fib fib() {
        return fib;
    }

    private static long key(Ipv4Prefix p) {
        return PrefixTable.key(p);
    }

    private Candidates get(long key) {
        return table.get(key);
    }

    /** Replaces all routes {@code source} offers for {@code prefix}; an empty list withdraws them. */
    public void update(RouteSource source, Ipv4Prefix prefix, List<Route> routes) {
        if (!routes.isEmpty()) {
            Candidates c = get(key(prefix));
            Route[] old = c == null ? null : c.get(source.ordinal());
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
        Candidates c = get(key);
        int s = source.ordinal();
        if (routes.length == 0) {
            if (c == null || c.get(s) == null) {
                return;
            }
            c.set(s, null);
            if (c.isEmpty()) {
                table.remove(key);
            }
        } else {
            if (c == null) {
                c = new Candidates(prefix.network());
                table.put(key, c);
            }
            Route[] old = c.get(s);
            c.set(s, routes);
            if (Arrays.equals(routes, old)) {
                return;
            }
        }
        recompute(key, c.prefix);
    }

    /** Withdraws every route of {@code source} (a protocol stopping or a node crash). */
    public void withdrawAll(RouteSource source) {
        long[] touched = keysWhere(c -> c.get(source.ordinal()) != null);
        for (long k : touched) {
            Candidates c = get(k);
            if (c != null) {
                update(source, c.prefix, NONE);
            }
        }
    }

    /** Keys of the prefixes whose candidates match, in address order. */
    private long[] keysWhere(java.util.function.Predicate<Candidates> test) {
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
            Candidates c = table.valueAt(i);
            if (c != null && c.get(source.ordinal()) != null) {
                out.put(c.prefix, List.of(c.get(source.ordinal())));
            }
        }
        return out;
    }

    /** Re-selects the prefixes that have a candidate route through {@code itf} (it changed state). */
    public void recomputeVia(Interface itf) {
        long[] touched = keysWhere(c -> {
            for (int s = 0; s < SOURCES; s++) {
                Route[] routes = c.get(s);
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
            Candidates c = get(k);
            if (c != null) {
                recompute(k, c.prefix);
            }
        }
    }

    private void recompute(long key, Ipv4Prefix prefix) {
        Candidates c = get(key);
        int bestDistance = Integer.MAX_VALUE;
        long bestMetric = Long.MAX_VALUE;
        if (c != null) {
            for (int s = 0; s < SOURCES; s++) {
                Route[] routes = c.get(s);
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
            Route[] routes = c.get(s);
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
