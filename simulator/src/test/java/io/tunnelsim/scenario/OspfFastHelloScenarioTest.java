package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.scenario.spec.ScenarioException;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sub-second OSPF from YAML: IOS fast hellos as a variant override, and one set of rules for
 * OSPF timers in topologies and variants (a sub-second hello is refused in both, with the same
 * message and the fast-hello hint).
 */
class OspfFastHelloScenarioTest {

    private static Path write(Path dir, String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml.replace("TOPO", AcceptedInputRunsTest.ROOT.resolve("topologies/two-site-dual-isp.yaml").toString()));
        return f;
    }

    private static final String SCENARIO = "name: t\ntopology: \"TOPO\"\nduration: 90s\nprobes:\n"
            + "  - {from: hq-pc, to: br-pc, interval: 100ms}\ntimeline:\n  - {at: 60s, action: silent-failure, link: isp-a-br}\n"
            + "variants:\n  - {name: fast, routing: ospf, ospf: {hello-multiplier: 4}}\n";

    @Test
    void fastHelloVariantDetectsASilentFailureWithinOneSecond(@TempDir Path dir) throws Exception {
        ScenarioSpec s = ScenarioLoader.load(write(dir, "s.yaml", SCENARIO));
        assertEquals(4, s.variants().get(0).override(io.tunnelsim.routing.ospf.OspfOverrides.class).orElseThrow().helloMultiplier());
        ActionResult a = Experiments.run(s, s.variants().get(0), dir.resolve("out"), false, -1, null).actions().get(0);
        assertTrue(a.recovered(), "recovered");
        // dead 1 s after the last hello (at most 1 s after the failure) + SPF start 50 ms + probe spacing and delays
        long outage = a.longestLossWindowNs().getAsLong();
        assertTrue(outage <= SimTime.millis(1_300), "outage " + SimTime.formatShort(outage));
        assertTrue(outage >= SimTime.millis(750), "not before the dead interval minus one hello period: "
                + SimTime.formatShort(outage));
    }

    private static List<String> errors(Path f) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        return e.errors().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void subSecondHelloIsRefusedInVariantAndTopologyAlike(@TempDir Path dir) throws Exception {
        String hint = "for sub-second hellos write hello-multiplier: 3-20";
        List<String> v = errors(write(dir, "v.yaml", SCENARIO.replace("{hello-multiplier: 4}", "{hello: 500ms, dead: 1500ms}")));
        assertTrue(v.stream().anyMatch(l -> l.contains("ospf hello 500ms is outside 1s..65535s") && l.contains(hint)), v::toString);
        Path topo = write(dir, "topo.yaml", """
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    ospf: {interfaces: {eth0: {hello: 500ms, dead: 1500ms}}}
                """);
        Path s = write(dir, "s2.yaml", "name: t\ntopology: topo.yaml\nduration: 10s\n");
        List<String> t = errors(s);
        assertTrue(t.stream().anyMatch(l -> l.contains("ospf hello 500ms is outside 1s..65535s") && l.contains(hint)), t::toString);
    }

    @Test
    void helloMultiplierOutsideIosRangeOrBesideHelloIsRefused(@TempDir Path dir) throws Exception {
        List<String> two = errors(write(dir, "a.yaml", SCENARIO.replace("hello-multiplier: 4", "hello-multiplier: 2")));
        assertTrue(two.stream().anyMatch(l -> l.contains("'hello-multiplier' is 2, outside 3..20")), two::toString);
        List<String> both = errors(write(dir, "b.yaml", SCENARIO.replace("hello-multiplier: 4", "hello-multiplier: 4, dead: 3s")));
        assertTrue(both.stream().anyMatch(l -> l.contains("ospf dead cannot be set beside hello-multiplier")), both::toString);
        Path topo = write(dir, "topo.yaml", """
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    ospf: {interfaces: {eth0: {hello-multiplier: 5, hello: 1s}}}
                """);
        List<String> t = errors(write(dir, "s2.yaml", "name: t\ntopology: topo.yaml\nduration: 10s\n"));
        assertTrue(t.stream().anyMatch(l -> l.contains("topo.yaml:4:60: error: ospf hello cannot be set beside hello-multiplier")),
                t::toString);
    }
}
