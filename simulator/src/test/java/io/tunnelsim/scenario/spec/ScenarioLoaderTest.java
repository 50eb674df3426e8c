package io.tunnelsim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.routing.ospf.OspfOverrides;
import io.tunnelsim.routing.ospf.SpfThrottle;
import io.tunnelsim.routing.rip.RipOverrides;

class ScenarioLoaderTest {

    private static final Path DIR = Path.of("src/test/resources/yaml/scenarios");

    @Test
    void fullScenario() throws Exception {
        ScenarioSpec s = ScenarioLoader.load(DIR.resolve("gre-silent-failure.yaml"));
        assertEquals("gre-silent-failure", s.name());
        assertEquals("two-site-dual-isp", s.topology().name());
        assertEquals(SimTime.seconds(120), s.durationNs());
        assertEquals(42, s.seed());
        assertEquals(SimTime.seconds(30), s.warmupNs());

        assertEquals(3, s.probes().size());
        ProbeSpec p = s.probes().get(0);
        assertEquals("hq-to-branch", p.name());
        assertEquals(SimTime.millis(100), p.intervalNs());
        assertEquals(SimTime.seconds(30), p.startNs(), "probes wait for the warm-up");
        assertEquals(Ipv4Address.parse("10.2.0.10"), p.targetAddress(s.topology()).orElseThrow());
        ProbeSpec udp = s.probes().get(1);
        assertEquals("hq-pc2-to-10.2.0.10", udp.name());
        assertEquals(ProbeSpec.Type.UDP, udp.type());
        assertEquals(6000, udp.port());
        assertEquals(Ipv4Address.parse("10.2.0.10"), udp.toAddress().orElseThrow());
        assertEquals(Ipv4Address.parse("172.16.0.2"), s.probes().get(2).targetAddress(s.topology()).orElseThrow());

        List<TimelineAction> t = s.timeline();
        assertEquals(7, t.size());
        assertEquals(List.of(ActionType.LINK_DOWN, ActionType.SILENT_FAILURE, ActionType.IMPAIR, ActionType.INTERFACE_DOWN,
                ActionType.NODE_CRASH, ActionType.LINK_UP, ActionType.NODE_RESTORE), t.stream().map(TimelineAction::type).toList());
        TimelineAction down = t.get(0);
        assertEquals(SimTime.seconds(40), down.atNs());
        assertEquals(new Endpoint("hq", "eth0"), down.endpoint().orElseThrow());
        assertEquals("hq:eth0--isp-a:eth0", down.link(s.topology()).orElseThrow().name());
        assertEquals("hq", down.node());
        assertEquals(12, down.location().line());
        assertEquals("isp-b-branch", t.get(1).link(s.topology()).orElseThrow().name());
        TimelineAction.Impairment imp = t.get(2).impairment().orElseThrow();
        assertEquals(0.1, imp.loss().orElseThrow(), 1e-12);
        assertEquals(OptionalLong.of(SimTime.millis(50)), imp.delayNs());
        assertEquals("isp-a", t.get(4).node());

        assertEquals(5, s.variants().size());
        VariantSpec fast = s.variants().get(1);
        assertEquals(RoutingProtocol.named("ospf"), fast.routing());
        OspfOverrides o = fast.override(OspfOverrides.class).orElseThrow();
        assertEquals(OptionalLong.of(SimTime.seconds(1)), o.helloNs());
        assertEquals(OptionalLong.of(SimTime.seconds(4)), o.deadNs());
        assertEquals(SpfThrottle.MODERN, o.spf().orElseThrow());
        assertSame(s.topology(), fast.topology());
        assertEquals(OptionalLong.of(SimTime.seconds(10)), s.variants().get(2).override(RipOverrides.class).orElseThrow().updateNs());
        VariantSpec sla = s.variants().get(3);
        assertEquals(OptionalLong.of(SimTime.millis(500)), sla.track().orElseThrow().timeoutNs());
        assertEquals(SimTime.seconds(2), sla.keepalive().orElseThrow().periodNs());
        VariantSpec alt = s.variants().get(4);
        assertEquals("alt", alt.topology().name());
        assertEquals(RoutingProtocol.NONE, alt.routing());
        assertEquals(new SweepSpec(OptionalLong.of(SimTime.seconds(10)), 5), s.sweep());
    }

    @Test
    void aVariantOffersEachModulesOverrideKeysAfterTopologyInRegistrationOrder() {
        assertEquals(java.util.List.of("name", "routing", "topology", "ospf", "rip", "track", "keepalive", "bfd"),
                java.util.List.of(ScenarioShapes.VARIANT.names()));
        for (String key : new String[] {"ospf", "rip"}) {
            var hook = io.tunnelsim.topology.ProtocolModules.byKey(key).variantOverrides();
            assertSame(hook.shape(), ScenarioShapes.VARIANT.key(key).shape(), key + ": the module's own keys");
            assertEquals(hook.description(), ScenarioShapes.VARIANT.key(key).description());
        }
    }

    @Test
    void inlineTopologyAndImplicitVariant() throws Exception {
        ScenarioSpec s = ScenarioLoader.load(DIR.resolve("inline.yaml"));
        assertEquals("inline", s.name());
        assertEquals(2, s.topology().nodes().size());
        assertEquals(1, s.variants().size());
        assertEquals("default", s.variants().get(0).name());
        assertEquals(RoutingProtocol.NONE, s.variants().get(0).routing());
        assertEquals(1, s.seed());
        assertEquals(0, s.probes().get(0).startNs());
        assertEquals(SimTime.SECOND, s.probes().get(0).intervalNs());
        assertEquals(SweepSpec.DEFAULT, s.sweep());
    }

