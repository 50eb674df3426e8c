package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.spec.ScenarioException;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ICMPv6 probes from scenario YAML: IPv6 carried between sites as a GRE passenger. */
class Ipv6ProbeTest {

    @Test
    void ipv6FlowCrossesTheGreTunnelLikeItsIpv4Twin(@TempDir Path dir) throws Exception {
        ScenarioSpec s = ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples/gre-basic.yaml"));
        assertTrue(s.probes().stream().anyMatch(p -> p.isIpv6() && p.to().equals("2001:db8:2::10")));
        VariantResult r = Experiments.run(s, s.variants().get(0), dir, false, 59_000_000_000L, null);
        List<ProbeRecord> v6 = r.probes().stream().filter(p -> p.flow().equals("hq-to-br-v6")).toList();
        List<ProbeRecord> v4 = r.probes().stream().filter(p -> p.flow().equals("hq-to-br")).toList();
        assertEquals(v4.size(), v6.size());
        assertTrue(v6.size() >= 100);
        // the first echo waits for neighbour discovery on both LANs; every later one is answered
        assertTrue(v6.stream().skip(1).allMatch(p -> p.receivedNs() > 0), "ICMPv6 echoes answered across the tunnel");
    }

    @Test
    void ipv6TargetsMustBeIcmpAndLargeEnough(@TempDir Path dir) throws Exception {
        Path topo = ExampleCaptureInteropTest.root().resolve("topologies/gre-two-site.yaml");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: v6\ntopology: " + topo + "\nduration: 10s\nprobes:\n"
                + "  - {from: hq-pc, to: \"2001:db8:2::10\", type: udp}\n"
                + "  - {from: hq-pc, to: \"2001:db8:2::10\", size: 40, name: small}\n"
                + "  - {from: hq-pc, to: \"2001:db8::zz\", name: typo}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(bad));
        String m = e.getMessage();
        assertTrue(m.contains("bad.yaml:5:") && m.contains("ICMPv6 echo only"), m);
        assertTrue(m.contains("bad.yaml:6:") && m.contains("at least 48 bytes"), m);
        assertTrue(m.contains("bad.yaml:7:") && m.contains("not an IPv6 address"), m);
    }
}
