package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.wire.PacketBuffer;

/** IPv6 on a node; filled in with the tunnel passenger support. */
public final class Ipv6Stack {
    private final Node node;

    Ipv6Stack(Node node) {
        this.node = node;
    }

    void interfaceChanged(Interface itf) {
    }

    void receive(PacketBuffer p, Interface in) {
        node.counters().drop("ipv6-disabled");
    }

    void output(EthernetInterface out, PacketBuffer p, Ipv6Address nextHop) {
        node.counters().drop("ipv6-disabled");
    }
}
