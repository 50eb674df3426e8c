package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;

/**
 * RIB selection: per prefix the eligible routes (egress up) with the lowest administrative
 * distance, then the lowest metric, all of them on a tie (ECMP); each change reaches the FIB
 * once.
 */
class RibTest {

    static final Ipv4Prefix P = Ipv4Prefix.parse("10.9.0.0/16");

    Network net;
    Router r;
    EthernetInterface a;
    EthernetInterface b;
    List<String> changes;

    @BeforeEach
    void setUp() {
        net = new Network(1);
        r = net.addRouter("r");
        Router x = net.addRouter("x");
        Router y = net.addRouter("y");
        a = net.addEthernet(r, "eth0", Ipv4Prefix.parse("192.0.2.1/30"), 1500);
        b = net.addEthernet(r, "eth1", Ipv4Prefix.parse("192.0.2.5/30"), 1500);
        net.connect("ra", 1_000_000_000L, 1_000_000L, 0, 1500, 100, a, net.addEthernet(x, "eth0",
                Ipv4Prefix.parse("192.0.2.2/30"), 1500));
        net.connect("rb", 1_000_000_000L, 1_000_000L, 0, 1500, 100, b, net.addEthernet(y, "eth0",
                Ipv4Prefix.parse("192.0.2.6/30"), 1500));
        net.start();
        changes = new ArrayList<>();
        r.addFibListener((n, p, before, after) -> {
            if (p.equals(P)) {
                changes.add(after == null ? "removed" : after.paths().toString());
            }
        });
    }

    Route route(Interface via, int hop, int distance, long metric, RouteSource s) {
        return new Route(P, Ipv4Address.parse("192.0.2." + hop).bits(), via, distance, metric, s);
    }

    @Test
    void lowerDistanceWinsWhateverTheMetric() {
        Route ospf = route(a, 2, 110, 1, RouteSource.OSPF);
        Route floating = route(b, 6, 200, 0, RouteSource.STATIC);
        r.rib().update(RouteSource.OSPF, P, List.of(ospf));
        r.rib().update(RouteSource.STATIC, P, List.of(floating));
        assertEquals(List.of(ospf), r.rib().fib().get(P).paths());
        r.rib().update(RouteSource.OSPF, P, List.of());
        assertEquals(List.of(floating), r.rib().fib().get(P).paths(), "the floating static takes over");
        assertEquals(2, changes.size());
    }

    @Test
    void equalDistanceThenLowerMetricAndTiesAreEqualCost() {
        Route viaA = route(a, 2, 110, 20, RouteSource.OSPF);
        Route viaB = route(b, 6, 110, 10, RouteSource.OSPF);
        r.rib().update(RouteSource.OSPF, P, List.of(viaA, viaB));
        assertEquals(List.of(viaB), r.rib().fib().get(P).paths());
        Route viaA10 = route(a, 2, 110, 10, RouteSource.OSPF);
        r.rib().update(RouteSource.OSPF, P, List.of(viaA10, viaB));
        assertEquals(List.of(viaA10, viaB), r.rib().fib().get(P).paths(), "equal cost: both paths");
    }

    @Test
    void offeringTheSameRoutesAgainChangesNothing() {
        Route viaA = route(a, 2, 1, 0, RouteSource.STATIC);
        r.rib().update(RouteSource.STATIC, P, List.of(viaA));
        r.rib().update(RouteSource.STATIC, P, List.of(viaA));
        r.rib().update(RouteSource.RIP, P, List.of());
        assertEquals(1, changes.size(), changes.toString());
        r.rib().withdrawAll(RouteSource.STATIC);
        assertNull(r.rib().fib().get(P));
        assertEquals(List.of(List.of(viaA).toString(), "removed"), changes);
    }

    @Test
    void aRouteThroughADownInterfaceIsNotEligible() {
        Route viaA = route(a, 2, 1, 0, RouteSource.STATIC);
        Route viaB = route(b, 6, 120, 3, RouteSource.RIP);
        r.rib().update(RouteSource.STATIC, P, List.of(viaA));
        r.rib().update(RouteSource.RIP, P, List.of(viaB));
        a.setAdminUp(false);
        net.runUntil(net.scheduler().now() + 1);
        assertEquals(List.of(viaB), r.rib().fib().get(P).paths(), "shutdown moves the prefix to the next source");
        a.setAdminUp(true);
        net.runUntil(net.scheduler().now() + 1);
        assertEquals(List.of(viaA), r.rib().fib().get(P).paths());
    }

    static LongStream seeds() {
        return LongStream.range(0, 25).map(i -> 0x5eed_0000L + i);
    }

    /** Random offers from every source, checked against a direct reading of the selection rule. */
    @ParameterizedTest
    @MethodSource("seeds")
    void selectionMatchesTheRule(long seed) {
        Random rnd = new Random(seed);
        Map<RouteSource, List<Route>> offered = new EnumMap<>(RouteSource.class);
        for (int step = 0; step < 40; step++) {
            RouteSource s = RouteSource.values()[rnd.nextInt(RouteSource.values().length)];
            List<Route> routes = new ArrayList<>();
            int n = rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                boolean viaA = rnd.nextBoolean();
                Route candidate = route(viaA ? a : b, viaA ? 2 : 6, s.defaultDistance() + rnd.nextInt(2) * 100,
                        rnd.nextInt(3), s);
                if (!routes.contains(candidate)) {
                    routes.add(candidate);
                }
            }
            r.rib().update(s, P, routes);
            if (routes.isEmpty()) {
                offered.remove(s);
            } else {
                offered.put(s, routes);
            }
            List<Route> expected = best(offered);
            FibEntry e = r.rib().fib().get(P);
            assertEquals(expected, e == null ? List.of() : e.paths(), "seed " + seed + " step " + step);
        }
    }

    private static List<Route> best(Map<RouteSource, List<Route>> offered) {
        int d = Integer.MAX_VALUE;
        long m = Long.MAX_VALUE;
        for (List<Route> rs : offered.values()) {
            for (Route x : rs) {
                if (x.distance() < d || x.distance() == d && x.metric() < m) {
                    d = x.distance();
                    m = x.metric();
                }
            }
        }
        List<Route> out = new ArrayList<>();
        for (List<Route> rs : offered.values()) {
            for (Route x : rs) {
                if (x.distance() == d && x.metric() == m && !out.contains(x)) {
                    out.add(x);
                }
            }
        }
        return out;
    }
}
