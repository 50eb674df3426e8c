package io.tunnelsim.scenario;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Network;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.statics.StaticRouteInstaller;
import io.tunnelsim.routing.statics.StaticRoutePlan;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.LinkSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.StaticRouteSpec;
import io.tunnelsim.topology.TopologySpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * What a variant's network-wide {@code routing:} switch means for one topology.
 *
 * <p>The <em>overlay</em> is the graph of routers joined by GRE tunnels whose two ends mirror
 * each other (my destination is your source). <em>Site prefixes</em> of a router are the
 * subnets of its Ethernet interfaces on links that reach a host, and its loopbacks. The
 * <em>transport</em> interfaces are the tunnels' source interfaces: dynamic routing never runs
 * on them (that would learn the tunnel destinations over the tunnels — recursive routing).
 * <ul>
 * <li>{@code none}: the topology as configured.</li>
 * <li>{@code static}: for every router of the overlay and every other router's site prefix, one
 *     static route per own tunnel, ordered by overlay path cost (tunnel cost, then name): the
 *     cheapest at distance 1, the next three floating at 250, 251, 252; tunnels without keepalives get
 *     the default keepalive (10 s × 3) as failure detector. With the variant's {@code bfd:} each
 *     route names the far tunnel address as next hop and is gated by a BFD session to it.</li>
 * <li>{@code rip} / {@code ospf}: the protocol on every overlay router's tunnels and LAN
 *     interfaces (passive where no other router is on the segment, and on loopbacks).</li>
 * </ul>
 * For every variant but {@code none}, configured static routes that point into a tunnel are
 * dropped (the variant replaces them); routes of the underlay stay.
 */
final class RoutingPlan {
    static final int FLOATING_DISTANCE = 250;
    /** Floating backups per prefix at most (the cheapest alternatives). */
    static final int MAX_BACKUPS = 3;

    /** A tunnel whose far end mirrors it. */
    record OverlayEdge(String router, String tunnel, String peer, String peerTunnel, long cost) {
    }

    private final TopologySpec spec;
    private final RoutingProtocol routing;
    private final boolean trackPrimaries;
    private final java.util.Optional<io.tunnelsim.routing.bfd.BfdTimers> bfd;
    /** Generated tracks: router → (track id → tunnel) for the static-with-IP-SLA variant. */
    private final Map<String, Map<Integer, OverlayEdge>> generatedTracks = new TreeMap<>();
    private final Map<String, List<OverlayEdge>> overlay = new TreeMap<>();

    RoutingPlan(TopologySpec spec, RoutingProtocol routing, boolean trackPrimaries) {
        this(spec, routing, trackPrimaries, java.util.Optional.empty());
    }

    RoutingPlan(TopologySpec spec, RoutingProtocol routing, boolean trackPrimaries,
                java.util.Optional<io.tunnelsim.routing.bfd.BfdTimers> bfd) {
        this.spec = spec;
        this.routing = routing;
        this.trackPrimaries = trackPrimaries && routing == RoutingProtocol.STATIC;
        this.bfd = bfd;
        buildOverlay();
    }

    /** The variant's BFD timers: BFD on every generated static route or OSPF tunnel interface. */
    java.util.Optional<io.tunnelsim.routing.bfd.BfdTimers> bfd() {
        return bfd;
    }

    RoutingProtocol routing() {
        return routing;
    }

    Map<String, List<OverlayEdge>> overlay() {
        return overlay;
    }

    private static long tunnelCost(InterfaceSpec t) {
        long bw = t.bandwidthBps() > 0 ? t.bandwidthBps() : 100_000L;
        return Math.max(1, 100_000_000L / bw);
    }

