package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.PrefixPool;
import io.tunnelsim.wire.LsaBody;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.OspfNetworkLsa;
import io.tunnelsim.wire.OspfRouterLsa;
import io.tunnelsim.wire.OspfSummaryLsa;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The routing table calculation (RFC 2328 §16): per area, Dijkstra's algorithm over the
 * Router- and Network-LSAs with the two-way check of §16.1 (b), equal-cost multipath and the
 * next hops of §16.1.1; then the stub networks (§16.1 stage 2); then inter-area routes from
 * Summary-LSAs (§16.2) — from the backbone only on an area border router.
 *
 * <p>The candidate list is a binary heap ({@link PriorityQueue}) with lazy deletion; ties are
 * broken network vertices first (as §16.1 (d) suggests), then by vertex ID, so the result does
 * not depend on hash order.
 *
 * <p>Simplifications: no virtual links and no AS-external routes; an inter-area route is taken
 * from any reachable advertising router whose Router-LSA has the B bit.
 */
public final class Spf {

    /** A next hop: the outgoing OSPF interface and the neighbour's address (0: directly attached). */
    public record NextHop(OspfInterface iface, int address) {
        /** As the record's own equality, written out (compared for every route on every run). */
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof NextHop n && n.address == address
                    && java.util.Objects.equals(n.iface, iface);
        }

