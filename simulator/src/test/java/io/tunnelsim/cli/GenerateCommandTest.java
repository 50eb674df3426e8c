package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tunnelsim generate}: size required, foreign flags refused, a runnable scenario beside the topology. */
class GenerateCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "hub-and-spoke;                          needs --spokes N",
        "full-mesh;                              needs --sites N",
        "full-mesh --sites 3 --spokes 3;         --spokes is for hub-and-spoke",
        "full-mesh --sites 3 --hubs 2;           --hubs is for hub-and-spoke",
        "hub-and-spoke --spokes 3 --sites 4;     --sites is for full-mesh",
        "hub-and-spoke --spokes 3 --hubs 3;      1 or 2 hubs",
        "full-mesh --sites 61;                   2-60 sites",
        "hub-and-spoke --spokes 3 --no-scenario; goes with -o",
        "ring --sites 3;                         unknown shape",
        "full-mesh --sites 3 --summary;          --summary is for hub-and-spoke",
        "hub-and-spoke --spokes 3 --summary;     with --routing static",
        "hub-and-spoke --spokes 3 --summary --routing static --dual-isp; without --dual-isp",
        "hub-and-spoke --spokes 5001;            (up to 10000 with --summary or --areas)",
        "hub-and-spoke --spokes 10001 --summary --routing static; 1-10000 spokes",
        "full-mesh --sites 3 --areas 2;          --areas is for hub-and-spoke with --routing ospf",
        "hub-and-spoke --spokes 3 --areas 2 --routing static; --areas is for hub-and-spoke with --routing ospf",
        "hub-and-spoke --spokes 3 --areas 2 --dual-isp; without --dual-isp or --summary",
        "hub-and-spoke --spokes 3 --areas 0;     1-10000 spokes per area",
        "hub-and-spoke --spokes 10001 --areas 100; 1-10000 spokes",
    })
    void refusesMissingSizesAndFlagsThatDoNotApply(String args, String message) {
        CliTest.Result r = CliTest.run(("generate " + args).split(" "));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(message.trim()), r.err());
        assertFalse(r.err().contains("\tat "));
    }

    @ParameterizedTest
    @CsvSource({
        "hub-and-spoke --spokes 3,                      11, 0",
        "hub-and-spoke --spokes 3 --hubs 1,             9,  0",
        "hub-and-spoke --spokes 5 --areas 2,            15, 0",
        "hub-and-spoke --spokes 5 --areas 2 --hubs 1,   13, 0",
        "hub-and-spoke --spokes 3 --dual-isp,           12, 0",
        "hub-and-spoke --spokes 3 --dual-isp --ipsec,   12, 24",
        "full-mesh --sites 4,                           9,  0",
        "full-mesh --sites 4 --ipsec,                   9,  12",
        "full-mesh --sites 3 --dual-isp --ipsec,        8,  12",
    })
    void writesATopologyAndAScenarioThatValidateWithoutWarnings(String args, int nodes, int protectedTunnels) throws Exception {
        Path topo = dir.resolve("net.yaml");
        List<String> a = new ArrayList<>(List.of(("generate " + args).split(" ")));
        a.addAll(List.of("-o", topo.toString()));
        CliTest.Result g = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, g.code(), g.err());
        Path scenario = dir.resolve("net-scenario.yaml");
        assertTrue(Files.exists(scenario), g.out());
        CliTest.Result v = CliTest.run("validate", "--strict", topo.toString(), scenario.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("(" + nodes + " nodes"), v.out());
        assertTrue(v.out().contains("3 variant(s), 2 action(s)"), v.out());
        String yaml = Files.readString(topo);
        int tunnels = yaml.split("tunnel: \\{source", -1).length - 1;
        int prot = yaml.split("protection: site-ipsec", -1).length - 1;
        assertEquals(protectedTunnels, prot, "with --ipsec every tunnel is protected, without none");
        if (protectedTunnels > 0) {
            assertEquals(tunnels, prot);
        }
        assertEquals(args.contains("--dual-isp"), yaml.contains("  isp-b:"));
        assertTrue(Files.readString(scenario).contains("topology: net.yaml"), "the scenario names the file beside it");
    }

    /**
     * {@code --summary}: a spoke's configured routes do not grow with the spokes (default, one
     * route to each hub's LAN, the summary to each hub), a hub's grow by one per spoke; and the
     * summarised network fails over exactly as the {@code static} routing choice's full per-site
     * routes do, since both move on the same GRE keepalives (10 s x 3): the same outage, to the
     * nanosecond, and the same lost probes, for the hub crash and its restore.
     */
    @Test
    void summarisedSpokesKeepAConstantRouteCountAndFailOverAsFullStaticRoutesDo() throws Exception {
        for (int spokes : new int[] {3, 7}) {
            Path topo = dir.resolve("sum" + spokes + ".yaml");
            assertEquals(0, CliTest.run("generate", "hub-and-spoke", "--spokes", Integer.toString(spokes), "--routing", "static",
                    "--summary", "-o", topo.toString()).code());
            io.tunnelsim.topology.TopologySpec t = io.tunnelsim.topology.TopologyLoader.load(topo);
            assertEquals(5, t.node("spoke1").staticRoutes().size(), "default, two hub LANs, the summary twice");
            assertEquals(2, t.node("spoke" + spokes).staticRoutes().stream()
                    .filter(r -> r.prefix().toString().equals("10.0.0.0/8")).count(), "the summary to each hub");
            assertEquals(1 + spokes, t.node("hub2").staticRoutes().size(), "default and one route per spoke");
        }
        Path sum = dir.resolve("sum3.yaml");
        CliTest.Result v = CliTest.run("validate", "--strict", sum.toString(), dir.resolve("sum3-scenario.yaml").toString());
        assertEquals(0, v.code(), v.err());
        Path full = dir.resolve("full.yaml");
        assertEquals(0, CliTest.run("generate", "hub-and-spoke", "--spokes", "3", "--routing", "static", "-o", full.toString()).code());
        CliTest.Result a = CliTest.run("compare", dir.resolve("sum3-scenario.yaml").toString(), "--out", dir.resolve("a").toString(), "--quiet");
        CliTest.Result b = CliTest.run("compare", dir.resolve("full-scenario.yaml").toString(), "--out", dir.resolve("b").toString(), "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        List<String> summarised = Files.readAllLines(dir.resolve("a/comparison.csv")).stream()
                .filter(l -> l.startsWith("static-summary,")).map(l -> l.substring("static-summary,".length())).toList();
        List<String> perSite = Files.readAllLines(dir.resolve("b/comparison.csv")).stream()
                .filter(l -> l.startsWith("static,")).map(l -> l.substring("static,".length())).toList();
        assertEquals(2, summarised.size(), "crash and restore");
        assertEquals(perSite, summarised);
        double cut = Double.parseDouble(summarised.get(0).split(",")[3]);
        // hub1 crashes silently for the spokes: 20-30 s until the third keepalive is missed, plus
        // the far spoke's own detection for the return path: at most 40 s
        assertTrue(cut >= 20 && cut <= 40, "static-summary cut off " + cut);
    }

    /**
     * {@code --areas}: a spoke's OSPF holds its own totally stubby area only (its area's routers,
     * the hubs' defaults), and the hub crash is noticed by the spokes' dead interval: with hellos
     * every 10 s and dead 40 s the last hello came 0-10 s before the crash, so the spokes move to
     * hub2's default 30-40 s after it, plus SPF (50 ms) and the return path's own detection.
     */
    @Test
    void ospfAreasKeepASpokesTableToItsAreaAndFailOverWithinTheDeadInterval() throws Exception {
        Path topo = dir.resolve("areas.yaml");
        assertEquals(0, CliTest.run("generate", "hub-and-spoke", "--spokes", "6", "--areas", "3", "-o", topo.toString()).code());
        io.tunnelsim.topology.TopologySpec t = io.tunnelsim.topology.TopologyLoader.load(topo);
        var spoke = t.node("spoke4").protocol(io.tunnelsim.routing.ospf.OspfSpec.class).orElseThrow();
        assertEquals(java.util.Map.of(2L, io.tunnelsim.routing.ospf.AreaSettings.STUB), spoke.areas());
        assertEquals(java.util.Set.of("tunnel0", "tunnel1", "lan0"), spoke.interfaces().keySet());
        var hub = t.node("hub2").protocol(io.tunnelsim.routing.ospf.OspfSpec.class).orElseThrow();
        assertEquals(2, hub.areas().size());
        assertTrue(hub.area(1).noSummary() && hub.area(2).noSummary());
        assertEquals(0, hub.interfaces().get("tunnel0").area(), "the tunnel between the hubs is the backbone");
        Path scenario = dir.resolve("areas-scenario.yaml");
        assertTrue(Files.readString(scenario).contains("{name: ospf-areas, routing: none}"));
        CliTest.Result route = CliTest.run("show", scenario.toString(), "route", "--node", "spoke1", "--at", "50s");
        assertEquals(0, route.code(), route.err());
        assertTrue(route.out().contains("O IA 0.0.0.0/0          [110/11] via 172.16.0.5, tunnel0"), route.out());
        assertTrue(route.out().contains("O  10.0.4.0/24"), "spoke2, in area 1: " + route.out());
        assertFalse(route.out().contains("10.0.6.0/24"), "spoke4 is in area 2: " + route.out());
        assertFalse(route.out().contains("10.0.1.0/24"), "no summaries, not even the hubs' LANs: " + route.out());
        CliTest.Result c = CliTest.run("compare", scenario.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        List<String> rows = Files.readAllLines(dir.resolve("o/comparison.csv")).stream()
                .filter(l -> l.startsWith("ospf-areas,")).toList();
        assertEquals(2, rows.size(), "crash and restore");
        double cut = Double.parseDouble(rows.get(0).substring("ospf-areas,".length()).split(",")[3]);
        assertTrue(cut >= 30 && cut <= 41, "ospf-areas cut off " + cut);
    }

    /**
     * {@code routing: ospf} puts every tunnel of a hub in area 0: 2725 spokes on one hub need at
     * most 2 x 2725 + 2 = 5452 Router-LSA links, 2726 need 5454, more than the 5453 that fit one
     * Link State Update in one IPv4 datagram
     * (RFC 2328 A.4.1): that scenario is refused before it runs, with the way out.
     */
    @Test
    void aSingleAreaHubWithMoreTunnelsThanARouterLsaHoldsIsRefused() throws Exception {
        for (int spokes : new int[] {2725, 2726}) {
            Path topo = dir.resolve("big" + spokes + ".yaml");
            assertEquals(0, CliTest.run("generate", "hub-and-spoke", "--spokes", Integer.toString(spokes), "--hubs", "1",
                    "-o", topo.toString()).code());
            CliTest.Result v = CliTest.run("validate", dir.resolve("big" + spokes + "-scenario.yaml").toString());
            if (spokes == 2725) {
                assertEquals(0, v.code(), v.err());
            } else {
                assertEquals(2, v.code(), v.out());
                assertTrue(v.err().contains("error: variant 'ospf' generates ospf on hub1's 2728 interfaces, all in area 0,"
                        + " so its Router-LSA could need 5454 links; a Router-LSA holds at most 5453 links"), v.err());
                assertTrue(v.err().contains("generate hub-and-spoke --areas N"), v.err());
                assertFalse(v.err().contains("\tat "), v.err());
            }
        }
    }

    @Test
    void noScenarioWritesOnlyTheTopology() {
        Path topo = dir.resolve("only.yaml");
        assertEquals(0, CliTest.run("generate", "full-mesh", "--sites", "3", "--no-scenario", "-o", topo.toString()).code());
        assertTrue(Files.exists(topo));
        assertFalse(Files.exists(dir.resolve("only-scenario.yaml")));
    }

    /**
     * The generated dual-ISP hub-and-spoke scenario runs and every variant survives the silent
     * failure of spoke1's primary provider within its timers: GRE keepalives 10 s x 3 (20-40 s
     * after a silent failure), OSPF dead 40 s (30-40 s plus SPF), RIP route timeout 180 s minus
     * at most one 30 s (+-5 s) update, plus one update to learn the backup (145-220 s).
     */
    @Test
    void generatedDualIspScenarioFailsOverWithinTheTimers() throws Exception {
        Path topo = dir.resolve("hs.yaml");
        assertEquals(0, CliTest.run("generate", "hub-and-spoke", "--spokes", "2", "--dual-isp", "--ipsec", "-o", topo.toString()).code());
        CliTest.Result r = CliTest.run("compare", dir.resolve("hs-scenario.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("(?m)^(\\S+):\\n(?:  start-up:.*\\n)?  silent-failure spoke1-isp-a at 60.00 s\\n    spoke1-to-spoke2: cut off ([0-9.]+) s")
                .matcher(r.out());
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            double cut = Double.parseDouble(m.group(2));
            seen.add(m.group(1));
            switch (m.group(1)) {
                case "static" -> assertTrue(cut >= 20 && cut <= 40.2, "static " + cut);
                case "ospf" -> assertTrue(cut >= 30 && cut <= 40.3, "ospf " + cut);
                case "rip" -> assertTrue(cut >= 145 && cut <= 220.2, "rip " + cut);
                default -> throw new AssertionError(m.group(1));
            }
        }
        assertEquals(List.of("static", "rip", "ospf"), seen, r.out());
        assertTrue(Files.exists(dir.resolve("out/topology.png")));
    }

    @Test
    void anUnknownRoutingListsTheRegisteredChoices() {
        CliTest.Result r = CliTest.run("generate", "hub-and-spoke", "--spokes", "3", "--routing", "eigrp");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown routing 'eigrp' (none, static, rip, ospf)"), r.err());
    }

    @Test
    void theRoutingHelpOfGenerateAndBenchListsTheRegisteredChoices() {
        CliTest.Result g = CliTest.run("generate", "--help");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("Topology's routing intent: none, static, rip, ospf"), g.out());
        CliTest.Result b = CliTest.run("bench", "--help");
        assertEquals(0, b.code(), b.err());
        String help = b.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Routing for the scale benchmark: static, rip, ospf, static-summary, ospf-areas (static-summary:"), help);
        assertTrue(help.contains("Routings of the scaling benchmark: static, rip, ospf, static-summary, ospf-areas (default static,"), help);
        CliTest.Result none = CliTest.run("bench", "scale", "--routing", "none");
        assertEquals(2, none.code(), "a network that routes nothing is no benchmark: " + none.err());
        assertTrue(none.err().contains("unknown routing 'none'"), none.err());
        CliTest.Result u = CliTest.run("bench", "scale", "--routing", "eigrp");
        assertEquals(2, u.code(), u.err());
        assertTrue(u.err().contains("unknown routing 'eigrp' (static, rip, ospf, static-summary, ospf-areas)"), u.err());
    }
}