    private void buildOverlay() {
        Map<Integer, String[]> owners = new TreeMap<>();
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                i.address().ifPresent(a -> owners.put(a.address().bits(), new String[] {n.name(), i.name()}));
            }
        }
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec t : n.interfaces().values()) {
                if (t.tunnel().isEmpty()) {
                    continue;
                }
                var ts = t.tunnel().get();
                String[] far = owners.get(ts.destination().bits());
                if (far == null) {
                    continue;
                }
                int mySource = ts.sourceAddress().map(a -> a.bits())
                        .orElseGet(() -> NetworkBuilder.addressOf(spec, n.name(), ts.sourceInterface()));
                NodeSpec peer = spec.node(far[0]);
                for (InterfaceSpec pt : peer.interfaces().values()) {
                    if (pt.tunnel().isPresent() && pt.tunnel().get().destination().bits() == mySource) {
                        overlay.computeIfAbsent(n.name(), k -> new ArrayList<>())
                                .add(new OverlayEdge(n.name(), t.name(), peer.name(), pt.name(), tunnelCost(t)));
                        break;
                    }
                }
            }
        }
    }

    /** Tunnel names and source interfaces of a node: the interfaces dynamic routing stays off. */
    boolean isTransport(NodeSpec n, String iface) {
        for (InterfaceSpec t : n.interfaces().values()) {
            if (t.tunnel().isPresent() && iface.equals(t.tunnel().get().sourceInterface())) {
                return true;
            }
        }
        return false;
    }

    boolean isTunnel(NodeSpec n, String iface) {
        InterfaceSpec i = n.interfaces().get(iface);
        return i != null && i.kind() == InterfaceSpec.Kind.TUNNEL;
    }

    /** True when a variant replaces this configured static route (it points into a tunnel). */
    boolean replacesConfiguredRoute(NodeSpec n, StaticRouteSpec r) {
        if (routing == RoutingProtocol.NONE || !overlay.containsKey(n.name())) {
            return false;
        }
        if (r.iface().isPresent() && isTunnel(n, r.iface().get())) {
            return true;
        }
        if (r.via().isPresent()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                if (i.kind() == InterfaceSpec.Kind.TUNNEL && i.address().isPresent() && i.address().get().contains(r.via().get())) {
                    return true;
                }
            }
        }
        return false;
    }

    private final Map<String, List<Ipv4Prefix>> sitePrefixes = new java.util.HashMap<>();
    private Map<Endpoint, LinkSpec> linkByEndpoint;

    private java.util.Optional<LinkSpec> linkOf(Endpoint e) {
        if (linkByEndpoint == null) {
            linkByEndpoint = new java.util.HashMap<>();
            for (LinkSpec l : spec.links()) {
                for (Endpoint x : l.endpoints()) {
                    linkByEndpoint.putIfAbsent(x, l);
                }
            }
        }
        return java.util.Optional.ofNullable(linkByEndpoint.get(e));
    }

    /** Subnets of a router's LAN interfaces (links that reach a host) and loopbacks. */
    List<Ipv4Prefix> sitePrefixes(NodeSpec n) {
        return sitePrefixes.computeIfAbsent(n.name(), k -> computeSitePrefixes(n));
    }

    private List<Ipv4Prefix> computeSitePrefixes(NodeSpec n) {
        List<Ipv4Prefix> out = new ArrayList<>();
        for (InterfaceSpec i : n.interfaces().values()) {
            if (i.address().isEmpty()) {
                continue;
            }
            if (i.kind() == InterfaceSpec.Kind.LOOPBACK || (i.kind() == InterfaceSpec.Kind.ETHERNET && reachesHost(n, i))) {
                out.add(i.address().get().network());
            }
        }
        return out;
    }

    boolean reachesHost(NodeSpec n, InterfaceSpec i) {
        return linkOf(new Endpoint(n.name(), i.name())).map(l -> {
            for (Endpoint e : l.endpoints()) {
                NodeSpec other = spec.node(e.node());
                if (other != null && other.isHost()) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    /** Whether another overlay router shares the segment of {@code n:iface}. */
    boolean sharesSegmentWithRouter(NodeSpec n, String iface) {
        LinkSpec l = linkOf(new Endpoint(n.name(), iface)).orElse(null);
        if (l == null) {
            return false;
        }
        for (Endpoint e : l.endpoints()) {
            if (!e.node().equals(n.name()) && overlay.containsKey(e.node())) {
                return true;
            }
        }
        return false;
    }

    /** This plan as the static-route phase reads it ({@link StaticRouteInstaller}). */
    StaticRoutePlan staticRoutes() {
        return new StaticRoutePlan() {
            @Override
            public boolean replaces(NodeSpec node, StaticRouteSpec route) {
                return replacesConfiguredRoute(node, route);
            }

            @Override
            public List<StaticRoute> generated(String node, List<String> notes) {
                return generatedStatics(node, notes);
            }

            @Override
            public java.util.Optional<io.tunnelsim.routing.bfd.BfdTimers> bfd() {
                return bfd;
            }

            @Override
            public List<String> overlayTunnels(String node) {
                List<String> out = new ArrayList<>();
                for (OverlayEdge e : overlay.getOrDefault(node, List.of())) {
                    out.add(e.tunnel());
                }
                return out;
            }
        };
    }

    /** The static routes the {@code static} variant generates for {@code node}. */
    List<StaticRoute> generatedStatics(String node, List<String> notes) {
        if (routing != RoutingProtocol.STATIC || !overlay.containsKey(node)) {
            return List.of();
        }
        // distances from each tunnel's far end to every router, never passing through this node
        OverlayDistances graph = overlayDistances();
        List<OverlayEdge> edges = overlay.get(node);
        List<long[]> from = new ArrayList<>();
        for (OverlayEdge e : edges) {
            from.add(graph.from(e.peer(), node));
        }
        List<StaticRoute> out = new ArrayList<>();
        for (String dest : overlay.keySet()) {
            if (dest.equals(node)) {
                continue;
            }
            List<Ipv4Prefix> prefixes = sitePrefixes(spec.node(dest));
            if (prefixes.isEmpty()) {
                continue;
            }
            record Candidate(OverlayEdge edge, double cost) {
            }
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < edges.size(); i++) {
                OverlayEdge e = edges.get(i);
                int d = graph.index(dest);
                long rest = e.peer().equals(dest) ? 0 : d < 0 ? OverlayDistances.UNREACHABLE : from.get(i)[d];
                if (rest != OverlayDistances.UNREACHABLE) {
                    candidates.add(new Candidate(e, (double) (e.cost() + rest)));
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::cost).thenComparing(c -> c.edge().tunnel()));
            for (int k = 0; k < Math.min(candidates.size(), 1 + MAX_BACKUPS); k++) {
                int distance = k == 0 ? 1 : FLOATING_DISTANCE + k - 1;
                int track = 0;
                if (k == 0 && trackPrimaries) {
                    track = trackFor(node, candidates.get(k).edge());
                }
                OverlayEdge edge = candidates.get(k).edge();
                // with BFD the far tunnel address is the next hop: the session's peer
                int far = bfd.isPresent() ? NetworkBuilder.addressOf(spec, edge.peer(), edge.peerTunnel()) : 0;
                io.tunnelsim.addr.Ipv4Address nh = far != 0 ? new io.tunnelsim.addr.Ipv4Address(far) : null;
                for (Ipv4Prefix p : prefixes) {
                    out.add(new StaticRoute(p, nh, edge.tunnel(), distance, track));
                }
            }
        }
        notes.add(node + ": " + out.size() + " generated static routes over " + edges.size() + " tunnel(s)");
        return out;
    }

    private Graph<String, DefaultWeightedEdge> overlayGraph;
    private OverlayDistances overlayDistances;

    private OverlayDistances overlayDistances() {
        if (overlayDistances == null) {
            overlayDistances = new OverlayDistances(overlayGraph());
        }
        return overlayDistances;
    }

    /**
     * Shortest-path distances over the overlay with one router left out, on primitive arrays: the
     * same distances as Dijkstra over the jgrapht graph (tunnel costs are integers, so sums are
     * exact whatever the order), computed fast enough for every router of a 10 000-spoke network.
     */
    static final class OverlayDistances {
        static final long UNREACHABLE = Long.MAX_VALUE;
        private final Map<String, Integer> index = new java.util.HashMap<>();
        private final int[] start;
        private final int[] target;
        private final long[] weight;

        OverlayDistances(Graph<String, DefaultWeightedEdge> g) {
            List<String> vertices = new ArrayList<>(g.vertexSet());
            for (int i = 0; i < vertices.size(); i++) {
                index.put(vertices.get(i), i);
            }
            int n = vertices.size();
            start = new int[n + 1];
            int m = g.edgeSet().size();
            target = new int[m];
            weight = new long[m];
            int k = 0;
            for (int i = 0; i < n; i++) {
                start[i] = k;
                for (DefaultWeightedEdge e : g.outgoingEdgesOf(vertices.get(i))) {
                    target[k] = index.get(g.getEdgeTarget(e));
                    weight[k] = (long) g.getEdgeWeight(e);
                    k++;
                }
            }
            start[n] = k;
        }

        int index(String vertex) {
            Integer i = index.get(vertex);
            return i == null ? -1 : i;
        }

        /** Distances from {@code source} to every vertex (by {@link #index}), not passing {@code excluded}. */
        long[] from(String source, String excluded) {
            int n = start.length - 1;
            long[] dist = new long[n];
            java.util.Arrays.fill(dist, UNREACHABLE);
            int s = index(source);
            int x = index(excluded);
            if (s < 0 || s == x) {
                return dist;
            }
            // binary heap of (distance, vertex) with lazy deletion
            long[] hd = new long[Math.max(16, weight.length + 1)];
            int[] hv = new int[hd.length];
            int size = 0;
            dist[s] = 0;
            hd[0] = 0;
            hv[0] = s;
            size = 1;
            boolean[] done = new boolean[n];
            while (size > 0) {
                long d = hd[0];
                int v = hv[0];
                size--;
                if (size > 0) {
                    siftDown(hd, hv, size, hd[size], hv[size]);
                }
                if (done[v]) {
                    continue;
                }
                done[v] = true;
                for (int k = start[v]; k < start[v + 1]; k++) {
                    int t = target[k];
                    if (t == x || done[t]) {
                        continue;
                    }
                    long nd = d + weight[k];
                    if (nd < dist[t]) {
                        dist[t] = nd;
                        if (size == hd.length) {
                            hd = java.util.Arrays.copyOf(hd, size * 2);
                            hv = java.util.Arrays.copyOf(hv, size * 2);
                        }
                        int i = size++;
                        while (i > 0) {
                            int parent = (i - 1) >>> 1;
                            if (hd[parent] <= nd) {
                                break;
                            }
                            hd[i] = hd[parent];
                            hv[i] = hv[parent];
                            i = parent;
                        }
                        hd[i] = nd;
                        hv[i] = t;
                    }
                }
            }
            return dist;
        }

        private static void siftDown(long[] hd, int[] hv, int size, long d, int v) {
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && hd[c + 1] < hd[c]) {
                    c++;
                }
                if (hd[c] >= d) {
                    break;
                }
                hd[i] = hd[c];
                hv[i] = hv[c];
                i = c;
            }
            hd[i] = d;
            hv[i] = v;
        }
    }

    /** The overlay as a directed graph weighted by tunnel cost (built once). */
    private Graph<String, DefaultWeightedEdge> overlayGraph() {
        if (overlayGraph != null) {
            return overlayGraph;
        }
        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (var entry : overlay.entrySet()) {
            for (OverlayEdge e : entry.getValue()) {
                g.addVertex(e.router());
                g.addVertex(e.peer());
                DefaultWeightedEdge de = g.getEdge(e.router(), e.peer());
                if (de == null) {
                    de = g.addEdge(e.router(), e.peer());
                    g.setEdgeWeight(de, e.cost());
                } else if (g.getEdgeWeight(de) > e.cost()) {
                    g.setEdgeWeight(de, e.cost());
                }
            }
        }
        overlayGraph = g;
        return g;
    }

    private int trackFor(String node, OverlayEdge e) {
        Map<Integer, OverlayEdge> tracks = generatedTracks.computeIfAbsent(node, k -> new TreeMap<>());
        for (var t : tracks.entrySet()) {
            if (t.getValue().equals(e)) {
                return t.getKey();
            }
        }
        int id = 100 + tracks.size();
        tracks.put(id, e);
        return id;
    }

    /** Tracks the static-with-IP-SLA variant generated for {@code node}: id → tunnel edge. */
    Map<Integer, OverlayEdge> generatedTracks(String node) {
        return generatedTracks.getOrDefault(node, Map.of());
    }

    TopologySpec spec() {
        return spec;
    }

    /** Installs RIP/OSPF (configured per node or generated by the variant). */
    void installProtocols(Network net, VariantSpec variant, List<String> notes) {
        ProtocolInstaller.install(this, spec, net, variant, notes);
    }
}
