package io.tunnelsim.ipsec;

import io.tunnelsim.tunnel.TunnelInterface;
import io.tunnelsim.tunnel.TunnelProtection;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.PacketBuffer;

/**
 * IPsec tunnel protection of a GRE tunnel ({@code tunnel protection ipsec profile P}): every
 * packet the tunnel sends — unicast, multicast hellos, keepalives — is GRE inside ESP.
 *
 * <p>Transport mode (the usual choice, RFC 4303 §3.1.1): the outer IPv4 header stays in front,
 * its protocol becomes 50, and the GRE packet is the ESP payload with next header 47.
 * <pre>
 *   before: [IPv4 proto 47][GRE][passenger]
 *   after:  [IPv4 proto 50][ESP hdr][IV][GRE][passenger][pad][pad len][nh 47][ICV]
 * </pre>
 * Tunnel mode: the whole GRE packet is the payload (next header 4) behind a new IPv4 header with
 * the same endpoints, as a router does with {@code mode tunnel} in its transform set.
 *
 * <p>Received ESP is opened by the node's {@link IpsecEngine}, which hands the GRE packet to the
 * tunnel marked as protected; the tunnel itself drops GRE that arrives unprotected.
 *
 * <p>Simplifications: the outer header is built before protection and never sets DF; a tunnel
 * whose source address changes keeps the SA endpoints it was set up with.
 */
public final class IpsecTunnelProtection implements TunnelProtection {
    private final TunnelInterface tunnel;
    private final IpsecPeer peer;
    private final int overhead;
    private final byte[] header = new byte[60];

    IpsecTunnelProtection(TunnelInterface tunnel, IpsecPeer peer) {
        this.tunnel = tunnel;
        this.peer = peer;
        this.overhead = peer.profile().overhead();
    }

    public TunnelInterface tunnel() {
        return tunnel;
    }

    public IpsecPeer peer() {
        return peer;
    }

    @Override
    public boolean protect(PacketBuffer p) {
        byte[] b = p.array();
        int off = p.offset();
        if (peer.profile().mode() == SecurityAssociation.Mode.TUNNEL) {
            int tos = b[off + 1] & 0xff;
            int ttl = Ipv4Codec.ttl(b, off);
            if (!peer.seal(p, Esp.NEXT_HEADER_IPV4)) {
                return false;
            }
            Ipv4Codec.push(p, tos, tunnel.node().nextIpId(), 0, ttl, Esp.IP_PROTOCOL,
                    peer.local().bits(), peer.remote().bits());
            return true;
        }
        int hl = Ipv4Codec.headerLength(b, off);
        System.arraycopy(b, off, header, 0, hl);
        p.pull(hl);
        if (!peer.seal(p, Ipv4Codec.protocol(header, 0))) {
            return false;
        }
        int at = p.push(hl);
        b = p.array();
        System.arraycopy(header, 0, b, at, hl);
        b[at + Ipv4Codec.OFF_PROTOCOL] = (byte) Esp.IP_PROTOCOL;
        b[at + Ipv4Codec.OFF_TOTAL_LENGTH] = (byte) (p.length() >>> 8);
        b[at + Ipv4Codec.OFF_TOTAL_LENGTH + 1] = (byte) p.length();
        Ipv4Codec.updateChecksum(b, at);
        return true;
    }

    @Override
    public int overhead() {
        return overhead;
    }
}
