package io.tunnelsim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.cli.Main;
import io.tunnelsim.scenario.spec.ScenarioException;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The live: section, --live, one-port LAN links and TAP names; no TAP device is opened here. */
class LiveConfigTest {
    static final String TOPO = String.join("\n",
            "topology:",
            "  nodes:",
            "    r1:",
            "      interfaces: {eth0: {address: 10.0.0.1/24}}",
            "      ospf: {interfaces: {eth0: {area: 0, hello: 2s, dead: 8s}}}",
            "  links:",
            "    - {name: lan, endpoints: [\"r1:eth0\"]%s}",
            "");

    static Path write(Path dir, String body) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, "name: t\nduration: 10s\n" + body);
        return p;
    }

    @Test
    void liveSectionIsRead(@TempDir Path dir) throws Exception {
        ScenarioSpec s = ScenarioLoader.load(write(dir, String.format(TOPO, ", lan: true")
                + "live: {segments: {lan: tap7}, lag-warning: 5ms}\n"));
        assertEquals(Map.of("lan", "tap7"), s.live().segments());
        assertEquals(5 * SimTime.MILLISECOND, s.live().lagWarningNs());
        assertTrue(s.live().enabled());
        assertEquals(Map.of("lan", "tap9"), s.live().with(Map.of("lan", "tap9")).segments(), "--live replaces the device");
    }

    @Test
    void scenarioWithoutLiveSectionIsNotLive(@TempDir Path dir) throws Exception {
        ScenarioSpec s = ScenarioLoader.load(write(dir, String.format(TOPO, ", lan: true")));
        assertEquals(LiveSpec.NONE, s.live());
    }

    @Test
    void unknownLinkAndBadDeviceAreErrorsWithPositions(@TempDir Path dir) throws Exception {
        Path f = write(dir, String.format(TOPO, ", lan: true") + "live:\n  segments: {lna: tap0, lan: \"tap with space\"}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        String m = e.getMessage();
        assertTrue(m.contains(":11:14: error: no link named 'lna'") && m.contains("did you mean 'lan'?"), m);
        assertTrue(m.contains(":11:30: error: TAP device 'tap with space': an interface name may not contain ' '"), m);
    }

    @Test
    void oneEndpointLinkNeedsLanTrue(@TempDir Path dir) throws Exception {
        Path f = write(dir, String.format(TOPO, ""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertTrue(e.getMessage().contains("a link needs at least two endpoints, found 1 (a one-port LAN segment"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcdefghijklmnop", "a/b", "a:b", "a b"})
    void tapNamesTheKernelRefusesAreRefused(String name) {
        assertNotEquals(null, TapDevice.checkName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tap0", "tsim-tap0", "abcdefghijklmno"})
    void tapNamesTheKernelTakesAreTaken(String name) {
        assertNull(TapDevice.checkName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lan=", "=tap0", "wan=tap0", "lan=abcdefghijklmnopq"})
    void badLiveOptionIsBadInput(String option, @TempDir Path dir) throws Exception {
        Path f = write(dir, String.format(TOPO, ", lan: true"));
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute("run", f.toString(), "--live", option, "--out", dir.resolve("out").toString(), "--quiet");
        } finally {
            System.setErr(old);
        }
        assertEquals(Main.EXIT_BAD_INPUT, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("tunnelsim: --live: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void lagLimitIsAQuarterOfTheSmallestDeadInterval(@TempDir Path dir) throws Exception {
        ScenarioSpec s = ScenarioLoader.load(write(dir, String.format(TOPO, ", lan: true")));
        var built = io.tunnelsim.scenario.NetworkBuilder.build(s.topology(), s.variants().get(0), 1);
        assertEquals(8 * SimTime.SECOND, LiveDriver.smallestDeadInterval(built.network()));
        assertEquals(2 * SimTime.SECOND, LiveDriver.lagLimit(built.network()));
    }

    static final String BFD_ONLY = String.join("\n",
            "topology:",
            "  nodes:",
            "    r1:",
            "      interfaces: {eth0: {address: 10.0.0.1/24}}",
            "      bfd:",
            "        peers:",
            "          - {peer: 10.0.0.2, transmit-interval: 200ms, receive-interval: 250ms, detect-multiplier: 4}",
            "  links:",
            "    - {name: lan, endpoints: [\"r1:eth0\"], lan: true}",
            "");

    /** A live run with BFD and nothing else still has a limit: a quarter of 4 × max(200, 250 ms). */
    @Test
    void bfdAloneGivesALagLimitOfAQuarterOfItsDetectionTime(@TempDir Path dir) throws Exception {
        ScenarioSpec s = ScenarioLoader.load(write(dir, BFD_ONLY));
        var built = io.tunnelsim.scenario.NetworkBuilder.build(s.topology(), s.variants().get(0), 1);
        assertEquals(Long.MAX_VALUE, LiveDriver.smallestDeadInterval(built.network()), "no OSPF, no RIP");
        assertEquals(SimTime.SECOND, LiveDriver.shortestBfdDetectionTime(built.network()));
        assertEquals(250 * SimTime.MILLISECOND, LiveDriver.lagLimit(built.network()));
    }

    /** The shipped live BFD example loads, and BFD's 900 ms (not the 4 s dead interval) sets its limit. */
    @Test
    void liveOspfBfdExampleLoadsAndBfdSetsTheLagLimit() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("examples"))) {
            root = root.getParent();
        }
        ScenarioSpec s = ScenarioLoader.load(root.resolve("examples/live/ospf-bfd.yaml"));
        var built = io.tunnelsim.scenario.NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
        assertEquals(4 * SimTime.SECOND, LiveDriver.smallestDeadInterval(built.network()));
        assertEquals(900 * SimTime.MILLISECOND, LiveDriver.shortestBfdDetectionTime(built.network()), "300 ms × 3");
        assertEquals(225 * SimTime.MILLISECOND, LiveDriver.lagLimit(built.network()));
        assertTrue(built.segmentsByLink().containsKey("lan"), "the segment --live lan=TAP attaches to");
    }

    /** OSPF with bfd on its interface: the sessions come with 2-Way, but the limit is known before. */
    @Test
    void ospfBfdInterfaceTightensTheLimitBelowTheDeadInterval(@TempDir Path dir) throws Exception {
        String topo = String.format(TOPO, ", lan: true").replace("dead: 8s}", "dead: 8s, bfd: true}")
                .replace("      ospf:", "      bfd: {interfaces: {eth0: {transmit-interval: 100ms, receive-interval: 100ms}}}\n      ospf:");
        ScenarioSpec s = ScenarioLoader.load(write(dir, topo));
        var built = io.tunnelsim.scenario.NetworkBuilder.build(s.topology(), s.variants().get(0), 1);
        assertEquals(300 * SimTime.MILLISECOND, LiveDriver.shortestBfdDetectionTime(built.network()), "3 × 100 ms");
        assertEquals(75 * SimTime.MILLISECOND, LiveDriver.lagLimit(built.network()));
    }
}
