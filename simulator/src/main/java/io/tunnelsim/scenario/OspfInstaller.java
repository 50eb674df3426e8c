package io.tunnelsim.scenario;

import io.tunnelsim.node.Node;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OspfSpec;
import java.util.List;

/** Wires OSPF processes into built nodes. */
final class OspfInstaller {
    private OspfInstaller() {
    }

    static void generated(RoutingPlan plan, NodeSpec ns, Node n, VariantSpec variant, List<String> notes) {
        throw new UnsupportedOperationException("OSPF is not available in this build");
    }

    static void configured(NodeSpec ns, OspfSpec spec, Node n, VariantSpec variant) {
        throw new UnsupportedOperationException("OSPF is not available in this build");
    }

    /** {@code show ip ospf neighbor}, or null when the node runs no OSPF. */
    static String showNeighbors(Node n) {
        return null;
    }
}
