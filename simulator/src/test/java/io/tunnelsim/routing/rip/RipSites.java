package io.tunnelsim.routing.rip;

import io.tunnelsim.testutil.SiteNet;
import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test networks for RIP (built with {@link SiteNet}), plus a recorder of FIB changes.
 *
 * <p>{@link #gre}: four sites; a, b and c form a triangle of GRE tunnels, each tunnel riding on
 * its own provider link, and d hangs off c by one more tunnel. RIP runs on the tunnels and
 * (passive) on the site LANs, never on the provider links.
 * <pre>
 *   a ═══tunnel0/tunnel0═══ b        tunnel subnets 172.16.0.0/30 (a-b), .4/30 (a-c),
 *    ╲                     ╱         .8/30 (b-c), .12/30 (c-d); site LANs 10.N.0.0/24
 *   tunnel1           tunnel1        provider links 192.0.2.0/30 (a-b), .4/30 (a-c),
 *      ╲                 ╱           .8/30 (b-c), .12/30 (c-d)
 *       c ════tunnel2════ d
 * </pre>
 */
final class RipSites {
    /**
     * Poison reverse and request on loss: both options explicit (the defaults are simple split
     * horizon and no request, as IOS and FRR), for the tests written around them.
     */
    static final RipConfig POISON_WITH_REQUEST = RipConfig.defaults().withSplitHorizon(SplitHorizon.POISON_REVERSE)
            .withRequestOnLoss(true);

    static final long S = SimTime.SECOND;
    static final long MS = SimTime.MILLISECOND;
    static final long LINK_DELAY = 5 * MS;

    /** One FIB change of one prefix: metric of the first path, or -1 when removed. */
    record Change(long time, String node, Ipv4Prefix prefix, long metric, String egress) {
    }

    final SiteNet sites;
    final Network net;
    final Map<String, RipProcess> rip = new LinkedHashMap<>();
    final List<Change> changes = new ArrayList<>();

    RipSites(long seed) {
        sites = SiteNet.create(seed);
        net = sites.network();
        net.addFibListener((n, prefix, before, after) -> changes.add(new Change(net.scheduler().now(), n.name(), prefix,
                after == null ? -1 : after.first().metric(), after == null ? null : after.first().egress().name())));
    }

    static RipSites gre(long seed, RipConfig config) {
        RipSites t = new RipSites(seed);
        Network net = t.net;
        for (String s : List.of("a", "b", "c", "d")) {
            t.sites.site(s, "10." + (s.charAt(0) - 'a' + 1) + ".0");
        }
        t.wan("a", "eth0", "b", "eth0", 0);
        t.wan("a", "eth1", "c", "eth0", 4);
        t.wan("b", "eth1", "c", "eth1", 8);
        t.wan("c", "eth2", "d", "eth0", 12);
        t.tunnel("a", "tunnel0", "eth0", "b", "tunnel0", "eth0", 0);
        t.tunnel("a", "tunnel1", "eth1", "c", "tunnel0", "eth0", 4);
        t.tunnel("b", "tunnel1", "eth1", "c", "tunnel1", "eth1", 8);
        t.tunnel("c", "tunnel2", "eth2", "d", "tunnel0", "eth0", 12);
        for (Node r : List.of(net.node("a"), net.node("b"), net.node("c"), net.node("d"))) {
            RipProcess p = RipProcess.create(r, config);
            p.enable("lan0", true, 0);
            r.interfaces().forEach(i -> {
                if (i instanceof TunnelInterface) {
                    p.enable(i.name());
                }
            });
            t.rip.put(r.name(), p);
        }
        return t;
    }

    /** Provider link between {@code x} and {@code y} on 192.0.2.{base}/30. */
    void wan(String x, String xIf, String y, String yIf, int base) {
        sites.cable(x + "-" + y, LINK_DELAY, x + ":" + xIf, "192.0.2." + (base + 1) + "/30",
                y + ":" + yIf, "192.0.2." + (base + 2) + "/30");
    }

    /** GRE tunnel riding on the provider link 192.0.2.{base}/30, addressed 172.16.0.{base}/30. */
    void tunnel(String x, String xTun, String xSrc, String y, String yTun, String ySrc, int base) {
        sites.tunnel(x, xTun, TunnelConfig.basic(xSrc, "192.0.2." + (base + 2)), "172.16.0." + (base + 1) + "/30")
                .tunnel(y, yTun, TunnelConfig.basic(ySrc, "192.0.2." + (base + 1)), "172.16.0." + (base + 2) + "/30");
    }

    static Ipv4Prefix p(String s) {
        return Ipv4Prefix.parse(s);
    }

    static int addr(String s) {
        return Ipv4Address.parse(s).bits();
    }

    /** The FIB entry of {@code node} for exactly {@code prefix}, or null. */
    FibEntry fib(String node, String prefix) {
        return net.node(node).fib().get(p(prefix));
    }

    /** Changes of {@code prefix} at {@code node} at or after {@code from}. */
    List<Change> changesOf(String node, String prefix, long from) {
        Ipv4Prefix px = p(prefix);
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            if (c.time() >= from && c.node().equals(node) && c.prefix().equals(px)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Time of the last FIB change at or after {@code from} anywhere, or -1. */
    long lastChange(long from) {
        long t = -1;
        for (Change c : changes) {
            if (c.time() >= from) {
                t = c.time();
            }
        }
        return t;
    }
}
