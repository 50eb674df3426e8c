package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.AREA0;
import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Route;
import io.tunnelsim.wire.LsaHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Oracle: on seeded random connected topologies, after convergence every router's OSPF cost
 * and set of next hops to every other router's loopback equal what a jgrapht shortest-path
 * computation over the same link costs gives (all equal-cost first hops).
 */
class OspfOracleTest {

    @ParameterizedTest(name = "seed {0}, {1} routers, {2} extra links, costs 1..{3}, {4} more links at r0")
    @CsvSource({"1, 50, 30, 10, 0", "2, 60, 40, 3, 0", "3, 80, 60, 20, 0", "4, 55, 80, 2, 0", "5, 45, 10, 3, 35"})
    void nextHopsAndCostsEqualShortestPaths(long seed, int n, int extra, int maxCost, int hubLinks) {
        SplittableRandom rnd = new SplittableRandom(seed);
        OspfLab lab = new OspfLab(seed);
        Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "r" + i;
            lab.router(names[i], "172.16." + (i / 250) + "." + (i % 250 + 1));
            g.addVertex(names[i]);
        }
        // neighbour address → router, per (router, interface)
        Map<Integer, String> ownerOfAddress = new HashMap<>();
        int links = 0;
        List<int[]> pairs = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            pairs.add(new int[] {rnd.nextInt(i), i}); // a random spanning tree keeps it connected
        }
        // r0 as a hub: a router with many links takes the other path of the two-way check
        for (int b = 1; pairs.size() < n - 1 + hubLinks && b < n; b++) {
            int hb = b;
            if (pairs.stream().noneMatch(p -> (p[0] == 0 && p[1] == hb) || (p[0] == hb && p[1] == 0))) {
                pairs.add(new int[] {0, b});
            }
        }
        while (pairs.size() < n - 1 + hubLinks + extra) {
            int a = rnd.nextInt(n);
            int b = rnd.nextInt(n);
            if (a != b && !g.containsEdge(names[a], names[b]) && pairs.stream().noneMatch(
                    p -> (p[0] == a && p[1] == b) || (p[0] == b && p[1] == a))) {
                pairs.add(new int[] {a, b});
            }
        }
        for (int[] p : pairs) {
            int cost = 1 + rnd.nextInt(maxCost);
            String subnet = "10." + (links >> 6) + "." + ((links & 63) * 4) + ".0/30";
            lab.p2p(names[p[0]], names[p[1]], subnet, cost);
            Ipv4Prefix s = Ipv4Prefix.parse(subnet);
            ownerOfAddress.put(s.address().bits() + 1, names[p[0]]);
            ownerOfAddress.put(s.address().bits() + 2, names[p[1]]);
            DefaultWeightedEdge e = g.addEdge(names[p[0]], names[p[1]]);
            g.setEdgeWeight(e, cost);
            links++;
        }
        lab.runUntil(120 * S);
        assertTrue(lab.allFull());

        // every database holds the same instances
        List<LsaHeader> ref = lab.ospf(names[0]).databaseHeaders(AREA0);
        assertEquals(n, ref.size());
        for (String r : names) {
            List<LsaHeader> h = lab.ospf(r).databaseHeaders(AREA0);
            assertEquals(ref.size(), h.size(), r);
            for (int i = 0; i < ref.size(); i++) {
                assertEquals(ref.get(i).key(), h.get(i).key(), r);
                assertEquals(ref.get(i).sequenceNumber(), h.get(i).sequenceNumber(), r);
                assertEquals(ref.get(i).checksum(), h.get(i).checksum(), r);
            }
        }

        DijkstraShortestPath<String, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(g);
        Map<String, ShortestPathAlgorithm.SingleSourcePaths<String, DefaultWeightedEdge>> from = new HashMap<>();
        for (String r : names) {
            from.put(r, dijkstra.getPaths(r));
        }
        int ecmp = 0;
        for (int si = 0; si < n; si++) {
            String src = names[si];
            for (int di = 0; di < n; di++) {
                if (si == di) {
                    continue;
                }
                String dst = names[di];
                double dist = from.get(src).getWeight(dst);
                TreeSet<String> expected = new TreeSet<>();
                for (DefaultWeightedEdge e : g.edgesOf(src)) {
                    String nb = g.getEdgeTarget(e).equals(src) ? g.getEdgeSource(e) : g.getEdgeTarget(e);
                    if (g.getEdgeWeight(e) + from.get(nb).getWeight(dst) == dist) {
                        expected.add(nb);
                    }
                }
                Ipv4Prefix lo = Ipv4Prefix.parse("172.16." + (di / 250) + "." + (di % 250 + 1) + "/32");
                List<Route> routes = lab.ospf(src).installedRoutes().get(lo);
                assertTrue(routes != null, src + " has no route to " + dst);
                TreeSet<String> actual = new TreeSet<>();
                for (Route r : routes) {
                    assertEquals((long) dist, r.metric(), src + " → " + dst);
                    assertEquals(110, r.distance());
                    String owner = ownerOfAddress.get(r.nextHop());
                    Interface egress = r.egress();
                    assertTrue(egress.ipv4().contains(r.nextHop()), "next hop on the egress subnet");
                    actual.add(owner);
                }
                assertEquals(expected, actual, src + " → " + dst);
                assertEquals(expected.size(), lab.node(src).fib().get(lo).pathCount(), "FIB carries every path");
                if (expected.size() > 1) {
                    ecmp++;
                }
            }
        }
        if (maxCost <= 3) {
            assertTrue(ecmp > 0, "small cost ranges produce equal-cost multipath cases");
        }
    }
}
