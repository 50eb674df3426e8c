package io.tunnelsim.routing.rip;

import java.util.Optional;

import io.tunnelsim.node.Node;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OverlayRouter;

/**
 * The RIP a {@code routing: rip} choice generates on one overlay router: RIP on every overlay
 * tunnel and on the LAN interfaces and loopbacks (passive unless another overlay router shares
 * the segment). Tunnels dearer than the router's cheapest get a receive offset of 1 so the
 * backup is not an equal-cost path. Timers, split horizon, request-on-loss and maximum paths
 * come from the router's configured {@code rip:} section when it has one (else the defaults),
 * the timers with the variant's overrides.
 *
 * <p>Simplifications: a generated RIP never originates a default route and has no
 * authentication.
 */
final class RipOverlay {
    private RipOverlay() {
    }

    static void generate(OverlayRouter router, Node n) {
        NodeSpec ns = router.node();
        Optional<RipSpec> configured = ns.protocol(RipSpec.class);
        RipSpec.Timers timers = configured.map(RipSpec::timers).orElse(RipSpec.Timers.DEFAULT);
        RipSpec.SplitHorizon sh = configured.map(RipSpec::splitHorizon).orElse(RipSpec.SplitHorizon.SIMPLE);
        Optional<RipOverrides> overrides = router.overrides(RipOverrides.class);
        if (overrides.isPresent()) {
            timers = overrides.get().applyTo(timers);
        }
        RipProcess rip = RipProcess.create(n, RipInstaller.config(timers, sh, false)
                .withRequestOnLoss(configured.map(RipSpec::requestOnLoss).orElse(false))
                .withMaxPaths(configured.map(RipSpec::maximumPaths).orElse(RipSpec.DEFAULT_MAXIMUM_PATHS)));
        long cheapest = Long.MAX_VALUE;
        for (OverlayRouter.Tunnel t : router.tunnels()) {
            cheapest = Math.min(cheapest, t.cost());
        }
        for (OverlayRouter.Tunnel t : router.tunnels()) {
            int offset = t.cost() > cheapest ? 1 : 0;
            rip.enable(t.name(), false, offset);
            router.note(ns.name() + ": rip on " + t.name() + (offset > 0 ? " (offset " + offset + ")" : ""));
        }
        for (InterfaceSpec i : ns.interfaces().values()) {
            if (i.kind() == InterfaceSpec.Kind.TUNNEL || i.address().isEmpty() || router.isTransport(i.name())) {
                continue;
            }
            if (i.kind() == InterfaceSpec.Kind.LOOPBACK || router.reachesHost(i)) {
                boolean passive = !router.sharesSegmentWithRouter(i.name());
                rip.enable(i.name(), passive, 0);
                router.note(ns.name() + ": rip on " + i.name() + (passive ? " (passive)" : ""));
            }
        }
    }
}
