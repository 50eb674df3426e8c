package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The primitive-array distances behind generated static routes equal jgrapht's Dijkstra on the
 * same graph with the same router left out, on seeded random overlays (sparse and dense,
 * asymmetric costs, unreachable parts).
 */
class OverlayDistancesTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesJgraphtDijkstraWithOneRouterLeftOut(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 5 + rnd.nextInt(60);
        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < n; i++) {
            g.addVertex("r" + i);
        }
        int edges = n + rnd.nextInt(4 * n);
        for (int k = 0; k < edges; k++) {
            String a = "r" + rnd.nextInt(n);
            String b = "r" + rnd.nextInt(n);
            if (!a.equals(b) && !g.containsEdge(a, b)) {
                g.setEdgeWeight(g.addEdge(a, b), 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 65535));
            }
        }
        RoutingPlan.OverlayDistances fast = new RoutingPlan.OverlayDistances(g);
        for (int trial = 0; trial < 20; trial++) {
            String excluded = "r" + rnd.nextInt(n);
            String source = "r" + rnd.nextInt(n);
            if (source.equals(excluded)) {
                continue;
            }
            Graph<String, DefaultWeightedEdge> without = new MaskSubgraph<>(g, v -> v.equals(excluded), e -> false);
            ShortestPathAlgorithm.SingleSourcePaths<String, DefaultWeightedEdge> ref =
                    new DijkstraShortestPath<>(without).getPaths(source);
            long[] dist = fast.from(source, excluded);
            for (int i = 0; i < n; i++) {
                String v = "r" + i;
                if (v.equals(excluded)) {
                    continue;
                }
                double expected = ref.getWeight(v);
                long got = dist[fast.index(v)];
                if (Double.isInfinite(expected)) {
                    assertEquals(RoutingPlan.OverlayDistances.UNREACHABLE, got, source + " -> " + v + " without " + excluded);
                } else {
                    assertEquals((long) expected, got, source + " -> " + v + " without " + excluded);
                }
            }
        }
    }
}
