package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.wire.PacketBuffer;

/** A loopback interface: always up, addresses reachable through the node, nothing leaves it. */
public final class LoopbackInterface extends Interface {

    public LoopbackInterface(Node node, String name) {
        super(node, name, 65535);
        setBandwidthBps(8_000_000_000L);
        setLineUp(true);
    }

    @Override
    public boolean supportsMulticast() {
        return false;
    }

    @Override
    public void outputIpv4(PacketBuffer p, int nextHop) {
        outPackets++;
        node.counters().sent++;
        node.ipv4().receive(p, this);
    }

    @Override
    public void outputIpv6(PacketBuffer p, Ipv6Address nextHop) {
        outPackets++;
        node.counters().sent++;
        node.receiveIpv6(p, this);
    }
}
