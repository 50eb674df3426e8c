package io.tunnelsim.ipsec;

import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.PacketHook;
import io.tunnelsim.node.Route;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A crypto map on a physical interface ({@code crypto map VPN 10 ipsec-isakmp} … {@code interface
 * eth0 / crypto map VPN}): an SPD whose PROTECT entries name LAN-to-LAN unicast traffic, each
 * bound to a peer, in tunnel mode.
 *
 * <p>Outbound, after routing chose this interface: the packet's (source, destination, protocol,
 * ports) are looked up in the SPD (RFC 4301 §5.1). PROTECT: the whole packet becomes the ESP
 * payload (next header 4) behind a new IPv4 header — source this interface's address,
 * destination the peer, protocol 50, TTL 64, TOS copied, DF clear — and that outer packet is
 * routed by the FIB and sent without passing through the map again. DISCARD: dropped as
 * {@code ipsec-policy-discard}. No match or BYPASS: sent unchanged, in the clear.
 *
 * <p>So the routing protocols' packets — multicast to 224.0.0.5/6/9, or unicast between the two
 * routers' own addresses — match no LAN-to-LAN selector and leave unprotected; link-local
 * multicast is not forwarded by the provider, and OSPF or RIP never see each other across the
 * map. GRE over IPsec ({@link IpsecTunnelProtection}) exists for exactly this reason.
 *
 * <p>Inbound: ESP to this node passes to the {@link IpsecEngine}. A cleartext packet that matches
 * an inbound PROTECT selector (remote LAN → local LAN) should have arrived inside ESP and is
 * dropped as {@code ipsec-cleartext-policy-violation} (RFC 4301 §5.2).
 *
 * <p>Entries in transport mode (tunnel protection's {@code Tunnel0-head-0} entry, GRE between the
 * two endpoints) are sealed in place and continue out of this interface.
 *
 * <p><b>DF and fragmentation</b> (IOS {@code crypto ipsec df-bit} and {@code crypto ipsec
 * fragmentation}): the outside header's DF is copied from the inner packet ({@code df-bit copy},
 * default), cleared or set. The MTU is the egress interface's, lowered by a path MTU learned from
 * ICMP fragmentation-needed about our ESP packets (RFC 1191, kept 10 minutes). An inner packet
 * whose ESP form would not fit: with DF set and an outside DF, dropped as
 * {@code frag-needed-df-set} and answered with ICMP fragmentation-needed carrying the largest
 * inner packet that fits (RFC 1191 §4); without DF and {@code fragmentation: before-encryption}
 * (default), cut into fragments that each fit, each in its own ESP packet; otherwise encrypted
 * whole, and the node fragments the ESP packet (or refuses it, when the outside header has DF).
 *
 * <p>Simplifications: the map has no explicit DISCARD default — unmatched traffic is bypassed, as
 * on a router interface whose crypto ACLs do not name it; ports are read only from unfragmented
 * TCP and UDP packets.
 */
public final class CryptoMap implements PacketHook {
    public static final String DROP_DISCARD = IpsecDrop.POLICY_DISCARD.label();
    public static final String DROP_NO_ROUTE = IpsecDrop.NO_ROUTE_TO_PEER.label();
    /** TTL of the outer header, as a router originates it. */
    public static final int OUTER_TTL = 64;

    private final Interface itf;
    private final Node node;
    private final String tag;
    private final Spd outboundSpd = new Spd();
    private final Spd inboundSpd = new Spd();
    private final Map<SpdEntry, IpsecPeer> peers = new IdentityHashMap<>();
    private final List<IpsecPeer> peerList = new ArrayList<>(1);
    private long bypassed;

    private CryptoMap(Interface itf, String tag) {
        this.itf = itf;
        this.node = itf.node();
        this.tag = tag;
    }

    /** The crypto map applied to {@code itf}, applied (with tag {@code tag}) on first use. */
    public static CryptoMap of(Interface itf, String tag) {
        if (itf.hook() instanceof CryptoMap m) {
            return m;
        }
        if (itf.hook() != null) {
            throw new IllegalArgumentException(itf + " already has another packet policy");
        }
        CryptoMap m = new CryptoMap(itf, tag);
        itf.setHook(m);
        return m;
    }

    public Interface attachedTo() {
        return itf;
    }

    public String tag() {
        return tag;
    }

    /** Next free sequence number of the map: 10, 20, … */
    int nextSequence() {
        return 10 * (peerList.size() + 1);
    }

    void add(IpsecPeer peer) {
        outboundSpd.add(peer.outboundPolicy());
        inboundSpd.add(peer.inboundPolicy());
        peers.put(peer.outboundPolicy(), peer);
        peerList.add(peer);
    }

    /** Adds a non-PROTECT entry (BYPASS or DISCARD) for outbound traffic, after the existing ones. */
    public void addOutbound(SpdEntry entry) {
        if (entry.action() == SpdAction.PROTECT) {
            throw new IllegalArgumentException("PROTECT entries are added with a peer, through IpsecSetup");
        }
        outboundSpd.add(entry);
    }

    public Spd outboundSpd() {
        return outboundSpd;
    }

    public Spd inboundSpd() {
        return inboundSpd;
    }

    public List<IpsecPeer> peers() {
        return Collections.unmodifiableList(peerList);
    }

