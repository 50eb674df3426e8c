package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.testutil.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IPsec example: routing-protocol multicast crosses GRE over IPsec but not a crypto map;
 * pings work in both; the exported esp_sa table lets tshark decrypt every ESP packet.
 */
class IpsecExampleTest {
    static ScenarioSpec example() throws Exception {
        return ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples/ipsec-multicast.yaml"));
    }

    static VariantSpec variant(ScenarioSpec s, String name) {
        return s.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void onlyGreOverIpsecLearnsTheRemoteLanButBothCarryPings(@TempDir Path dir) throws Exception {
        ScenarioSpec s = example();
        VariantResult map = Experiments.run(s, variant(s, "crypto-map"), dir.resolve("map"), false, -1, null);
        VariantResult gre = Experiments.run(s, variant(s, "gre-over-ipsec"), dir.resolve("gre"), false, -1, null);
        assertEquals(null, map.counters().get("routes.end.ospf"), "no OSPF route across a crypto map");
        assertEquals(2L, gre.counters().get("routes.end.ospf"), "each site learns the other's LAN over GRE/IPsec");
        assertTrue(map.counters().getOrDefault("drop.multicast-not-joined", 0L) > 0, "OSPF hellos stopped at the provider");
        long mapLost = map.probes().stream().filter(p -> p.receivedNs() < 0).count();
        long greLost = gre.probes().stream().filter(p -> p.receivedNs() < 0).count();
        assertEquals(0, mapLost, "static routes carry LAN traffic into the crypto map");
        // only probes sent before the adjacency reached FULL: within two hello intervals (2 x 10 s / 500 ms)
        assertTrue(greLost <= 40, "only probes before OSPF converged are lost: " + greLost);
        assertTrue(gre.probes().stream().filter(p -> p.sentNs() > 20_000_000_000L).allMatch(p -> p.receivedNs() > 0));
    }

    @Test
    void tsharkDecryptsEveryEspPacketWithTheExportedKeys(@TempDir Path dir) throws Exception {
        Tshark.assumeInstalled();
        ScenarioSpec s = example();
        for (String name : List.of("gre-over-ipsec", "crypto-map")) {
            Path out = dir.resolve(name);
            Experiments.run(s, variant(s, name), out, true, 40_000_000_000L, null);
            List<String> lines = Files.readAllLines(out.resolve("pcap/esp_sa"));
            assertEquals(2, lines.size(), "one SA each way");
            List<String> args = new ArrayList<>(List.of("-n", "-r", out.resolve("pcap/isp-br.pcap").toString(),
                    "-o", "esp.enable_encryption_decode:TRUE", "-o", "esp.enable_authentication_check:TRUE"));
            for (String l : lines) {
                args.add("-o");
                args.add("uat:esp_sa:" + l);
            }
            args.addAll(List.of("-Y", "esp", "-T", "fields", "-e", "esp.icv_good", "-e", "gre.proto", "-e", "ospf.msg",
                    "-e", "icmp.type", "-e", "_ws.malformed"));
            String[] rows = Tshark.run(args.toArray(String[]::new)).split("\n");
            assertTrue(rows.length > 50, name + ": ESP packets " + rows.length);
            int ospf = 0;
            int icmp = 0;
            for (String r : rows) {
                String[] f = r.split("\t", -1);
                assertEquals("1", f[0], name + ": ICV must verify: " + r);
                assertTrue(f[4].isEmpty(), "malformed: " + r);
                if (name.startsWith("gre")) {
                    assertFalse(f[1].isEmpty(), "GRE inside every ESP packet: " + r);
                }
                ospf += f[2].isEmpty() ? 0 : 1;
                icmp += f[3].isEmpty() ? 0 : 1;
            }
            assertTrue(icmp > 40, name + ": decrypted pings " + icmp);
            if (name.startsWith("gre")) {
                assertTrue(ospf >= 6, "OSPF inside GRE inside ESP: " + ospf);
            } else {
                assertEquals(0, ospf, "OSPF never rides a crypto map");
            }
        }
    }
}
