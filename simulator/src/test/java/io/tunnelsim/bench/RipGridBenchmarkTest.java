package io.tunnelsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Network;
import io.tunnelsim.routing.rip.RipRouteInfo;
import io.tunnelsim.sim.SimTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark's grid does the work it claims: after RIP has converged every router holds every
 * link prefix, with the hop count of the shortest path on the grid (Manhattan distance to the
 * nearer end of the link, plus one, RFC 2453 §3.4), so the figures compare like with like.
 */
class RipGridBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void everyRouterLearnsEveryLinkAtItsGridDistance(int k) {
        Network net = new Network(1);
        RipGridBenchmark.Grid grid = RipGridBenchmark.build(net, k);
        net.start();
        // the diameter is 2(k-1) hops; one triggered update per hop (at most 5 s, RFC 2453 §3.10.1)
        // or at the latest one periodic update (30 s) per hop
        net.runUntil((2 * (k - 1) + 1) * 30 * SimTime.SECOND);
        Map<Ipv4Prefix, int[]> links = new HashMap<>();
        int n = 0;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                if (c + 1 < k) {
                    links.put(prefix(n++), new int[] {r, c, r, c + 1});
                }
                if (r + 1 < k) {
                    links.put(prefix(n++), new int[] {r, c, r + 1, c});
                }
            }
        }
        assertEquals(2 * k * (k - 1), links.size());
        for (int i = 0; i < k * k; i++) {
            int row = i / k;
            int col = i % k;
            Map<Ipv4Prefix, Integer> metrics = new HashMap<>();
            for (RipRouteInfo ri : grid.rip()[i].routes()) {
                if (ri.reachable()) {
                    metrics.put(ri.prefix(), ri.metric());
                }
            }
            assertEquals(links.keySet(), metrics.keySet(), "routes of r-" + row + "-" + col);
            for (var e : links.entrySet()) {
                int[] l = e.getValue();
                int d = Math.min(Math.abs(row - l[0]) + Math.abs(col - l[1]), Math.abs(row - l[2]) + Math.abs(col - l[3]));
                assertEquals(d + 1, metrics.get(e.getKey()), "metric of " + e.getKey() + " at r-" + row + "-" + col);
            }
            assertEquals(links.size(), grid.routers()[i].fib().entries().stream()
                    .filter(f -> f.prefix().length() == 30).count(), "FIB of r-" + row + "-" + col);
        }
    }

    private static Ipv4Prefix prefix(int link) {
        return new Ipv4Prefix(new Ipv4Address(Ipv4Address.parse("10.0.0.0").bits() + 4 * link), 30);
    }
}
