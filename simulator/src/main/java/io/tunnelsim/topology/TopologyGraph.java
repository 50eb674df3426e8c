package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.Multigraph;

import io.tunnelsim.addr.Ipv4Address;

/**
 * The topology as an undirected jgrapht multigraph: node names are vertices; each link is an
 * edge, and a LAN segment is one edge per pair of attached nodes. Offers spec-level sanity checks
 * that produce warnings, never errors.
 *
 * <p>Simplifications: reachability here ignores routing, interface state and addressing; it only
 * asks whether a wire path exists.
 */
public final class TopologyGraph {

    /** One link (or one node pair of a segment) between two nodes. */
    public record Edge(LinkSpec link, String a, String b) {
        /** Identity: each edge is its own (a multigraph), and hashing the whole link spec per lookup is slow. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private final TopologySpec spec;
    private final Graph<String, Edge> graph;
    /** Connected components, computed once on first use (the graph does not change). */
    private java.util.Map<String, Integer> component;

    public TopologyGraph(TopologySpec spec) {
        this.spec = spec;
        this.graph = new Multigraph<>(Edge.class);
        for (String n : spec.nodes().keySet()) {
            graph.addVertex(n);
        }
        for (LinkSpec l : spec.links()) {
            List<String> nodes = l.endpoints().stream().map(Endpoint::node).distinct()
                    .filter(graph::containsVertex).toList();
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    graph.addEdge(nodes.get(i), nodes.get(j), new Edge(l, nodes.get(i), nodes.get(j)));
                }
            }
        }
    }

    public Graph<String, Edge> graph() {
        return graph;
    }

    /** Whether a chain of links joins the two nodes. */
    public boolean connected(String a, String b) {
        if (!graph.containsVertex(a) || !graph.containsVertex(b)) {
            return false;
        }
        if (component == null) {
            // connectedSetOf() caches per vertex only, so one pass over the components instead
            component = new java.util.HashMap<>();
            int id = 0;
            for (Set<String> part : new ConnectivityInspector<>(graph).connectedSets()) {
                for (String v : part) {
                    component.put(v, id);
                }
                id++;
            }
        }
        return component.get(a).equals(component.get(b));
    }

    /** Runs all checks; warnings in file order. */
    public List<Diagnostic> check() {
        Diagnostics d = new Diagnostics();
        checkConnected(d);
        checkHostGateways(d);
        checkTunnelDestinations(d);
        return d.sorted();
    }

    private void checkConnected(Diagnostics d) {
        List<Set<String>> parts = new ArrayList<>(new ConnectivityInspector<>(graph).connectedSets());
        if (parts.size() <= 1) {
            return;
        }
        List<String> firsts = spec.nodes().keySet().stream().toList();
        parts.sort(Comparator.comparingInt(s -> s.stream().mapToInt(firsts::indexOf).min().orElse(0)));
        for (int i = 1; i < parts.size(); i++) {
            List<String> members = firsts.stream().filter(parts.get(i)::contains).toList();
            d.warning(spec.locations().of("nodes/" + members.get(0)), "nodes " + members
                    + " are not connected by any link to " + firsts.stream().filter(parts.get(0)::contains).toList());
        }
    }

    private void checkHostGateways(Diagnostics d) {
        for (NodeSpec n : spec.nodes().values()) {
            if (n.isHost() && n.interfaces().values().stream().noneMatch(i -> i.gateway().isPresent())) {
                d.warning(spec.locations().of("nodes/" + n.name()), "host '" + n.name()
                        + "' has no gateway; it can only reach its own subnets");
            }
        }
    }

    private void checkTunnelDestinations(Diagnostics d) {
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                if (i.tunnel().isEmpty() || i.tunnel().get().destination() == null) {
                    continue;
                }
                Ipv4Address dst = i.tunnel().get().destination();
                Location at = spec.locations().of("nodes/" + n.name() + "/interfaces/" + i.name() + "/tunnel/destination");
                Optional<String> owner = ownerOf(dst);
                if (owner.isEmpty()) {
                    d.warning(at, "tunnel destination " + dst + " of " + n.name() + ":" + i.name()
                            + " is not an address of any interface in the topology");
                } else if (!connected(n.name(), owner.get())) {
                    d.warning(at, "tunnel destination " + dst + " belongs to '" + owner.get()
                            + "', which no chain of links connects to '" + n.name() + "'");
                }
            }
        }
    }

    /** The node that has {@code a} as an interface address, if any. */
    public Optional<String> ownerOf(Ipv4Address a) {
        if (owners == null) {
            owners = new java.util.HashMap<>();
            for (NodeSpec n : spec.nodes().values()) {
                for (InterfaceSpec i : n.interfaces().values()) {
                    if (i.address().isPresent()) {
                        owners.putIfAbsent(i.address().get().address(), n.name());
                    }
                }
            }
        }
        return Optional.ofNullable(owners.get(a));
    }

    /** Interface address → owning node, built on first use (first owner in file order). */
    private java.util.Map<Ipv4Address, String> owners;
}
