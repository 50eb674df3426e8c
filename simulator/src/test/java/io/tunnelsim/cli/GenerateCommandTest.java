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
}
