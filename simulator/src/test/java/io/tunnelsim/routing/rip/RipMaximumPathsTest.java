package io.tunnelsim.routing.rip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.sim.SimTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IOS {@code maximum-paths} for RIP: a learns d's network at metric 3 through b and through c
 * (an equal-cost diamond) and installs both paths up to the configured maximum; flows are spread
 * by the FIB's source/destination hash; when b-d fails, b's triggered withdrawal removes one path
 * and the other keeps forwarding without a gap.
 */
class RipMaximumPathsTest {
    static final long S = SimTime.SECOND;
    static final Ipv4Prefix DST = Ipv4Prefix.parse("10.0.5.0/24");

    private record Diamond(Network net, Map<String, RipProcess> rip) {
    }

    private static Diamond diamond(long seed, int maxPaths) {
        Network net = new Network(seed);
        Node a = net.addRouter("a");
        Node b = net.addRouter("b");
        Node c = net.addRouter("c");
        Node d = net.addRouter("d");
        RipConfig cfg = RipConfig.defaults().withMaxPaths(maxPaths);
        Map<String, RipProcess> rip = Map.of("a", RipProcess.create(a, cfg), "b", RipProcess.create(b, cfg),
                "c", RipProcess.create(c, cfg), "d", RipProcess.create(d, cfg));
        String[][] links = {{"a", "b", "10.0.1"}, {"a", "c", "10.0.2"}, {"b", "d", "10.0.3"}, {"c", "d", "10.0.4"}};
        Map<String, Integer> ifs = new java.util.HashMap<>();
        for (String[] l : links) {
            String ix = "eth" + ifs.merge(l[0], 1, Integer::sum);
            String iy = "eth" + ifs.merge(l[1], 1, Integer::sum);
            var ex = net.addEthernet(net.node(l[0]), ix, Ipv4Prefix.parse(l[2] + ".1/24"), 1500);
            var ey = net.addEthernet(net.node(l[1]), iy, Ipv4Prefix.parse(l[2] + ".2/24"), 1500);
            net.connect(l[0] + "-" + l[1], 100_000_000L, 2 * SimTime.MILLISECOND, 0, 1500, 1000, ex, ey);
            rip.get(l[0]).enable(ix, false, 0);
            rip.get(l[1]).enable(iy, false, 0);
        }
        net.addLoopback(d, "lo0", Ipv4Prefix.parse("10.0.5.1/24"));
        rip.get("d").enable("lo0", true, 0);
        return new Diamond(net, rip);
    }

    @ParameterizedTest
    @CsvSource({"1, 4", "2, 4", "3, 1", "4, 2"})
    void equalCostPathsAreInstalledUpToMaximumPathsAndSurviveALinkFailure(long seed, int maxPaths) {
        Diamond t = diamond(seed, maxPaths);
        Node a = t.net().node("a");
        t.net().runUntil(90 * S);
        FibEntry e = a.rib().fib().lookup(DST.network().address().plus(10).bits());
        assertNotNull(e);
        int expected = Math.min(2, maxPaths);
        assertEquals(expected, e.pathCount(), "paths through b and c, at most maximum-paths " + maxPaths);
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            used.add(e.select(Ipv4Address.parse("10.0.0.1").bits() + i, DST.network().address().plus(10).bits()).nextHop());
        }
        assertEquals(expected, used.size(), "flows hash over every installed path");
        assertEquals(e.select(7, 9), e.select(7, 9), "one flow keeps its path");
        if (expected == 2) {
            t.net().segment("b-d").setCarrier(false);
            long fail = t.net().scheduler().now();
            for (long at = fail; at <= fail + 6 * S; at += 50 * SimTime.MILLISECOND) {
                t.net().runUntil(at);
                assertNotNull(a.rib().fib().lookup(DST.network().address().plus(10).bits()), "a route at every instant");
            }
            FibEntry after = a.rib().fib().lookup(DST.network().address().plus(10).bits());
            assertEquals(1, after.pathCount(), "b's triggered withdrawal (1-5 s) removed the path through b");
            assertEquals(Ipv4Address.parse("10.0.2.2").bits(), after.first().nextHop(), "via c");
            assertTrue(t.rip().get("a").routes().stream().anyMatch(r -> r.prefix().equals(DST) && r.metric() == 3));
        }
    }
}
