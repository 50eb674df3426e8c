package io.tunnelsim.ipsec;

import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.testutil.Nets;
import io.tunnelsim.testutil.SiteNet;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import io.tunnelsim.wire.Ipv4Codec;
import java.util.ArrayList;
import java.util.List;

/**
 * Test network: two sites joined over one provider router that knows only the sites' public
 * addresses ({@link SiteNet#twoSitesOverOneProvider}), protected either by IPsec on a GRE tunnel
 * or by a crypto map on the WAN interfaces.
 * <pre>
 *  hq-pc 10.1.0.10 ─ hq [eth0 203.0.113.2] ─ isp ─ [eth0 198.51.100.2] br ─ br-pc 10.2.0.10
 *                     └──────── tunnel0 172.16.0.1/30 ═══ 172.16.0.2/30 ────────┘   (GRE variant)
 * </pre>
 * Every frame on the two provider links is recorded ({@link #wan}) with its capture time.
 */
final class IpsecSites {
    static final long MS = SimTime.MILLISECOND;
    static final long S = SimTime.SECOND;
    static final Ipv4Prefix HQ_LAN = Ipv4Prefix.parse("10.1.0.0/24");
    static final Ipv4Prefix BR_LAN = Ipv4Prefix.parse("10.2.0.0/24");

    /** A frame seen on a provider link. */
    record Frame(String segment, long time, byte[] bytes) {
        /** IPv4 header offset in the frame, or -1 for non-IPv4 frames (ARP). */
        int ipOffset() {
            return bytes.length > 14 && (bytes[12] & 0xff) == 0x08 && bytes[13] == 0 ? 14 : -1;
        }

        int ipProtocol() {
            return ipOffset() < 0 ? -1 : Ipv4Codec.protocol(bytes, 14);
        }

        /** The IPv4 packet of the frame, without Ethernet header and padding. */
        byte[] ipPacket() {
            int total = Ipv4Codec.totalLength(bytes, 14);
            return java.util.Arrays.copyOfRange(bytes, 14, 14 + total);
        }
    }

    final Network net;
    final Node hq;
    final Node isp;
    final Node br;
    final EthernetInterface hqWan;
    final EthernetInterface brWan;
    final TunnelInterface hqTunnel;
    final TunnelInterface brTunnel;
    final List<Frame> wan = new ArrayList<>();

    /** @param gre whether to build the GRE tunnel and route the LANs into it (else: default route only) */
    IpsecSites(long seed, boolean gre) {
        this(seed, gre, TunnelConfig.basic("eth0", "198.51.100.2"));
    }

    /** As {@link #IpsecSites(long, boolean)} with hq's tunnel configured as given. */
    IpsecSites(long seed, boolean gre, TunnelConfig hqTunnelConfig) {
        SiteNet sites = SiteNet.twoSitesOverOneProvider(seed);
        net = sites.network();
        hq = net.node("hq");
        isp = net.node("isp");
        br = net.node("br");
        hqWan = sites.ethernet("hq:eth0");
        brWan = sites.ethernet("br:eth0");
        for (String s : List.of("hq-isp", "isp-br")) {
            net.segment(s).addTap((time, bytes, off, len) ->
                    wan.add(new Frame(s, time, java.util.Arrays.copyOfRange(bytes, off, off + len))));
        }
        sites.statics("hq", StaticRoute.via("0.0.0.0/0", "203.0.113.1"))
                .statics("br", StaticRoute.via("0.0.0.0/0", "198.51.100.1"));
        if (gre) {
            sites.tunnel("hq", "tunnel0", hqTunnelConfig, "172.16.0.1/30")
                    .tunnel("br", "tunnel0", TunnelConfig.basic("eth0", "203.0.113.2"), "172.16.0.2/30")
                    .statics("hq", StaticRoute.out("10.2.0.0/24", "tunnel0", 1))
                    .statics("br", StaticRoute.out("10.1.0.0/24", "tunnel0", 1));
            hqTunnel = sites.tunnelOf("hq", "tunnel0");
            brTunnel = sites.tunnelOf("br", "tunnel0");
        } else {
            hqTunnel = null;
            brTunnel = null;
        }
    }

    static void statics(Node node, StaticRoute... routes) {
        Nets.statics(node, routes);
    }

    ProbeFlow ping(String from, String to, long interval, int size, long stop) {
        return Nets.ping(net, from, to, interval, size, stop);
    }

    IpsecSession protectTunnel(IpsecProfile profile, long seed) {
        return IpsecSetup.protectTunnel(hqTunnel, brTunnel, profile, seed);
    }

    IpsecSession cryptoMap(IpsecProfile profile, long seed) {
        return IpsecSetup.cryptoMap(hqWan, HQ_LAN, brWan, BR_LAN, profile, seed);
    }

    List<Frame> frames(String segment) {
        return wan.stream().filter(f -> f.segment().equals(segment)).toList();
    }

    /** Probes sent and never answered. */
    static int lost(ProbeFlow f) {
        int lost = 0;
        for (int i = 0; i < f.count(); i++) {
            if (f.receivedAt(i) < 0) {
                lost++;
            }
        }
        return lost;
    }
}
