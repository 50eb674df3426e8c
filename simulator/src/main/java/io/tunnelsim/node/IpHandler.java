package io.tunnelsim.node;

import io.tunnelsim.wire.PacketBuffer;

/**
 * Receives locally delivered IPv4 packets of one IP protocol (GRE 47, ESP 50, OSPF 89, …).
 * {@code p.offset()} is the start of the IPv4 header and {@code p.length()} its total length;
 * the handler owns the buffer.
 */
@FunctionalInterface
public interface IpHandler {
    void receive(Interface in, PacketBuffer p, int headerLength);
}
