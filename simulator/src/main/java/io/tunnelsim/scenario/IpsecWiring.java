package io.tunnelsim.scenario;

import io.tunnelsim.node.Network;
import java.util.List;

/** Connects IPsec profiles of a topology to built tunnels and interfaces. */
final class IpsecWiring {
    private IpsecWiring() {
    }

    static List<String> espSaLines(Network net) {
        return List.of();
    }
}
