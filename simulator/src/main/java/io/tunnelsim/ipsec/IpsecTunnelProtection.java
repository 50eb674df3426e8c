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
 * <p>As on routers, the same policy is also applied where outer packets leave — every Ethernet
 * interface of the node — as a crypto map entry ({@code Tunnel0-head-0}, selector: GRE between
 * the two endpoints): GRE the router
 * forwards rather than originates through the tunnel — the reflected reply of the peer's
 * keepalive — leaves protected too, and cleartext GRE from the peer is refused there as a policy
 * violation.
 *
 * <p>DF and fragmentation: the header outside ESP gets DF as the end's {@code df-bit} says (copy,
 * the default, keeps the GRE outer header's DF, which is clear unless the tunnel copies the
 * passenger's). An outer packet too large once protected for the egress MTU is cut into RFC 791
 * fragments first and each is protected on its own ({@code fragmentation: before-encryption},
 * the IOS default; the far end decrypts and reassembles them) in tunnel mode, unless DF is set;
 * transport mode applies only to whole datagrams (RFC 4303 §3.1.1), so there and otherwise it is
 * protected whole and the node fragments the ESP packet, or refuses it when DF is set.
 *
 * <p>Simplifications: a tunnel whose source address changes keeps the SA endpoints it was set up
 * with.
 */
public final class IpsecTunnelProtection implements TunnelProtection {
    private final TunnelInterface tunnel;
    private final IpsecPeer peer;
    private final int overhead;

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
        if (peer.profile().mode() == SecurityAssociation.Mode.TUNNEL) {
            return peer.sealTunnel(p, peer.local().bits(), Ipv4Codec.ttl(p.array(), p.offset()));
        }
        return peer.sealTransport(p);
    }

    @Override
    public int fragmentBefore(PacketBuffer p, int egressMtu) {
        int max = peer.largestInnerPacket(egressMtu);
        // transport mode applies only to whole datagrams (RFC 4303 §3.1.1): nothing to cut before
        if (peer.profile().mode() != SecurityAssociation.Mode.TUNNEL || p.length() <= max
                || peer.fragmentation() != IpsecPeer.Fragmentation.BEFORE_ENCRYPTION
                || Ipv4Codec.dontFragment(p.array(), p.offset())) {
            return 0;
        }
        return max;
    }

    @Override
    public int largestGrePacket(int egressMtu) {
        return peer.profile().largestGrePacket(egressMtu);
    }

    @Override
    public int overhead() {
        return overhead;
    }
}