        @Override
        public String toString() {
            return (address == 0 ? "direct" : new Ipv4Address(address).toString()) + " " + iface.itf().displayName();
        }
    }

    /**
     * One routing table entry.
     *
     * @param intraArea true for an intra-area path, false for inter-area
     * @param area the area the path was computed in
     * @param connected the prefix is attached to this router (not installed; only advertised in summaries)
     */
    public record RouteEntry(Ipv4Prefix prefix, long cost, boolean intraArea, Ipv4Address area, boolean connected,
                             List<NextHop> nextHops) {
        /** As the record's own equality, written out (each entry is compared with the previous run's). */
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof RouteEntry r && r.cost == cost && r.intraArea == intraArea
                    && r.connected == connected && r.prefix.equals(prefix) && r.area.equals(area)
                    && sameHops(r.nextHops, nextHops);
        }

        /** List equality by index: the lists are small and random-access, and no iterator is made. */
        static boolean sameHops(List<NextHop> a, List<NextHop> b) {
            if (a == b) {
                return true;
            }
            int n = a.size();
            if (n != b.size()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Vertex {
        final boolean network;
        final int id;
        final Lsdb.Entry entry;
        long dist = Long.MAX_VALUE;
        boolean inTree;
        boolean attachedToRoot;
        /** Mutable while the vertex is a candidate; an immutable list once it is in the tree. */
        List<NextHop> nextHops = new ArrayList<>(2);
        /**
         * For a router with many links (a hub), the link IDs of its point-to-point links and of
         * its transit links as open-addressing sets, built on the first two-way check: each of
         * its neighbours checks that it links back, which would otherwise scan every link.
         */
        int[] p2pLinks;
        int[] transitLinks;

        Vertex(boolean network, int id, Lsdb.Entry entry) {
            this.network = network;
            this.id = id;
            this.entry = entry;
        }
    }

    private record Candidate(long dist, Vertex v) {
    }

    /**
     * Vertices by ID: open addressing over an int array, no boxing (a calculation looks up
     * every link of every Router-LSA in the area). Sized once for the database.
     */
    static final class VertexMap {
        private final int[] keys;
        private final Vertex[] values;
        private final int mask;

        VertexMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new int[cap];
            values = new Vertex[cap];
            mask = cap - 1;
        }

        private static int slot(int key) {
            int h = key * 0x9E37_79B9;
            return h ^ (h >>> 16);
        }

        Vertex get(int key) {
            for (int i = slot(key) & mask; ; i = (i + 1) & mask) {
                Vertex v = values[i];
                if (v == null || keys[i] == key) {
                    return v;
                }
            }
        }

        void put(int key, Vertex v) {
            int i = slot(key) & mask;
            while (values[i] != null && keys[i] != key) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = v;
        }
    }

    private Spf() {
    }

    /** Area SPF results kept for the inter-area step. */
    private record AreaResult(OspfArea area, VertexMap routers) {
    }

    /**
     * The routing table, in prefix order. It is assembled in a hash map (thousands of lookups
     * and insertions per calculation in a large area) and sorted once at the end.
     */
    static RoutingTable calculate(OspfProcess p, Collection<OspfArea> areas) {
        RoutingTable previous = p.table();
        int expected = Math.max(16, previous.count());
        HashMap<Ipv4Prefix, RouteEntry> table = new HashMap<>(expected + expected / 2 + 1);
        // one instance per distinct next-hop list: a router has few (a spoke: hub 1, hub 2, both),
        // and every entry through the same hops holds the same list
        Map<List<NextHop>, List<NextHop>> hops = new HashMap<>();
        List<AreaResult> results = new ArrayList<>();
        for (OspfArea a : areas) {
            results.add(new AreaResult(a, intraArea(p, a, table, hops)));
        }
        boolean abr = p.isAbr();
        boolean hasBackbone = false;
        for (OspfArea a : areas) {
            hasBackbone |= a.isBackbone() && a.isActive();
        }
        for (AreaResult r : results) {
            if (abr && hasBackbone && !r.area.isBackbone()) {
                continue;
            }
            interArea(p, r, table, hops);
        }
        RouteEntry[] ordered = new RouteEntry[table.size()];
        if (table.size() == previous.count()) {
            // the usual case once the area is known: the same prefixes, already in order
            int i = 0;
            for (; i < ordered.length; i++) {
                RouteEntry o = previous.at(i);
                RouteEntry r = table.get(o.prefix());
                if (r == null) {
                    break;
                }
                // an unchanged entry keeps the previous run's objects, which the RIB holds too
                ordered[i] = r.equals(o) ? o : r;
            }
            if (i == ordered.length) {
                return new RoutingTable(ordered);
            }
        }
        RouteEntry[] sorted = table.values().toArray(new RouteEntry[0]);
        Arrays.sort(sorted, (a, b) -> a.prefix().compareTo(b.prefix()));
        for (int i = 0; i < sorted.length; i++) {
            RouteEntry r = sorted[i];
            RouteEntry o = previous.get(r.prefix());
            ordered[i] = r.equals(o) ? o : r;
        }
        return new RoutingTable(ordered);
    }

    /** The area's vertices by ID: its Router-LSAs and (one per link state ID) its Network-LSAs. */
    private record Graph(VertexMap routers, VertexMap networks) {
    }

    /** The candidate list (§16.1 step 2 (d)): closest first; at equal distance networks before routers. */
    private static final Comparator<Candidate> CLOSEST_FIRST = (a, b) -> {
        int c = Long.compare(a.dist, b.dist);
        if (c != 0) {
            return c;
        }
        if (a.v.network != b.v.network) {
            return a.v.network ? -1 : 1;
        }
        return Integer.compareUnsigned(a.v.id, b.v.id);
    };

    /**
     * The intra-area calculation of §16.1: the shortest-path tree (steps 1 to 3), transit
     * networks as routes (step 4), then stub networks (stage 2). Returns the area's routers,
     * each with its distance and next hops, for the inter-area step.
     */
    private static VertexMap intraArea(OspfProcess p, OspfArea area, Map<Ipv4Prefix, RouteEntry> table,
                                       Map<List<NextHop>, List<NextHop>> hops) {
        Graph g = vertices(area.lsdb(), p.now());
        Vertex root = g.routers.get(p.routerId().bits());
        if (root == null) {
            return g.routers;
        }
        // Step 1: the tree holds the root alone.
        root.dist = 0;
        PriorityQueue<Candidate> heap = new PriorityQueue<>(CLOSEST_FIRST);
        heap.add(new Candidate(0, root));
        List<Vertex> treeRouters = new ArrayList<>();
        List<Vertex> treeNetworks = new ArrayList<>();
        for (Vertex v = nextVertex(heap, hops); v != null; v = nextVertex(heap, hops)) {
            if (v.network) {
                treeNetworks.add(v);
                examineNetwork(v, g, heap);
            } else {
                treeRouters.add(v);
                examineRouter(p, v, root, g, heap);
            }
        }
        Ipv4Address areaId = area.id();
        Set<Ipv4Prefix> own = new HashSet<>();
        PrefixPool prefixes = p.node().network().prefixes();
        transitNetworkRoutes(prefixes, treeNetworks, areaId, own, table, hops);
        stubNetworkRoutes(prefixes, treeRouters, root, areaId, own, table, hops);
        markConnected(own, table);
        return g.routers;
    }

    /**
     * The vertices of the calculation: every Router- and Network-LSA that is not MaxAge; of two
     * Network-LSAs for one network, the one of the higher advertising router.
     */
    private static Graph vertices(Lsdb lsdb, long now) {
        int lsas = lsdb.size();
        VertexMap routers = new VertexMap(lsas);
        VertexMap networks = new VertexMap(lsas);
        for (Lsdb.Entry e : lsdb.entries()) {
            if (e.isMaxAge(now)) {
                continue;
            }
            int t = e.key.type();
            if (t == LsaHeader.ROUTER) {
                routers.put(e.key.linkStateIdBits(), new Vertex(false, e.key.linkStateIdBits(), e));
            } else if (t == LsaHeader.NETWORK) {
                Vertex prev = networks.get(e.key.linkStateIdBits());
                if (prev == null || prev.entry.key.advertisingRouter().compareTo(e.key.advertisingRouter()) < 0) {
                    networks.put(e.key.linkStateIdBits(), new Vertex(true, e.key.linkStateIdBits(), e));
                }
            }
        }
        return new Graph(routers, networks);
    }

    /**
     * Step 3: the closest candidate joins the tree, or null when the list is empty. Entries left
     * behind by a shorter path found later are skipped.
     */
    private static Vertex nextVertex(PriorityQueue<Candidate> heap, Map<List<NextHop>, List<NextHop>> hops) {
        while (!heap.isEmpty()) {
            Candidate c = heap.poll();
            Vertex v = c.v;
            if (v.inTree || c.dist != v.dist) {
                continue;
            }
            v.inTree = true;
            // final from here on (only vertices outside the tree are relaxed): one immutable
            // list, shared by every route through this vertex
            v.nextHops = canonical(hops, v.nextHops);
            return v;
        }
        return null;
    }

    /** Step 2 for a network vertex: each attached router that links back, at no cost. */
    private static void examineNetwork(Vertex v, Graph g, PriorityQueue<Candidate> heap) {
        OspfNetworkLsa n = (OspfNetworkLsa) v.entry.lsa.body();
        for (Ipv4Address rid : n.attachedRouters()) {
            Vertex w = g.routers.get(rid.bits());
            if (w == null || w.inTree || !linksBack(w, v)) {
                continue;
            }
            relax(v, w, 0, nextHopsViaNetwork(v, w), heap);
        }
    }

    /**
     * Step 2 for a router vertex: each point-to-point or transit link whose far end links back.
     * The root's links give the first next hops (§16.1.1): the interface, and on a
     * point-to-point link the neighbour's address.
     */
    private static void examineRouter(OspfProcess p, Vertex v, Vertex root, Graph g, PriorityQueue<Candidate> heap) {
        OspfRouterLsa r = (OspfRouterLsa) v.entry.lsa.body();
        for (OspfRouterLsa.Link l : r.links()) {
            Vertex w;
            if (l.type() == OspfRouterLsa.POINT_TO_POINT) {
                w = g.routers.get(l.linkId().bits());
            } else if (l.type() == OspfRouterLsa.TRANSIT) {
                w = g.networks.get(l.linkId().bits());
            } else {
                continue;
            }
            if (w == null || w.inTree || !linksBack(w, v)) {
                continue;
            }
            List<NextHop> nh;
            if (v == root) {
                OspfInterface oi = p.interfaceByAddress(l.linkData().bits());
                if (oi == null) {
                    continue;
                }
                if (w.network) {
                    nh = List.of(new NextHop(oi, 0));
                } else {
                    OspfNeighbor nbr = oi.neighborByRouterId(w.id);
                    nh = List.of(new NextHop(oi, nbr == null ? 0 : nbr.address()));
                }
            } else {
                nh = v.nextHops;
            }
            boolean improved = relax(v, w, l.metric(), nh, heap);
            if (improved && v == root && w.network) {
                w.attachedToRoot = true;
            }
        }
    }

    /** Step 4: each transit network in the tree is a route; one attached to the root is this router's own. */
    private static void transitNetworkRoutes(PrefixPool prefixes, List<Vertex> treeNetworks, Ipv4Address areaId, Set<Ipv4Prefix> own,
                                             Map<Ipv4Prefix, RouteEntry> table, Map<List<NextHop>, List<NextHop>> hops) {
        for (Vertex v : treeNetworks) {
            OspfNetworkLsa n = (OspfNetworkLsa) v.entry.lsa.body();
            Ipv4Prefix prefix = prefixOf(prefixes, v.id, n.networkMask().bits());
            if (v.attachedToRoot) {
                own.add(prefix);
            }
            addIntra(table, prefix, v.dist, areaId, v.attachedToRoot, v.nextHops, hops);
        }
    }

    /** Stage 2: the stub links of the routers in the tree; the root's own stubs are connected. */
    private static void stubNetworkRoutes(PrefixPool prefixes, List<Vertex> treeRouters, Vertex root, Ipv4Address areaId,
                                          Set<Ipv4Prefix> own, Map<Ipv4Prefix, RouteEntry> table,
                                          Map<List<NextHop>, List<NextHop>> hops) {
        for (Vertex v : treeRouters) {
            OspfRouterLsa r = (OspfRouterLsa) v.entry.lsa.body();
            for (OspfRouterLsa.Link l : r.links()) {
                if (l.type() != OspfRouterLsa.STUB) {
                    continue;
                }
                Ipv4Prefix prefix = prefixOf(prefixes, l.linkId().bits(), l.linkData().bits());
                if (v == root) {
                    own.add(prefix);
                    addIntra(table, prefix, l.metric(), areaId, true, List.of(), hops);
                } else {
                    addIntra(table, prefix, v.dist + l.metric(), areaId, false, v.nextHops, hops);
                }
            }
        }
    }

    /** A prefix attached to this router is connected whatever else advertises it. */
    private static void markConnected(Set<Ipv4Prefix> own, Map<Ipv4Prefix, RouteEntry> table) {
        for (Ipv4Prefix prefix : own) {
            RouteEntry e = table.get(prefix);
            if (e != null && !e.connected()) {
                table.put(prefix, new RouteEntry(prefix, e.cost(), true, e.area(), true, List.of()));
            }
        }
    }

    /**
     * The network's shared prefix for an address and mask: every router of the domain computes
     * every prefix on every run, and the routing tables, RIBs and FIBs then hold one object each.
     */
    private static Ipv4Prefix prefixOf(PrefixPool prefixes, int address, int mask) {
        return prefixes.get(address, Integer.bitCount(mask));
    }

    private static void addIntra(Map<Ipv4Prefix, RouteEntry> table, Ipv4Prefix prefix, long cost, Ipv4Address area,
                                 boolean connected, List<NextHop> nh, Map<List<NextHop>, List<NextHop>> hops) {
        RouteEntry e = table.get(prefix);
        if (e == null || e.cost() > cost || (connected && !e.connected())) {
            table.put(prefix, new RouteEntry(prefix, cost, true, area, connected, List.copyOf(nh)));
        } else if (e.cost() == cost && !e.connected() && !connected) {
            table.put(prefix, new RouteEntry(prefix, cost, true, e.area(), false, merge(e.nextHops(), nh, hops)));
        }
    }

    /** The one immutable list equal to {@code list} in this calculation. */
    private static List<NextHop> canonical(Map<List<NextHop>, List<NextHop>> hops, List<NextHop> list) {
        List<NextHop> c = hops.get(list);
        if (c == null) {
            c = List.copyOf(list);
            hops.put(c, c);
        }
        return c;
    }

    private static List<NextHop> merge(List<NextHop> a, List<NextHop> b, Map<List<NextHop>, List<NextHop>> hops) {
        List<NextHop> m = new ArrayList<>(a);
        for (NextHop h : b) {
            if (!m.contains(h)) {
                m.add(h);
            }
        }
        return canonical(hops, m);
    }

    /** §16.1 (d): a shorter path replaces the next hops, an equal one adds to them. */
    private static boolean relax(Vertex v, Vertex w, int cost, List<NextHop> nh, PriorityQueue<Candidate> heap) {
        long d = v.dist + cost;
        if (d < w.dist) {
            w.dist = d;
            w.nextHops = new ArrayList<>(nh);
            w.attachedToRoot = false;
            heap.add(new Candidate(d, w));
            return true;
        }
        if (d == w.dist) {
            for (NextHop h : nh) {
                if (!w.nextHops.contains(h)) {
                    w.nextHops.add(h);
                }
            }
        }
        return false;
    }

    /** §16.1.1: a router reached through a network attached to the root gets the router's address there. */
    private static List<NextHop> nextHopsViaNetwork(Vertex net, Vertex w) {
        if (!net.attachedToRoot) {
            return net.nextHops;
        }
        OspfRouterLsa r = (OspfRouterLsa) w.entry.lsa.body();
        List<NextHop> out = new ArrayList<>(1);
        for (NextHop via : net.nextHops) {
            for (OspfRouterLsa.Link l : r.links()) {
                if (l.type() == OspfRouterLsa.TRANSIT && l.linkId().bits() == net.id) {
                    out.add(new NextHop(via.iface(), l.linkData().bits()));
                    break;
                }
            }
        }
        return out;
    }

    /** §16.1 (b): W must link back to V. */
    private static boolean linksBack(Vertex w, Vertex v) {
        LsaBody b = w.entry.lsa.body();
        if (w.network) {
            if (v.network) {
                return false;
            }
            for (Ipv4Address a : ((OspfNetworkLsa) b).attachedRouters()) {
                if (a.bits() == v.id) {
                    return true;
                }
            }
            return false;
        }
        List<OspfRouterLsa.Link> links = ((OspfRouterLsa) b).links();
        if (links.size() > MANY_LINKS) {
            if (w.p2pLinks == null) {
                w.p2pLinks = linkIdSet(links, OspfRouterLsa.POINT_TO_POINT);
                w.transitLinks = linkIdSet(links, OspfRouterLsa.TRANSIT);
            }
            return contains(v.network ? w.transitLinks : w.p2pLinks, v.id);
        }
        for (OspfRouterLsa.Link l : links) {
            if (l.linkId().bits() != v.id) {
                continue;
            }
            if (v.network ? l.type() == OspfRouterLsa.TRANSIT : l.type() == OspfRouterLsa.POINT_TO_POINT) {
                return true;
            }
        }
        return false;
    }

    /** Above this many links a router's two-way checks use a set of its link IDs instead of a scan. */
    private static final int MANY_LINKS = 16;

    /**
     * The link IDs of {@code links} of the given type: an open-addressing set, slot 0 holding
     * how many IDs are 0 (a value that cannot mark free slots), slots 1.. the table, 0 = free.
     */
    private static int[] linkIdSet(List<OspfRouterLsa.Link> links, int type) {
        int n = 0;
        for (OspfRouterLsa.Link l : links) {
            if (l.type() == type) {
                n++;
            }
        }
        int cap = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        int[] set = new int[cap + 1];
        for (OspfRouterLsa.Link l : links) {
            if (l.type() != type) {
                continue;
            }
            int id = l.linkId().bits();
            if (id == 0) {
                set[0] = 1;
                continue;
            }
            int m = cap - 1;
            int i = VertexMap.slot(id) & m;
            while (set[1 + i] != 0 && set[1 + i] != id) {
                i = (i + 1) & m;
            }
            set[1 + i] = id;
        }
        return set;
    }

    private static boolean contains(int[] set, int id) {
        if (id == 0) {
            return set[0] != 0;
        }
        int m = set.length - 2;
        for (int i = VertexMap.slot(id) & m; ; i = (i + 1) & m) {
            int k = set[1 + i];
            if (k == id) {
                return true;
            }
            if (k == 0) {
                return false;
            }
        }
    }

    /** §16.2: inter-area routes from the area's Summary-LSAs. */
    private static void interArea(OspfProcess p, AreaResult r, Map<Ipv4Prefix, RouteEntry> table,
                                  Map<List<NextHop>, List<NextHop>> hops) {
        long now = p.now();
        int me = p.routerId().bits();
        List<Lsdb.Entry> summaries = new ArrayList<>();
        for (Lsdb.Entry e : r.area.lsdb().entries()) {
            if (e.key.type() == LsaHeader.SUMMARY_NETWORK) {
                summaries.add(e);
            }
        }
        summaries.sort((a, b) -> a.key.compareTo(b.key));
        for (Lsdb.Entry e : summaries) {
            if (e.isMaxAge(now) || e.key.advertisingRouterBits() == me) {
                continue;
            }
            OspfSummaryLsa s = (OspfSummaryLsa) e.lsa.body();
            if (s.metric() >= OspfSummaryLsa.LS_INFINITY) {
                continue;
            }
            Vertex br = r.routers.get(e.key.advertisingRouterBits());
            if (br == null || !br.inTree || !((OspfRouterLsa) br.entry.lsa.body()).areaBorderRouter()) {
                continue;
            }
            Ipv4Prefix prefix = prefixOf(p.node().network().prefixes(), e.key.linkStateIdBits(), s.networkMask().bits());
            RouteEntry cur = table.get(prefix);
            if (cur != null && cur.intraArea()) {
                continue;
            }
            long cost = br.dist + s.metric();
            if (cur == null || cur.cost() > cost) {
                table.put(prefix, new RouteEntry(prefix, cost, false, r.area.id(), false, List.copyOf(br.nextHops)));
            } else if (cur.cost() == cost) {
                table.put(prefix, new RouteEntry(prefix, cost, false, cur.area(), false, merge(cur.nextHops(),
                        br.nextHops, hops)));
            }
        }
    }
}