    /** Packets sent in the clear through this map (no match or BYPASS). */
    public long bypassed() {
        return bypassed;
    }

    @Override
    public boolean outbound(Interface egress, PacketBuffer p, int nextHop) {
        byte[] b = p.array();
        int off = p.offset();
        int src = Ipv4Codec.source(b, off);
        int dst = Ipv4Codec.destination(b, off);
        int proto = Ipv4Codec.protocol(b, off);
        SpdEntry e = outboundSpd.lookup(src, dst, proto, sourcePort(p, proto), destinationPort(p, proto));
        if (e == null || e.action() == SpdAction.BYPASS) {
            bypassed++;
            return true;
        }
        if (e.action() == SpdAction.DISCARD) {
            node.counters().drop(IpsecDrop.POLICY_DISCARD, p, egress);
            return false;
        }
        IpsecPeer peer = peers.get(e);
        if (peer.profile().mode() == SecurityAssociation.Mode.TRANSPORT) {
            // selectors name the two crypto endpoints themselves: protect in place, send on
            return peer.sealTransport(p);
        }
        int outerSrc = egress.ipv4Bits() != 0 ? egress.ipv4Bits() : peer.local().bits();
        int outerDst = peer.remote().bits();
        FibEntry fe = node.fib().lookup(outerDst);
        if (fe == null) {
            node.counters().drop(IpsecDrop.NO_ROUTE_TO_PEER, p, egress);
            return false;
        }
        Route r = fe.select(outerSrc, outerDst);
        int outNextHop = r.hasNextHop() ? r.nextHop() : outerDst;
        int mtu = r.egress().mtu();
        int pmtu = peer.pathMtu();
        if (pmtu > 0 && pmtu < mtu) {
            mtu = pmtu;
        }
        int max = peer.largestInnerPacket(mtu);
        if (p.length() > max) {
            boolean innerDf = Ipv4Codec.dontFragment(b, off);
            if (innerDf && peer.outerDf(true)) {
                // the sender asked for no fragmentation and the outside header keeps DF: RFC 1191 §4
                node.counters().drop(io.tunnelsim.node.NodeDrop.FRAG_NEEDED_DF_SET, p, egress);
                node.ipv4().sendIcmpError(p, null, io.tunnelsim.wire.IcmpMessage.DEST_UNREACHABLE,
                        io.tunnelsim.wire.IcmpMessage.CODE_FRAGMENTATION_NEEDED, max);
                return false;
            }
            if (!innerDf && peer.fragmentation() == IpsecPeer.Fragmentation.BEFORE_ENCRYPTION) {
                // fragment the cleartext, then each fragment in its own ESP packet (the far host reassembles)
                java.util.List<PacketBuffer> fragments = io.tunnelsim.node.Fragmenter.fragment(p, max);
                node.ipv4().countFragmentation(fragments.size());
                for (PacketBuffer f : fragments) {
                    if (peer.sealTunnel(f, outerSrc, OUTER_TTL)) {
                        node.ipv4().transmitDirect(r.egress(), f, outNextHop, null);
                    }
                }
                return false;
            }
        }
        if (!peer.sealTunnel(p, outerSrc, OUTER_TTL)) {
            return false;
        }
        // after encryption: the node fragments the ESP packet, or refuses it when the outside header has DF
        node.ipv4().transmitDirect(r.egress(), p, outNextHop, null);
        return false;
    }

    @Override
    public boolean inbound(Interface in, PacketBuffer p) {
        byte[] b = p.array();
        int off = p.offset();
        int proto = Ipv4Codec.protocol(b, off);
        int dst = Ipv4Codec.destination(b, off);
        if (proto == Esp.IP_PROTOCOL && node.ipv4().isLocalAddress(dst)) {
            return true;
        }
        int src = Ipv4Codec.source(b, off);
        SpdEntry e = inboundSpd.lookup(src, dst, proto, sourcePort(p, proto), destinationPort(p, proto));
        if (e != null && e.action() == SpdAction.PROTECT) {
            peerForInbound(e).countCleartextViolation(p);
            return false;
        }
        return true;
    }

    private IpsecPeer peerForInbound(SpdEntry inboundEntry) {
        for (int i = 0; i < peerList.size(); i++) {
            if (peerList.get(i).inboundPolicy() == inboundEntry) {
                return peerList.get(i);
            }
        }
        throw new IllegalStateException("inbound entry without peer: " + inboundEntry);
    }

    private static boolean hasPorts(PacketBuffer p, int proto) {
        if (proto != Ipv4Header.PROTO_UDP && proto != Ipv4Header.PROTO_TCP) {
            return false;
        }
        byte[] b = p.array();
        int off = p.offset();
        return !Ipv4Codec.isFragment(b, off) && p.length() >= Ipv4Codec.headerLength(b, off) + 4;
    }

    private static int sourcePort(PacketBuffer p, int proto) {
        return hasPorts(p, proto) ? Bytes.u16(p.array(), p.offset() + Ipv4Codec.headerLength(p.array(), p.offset()))
                : PortRange.NO_PORT;
    }

    private static int destinationPort(PacketBuffer p, int proto) {
        return hasPorts(p, proto) ? Bytes.u16(p.array(), p.offset() + Ipv4Codec.headerLength(p.array(), p.offset()) + 2)
                : PortRange.NO_PORT;
    }
}
