package io.tunnelsim.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import io.tunnelsim.testutil.Nets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StaticRoutingTest {
    private static final Ipv4Prefix TARGET = Ipv4Prefix.parse("10.9.0.0/16");

    private Network net;
    private Node r;
    private EthernetInterface eth0;
    private EthernetInterface eth1;
    private StaticRouting statics;

    /**
     * One router: eth0 on 198.51.100.0/24, eth1 on 203.0.113.0/24; 10.9.0.0/16 via 192.0.2.9,
     * which resolves through the static 192.0.2.0/24 via 198.51.100.1 (a second level of
     * recursion), and a default via 203.0.113.1.
     */
    private void build() {
        net = new Network(1);
        r = net.addRouter("r");
        Node a = net.addRouter("a");
        Node b = net.addRouter("b");
        eth0 = Nets.cable(net, "l0", 1000, r, "eth0", "198.51.100.2/24", a, "eth0", "198.51.100.1/24");
        eth1 = Nets.cable(net, "l1", 1000, r, "eth1", "203.0.113.2/24", b, "eth0", "203.0.113.1/24");
        Nets.statics(r, StaticRoute.via("10.9.0.0/16", "192.0.2.9"), StaticRoute.via("192.0.2.0/24", "198.51.100.1"),
                StaticRoute.via("0.0.0.0/0", "203.0.113.1"));
        statics = r.service(StaticRouting.class);
        net.start();
    }

    private String target() {
        FibEntry e = r.fib().get(TARGET);
        return e == null ? null : e.first().egress().name() + " " + e.first().nextHopAddress();
    }

    @Test
    void aChangeCoveringTheSecondLevelNextHopMovesTheRoute() {
        build();
        assertEquals("eth0 198.51.100.1", target());
        // covers 198.51.100.1 (the next hop of the route 192.0.2.9 resolves through), not 192.0.2.9
        Nets.statics(r, StaticRoute.out("198.51.100.0/25", "eth1", 1));
        assertEquals("eth1 198.51.100.1", target());
        // a more specific route for the first-level next hop itself
        Ipv4Prefix p = Ipv4Prefix.parse("192.0.2.8/30");
        r.rib().update(RouteSource.OSPF, p, List.of(new Route(p, Ipv4Address.parse("203.0.113.1").bits(), eth1, 110, 20,
                RouteSource.OSPF)));
        assertEquals("eth1 203.0.113.1", target());
        r.rib().update(RouteSource.OSPF, p, List.of());
        assertEquals("eth1 198.51.100.1", target());
    }

    @Test
    void withoutAnyResolutionTheRouteLeaves() {
        build();
        eth0.setAdminUp(false);
        // 192.0.2.9 now resolves through 0.0.0.0/0 via 203.0.113.1
        assertEquals("eth1 203.0.113.1", target());
        eth1.setAdminUp(false);
        assertNull(target());
    }

    /**
     * Random FIB changes from another source, near and far from the addresses the resolution
     * looks up. After each, a full re-resolution (which a track change forces) must find nothing
     * to change: the changes skipped as not covering a looked-up address were indeed irrelevant.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void skippingUncoveredChangesLosesNoResolution(long seed) {
        build();
        Random rnd = new Random(seed);
        String[] prefixes = {"192.0.2.0/25", "192.0.2.8/29", "192.0.2.9/32", "192.0.0.0/16", "198.51.100.0/25",
            "198.51.100.0/31", "198.51.100.1/32", "10.9.0.0/17", "172.16.0.0/24", "172.16.4.0/22", "0.0.0.0/1",
            "128.0.0.0/1", "10.0.0.0/8"};
        int moved = 0;
        String last = target();
        for (int i = 0; i < 300; i++) {
            Ipv4Prefix p = Ipv4Prefix.parse(prefixes[rnd.nextInt(prefixes.length)]);
            if (rnd.nextInt(3) == 0) {
                r.rib().update(RouteSource.OSPF, p, List.of());
            } else {
                boolean viaEth0 = rnd.nextBoolean();
                int nh = Ipv4Address.parse(viaEth0 ? "198.51.100.1" : "203.0.113.1").bits();
                r.rib().update(RouteSource.OSPF, p, List.of(new Route(p, nh, viaEth0 ? eth0 : eth1, 110, rnd.nextInt(3),
                        RouteSource.OSPF)));
            }
            String now = target();
            statics.setTrackState(99, i % 2 == 0); // no route uses track 99: only forces a full resolution
            assertEquals(now, target(), "step " + i + ": a full resolution changed the route after " + p);
            if (!java.util.Objects.equals(now, last)) {
                moved++;
            }
            last = now;
        }
        // the random changes did reach the resolution, so the check above compared something
        org.junit.jupiter.api.Assertions.assertTrue(moved > 5, "the route moved " + moved + " times");
    }
}
