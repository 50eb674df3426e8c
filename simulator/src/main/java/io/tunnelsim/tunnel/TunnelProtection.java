package io.tunnelsim.tunnel;

import io.tunnelsim.wire.PacketBuffer;

/**
 * Protection applied to a tunnel's outer packets (IPsec "tunnel protection"): transforms the
 * outer IPv4 packet (GRE inside) before it is routed. Received protected packets are handed to
 * {@link TunnelInterface#receiveGre} with {@code protectedPacket = true}.
 */
public interface TunnelProtection {
    /**
     * Protects the outer packet in place ({@code p.offset()} is its IPv4 header).
     *
     * @return false when the packet must be dropped (the reason is counted by the implementation)
     */
    boolean protect(PacketBuffer p);

    /** Bytes the protection adds to each packet at most (worst-case padding). */
    int overhead();

    /**
     * The largest GRE packet (GRE header and passenger, no outer IPv4 header) whose protected
     * form fits in {@code egressMtu}: the default tunnel MTU is this minus the GRE header.
     */
    int largestGrePacket(int egressMtu);

    /**
     * Fragmentation before encryption: the largest size the outer packet {@code p} must be cut
     * to (RFC 791 fragments) so that each protected fragment fits {@code egressMtu}, or 0 when it
     * is protected whole (it fits, DF is set, or the policy fragments after encryption).
     */
    default int fragmentBefore(PacketBuffer p, int egressMtu) {
        return 0;
    }
}