    @Test
    void topologyErrorsNameTheTopologyFile() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(DIR.resolve("refers-to-broken.yaml")));
        List<String> lines = e.errors().stream().map(Diagnostic::toString).toList();
        String topo = DIR.toAbsolutePath().resolve("broken-topology.yaml").toString();
        assertTrue(lines.contains(topo + ":2:54: error: expected a number for 'mtu', found 'huge'"), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(DIR.resolve("refers-to-broken.yaml") + ":2:11: error: topology 'broken-topology.yaml' has 1 error(s)")),
                lines::toString);
    }

    @Test
    void everyScenarioErrorInOnePass() {
        Path f = DIR.resolve("bad-scenario.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        List<String> lines = e.errors().stream().map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList();
        String[] expected = {
            "4:9: 'warmup': duration '10' has no unit (write 10s or 10ms)",
            "6:12: probe source node 'hq-pcc' does not exist (did you mean 'hq-pc'?)",
            "7:23: node 'branch' has no interface 'eth7' (did you mean 'eth0'?)",
            "7:56: 'port' is only for type: udp",
            "9:10: at 70s is after the end of the run (60s)",
            "10:23: unknown action 'link-dwn' (did you mean 'link-down'?)",
            "11:40: link 'lan-hqq' does not exist (write a link name or node:interface) (did you mean 'lan-hq'?)",
            "12:41: node 'hubb' does not exist (expected one of: hq, branch, isp-a, isp-b, hq-pc, hq-pc2, branch-pc)",
            "13:5: interface-down needs 'interface'",
            "13:45: interface-down takes 'interface:', not 'link:'",
            "14:10: 'at': duration '10' has no unit (write 10s or 10ms)",
            "15:5: impair needs 'loss' and/or 'delay'",
            "17:24: unknown routing 'ospff' (did you mean 'ospf'?)",
            "18:12: variant name 'x' is used twice",
            "19:9: unknown key 'shfit' (did you mean 'shift'?)",
        };
        for (String x : expected) {
            if (lines.stream().noneMatch(l -> l.startsWith(x))) {
                fail("missing '" + x + "' in\n" + String.join("\n", lines));
            }
        }
        assertEquals(expected.length, lines.size(), () -> String.join("\n", lines));
        assertTrue(e.errors().stream().allMatch(d -> d.file().equals(f.toString())));
    }

    @Test
    void missingTopologyFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "duration: 1s\ntopology: nope.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertEquals(1, e.errors().size());
        assertEquals(2, e.errors().get(0).line());
        assertEquals(11, e.errors().get(0).column());
        assertTrue(e.errors().get(0).message().startsWith("topology file 'nope.yaml' not found"));
    }

    @Test
    void variantTopologyMustResolveReferences(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("t1.yaml"), "nodes:\n  a: {interfaces: {eth0: {address: 10.0.0.1/30}}}\n"
                + "  b: {interfaces: {eth0: {address: 10.0.0.2/30}}}\nlinks:\n  - {name: ab, endpoints: [\"a:eth0\", \"b:eth0\"]}\n");
        Files.writeString(dir.resolve("t2.yaml"), "nodes:\n  a: {interfaces: {eth0: {address: 10.0.0.1/30}}}\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "duration: 9s\ntopology: t1.yaml\ntimeline:\n  - {at: 1s, action: node-crash, node: b}\n"
                + "variants:\n  - {name: one}\n  - {name: two, topology: t2.yaml}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertEquals(f + ":4:40: error: node 'b' does not exist (did you mean 'a'?) (in the topology of variant 'two')",
                e.errors().get(0).toString());
    }

    static IntStream seeds() {
        return IntStream.range(0, 150);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedScenarioGivesOnlyScenarioException(int seed, @TempDir Path dir) throws IOException {
        Files.copy(DIR.resolve("alt-topology.yaml"), dir.resolve("alt-topology.yaml"));
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(DIR.resolve("../two-site-full.yaml"), dir.resolve("two-site-full.yaml"));
        String text = Files.readString(DIR.resolve("gre-silent-failure.yaml")).replace("../two-site-full.yaml", "two-site-full.yaml");
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(text);
        String significant = ":-[]{},&*!|>'\"#\n 0123456789sx%";
        for (int i = 0, n = 1 + r.nextInt(4); i < n && sb.length() > 0; i++) {
            int pos = r.nextInt(sb.length());
            switch (r.nextInt(3)) {
                case 0 -> sb.setCharAt(pos, significant.charAt(r.nextInt(significant.length())));
                case 1 -> sb.deleteCharAt(pos);
                default -> sb.insert(pos, significant.charAt(r.nextInt(significant.length())));
            }
        }
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, sb);
        try {
            ScenarioLoader.load(f);
        } catch (ScenarioException e) {
            assertFalse(e.errors().isEmpty());
            for (Diagnostic d : e.diagnostics()) {
                assertTrue(d.line() >= 1 && d.column() >= 1, d::toString);
                assertFalse(d.message().contains("internal error"), d::toString);
            }
        }
    }
}
