package io.tunnelsim.routing.ospf;

import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Node;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OverlayRouter;

/**
 * The OSPF a {@code routing: ospf} choice generates on one overlay router: the tunnels
 * point-to-point in area 0, LAN interfaces and loopbacks passive unless another overlay router
 * shares the segment, with the variant's hello/dead/SPF overrides applied. The router ID, SPF
 * throttle, reference bandwidth and loopback cost come from the router's configured
 * {@code ospf:} section when it has one.
 *
 * <p>Simplifications: one area (0) for the whole overlay; every generated interface has the
 * same timers and the automatic cost (reference bandwidth / interface bandwidth).
 */
final class OspfOverlay {
    private OspfOverlay() {
    }

    static void generate(OverlayRouter router, Node n) {
        NodeSpec ns = router.node();
        Optional<OspfSpec> spec = ns.protocol(OspfSpec.class);
        Optional<OspfOverrides> overrides = router.overrides(OspfOverrides.class);
        OspfConfig cfg = OspfConfig.of(spec.map(OspfSpec::routerId).orElse(null));
        if (spec.isPresent()) {
            cfg = cfg.withSpfThrottle(spec.get().spf()).withReferenceBandwidth(spec.get().referenceBandwidthBps())
                    .withRfcLoopbackCost(spec.get().rfcLoopbackCost());
        }
        if (overrides.isPresent() && overrides.get().spf().isPresent()) {
            cfg = cfg.withSpfThrottle(overrides.get().spf().get());
        }
        for (OverlayRouter.Tunnel t : router.tunnels()) {
            cfg = cfg.withInterface(t.name(), timers(OspfInterfaceConfig.inArea(Ipv4Address.ANY), overrides));
            router.note(ns.name() + ": ospf on " + t.name() + " area 0");
        }
        for (InterfaceSpec i : ns.interfaces().values()) {
            if (i.kind() == InterfaceSpec.Kind.TUNNEL || i.address().isEmpty() || router.isTransport(i.name())) {
                continue;
            }
            if (i.kind() == InterfaceSpec.Kind.LOOPBACK || router.reachesHost(i)) {
                boolean passive = i.kind() == InterfaceSpec.Kind.LOOPBACK || !router.sharesSegmentWithRouter(i.name());
                cfg = cfg.withInterface(i.name(), timers(OspfInterfaceConfig.inArea(Ipv4Address.ANY), overrides).withPassive(passive));
                router.note(ns.name() + ": ospf on " + i.name() + " area 0" + (passive ? " (passive)" : ""));
            }
        }
        n.addService(new OspfProcess(n, cfg));
    }

    private static OspfInterfaceConfig timers(OspfInterfaceConfig c, Optional<OspfOverrides> overrides) {
        return overrides.map(o -> o.applyTo(c)).orElse(c);
    }
}
