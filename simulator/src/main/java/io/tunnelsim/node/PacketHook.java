package io.tunnelsim.node;

import io.tunnelsim.wire.PacketBuffer;

/**
 * A policy applied to IPv4 packets crossing one interface, as a crypto map is applied to a
 * router interface: outbound packets after routing, inbound packets after header validation.
 * Returning false means the hook consumed the packet (sent it transformed, or dropped and
 * counted it); true lets it continue unchanged.
 */
public interface PacketHook {
    /** {@code p.offset()} is the IPv4 header of a packet about to leave {@code egress} towards {@code nextHop}. */
    boolean outbound(Interface egress, PacketBuffer p, int nextHop);

    /** {@code p.offset()} is the IPv4 header of a packet that arrived on {@code in}. */
    boolean inbound(Interface in, PacketBuffer p);
}
