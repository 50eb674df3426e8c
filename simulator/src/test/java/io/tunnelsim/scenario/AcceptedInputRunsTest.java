package io.tunnelsim.scenario;

import io.tunnelsim.testutil.Repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.TopologyGenerator;
import io.tunnelsim.topology.RoutingProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that validate and used to crash the run: each now runs to the end. */
class AcceptedInputRunsTest {
    static final Path ROOT = findRoot();

    static Path findRoot() {
        return Repo.root();
    }

    private static ScenarioSpec write(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml.replace("TOPO", ROOT.resolve("topologies/two-site-dual-isp.yaml").toString()));
        return ScenarioLoader.load(f);
    }

    /** IP SLA faster than the 5 s default timeout (docs/scenario-format.md's example): built in one step. */
    @Test
    void subFiveSecondTrackRunsAndDetectsWithinFrequencyPlusTimeout(@TempDir Path dir) throws Exception {
        ScenarioSpec s = write(dir, "name: t\ntopology: \"TOPO\"\nduration: 60s\nprobes:\n"
                + "  - {from: hq-pc, to: br-pc, interval: 100ms}\ntimeline:\n  - {at: 30s, action: silent-failure, link: isp-a-br}\n"
                + "variants:\n  - {name: sla, routing: static, track: {frequency: 1s, timeout: 500ms}}\n");
        VariantResult r = Experiments.run(s, s.variants().get(0), dir.resolve("out"), false, -1, null);
        ActionResult a = r.actions().get(0);
        assertTrue(a.recovered(), "recovered");
        // detection: at most one frequency until the next echo, plus the timeout; then the floating static
        long bound = SimTime.seconds(1) + SimTime.millis(500) + SimTime.millis(200);
        assertTrue(a.longestLossWindowNs().getAsLong() <= bound, "outage " + SimTime.formatShort(a.longestLossWindowNs().getAsLong()));
    }

    /** One variant that fails at run time loses only its own results. */
    @Test
    void aFailingVariantLeavesTheOthersResults(@TempDir Path dir) throws Exception {
        ScenarioSpec s = write(dir, "name: c\ntopology: \"TOPO\"\nduration: 20s\nprobes:\n"
                + "  - {from: hq-pc, to: br-pc, interval: 1s}\nvariants:\n  - {name: good, routing: static}\n"
                + "  - {name: bad, routing: static}\n");
        Map<String, String> failed = new LinkedHashMap<>();
        Path out = dir.resolve("cmp");
        var results = Experiments.compare(s, out, 2, null, failed, (sc, v, o) -> {
            if (v.name().equals("bad")) {
                throw new IllegalStateException("injected failure");
            }
            return ScenarioRunner.run(sc, v, o);
        });
        assertEquals(1, results.size());
        assertEquals("good", results.get(0).name());
        assertEquals(Map.of("bad", "injected failure"), failed);
        assertTrue(Files.exists(out.resolve("good/summary.json")));
        assertTrue(Files.readString(out.resolve(Experiments.FAILED_VARIANTS_FILE)).contains("bad: injected failure"));
        assertFalse(Files.exists(out.resolve("bad")));
        assertThrows(IllegalStateException.class, () -> Experiments.compare(s, dir.resolve("all"), 1, null,
                new LinkedHashMap<>(), (sc, v, o) -> {
                    throw new IllegalStateException("every variant fails");
                }));
    }

    /** tunnel1's destination routed via tunnel2 and tunnel2's via tunnel1: RECURDOWN, no stack overflow. */
    @Test
    void mutualTunnelRecursionIsDetected(@TempDir Path dir) throws Exception {
        String yaml = "name: rec\nduration: 20s\nprobes:\n  - {from: pc, to: 192.0.2.1, interval: 100ms}\n"
                + "topology:\n  nodes:\n    hq:\n      kind: router\n      interfaces:\n"
                + "        eth0: {address: 203.0.113.2/30}\n        lan0: {address: 10.1.0.1/24}\n"
                + "        tunnel1: {address: 172.16.1.1/30, tunnel: {source: eth0, destination: 192.0.2.1}}\n"
                + "        tunnel2: {address: 172.16.2.1/30, tunnel: {source: eth0, destination: 192.0.2.2}}\n"
                + "      static:\n        - {prefix: 0.0.0.0/0, via: 203.0.113.1}\n"
                + "        - {prefix: 192.0.2.1/32, interface: tunnel2}\n        - {prefix: 192.0.2.2/32, interface: tunnel1}\n"
                + "    isp: {kind: router, interfaces: {eth0: {address: 203.0.113.1/30}}}\n"
                + "    pc: {kind: host, interfaces: {eth0: {address: 10.1.0.10/24, gateway: 10.1.0.1}}}\n"
                + "  links:\n    - {endpoints: [\"hq:eth0\", \"isp:eth0\"]}\n    - {endpoints: [\"hq:lan0\", \"pc:eth0\"]}\n";
        Path f = dir.resolve("rec.yaml");
        Files.writeString(f, yaml);
        ScenarioSpec s = ScenarioLoader.load(f);
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT);
        long recursions = r.events().stream().filter(e -> e.facility().equals("TUN-5-RECURDOWN")).count();
        assertTrue(recursions >= 1, "recursion logged");
        assertEquals(SimTime.seconds(20), r.endNs());
    }

    /**
     * 5 000 spokes: the hub's line-protocol changes propagate without growing the stack. OSPF runs
     * on every hub tunnel in areas of 100 spokes, as it must at this size: all 5000 in area 0
     * would need a Router-LSA of 10 000 links, which the scenario reader refuses (at most 5453).
     */
    @Test
    void fiveThousandSpokesRunForOneSecond(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hs.yaml"), TopologyGenerator.hubAndSpoke(5000, 2, RoutingProtocol.named("ospf"),
                new TopologyGenerator.Options(false, false, false, 100)));
        Files.writeString(dir.resolve("s.yaml"), "name: hs\ntopology: hs.yaml\nduration: 5s\nprobes:\n"
                + "  - {from: hub1-pc, to: spoke5000-pc, interval: 1s}\n");
        ScenarioSpec s = ScenarioLoader.load(dir.resolve("s.yaml"));
        VariantSpec v = s.variants().get(0);
        RunResult r = ScenarioRunner.run(s, v, RunOptions.DEFAULT.withUntil(SimTime.SECOND));
        assertEquals(SimTime.SECOND, r.endNs());
        assertEquals(10_002, r.built().network().node("hub1").interfaces().stream()
                .filter(i -> i instanceof io.tunnelsim.tunnel.TunnelInterface).count() * 2, "5000 spokes and the other hub");
        assertEquals(5002, r.built().network().node("hub1").service(io.tunnelsim.routing.ospf.OspfProcess.class)
                .interfaces().size(), "ospf on the 5000 spokes' tunnels, the tunnel to hub2 and the LAN");
    }
}
