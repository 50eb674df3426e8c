package io.tunnelsim.scenario;

import io.tunnelsim.node.Node;

/** {@code show} output of the routing protocols and IPsec. */
final class ProtocolShow {
    private ProtocolShow() {
    }

    static String neighbors(Node n) {
        return "% No routing protocol with neighbours runs on " + n.name() + "\n";
    }

    static String sa(Node n) {
        return "% No IPsec security associations on " + n.name() + "\n";
    }
}
