package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routing information base of one node. Each protocol offers its routes per prefix; the
 * RIB installs, per prefix, the eligible routes (egress interface up) with the lowest
 * administrative distance, then the lowest metric — several of them when they tie (equal-cost
 * multipath). Every resulting change reaches the {@link Fib} and the node's FIB listeners.
 */
public final class Rib {
    private final Node node;
    private final Fib fib = new Fib();
    private static final RouteSource[] SOURCES = RouteSource.values();
    /**
     * Per prefix, the routes each source offers: an array indexed by {@link RouteSource}
     * ordinal holding a {@code List<Route>} or null (32 bytes a prefix, where an EnumMap and its
     * views take about 90; a router of a large OSPF network holds thousands of prefixes).
     */
    private final TreeMap<Ipv4Prefix, Object[]> candidates = new TreeMap<>();

    @SuppressWarnings("unchecked")
    private static List<Route> offeredBy(Object[] bySource, int source) {
        return (List<Route>) bySource[source];
    }

    Rib(Node node) {
        this.node = node;
    }

    public Fib fib() {
        return fib;
    }

    /** Replaces all routes {@code source} offers for {@code prefix}; an empty list withdraws them. */
    public void update(RouteSource source, Ipv4Prefix prefix, List<Route> routes) {
        Ipv4Prefix key = prefix.network();
        Object[] bySource = candidates.get(key);
        int s = source.ordinal();
        if (routes.isEmpty()) {
            if (bySource == null || bySource[s] == null) {
                return;
            }
            bySource[s] = null;
            boolean empty = true;
            for (Object o : bySource) {
                empty &= o == null;
            }
            if (empty) {
                candidates.remove(key);
            }
        } else {
            if (bySource == null) {
                bySource = new Object[SOURCES.length];
                candidates.put(key, bySource);
            }
            Object old = bySource[s];
            bySource[s] = List.copyOf(routes);
            if (routes.equals(old)) {
                return;
            }
        }
        recompute(key);
    }

    /** Withdraws every route of {@code source} (a protocol stopping or a node crash). */
    public void withdrawAll(RouteSource source) {
        List<Ipv4Prefix> touched = new ArrayList<>();
        int s = source.ordinal();
        for (var e : candidates.entrySet()) {
            if (e.getValue()[s] != null) {
                touched.add(e.getKey());
            }
        }
        for (Ipv4Prefix p : touched) {
            update(source, p, List.of());
        }
    }

    /** Routes {@code source} currently offers, by prefix. */
    public Map<Ipv4Prefix, List<Route>> offered(RouteSource source) {
        TreeMap<Ipv4Prefix, List<Route>> out = new TreeMap<>();
        int s = source.ordinal();
        candidates.forEach((p, m) -> {
            List<Route> r = offeredBy(m, s);
            if (r != null) {
                out.put(p, r);
            }
        });
        return out;
    }

    /** Re-selects the prefixes that have a candidate route through {@code itf} (it changed state). */
    public void recomputeVia(Interface itf) {
        List<Ipv4Prefix> touched = null;
        for (var e : candidates.entrySet()) {
            Object[] bySource = e.getValue();
            found:
            for (int s = 0; s < bySource.length; s++) {
                List<Route> routes = offeredBy(bySource, s);
                if (routes == null) {
                    continue;
                }
                for (int i = 0; i < routes.size(); i++) {
                    if (routes.get(i).egress() == itf) {
                        if (touched == null) {
                            touched = new ArrayList<>();
                        }
                        touched.add(e.getKey());
                        break found;
                    }
                }
            }
        }
        if (touched != null) {
            for (Ipv4Prefix p : touched) {
                recompute(p);
            }
        }
    }

    private void recompute(Ipv4Prefix key) {
        Object[] bySource = candidates.get(key);
        List<Route> best = new ArrayList<>(2);
        if (bySource != null) {
            int bestDistance = Integer.MAX_VALUE;
            long bestMetric = Long.MAX_VALUE;
            for (int s = 0; s < bySource.length; s++) {
                List<Route> routes = offeredBy(bySource, s);
                if (routes == null) {
                    continue;
                }
                for (Route r : routes) {
                    if (!r.egress().isUp()) {
                        continue;
                    }
                    if (r.distance() < bestDistance || (r.distance() == bestDistance && r.metric() < bestMetric)) {
                        best.clear();
                        bestDistance = r.distance();
                        bestMetric = r.metric();
                        best.add(r);
                    } else if (r.distance() == bestDistance && r.metric() == bestMetric && !best.contains(r)) {
                        best.add(r);
                    }
                }
            }
        }
        FibEntry old = fib.get(key);
        if (best.isEmpty()) {
            if (old != null) {
                fib.remove(key);
                node.fibChanged(key, old, null);
            }
            return;
        }
        FibEntry e = new FibEntry(key, best.toArray(new Route[0]));
        if (e.sameAs(old)) {
            return;
        }
        fib.put(e);
        node.fibChanged(key, old, e);
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
