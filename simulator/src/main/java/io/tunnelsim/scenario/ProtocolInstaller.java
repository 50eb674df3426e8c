package io.tunnelsim.scenario;

import io.tunnelsim.node.Network;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;
import java.util.List;

/** Wires RIP and OSPF processes into built nodes. */
final class ProtocolInstaller {
    private ProtocolInstaller() {
    }

    static void install(RoutingPlan plan, TopologySpec spec, Network net, VariantSpec variant, List<String> notes) {
        for (NodeSpec ns : spec.nodes().values()) {
            boolean wantsRip = ns.rip().isPresent() && plan.routing() == RoutingProtocol.NONE
                    || plan.routing() == RoutingProtocol.RIP && plan.overlay().containsKey(ns.name());
            boolean wantsOspf = ns.ospf().isPresent() && plan.routing() == RoutingProtocol.NONE
                    || plan.routing() == RoutingProtocol.OSPF && plan.overlay().containsKey(ns.name());
            if (wantsRip || wantsOspf) {
                throw new UnsupportedOperationException("dynamic routing is not available in this build");
            }
        }
    }
}
