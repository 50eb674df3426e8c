package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failover regressions of issue 12, run from scenario YAML with probes. */
class RoutingFailoverScenarioTest {
    static final Path DIR = Path.of("src/test/resources/yaml/routing");

    static VariantResult run(String file, int variant, Path out) throws Exception {
        ScenarioSpec s = ScenarioLoader.load(DIR.resolve(file));
        return Experiments.run(s, s.variants().get(variant), out, false, s.durationNs(), null);
    }

    static long lost(VariantResult r, String flow) {
        List<ProbeRecord> l = r.probes().stream().filter(p -> p.flow().equals(flow)).toList();
        assertTrue(l.size() > 100, "probes sent: " + l.size());
        return l.stream().filter(p -> p.receivedNs() <= 0).count();
    }

    /**
     * The DR of a LAN crashes: the BDR takes over as the election runs before the Router-LSAs
     * are originated (RFC 2328 §9.4, §12.4), so traffic between the two survivors, which never
     * went through the DR, loses nothing.
     */
    @Test
    void drFailureLosesNothingBetweenSurvivors(@TempDir Path out) throws Exception {
        VariantResult r = run("ospf-dr-failure.yaml", 0, out);
        assertTrue(r.keyEvents().stream().anyMatch(e -> e.contains("Dead timer expired")), r.keyEvents().toString());
        assertEquals(0, lost(r, "pc1-to-pc2"));
    }
}
