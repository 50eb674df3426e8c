package io.tunnelsim.tunnel;

import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Nets;
import io.tunnelsim.testutil.SiteNet;

/**
 * Test network: two sites joined over one provider router, with a GRE tunnel between the
 * site routers ({@link SiteNet#twoSitesOverOneProvider} with the tunnels and static routes).
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
        SiteNet sites = SiteNet.twoSitesOverOneProvider(seed)
                .tunnel("hq", "tunnel0", hqCfg, "172.16.0.1/30")
                .tunnel("br", "tunnel0", brCfg, "172.16.0.2/30")
                .statics("hq", StaticRoute.via("0.0.0.0/0", "203.0.113.1"), StaticRoute.out("10.2.0.0/24", "tunnel0", 1))
                .statics("br", StaticRoute.via("0.0.0.0/0", "198.51.100.1"), StaticRoute.out("10.1.0.0/24", "tunnel0", 1));
        net = sites.network();
        hqTunnel = sites.tunnelOf("hq", "tunnel0");
        brTunnel = sites.tunnelOf("br", "tunnel0");
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
