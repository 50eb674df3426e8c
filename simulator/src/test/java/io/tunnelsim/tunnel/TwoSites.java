package io.tunnelsim.tunnel;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.scenario.ProbeFlow;
import io.tunnelsim.sim.SimTime;

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
        long bw = 100_000_000L;
        net.connect("hq-isp", bw, 5 * MS, 0, 1500, 1000,
                net.addEthernet(hq, "eth0", Ipv4Prefix.parse("203.0.113.2/30"), 1500),
                net.addEthernet(isp, "eth0", Ipv4Prefix.parse("203.0.113.1/30"), 1500));
        net.connect("isp-br", bw, 5 * MS, 0, 1500, 1000,
                net.addEthernet(isp, "eth1", Ipv4Prefix.parse("198.51.100.1/30"), 1500),
                net.addEthernet(br, "eth0", Ipv4Prefix.parse("198.51.100.2/30"), 1500));
        net.connect("hq-lan", bw, MS, 0, 1500, 1000,
                net.addEthernet(hq, "lan0", Ipv4Prefix.parse("10.1.0.1/24"), 1500),
                net.addEthernet(hqPc, "eth0", Ipv4Prefix.parse("10.1.0.10/24"), 1500));
        net.connect("br-lan", bw, MS, 0, 1500, 1000,
                net.addEthernet(br, "lan0", Ipv4Prefix.parse("10.2.0.1/24"), 1500),
                net.addEthernet(brPc, "eth0", Ipv4Prefix.parse("10.2.0.10/24"), 1500));
        hqTunnel = TunnelInterface.create(hq, "tunnel0", hqCfg);
        hqTunnel.setIpv4(Ipv4Prefix.parse("172.16.0.1/30"));
        brTunnel = TunnelInterface.create(br, "tunnel0", brCfg);
        brTunnel.setIpv4(Ipv4Prefix.parse("172.16.0.2/30"));
        statics(hq, StaticRoute.via("0.0.0.0/0", "203.0.113.1"), StaticRoute.out("10.2.0.0/24", "tunnel0", 1));
        statics(br, StaticRoute.via("0.0.0.0/0", "198.51.100.1"), StaticRoute.out("10.1.0.0/24", "tunnel0", 1));
        statics(hqPc, StaticRoute.via("0.0.0.0/0", "10.1.0.1"));
        statics(brPc, StaticRoute.via("0.0.0.0/0", "10.2.0.1"));
    }

    static TunnelConfig hqDefault() {
        return TunnelConfig.basic("eth0", "198.51.100.2");
    }

    static TunnelConfig brDefault() {
        return TunnelConfig.basic("eth0", "203.0.113.2");
    }

    static void statics(Node node, StaticRoute... routes) {
        io.tunnelsim.testutil.Nets.statics(node, routes);
    }

    ProbeFlow ping(String from, String to, long interval, int size, long stop) {
        return io.tunnelsim.testutil.Nets.ping(net, from, to, interval, size, stop);
    }
}
