package io.tunnelsim.routing.track;

import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.testutil.Nets;
import io.tunnelsim.testutil.SiteNet;
import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.ArrayList;
import java.util.List;

/**
 * Two sites joined by two GRE tunnels, each over its own provider link (built with {@link SiteNet}):
 * <pre>
 *  hq-pc ─ hq ══ tunnel0 172.16.0.0/30 over wan-a (192.0.2.0/30) ══ br ─ br-pc
 *  10.1.0.0/24 ══ tunnel1 172.16.1.0/30 over wan-b (192.0.2.4/30) ══   10.2.0.0/24
 * </pre>
 * Each site reaches the other's LAN through tunnel0 (distance 1) with a floating static through
 * tunnel1 (distance 10).
 */
final class DualTunnel {
    static final long S = SimTime.SECOND;
    static final long MS = SimTime.MILLISECOND;

    /** Time and new egress of every FIB change of the remote LAN at {@code node}. */
    record Change(long time, String node, String egress) {
    }

    final Network net;
    final TunnelInterface hqPrimary;
    final TunnelInterface brPrimary;
    final List<Change> changes = new ArrayList<>();

    /**
     * @param keepalive keepalive period on both primary tunnels (0 = off)
     * @param tracked whether the primary statics carry {@code track 1}
     */
    DualTunnel(long seed, long keepalive, int retries, boolean tracked) {
        SiteNet sites = SiteNet.create(seed).routers("hq", "br").hosts("hq-pc", "br-pc")
                .cable("wan-a", 5 * MS, "hq:eth0", "192.0.2.1/30", "br:eth0", "192.0.2.2/30")
                .cable("wan-b", 8 * MS, "hq:eth1", "192.0.2.5/30", "br:eth1", "192.0.2.6/30")
                .lan("hq", "10.1.0").lan("br", "10.2.0");
        net = sites.network();
        Node hq = net.node("hq");
        Node br = net.node("br");
        TunnelConfig hqCfg = TunnelConfig.basic("eth0", "192.0.2.2");
        TunnelConfig brCfg = TunnelConfig.basic("eth0", "192.0.2.1");
        if (keepalive > 0) {
            hqCfg = hqCfg.withKeepalive(keepalive, retries);
            brCfg = brCfg.withKeepalive(keepalive, retries);
        }
        int track = tracked ? 1 : 0;
        sites.tunnel("hq", "tunnel0", hqCfg, "172.16.0.1/30")
                .tunnel("br", "tunnel0", brCfg, "172.16.0.2/30")
                .tunnel("hq", "tunnel1", TunnelConfig.basic("eth1", "192.0.2.6"), "172.16.1.1/30")
                .tunnel("br", "tunnel1", TunnelConfig.basic("eth1", "192.0.2.5"), "172.16.1.2/30")
                .statics("hq", new StaticRoute(Ipv4Prefix.parse("10.2.0.0/24"), null, "tunnel0", 1, track),
                        StaticRoute.out("10.2.0.0/24", "tunnel1", 10))
                .statics("br", new StaticRoute(Ipv4Prefix.parse("10.1.0.0/24"), null, "tunnel0", 1, track),
                        StaticRoute.out("10.1.0.0/24", "tunnel1", 10));
        hqPrimary = sites.tunnelOf("hq", "tunnel0");
        brPrimary = sites.tunnelOf("br", "tunnel0");
        net.addFibListener((n, prefix, before, after) -> {
            if ((n == hq && prefix.equals(Ipv4Prefix.parse("10.2.0.0/24")))
                    || (n == br && prefix.equals(Ipv4Prefix.parse("10.1.0.0/24")))) {
                changes.add(new Change(net.scheduler().now(), n.name(), after == null ? null : after.first().egress().name()));
            }
        });
    }

    static void statics(Node node, StaticRoute... routes) {
        Nets.statics(node, routes);
    }

    /** IP SLA 1 + track 1 on both routers, probing the far end of tunnel0 from tunnel0. */
    Track[] trackBoth(IpSlaConfig base, long upDelay, long downDelay) {
        IpSla hqSla = IpSla.create(net.node("hq"), new IpSlaConfig(1, Ipv4Address.parse("172.16.0.2"), "tunnel0", null,
                base.frequency(), base.timeout(), base.dataSize()));
        IpSla brSla = IpSla.create(net.node("br"), new IpSlaConfig(1, Ipv4Address.parse("172.16.0.1"), "tunnel0", null,
                base.frequency(), base.timeout(), base.dataSize()));
        return new Track[] {Track.create(net.node("hq"), 1, hqSla, upDelay, downDelay),
                Track.create(net.node("br"), 1, brSla, upDelay, downDelay)};
    }

    String egress(String node, String prefix) {
        FibEntry e = net.node(node).fib().get(Ipv4Prefix.parse(prefix));
        return e == null ? null : e.first().egress().name();
    }

    /** First change at {@code node} at or after {@code from} to {@code egress}, or -1. */
    long firstChange(String node, String egress, long from) {
        for (Change c : changes) {
            if (c.time() >= from && c.node().equals(node) && java.util.Objects.equals(egress, c.egress())) {
                return c.time();
            }
        }
        return -1;
    }

    long firstLog(String node, String facility, String message, long from) {
        for (EventLog.Entry e : net.log().entries()) {
            if (e.time() >= from && e.node().equals(node) && e.facility().equals(facility) && e.message().equals(message)) {
                return e.time();
            }
        }
        return -1;
    }

    ProbeFlow ping(long interval, long stop) {
        ProbeFlow f = new ProbeFlow("hq-pc>br-pc", 1, net.node("hq-pc"), Ipv4Address.parse("10.2.0.10"),
                ProbeFlow.Type.ICMP, interval, 100, 0, stop, 0);
        net.node("hq-pc").addService(f);
        return f;
    }
}
