package io.tunnelsim.tunnel;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Nets;

/**
 * Test network: two sites joined over one provider router, with a GRE tunnel between the
 * site routers.
 * <pre>
 *  hq-pc 10.1.0.10 ─ hq [eth0 203.0.113.2] ─ isp ─ [eth0 198.51.100.2] br ─ br-pc 10.2.0.10
 *                     └──────── tunnel0 172.16.0.1/30 ═══ 172.16.0.2/30 ────────┘
 * </pre>
 */
final class TwoSites {
    static final long MS = SimTime.MILLISECOND;
    final Network net;
    final TunnelInterface hqTunnel;
    final TunnelInterface brTunnel;

    TwoSites(long seed, TunnelConfig hqCfg, TunnelConfig brCfg) {
        net = new Network(seed);
        Node hq = net.addRouter("hq");
        Node isp = net.addRouter("isp");
        Node br = net.addRouter("br");
        Node hqPc = net.addHost("hq-pc");
        Node brPc = net.addHost("br-pc");
        Nets.cable(net, "hq-isp", 5 * MS, hq, "eth0", "203.0.113.2/30", isp, "eth0", "203.0.113.1/30");
        Nets.cable(net, "isp-br", 5 * MS, isp, "eth1", "198.51.100.1/30", br, "eth0", "198.51.100.2/30");
        Nets.siteLan(net, "hq-lan", hq, hqPc, "10.1.0");
        Nets.siteLan(net, "br-lan", br, brPc, "10.2.0");
        hqTunnel = TunnelInterface.create(hq, "tunnel0", hqCfg);
        hqTunnel.setIpv4(Ipv4Prefix.parse("172.16.0.1/30"));
        brTunnel = TunnelInterface.create(br, "tunnel0", brCfg);
        brTunnel.setIpv4(Ipv4Prefix.parse("172.16.0.2/30"));
        statics(hq, StaticRoute.via("0.0.0.0/0", "203.0.113.1"), StaticRoute.out("10.2.0.0/24", "tunnel0", 1));
        statics(br, StaticRoute.via("0.0.0.0/0", "198.51.100.1"), StaticRoute.out("10.1.0.0/24", "tunnel0", 1));
    }

    static TunnelConfig hqDefault() {
        return TunnelConfig.basic("eth0", "198.51.100.2");
    }

    static TunnelConfig brDefault() {
        return TunnelConfig.basic("eth0", "203.0.113.2");
    }

    static void statics(Node node, StaticRoute... routes) {
        Nets.statics(node, routes);
    }

    ProbeFlow ping(String from, String to, long interval, int size, long stop) {
        return Nets.ping(net, from, to, interval, size, stop);
    }
}
