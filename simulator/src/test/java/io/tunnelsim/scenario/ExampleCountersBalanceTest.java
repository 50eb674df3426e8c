package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.node.Counters;
import io.tunnelsim.node.Node;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped example (examples/*.yaml; the live ones under examples/live need a TAP device),
 * every variant, run to its end: on every node, packets in = packets out + packets still held
 * (docs/model.md, "Counters").
 */
class ExampleCountersBalanceTest {

    static List<Path> examples() throws Exception {
        Path dir = ExampleCaptureInteropTest.root().resolve("examples");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** One line per node whose counters do not balance; empty when all do. */
    static List<String> unbalanced(Iterable<Node> nodes) {
        List<String> bad = new ArrayList<>();
        for (Node n : nodes) {
            Counters c = n.counters();
            if (c.imbalance() != 0) {
                bad.add(n.name() + ": " + c.balanceLine() + " drops " + c.networkDropsByReason());
            }
        }
        return bad;
    }

    @TestFactory
    List<DynamicTest> everyNodeOfEveryVariantBalances() throws Exception {
        List<Path> files = examples();
        assertTrue(files.size() >= 8, "the shipped examples: " + files);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            ScenarioSpec s = ScenarioLoader.load(f);
            assertFalse(s.live().enabled(), f + " is live: examples/live holds those");
            for (VariantSpec v : s.variants()) {
                tests.add(DynamicTest.dynamicTest(f.getFileName() + " " + v.name(), () -> {
                    RunResult r = ScenarioRunner.run(s, v, RunOptions.DEFAULT);
                    List<String> bad = unbalanced(r.built().network().nodes());
                    assertEquals(List.of(), bad, "counters that do not balance at the end");
                    long packets = 0;
                    for (Node n : r.built().network().nodes()) {
                        packets += n.counters().in();
                    }
                    assertTrue(packets > 0, "the run moved packets");
                }));
            }
        }
        return tests;
    }
}
