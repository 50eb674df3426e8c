package io.tunnelsim.routing;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Static routes of one node, re-resolved whenever an interface or the FIB changes, the way a
 * router keeps a static route installed only while it is usable:
 * <ul>
 * <li>with an interface: installed while that interface is up (a route into a tunnel leaves
 *     the table while the tunnel's line protocol is down — keepalives make this a failover);</li>
 * <li>with a next hop only: resolved recursively through the FIB (never through itself);
 *     installed while the next hop resolves;</li>
 * <li>with a track object: installed only while the track is up ({@link #setTrackState});</li>
 * <li>gated (a BFD session to the next hop): installed only while the gate is open
 *     ({@link #setGate}).</li>
 * </ul>
 * A floating static is one with a distance above the primary route's.
 */
public final class StaticRouting implements NodeService {
    private static final int MAX_RECURSION = 4;

    private final Node node;
    private final List<StaticRoute> routes = new ArrayList<>();
    private final Map<Integer, Boolean> trackUp = new TreeMap<>();
    private boolean running;
    /** Routes resolved through the FIB (next hop only): only they need re-resolving on FIB changes. */
    private int recursive;
    private boolean resolving;
    private boolean dirty;
    private boolean dirtyAll;
    private Route[] resolved = new Route[0];
    /**
     * Every address the last resolution of the recursive routes looked up in the FIB (each
     * route's next hop and the next hops it recursed through), sorted as unsigned numbers with
     * the sign bit flipped. A longest match for an address depends only on the FIB entries that
     * contain it, so a FIB change for a prefix that contains none of these cannot change any
     * resolution, and is not re-resolved (a hub's FIB changes thousands of times while its
     * recursive routes' next hops sit in one underlay subnet).
     */
    private int[] watched = new int[0];
    private int[] looking = new int[8];
    private int lookingCount;
    /** The interface each interface route names, looked up once. */
    private Interface[] egress = new Interface[0];
    private final Map<Ipv4Prefix, List<Integer>> byPrefix = new TreeMap<>();
    /** Indices of the routes resolved through the FIB, in insertion order. */
    private final List<Integer> recursiveIndices = new ArrayList<>();
    /** Indices of the routes naming an interface, by interface name. */
    private final Map<String, List<Integer>> byInterface = new HashMap<>();

    public StaticRouting(Node node) {
        this.node = node;
        node.addFibListener((n, prefix, before, after) -> {
            if (running && recursive > 0 && watches(prefix)) {
                resolve(false);
            }
        });
    }

    public void add(StaticRoute r) {
        routes.add(r);
        byPrefix.computeIfAbsent(r.prefix().network(), k -> new ArrayList<>()).add(routes.size() - 1);
        int index = routes.size() - 1;
        if (r.interfaceName() == null) {
            recursive++;
            recursiveIndices.add(index);
        } else {
            byInterface.computeIfAbsent(r.interfaceName(), k -> new ArrayList<>()).add(index);
        }
        if (running) {
            resolve();
        }
    }

    private final java.util.IdentityHashMap<StaticRoute, Boolean> gates = new java.util.IdentityHashMap<>();

    /** Makes the added route {@code r} depend on a signal such as a BFD session; closed until opened. */
    public void gate(StaticRoute r) {
        gates.put(r, false);
        if (running) {
            resolve();
        }
    }

    /** Opens or closes the gate of {@code r} (see {@link #gate}). */
    public void setGate(StaticRoute r, boolean open) {
        Boolean old = gates.put(r, open);
        if (running && (old == null || old != open)) {
            resolve();
        }
    }

    public Node node() {
        return node;
    }

    public List<StaticRoute> routes() {
        return java.util.Collections.unmodifiableList(routes);
    }

    /** Called by the track object the routes refer to. */
    public void setTrackState(int track, boolean up) {
        trackUp.put(track, up);
        if (running) {
            resolve();
        }
    }

    @Override
    public void start() {
        running = true;
        resolve();
    }

    @Override
    public void stop() {
        running = false;
        java.util.Arrays.fill(resolved, null);
        node.rib().withdrawAll(RouteSource.STATIC);
    }

    /**
     * Only the routes that name {@code itf} and the recursive ones can change when {@code itf}
     * does: those are re-resolved (the same outcome as re-resolving all, without touching the
     * thousands of routes over other interfaces a generated hub carries).
     */
    @Override
    public void interfaceChanged(Interface itf) {
        if (running) {
            resolve(byInterface.getOrDefault(itf.name(), NONE));
        }
    }

    private static final List<Integer> NONE = List.of();

    /**
     * Recomputes the resolution of every static route ({@code all}) or of the recursive ones
     * only (after a FIB change), and offers the prefixes whose resolution changed to the RIB;
     * repeats while that changes the FIB again.
     */
    private void resolve() {
        resolve(true);
    }

    private void resolve(boolean all) {
        resolve(all ? null : NONE);
    }

    /**
     * Re-resolves the recursive routes and those at {@code interfaceRoutes}, or every route when
     * that is null; then, while the resulting RIB updates changed the FIB again, the recursive
     * routes (or all, if a nested request asked for all) once more.
     */
    private void resolve(List<Integer> interfaceRoutes) {
        boolean all = interfaceRoutes == null;
        if (resolving) {
            dirty = true;
            // a nested request for some interface routes is served by re-resolving all of them
            dirtyAll |= all || !interfaceRoutes.isEmpty();
            return;
        }
        resolving = true;
        try {
            int rounds = 0;
            boolean everything = all;
            List<Integer> extra = all ? NONE : interfaceRoutes;
            do {
                dirty = false;
                dirtyAll = false;
                if (resolved.length != routes.size()) {
                    resolved = java.util.Arrays.copyOf(resolved, routes.size());
                }
                java.util.TreeSet<Ipv4Prefix> changed = new java.util.TreeSet<>();
                lookingCount = 0; // every round re-resolves every recursive route, so it finds all addresses anew
                if (everything) {
                    for (int i = 0; i < routes.size(); i++) {
                        reresolve(i, changed);
                    }
                } else {
                    for (int i : extra) {
                        reresolve(i, changed);
                    }
                    for (int i : recursiveIndices) {
                        reresolve(i, changed);
                    }
                }
                extra = NONE;
                watched = java.util.Arrays.copyOf(looking, lookingCount);
                java.util.Arrays.sort(watched);
                lookingCount = 0;
                for (Ipv4Prefix p : changed) {
                    List<Route> offer = new ArrayList<>(2);
                    for (int i : byPrefix.get(p)) {
                        if (resolved[i] != null) {
                            offer.add(resolved[i]);
                        }
                    }
                    node.rib().update(RouteSource.STATIC, p, offer);
                }
                everything = dirtyAll;
            } while (dirty && ++rounds < 8);
        } finally {
            resolving = false;
        }
    }

    private void reresolve(int i, java.util.Set<Ipv4Prefix> changed) {
        StaticRoute s = routes.get(i);
        Route r = running ? resolveOne(i, s) : null;
        if (!java.util.Objects.equals(r, resolved[i])) {
            resolved[i] = r;
            changed.add(s.prefix().network());
        }
    }

    private Route resolveOne(int index, StaticRoute s) {
        if (s.track() != 0 && !trackUp.getOrDefault(s.track(), false)) {
            return null;
        }
        if (!gates.isEmpty() && Boolean.FALSE.equals(gates.get(s))) {
            return null;
        }
        if (s.interfaceName() != null) {
            if (egress.length != routes.size()) {
                egress = java.util.Arrays.copyOf(egress, routes.size());
            }
            // interfaces are never removed from a node: once found, the lookup is kept
            Interface itf = egress[index];
            if (itf == null) {
                itf = node.interfaceNamed(s.interfaceName());
                egress[index] = itf;
            }
            if (itf == null || !itf.isUp()) {
                return null;
            }
            int nh = s.nextHop() == null ? 0 : s.nextHop().bits();
            return new Route(s.prefix(), nh, itf, s.distance(), 0, RouteSource.STATIC);
        }
        int target = s.nextHop().bits();
        Ipv4Prefix self = s.prefix().network();
        for (int depth = 0; depth < MAX_RECURSION; depth++) {
            look(target);
            FibEntry e = lookupExcluding(target, self);
            if (e == null) {
                return null;
            }
            Route via = e.first();
            // target is the next hop resolved so far: the configured one, or the next hop of the
            // static route it recursed through (the configured one is not on the link then)
            if (via.source() == RouteSource.CONNECTED) {
                return new Route(s.prefix(), target, via.egress(), s.distance(), 0, RouteSource.STATIC);
            }
            if (!via.hasNextHop()) {
                return new Route(s.prefix(), target, via.egress(), s.distance(), 0, RouteSource.STATIC);
            }
            if (via.source() != RouteSource.STATIC) {
                return new Route(s.prefix(), via.nextHop(), via.egress(), s.distance(), 0, RouteSource.STATIC);
            }
            target = via.nextHop();
        }
        return null;
    }

    private void look(int address) {
        if (lookingCount == looking.length) {
            looking = java.util.Arrays.copyOf(looking, 2 * lookingCount);
        }
        looking[lookingCount++] = address ^ Integer.MIN_VALUE;
    }

    /** Whether {@code prefix} contains an address the recursive routes' resolution looked up. */
    private boolean watches(Ipv4Prefix prefix) {
        int low = prefix.networkBits() ^ Integer.MIN_VALUE;
        int i = java.util.Arrays.binarySearch(watched, low);
        if (i < 0) {
            i = -i - 1;
        }
        return i < watched.length && prefix.contains(watched[i] ^ Integer.MIN_VALUE);
    }

    /** Longest match for {@code dst} that is not the route being resolved. */
    private FibEntry lookupExcluding(int dst, Ipv4Prefix self) {
        FibEntry e = node.fib().lookup(dst);
        if (e == null || !e.prefix().equals(self)) {
            return e;
        }
        for (int len = self.length() - 1; len >= 0; len--) {
            FibEntry shorter = node.fib().get(new Ipv4Prefix(new io.tunnelsim.addr.Ipv4Address(dst), len).network());
            if (shorter != null) {
                return shorter;
            }
        }
        return null;
    }
}
