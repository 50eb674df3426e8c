package io.tunnelsim.tunnel;

import io.tunnelsim.addr.PrefixTable;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.node.ProtectedIpHandler;
import io.tunnelsim.wire.GreCodec;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.WireDrop;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's receiver for IP protocol 47 — a {@link ProtectedIpHandler}, so GRE opened from ESP
 * arrives marked as protected — : finds the tunnel a GRE packet belongs to by the
 * receive check (outer destination = tunnel source address, outer source = tunnel destination,
 * key equal when configured) and hands it over. Packets no tunnel claims are dropped and
 * counted: {@code gre-no-tunnel} when no tunnel has those endpoints, {@code gre-key-mismatch}
 * when one has but the key differs.
 *
 * <p>Tunnels are indexed by their (configured, fixed) destination, so a hub with thousands of
 * tunnels finds a packet's candidates with one hash probe instead of walking every tunnel; among
 * tunnels to the same destination the first configured one that matches wins, as before.
 */
public final class GreDemux implements NodeService {
    private final Node node;
    private final List<TunnelInterface> tunnels = new ArrayList<>(2);
    /** Tunnel destination (as a /32 key) to the node's tunnels with it, in configuration order. */
    private final PrefixTable<TunnelInterface[]> byDestination = new PrefixTable<>(4);
    /** Tunnels the packet being sent is currently nested in (bounds encapsulation depth). */
    int nesting;

    private GreDemux(Node node) {
        this.node = node;
        node.ipv4().registerIpHandler(Ipv4Header.PROTO_GRE, new ProtectedIpHandler() {
            @Override
            public void receive(Interface in, PacketBuffer p, int hl) {
                GreDemux.this.receive(p, hl, false);
            }

            @Override
            public void receiveProtected(Interface in, PacketBuffer p, int hl) {
                GreDemux.this.receive(p, hl, true);
            }
        });
        node.ipv4().addIcmpListener(this::icmp);
    }

    /**
     * ICMP fragmentation-needed (RFC 1191 §4) quoting one of our outer packets — GRE, or ESP
     * under protection — from a tunnel's source to its destination goes to that tunnel.
     */
    private void icmp(io.tunnelsim.node.Interface in, int from, io.tunnelsim.wire.IcmpMessage m) {
        if (m.type() != io.tunnelsim.wire.IcmpMessage.DEST_UNREACHABLE
                || m.code() != io.tunnelsim.wire.IcmpMessage.CODE_FRAGMENTATION_NEEDED) {
            return;
        }
        byte[] q = m.data();
        if (q.length < Ipv4Header.MIN_LENGTH || (q[0] >>> 4 & 0xf) != 4) {
            return;
        }
        int proto = Ipv4Codec.protocol(q, 0);
        int src = Ipv4Codec.source(q, 0);
        int dst = Ipv4Codec.destination(q, 0);
        TunnelInterface[] to = byDestination.get(PrefixTable.key(dst, 32));
        if (to == null) {
            return;
        }
        for (TunnelInterface t : to) {
            boolean ours = proto == Ipv4Header.PROTO_GRE ? t.protection() == null : proto == 50 && t.protection() != null;
            if (ours && t.sourceAddressBits() == src) {
                t.fragmentationNeeded(m.nextHopMtu(), Ipv4Codec.totalLength(q, 0), from);
                return;
            }
        }
    }

    /** The node's demultiplexer, created on first use (by the node's first tunnel). */
    static GreDemux of(Node node) {
        GreDemux d = node.service(GreDemux.class);
        if (d == null) {
            d = new GreDemux(node);
            node.addService(d);
        }
        return d;
    }

    void add(TunnelInterface t) {
        tunnels.add(t);
        long k = PrefixTable.key(t.destinationBits(), 32);
        TunnelInterface[] to = byDestination.get(k);
        if (to == null) {
            byDestination.put(k, new TunnelInterface[] {t});
        } else {
            TunnelInterface[] more = java.util.Arrays.copyOf(to, to.length + 1);
            more[to.length] = t;
            byDestination.put(k, more);
        }
    }

    public List<TunnelInterface> tunnels() {
        return java.util.Collections.unmodifiableList(tunnels);
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    /**
     * Dispatches a locally delivered GRE packet ({@code p.offset()} at the outer IPv4 header);
     * {@code protectedPacket} when it arrived inside ESP.
     */
    void receive(PacketBuffer p, int hl, boolean protectedPacket) {
        byte[] b = p.array();
        int off = p.offset();
        if (p.length() < hl + GreCodec.BASE_LENGTH) {
            node.counters().drop(WireDrop.GRE_TRUNCATED);
            return;
        }
        int src = Ipv4Codec.source(b, off);
        int dst = Ipv4Codec.destination(b, off);
        boolean hasKey = GreCodec.keyPresent(b, off + hl);
        long key = hasKey && p.length() >= hl + GreCodec.headerLength(b, off + hl) ? GreCodec.key(b, off + hl) : -1;
        boolean endpointsMatched = false;
        TunnelInterface[] from = byDestination.get(PrefixTable.key(src, 32));
        for (int i = 0; from != null && i < from.length; i++) {
            TunnelInterface t = from[i];
            if (t.sourceAddressBits() != dst) {
                continue;
            }
            endpointsMatched = true;
            long want = t.config().key();
            if ((want < 0 && !hasKey) || (want >= 0 && hasKey && want == key)) {
                t.receiveGre(p, hl, protectedPacket);
                return;
            }
        }
        node.counters().drop(endpointsMatched ? TunnelDrop.GRE_KEY_MISMATCH : TunnelDrop.GRE_NO_TUNNEL);
    }

    /** The tunnel named {@code name}, if it is a GRE tunnel of this node. */
    public TunnelInterface tunnel(String name) {
        Interface i = node.interfaceNamed(name);
        return i instanceof TunnelInterface t ? t : null;
    }
}
