package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.SweepResult;
import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BFD variants of the failover example over a sweep (failure shifted at random inside 10 s):
 * every trial lies inside the timer bounds, and the spread comes only from where the failure
 * falls between BFD packets and probes: at most one transmit interval plus one probe interval.
 */
class BfdSweepTest {
    static final long MS = SimTime.MILLISECOND;
    static final long PROBE = 200 * MS;
    static final long DETECT = BfdTimers.DEFAULT.symmetricDetectionTime();

    @Test
    void everyTrialInsideTheTimerBounds(@TempDir Path dir) throws Exception {
        ScenarioSpec full = ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples/failover-static-vs-dynamic.yaml"));
        List<io.tunnelsim.scenario.spec.VariantSpec> bfd = full.variants().stream()
                .filter(v -> v.bfd().isPresent()).toList();
        assertEquals(2, bfd.size());
        ScenarioSpec s = new ScenarioSpec(full.name(), full.file(), full.topology(), 200 * SimTime.SECOND, full.seed(),
                full.warmupNs(), full.probes(), full.timeline().subList(0, 1), bfd, full.sweep(), full.warnings(),
                full.live());
        SweepResult r = Experiments.sweep(s, dir, 8, 2, null);
        for (var v : r.samples().entrySet()) {
            long spf = v.getKey().startsWith("ospf") ? 50 * MS : 0;
            List<OutageSample> samples = v.getValue().values().iterator().next();
            assertEquals(8, samples.size());
            long min = Long.MAX_VALUE;
            long max = 0;
            for (OutageSample o : samples) {
                long w = o.outageNs().orElseThrow();
                assertTrue(w >= DETECT - BfdTimers.DEFAULT_TX - PROBE && w <= DETECT + spf + PROBE + 100 * MS,
                        v.getKey() + ": " + SimTime.formatShort(w));
                min = Math.min(min, w);
                max = Math.max(max, w);
            }
            assertTrue(max - min <= BfdTimers.DEFAULT_TX + PROBE, v.getKey() + " spread " + SimTime.formatShort(max - min));
            assertTrue(max > min, v.getKey() + ": the failure's phase against the BFD packets shows in the outage");
        }
    }
}
