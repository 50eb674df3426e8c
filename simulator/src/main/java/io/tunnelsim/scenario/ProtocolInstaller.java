package io.tunnelsim.scenario;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.rip.RipConfig;
import io.tunnelsim.routing.rip.RipInstaller;
import io.tunnelsim.routing.rip.RipProcess;
import io.tunnelsim.routing.rip.RipSpec;
import io.tunnelsim.routing.track.IpSla;
import io.tunnelsim.routing.track.IpSlaConfig;
import io.tunnelsim.routing.track.Track;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;
import java.util.List;
import java.util.Map;

/**
 * Wires the protocols of a topology and variant into built nodes: the RIP and OSPF a
 * {@code routing:} choice generates on the overlay with its IP SLA operations and track objects,
 * and the sections of the registered {@link ProtocolModule}s (configured tracks, OSPF, BFD and
 * RIP).
 */
final class ProtocolInstaller {
    private ProtocolInstaller() {
    }

    static void install(RoutingPlan plan, TopologySpec spec, Network net, VariantSpec variant, List<String> notes) {
        for (NodeSpec ns : spec.nodes().values()) {
            Node n = net.node(ns.name());
            installModules(plan, ns, n, true);
            generatedTracks(ns, n, plan, variant, spec, notes);
            boolean overlayRouter = plan.overlay().containsKey(ns.name());
            if (plan.routing() == RoutingProtocol.RIP && overlayRouter) {
                generatedRip(plan, ns, n, variant, notes);
            }
            if (plan.routing() == RoutingProtocol.OSPF && overlayRouter) {
                OspfOverlay.generated(plan, ns, n, variant, notes);
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

    // ------------------------------------------------------------------ RIP

    /** The runtime configuration of the generated RIP: {@code timers} with the variant's overrides. */
    static RipConfig ripConfig(RipSpec.Timers timers, RipSpec.SplitHorizon sh, boolean originate, VariantSpec variant) {
        if (variant != null && variant.rip().isPresent()) {
            timers = VariantStep.ripTimers(timers, variant.rip().get());
        }
        return RipInstaller.config(timers, sh, originate);
    }

    /**
     * RIP on every tunnel and LAN interface of an overlay router; tunnels dearer than the
     * router's cheapest get a receive offset of 1 so the backup is not an equal-cost path.
     */
    private static void generatedRip(RoutingPlan plan, NodeSpec ns, Node n, VariantSpec variant, List<String> notes) {
        var configured = ns.protocol(RipSpec.class);
        RipSpec.Timers timers = configured.map(RipSpec::timers).orElse(RipSpec.Timers.DEFAULT);
        RipSpec.SplitHorizon sh = configured.map(RipSpec::splitHorizon).orElse(RipSpec.SplitHorizon.SIMPLE);
        RipProcess rip = RipProcess.create(n, ripConfig(timers, sh, false, variant)
                .withRequestOnLoss(configured.map(RipSpec::requestOnLoss).orElse(false))
                .withMaxPaths(configured.map(RipSpec::maximumPaths).orElse(RipSpec.DEFAULT_MAXIMUM_PATHS)));
        long cheapest = Long.MAX_VALUE;
        for (var e : plan.overlay().get(ns.name())) {
            cheapest = Math.min(cheapest, e.cost());
        }
        for (var e : plan.overlay().get(ns.name())) {
            int offset = e.cost() > cheapest ? 1 : 0;
            rip.enable(e.tunnel(), false, offset);
            notes.add(ns.name() + ": rip on " + e.tunnel() + (offset > 0 ? " (offset " + offset + ")" : ""));
        }
        for (InterfaceSpec i : ns.interfaces().values()) {
            if (i.kind() == InterfaceSpec.Kind.TUNNEL || i.address().isEmpty() || plan.isTransport(ns, i.name())) {
                continue;
            }
            if (i.kind() == InterfaceSpec.Kind.LOOPBACK || plan.reachesHost(ns, i)) {
                boolean passive = !plan.sharesSegmentWithRouter(ns, i.name());
                rip.enable(i.name(), passive, 0);
                notes.add(ns.name() + ": rip on " + i.name() + (passive ? " (passive)" : ""));
            }
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
