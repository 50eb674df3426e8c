package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison the README shows first: the committed table must match a fresh run, and the
 * figures must sit inside the bounds the protocols' timers give.
 */
class ReferenceReportTest {
    static final long S = SimTime.SECOND;

    @Test
    void committedComparisonMatchesAFreshRunAndTheTimerBounds(@TempDir Path dir) throws Exception {
        Path root = ExampleCaptureInteropTest.root();
        ScenarioSpec s = ScenarioLoader.load(root.resolve("examples/failover-static-vs-dynamic.yaml"));
        List<VariantResult> results = Experiments.compare(s, dir, 2, null);
        assertEquals(Files.readString(root.resolve("reports/failover-static-vs-dynamic/comparison.csv")),
                Files.readString(dir.resolve("comparison.csv")),
                "regenerate with: ./tunnelsim compare examples/failover-static-vs-dynamic.yaml");

        Map<String, Long> outage = new TreeMap<>();
        for (VariantResult v : results) {
            ActionResult failure = v.actions().stream().filter(a -> a.action().startsWith("silent-failure")).findFirst().orElseThrow();
            assertTrue(failure.recovered(), v.name() + " recovers through the backup tunnel");
            outage.put(v.name(), failure.longestLossWindowNs().getAsLong());
            ActionResult restore = v.actions().stream().filter(a -> a.action().startsWith("silent-restore")).findFirst().orElseThrow();
            if (v.name().equals("static-keepalive")) {
                // each tunnel end comes back up at its own next keepalive; until both have, the
                // end still down drops what arrives: at most one keepalive period (10 s)
                assertTrue(restore.longestLossWindowNs().getAsLong() <= 10 * S + 200 * SimTime.MILLISECOND, v.name() + " give-back");
            } else {
                assertEquals(0, restore.lostProbes(), v.name() + ": giving the path back loses nothing");
            }
        }
        long probe = 200 * SimTime.MILLISECOND;
        // keepalive 10 s x 3: the tunnel goes down at the 4th period after the last answered keepalive
        assertBetween(outage.get("static-keepalive"), 30 * S, 40 * S + probe);
        // IP SLA every 5 s with a 2 s timeout
        assertBetween(outage.get("static-ip-sla"), 0, 5 * S + 2 * S + probe);
        // RIP: route timeout 180 s counted from the last update heard (updates every 30 s +-5 s);
        // with no request on loss (the IOS/FRR default) the backup route then arrives with the
        // neighbour's next periodic update, at most 35 s later
        assertBetween(outage.get("rip"), 180 * S - 35 * S, 180 * S + 35 * S + probe);
        // OSPF: between dead - hello and dead + SPF delay (modern throttle: 50 ms)
        assertBetween(outage.get("ospf"), 30 * S, 40 * S + 50 * SimTime.MILLISECOND + probe);
        assertBetween(outage.get("ospf-fast-hello"), 3 * S, 4 * S + 50 * SimTime.MILLISECOND + probe);
        // BFD 300 ms x 3: each end declares the session down 600-900 ms after the failure (its
        // last packet arrived at most one 300 ms interval before it), plus up to one probe
        // interval and the 0.1 s round trip; OSPF adds the SPF delay (modern throttle: 50 ms)
        long ms = SimTime.MILLISECOND;
        assertBetween(outage.get("static-bfd"), 600 * ms - probe, 900 * ms + probe + 100 * ms);
        assertBetween(outage.get("ospf-bfd"), 600 * ms - probe, 900 * ms + 50 * ms + probe + 100 * ms);
        assertTrue(Files.size(dir.resolve("convergence.png")) > 10_000);
        assertTrue(Files.size(dir.resolve("timeline.png")) > 10_000);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("data:image/png;base64,"));
    }

    static void assertBetween(long value, long low, long high) {
        assertTrue(value >= low && value <= high,
                SimTime.formatShort(value) + " outside [" + SimTime.formatShort(low) + ", " + SimTime.formatShort(high) + "]");
    }
}
