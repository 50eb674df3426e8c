package io.tunnelsim.node;

import io.tunnelsim.wire.PacketBuffer;

/**
 * Receives UDP datagrams for one port. {@code p.offset()} is the IPv4 header; the UDP header
 * starts {@code ipHeaderLength} bytes later and has been verified.
 */
@FunctionalInterface
public interface UdpListener {
    void receive(Interface in, PacketBuffer p, int ipHeaderLength);
}
