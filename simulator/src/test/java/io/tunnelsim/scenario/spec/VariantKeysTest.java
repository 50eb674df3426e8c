package io.tunnelsim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.routing.track.module.TrackOverrides;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.VariantKey;

/**
 * The variant keys of the modules whose key rewrites no section ({@code track:}, {@code bfd:}):
 * {@link ProtocolModule#variantKey()}, their {@link VariantKey.Place}, a key that takes
 * {@code true}, and the checks the modules make against the variant's routing choice.
 */
class VariantKeysTest {

    private static final String HEAD = """
            duration: 10s
            topology:
              nodes:
                a: {interfaces: {eth0: {address: 10.0.0.1/30}}}
                b: {interfaces: {eth0: {address: 10.0.0.2/30}}}
              links:
                - {name: ab, endpoints: ["a:eth0", "b:eth0"]}
            variants:
            """;

    private static ScenarioSpec load(Path dir, String variants) throws IOException, ScenarioException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, HEAD + variants);
        return ScenarioLoader.load(f);
    }

    private static List<String> errors(Path dir, String variants) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, HEAD + variants);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        return e.errors().stream().map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList();
    }

    @Test
    void theVariantKeyIsTheOverridesUnlessTheKeyRewritesNoSection() {
        for (String key : new String[] {"ospf", "rip"}) {
            ProtocolModule<?> m = ProtocolModules.byKey(key);
            assertSame(m.variantOverrides(), m.variantKey(), key);
            assertEquals(VariantKey.Place.AFTER_TOPOLOGY, m.variantKey().place(), key);
            assertNull(m.variantKey().whenTrue(), key + " takes only a mapping");
        }
        ProtocolModule<?> track = ProtocolModules.byKey("track");
        assertNull(track.variantOverrides(), "track: rewrites no configured track");
        assertSame(TrackOverrides.class, track.variantKey().type());
        assertEquals(VariantKey.Place.BEFORE_KEEPALIVE, track.variantKey().place());
        assertNull(track.variantKey().whenTrue());
        ProtocolModule<?> bfd = ProtocolModules.byKey("bfd");
        assertNull(bfd.variantOverrides(), "bfd: rewrites no configured bfd section");
        assertSame(BfdTimers.class, bfd.variantKey().type());
        assertEquals(VariantKey.Place.AFTER_KEEPALIVE, bfd.variantKey().place());
        assertEquals(BfdTimers.DEFAULT, bfd.variantKey().whenTrue());
        assertNull(ProtocolModules.byKey("track").routingChoice().orElse(null));
    }

    @Test
    void theSchemaTakesEachKeyFromItsModuleAtItsPlace() {
        assertEquals(List.of("name", "routing", "topology", "ospf", "rip", "track", "keepalive", "bfd"),
                List.of(ScenarioShapes.VARIANT.names()));
        VariantKey<?> track = ProtocolModules.byKey("track").variantKey();
        assertSame(track.shape(), ScenarioShapes.VARIANT.key("track").shape());
        assertEquals("IP SLA timer overrides.", ScenarioShapes.VARIANT.key("track").description());
        VariantKey<?> bfd = ProtocolModules.byKey("bfd").variantKey();
        assertEquals(Shape.anyOf(Shape.BOOL, bfd.shape()), ScenarioShapes.VARIANT.key("bfd").shape(),
                "a key that takes true is a boolean or the mapping");
        assertEquals(bfd.description(), ScenarioShapes.VARIANT.key("bfd").description());
    }

    @Test
    void theRecordsLandInTheVariantByModuleKey(@TempDir Path dir) throws Exception {
        ScenarioSpec s = load(dir, """
                  - {name: sla, routing: static, track: {frequency: 5s}, bfd: true}
                  - {name: ospf-bfd, routing: ospf, bfd: {transmit-interval: 50ms, detect-multiplier: 4}}
                  - {name: off, routing: static, bfd: false}
                """);
        VariantSpec sla = s.variants().get(0);
        assertEquals(List.of("track", "bfd"), List.copyOf(sla.overrides().keySet()), "place order");
        assertEquals(new TrackOverrides(OptionalLong.of(SimTime.seconds(5)), OptionalLong.empty()), sla.track().orElseThrow());
        assertSame(BfdTimers.DEFAULT, sla.bfd().orElseThrow(), "true: the module's whenTrue()");
        assertSame(sla.overrides().get("bfd"), sla.override(BfdTimers.class).orElseThrow());
        BfdTimers t = s.variants().get(1).bfd().orElseThrow();
        assertEquals(SimTime.millis(50), t.desiredMinTx());
        assertEquals(BfdTimers.DEFAULT.requiredMinRx(), t.requiredMinRx());
        assertEquals(4, t.detectMult());
        assertTrue(s.variants().get(2).overrides().isEmpty(), "false: no record");
    }

    @Test
    void eachModuleChecksItsKeyAgainstTheRoutingChoice(@TempDir Path dir) throws IOException {
        List<String> e = errors(dir, """
                  - {name: r, routing: rip, bfd: true, track: {frequency: 5s}}
                  - {name: n, bfd: {transmit-interval: 1ms}}
                """);
        assertEquals(List.of(
                "9:34: variant 'r' runs rip; 'bfd' is for routing: static or ospf (configure bfd on the topology's"
                        + " routes and ospf interfaces otherwise)",
                "10:20: variant 'n' runs none; 'bfd' is for routing: static or ospf (configure bfd on the topology's"
                        + " routes and ospf interfaces otherwise)",
                "10:40: BFD transmit-interval 1ms is outside 10ms..60s (FRR bfdd's range; whole microseconds on the wire)"), e);
    }

    @Test
    void trackTimersThatTimeNoTrackAreAWarningAtTheVariant(@TempDir Path dir) throws Exception {
        ScenarioSpec s = load(dir, """
                  - {name: o, routing: ospf, track: {frequency: 5s}}
                  - {name: st, routing: static, track: {frequency: 5s}}
                """);
        List<String> w = s.warnings().stream().map(Diagnostic::toString).map(l -> l.substring(l.indexOf(':') + 1)).toList();
        // after the variant's routing warning at the same place: the track module checks once the scenario is read
        assertEquals(List.of("9:5: warning: variant 'o' selects ospf routing, which is generated over GRE tunnels, but its"
                        + " topology has none",
                "9:5: warning: variant 'o' overrides track timers, but tracks are generated only with routing:"
                        + " static and no node defines one"),
                w.stream().filter(l -> l.startsWith("9:")).toList());
        assertFalse(w.stream().anyMatch(l -> l.contains("'st' overrides track")), w::toString);
        assertFalse(w.stream().anyMatch(l -> l.contains("track overrides have no effect")),
                "a module without a routing choice gets no 'no effect' warning");
        assertNotNull(s.variants().get(0).track().orElse(null));
    }

    /** Configured tracks keep their own timers, so a non-static variant's track: changes nothing and says so. */
    @Test
    void trackTimersBesideConfiguredTracksAreAWarningToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, HEAD.replace("a: {interfaces: {eth0: {address: 10.0.0.1/30}}}",
                "a: {interfaces: {eth0: {address: 10.0.0.1/30}}, track: {1: {icmp-echo: 10.0.0.2}}}")
                + "  - {name: o, routing: rip, track: {frequency: 5s}}\n");
        List<String> w = ScenarioLoader.load(f).warnings().stream().map(Diagnostic::message).toList();
        assertTrue(w.contains("variant 'o' overrides track timers, but tracks are generated only with routing: static;"
                + " the topology's configured tracks keep their own timers, so the override changes nothing"), w::toString);
    }
}
