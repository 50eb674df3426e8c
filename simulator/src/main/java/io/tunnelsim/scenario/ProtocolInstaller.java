package io.tunnelsim.scenario;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.track.IpSla;
import io.tunnelsim.routing.track.IpSlaConfig;
import io.tunnelsim.routing.track.Track;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OverlayRouter;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the protocols of a topology and variant into built nodes: the sections of the registered
 * {@link ProtocolModule}s (configured tracks, OSPF, BFD and RIP), the routing a {@code routing:}
 * choice generates on the overlay (by the module whose {@link ProtocolModule#routingChoice()} it
 * is, RIP or OSPF, with BFD on the generated OSPF tunnels when the variant asks for it) and the IP
 * SLA operations and track objects of {@code routing: static}.
 */
final class ProtocolInstaller {
    private ProtocolInstaller() {
    }

    static void install(RoutingPlan plan, TopologySpec spec, Network net, VariantSpec variant, List<String> notes) {
        for (NodeSpec ns : spec.nodes().values()) {
            Node n = net.node(ns.name());
            installModules(plan, ns, n, true);
            generatedTracks(ns, n, plan, variant, spec, notes);
            if (plan.overlay().containsKey(ns.name())) {
                generatedRouting(plan, ns, n, variant, notes);
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
        if (section instanceof io.tunnelsim.routing.ospf.OspfSpec o) {
            // ip ospf bfd: OSPF is a client of BFD, wired here so neither package depends on the other's installer
            for (io.tunnelsim.routing.ospf.OspfInterfaceSpec i : o.interfaces().values()) {
                if (i.bfd()) {
                    io.tunnelsim.routing.bfd.BfdOspfClient.enable(n.service(io.tunnelsim.routing.ospf.OspfProcess.class),
                            i.name());
                }
            }
        }
    }

    // ------------------------------------------------------------------ generated RIP and OSPF

    /**
     * The routing the plan's choice generates on one overlay router: installed by each module
     * whose {@link ProtocolModule#routingChoice()} it is; with {@code routing: ospf} and the
     * variant's {@code bfd:}, BFD on every overlay tunnel as the OSPF process's neighbour-loss
     * detector (wired here, as for configured sections, so neither module depends on the other).
     */
    private static void generatedRouting(RoutingPlan plan, NodeSpec ns, Node n, VariantSpec variant, List<String> notes) {
        List<RoutingPlan.OverlayEdge> edges = plan.overlay().get(ns.name());
        OverlayRouter router = new PlannedRouter(plan, ns, edges, variant, notes);
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            if (m.routingChoice().equals(Optional.of(plan.routing()))) {
                m.installGenerated(router, n);
            }
        }
        if (plan.routing() == io.tunnelsim.routing.ospf.OspfModule.CHOICE && plan.bfd().isPresent()) {
            io.tunnelsim.routing.bfd.BfdService bfd = io.tunnelsim.routing.bfd.BfdService.of(n);
            io.tunnelsim.routing.ospf.OspfProcess process = n.service(io.tunnelsim.routing.ospf.OspfProcess.class);
            for (var e : edges) {
                bfd.setInterfaceTimers(e.tunnel(), plan.bfd().get());
                io.tunnelsim.routing.bfd.BfdOspfClient.enable(process, e.tunnel());
                notes.add(ns.name() + ": ip ospf bfd on " + e.tunnel() + " ("
                        + io.tunnelsim.sim.SimTime.formatShort(plan.bfd().get().desiredMinTx()) + " x "
                        + plan.bfd().get().detectMult() + ")");
            }
        }
    }

    /** An overlay router as the plan sees it, for the module that generates its routing. */
    private record PlannedRouter(RoutingPlan plan, NodeSpec node, List<RoutingPlan.OverlayEdge> edges, VariantSpec variant,
                                 List<String> notes) implements OverlayRouter {
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

    // ------------------------------------------------------------------ generated IP SLA and tracks

    /** The IP SLA operations and tracks a {@code routing: static} choice generates on the overlay. */
    private static void generatedTracks(NodeSpec ns, Node n, RoutingPlan plan, VariantSpec variant, TopologySpec spec,
                                        List<String> notes) {
        Map<Integer, RoutingPlan.OverlayEdge> generated = plan.generatedTracks(ns.name());
        if (generated.isEmpty()) {
            return;
        }
        var o = variant.track().orElseThrow();
        long frequency = o.frequencyNs().orElse(IpSlaConfig.DEFAULT_FREQUENCY);
        long timeout = o.timeoutNs().orElse(Math.min(IpSlaConfig.DEFAULT_TIMEOUT, frequency));
        for (var e : generated.entrySet()) {
            int far = NetworkBuilder.addressOf(spec, e.getValue().peer(), e.getValue().peerTunnel());
            IpSlaConfig c = IpSlaConfig.icmpEcho(e.getKey(), new Ipv4Address(far)).withSourceInterface(e.getValue().tunnel())
                    .withTimers(frequency, timeout);
            Track.create(n, e.getKey(), IpSla.create(n, c), 0, 0);
            notes.add(ns.name() + ": track " + e.getKey() + " ip sla icmp-echo " + new Ipv4Address(far) + " via "
                    + e.getValue().tunnel() + " every " + io.tunnelsim.sim.SimTime.formatShort(frequency));
        }
    }
}
