package io.tunnelsim.scenario;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OverlayRouter;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the protocols of a topology and variant into built nodes: the sections of the registered
 * {@link ProtocolModule}s (configured tracks, OSPF, BFD and RIP), the routing a {@code routing:}
 * choice generates on the overlay (by the module whose {@link ProtocolModule#routingChoice()} it
 * is, RIP or OSPF) and what the modules add to it from the variant
 * ({@link ProtocolModule#installOnOverlay}: the IP SLA tracks of {@code routing: static}, BFD on
 * the generated OSPF tunnels), given the plan as an {@link OverlayRouter}.
 */
final class ProtocolInstaller {
    private ProtocolInstaller() {
    }

    static void install(RoutingPlan plan, TopologySpec spec, Network net, VariantSpec variant, List<String> notes) {
        for (NodeSpec ns : spec.nodes().values()) {
            Node n = net.node(ns.name());
            installModules(plan, ns, n, true);
            if (plan.overlay().containsKey(ns.name())) {
                generatedRouting(plan, spec, ns, n, variant, notes);
            }
            installModules(plan, ns, n, false);
        }
    }

    /**
     * Each registered module's section on the node, installed in registration order: those
     * {@linkplain ProtocolModule#installedBeforeGeneratedRouting() installed before} the
     * generated routing when {@code before}, the others after it; a routing choice (topology or
     * variant {@code routing:}) replaces the configured routing sections.
     */
    private static void installModules(RoutingPlan plan, NodeSpec ns, Node n, boolean before) {
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            Object section = ns.protocols().get(m.nodeKey());
            if (section != null && m.installedBeforeGeneratedRouting() == before
                    && !(m.replacedByRoutingChoice() && plan.routing() != RoutingProtocol.NONE)) {
                install(m, ns, section, n);
            }
        }
    }

    private static <S> void install(ProtocolModule<S> m, NodeSpec ns, Object section, Node n) {
        m.install(ns, m.sectionType().cast(section), n);
        for (ProtocolModule<?> other : ProtocolModules.all()) {
            other.installBeside(ns, section, n);
        }
    }

    // ------------------------------------------------------------------ generated routing

    /**
     * The routing the plan's choice generates on one overlay router: installed by each module
     * whose {@link ProtocolModule#routingChoice()} it is (RIP, OSPF; none for {@code static}), then
     * what every module adds to it from the variant ({@link ProtocolModule#installOnOverlay}: the
     * tracks of {@code routing: static}, BFD on the tunnels of a generated OSPF), registration order.
     */
    private static void generatedRouting(RoutingPlan plan, TopologySpec spec, NodeSpec ns, Node n, VariantSpec variant,
                                         List<String> notes) {
        List<RoutingPlan.OverlayEdge> edges = plan.overlay().get(ns.name());
        OverlayRouter router = new PlannedRouter(plan, spec, ns, edges, variant, notes);
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            if (m.routingChoice().equals(Optional.of(plan.routing()))) {
                m.installGenerated(router, n);
            }
        }
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            m.installOnOverlay(router, n);
        }
    }

    /** An overlay router as the plan sees it, for the module that generates its routing. */
    private record PlannedRouter(RoutingPlan plan, TopologySpec spec, NodeSpec node, List<RoutingPlan.OverlayEdge> edges,
                                 VariantSpec variant, List<String> notes) implements OverlayRouter {
        @Override
        public RoutingProtocol routing() {
            return plan.routing();
        }

        @Override
        public Map<Integer, TrackedTunnel> trackedTunnels() {
            Map<Integer, TrackedTunnel> out = new LinkedHashMap<>();
            for (var e : plan.generatedTracks(node.name()).entrySet()) {
                int far = NetworkBuilder.addressOf(spec, e.getValue().peer(), e.getValue().peerTunnel());
                out.put(e.getKey(), new TrackedTunnel(e.getValue().tunnel(), new Ipv4Address(far)));
            }
            return out;
        }

        @Override
        public List<Tunnel> tunnels() {
            return edges.stream().map(e -> new Tunnel(e.tunnel(), e.cost())).toList();
        }

        @Override
        public boolean isTransport(String iface) {
            return plan.isTransport(node, iface);
        }

        @Override
        public boolean reachesHost(InterfaceSpec iface) {
            return plan.reachesHost(node, iface);
        }

        @Override
        public boolean sharesSegmentWithRouter(String iface) {
            return plan.sharesSegmentWithRouter(node, iface);
        }

        @Override
        public <O> Optional<O> overrides(Class<O> type) {
            return variant == null ? Optional.empty() : variant.override(type);
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }
    }

}
