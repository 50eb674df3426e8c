package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.cli.Main;
import io.tunnelsim.testutil.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OSPF and RIPv2 keyed-MD5 authentication configured in YAML, run from the command line: with
 * one key the adjacency and the RIP routes come up and tshark reads the captured packets as
 * keyed MD5 with the configured key IDs (OSPF AuType 2, digest length 16; RIP authentication
 * type 3, auth data length 20, and the trailer); with another secret on r2 nothing is
 * accepted, every refused packet is a counted drop, logged as %OSPF-4-ERRRCV / %RIP-4-AUTHFAIL.
 */
class AuthenticationCaptureTest {
    private static final Path SCENARIO = Path.of("src/test/resources/auth/auth.yaml");

    private static Path yaml(Path dir, String ospfKeyB, String ripKeyB) throws Exception {
        Path yaml = dir.resolve("auth.yaml");
        Files.writeString(yaml, Files.readString(SCENARIO).replace("OSPF_KEY_B", ospfKeyB).replace("RIP_KEY_B", ripKeyB));
        return yaml;
    }

    /** r1's route to r2's RIP-only loopback after 20 s, as the FIB has it (null when none). */
    private static Object ripRoute(Path yaml) throws Exception {
        var s = io.tunnelsim.scenario.spec.ScenarioLoader.load(yaml);
        var net = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed()).network();
        net.start();
        net.runUntil(20 * io.tunnelsim.sim.SimTime.SECOND);
        return net.node("r1").fib().get(io.tunnelsim.addr.Ipv4Prefix.parse("10.254.0.2/32"));
    }

    private static Path run(Path dir, String ospfKeyB, String ripKeyB) throws Exception {
        Path yaml = yaml(dir, ospfKeyB, ripKeyB);
        Path out = dir.resolve("out");
        assertEquals(0, Main.execute(new String[] {"run", yaml.toString(), "--out", out.toString(), "--quiet", "--capture"}));
        return out;
    }

    @Test
    void sameKeysFormAdjacencyAndRoutesAndTsharkReadsKeyedMd5(@TempDir Path dir) throws Exception {
        Tshark.assumeInstalled();
        Path out = run(dir, "ospf-key", "rip-key");
        String events = Files.readString(out.resolve("events.log"));
        assertTrue(events.contains("from LOADING to FULL"), events);
        List<String> ospf = ExampleCaptureInteropTest.tshark(out.resolve("pcap/ospf-link.pcap"), "ospf",
                "ospf.auth.type", "ospf.auth.crypt.key_id", "ospf.auth.crypt.data_length", "_ws.malformed");
        assertTrue(ospf.size() >= 20, "OSPF packets: " + ospf.size());
        for (String row : ospf) {
            assertEquals("2\t3\t16\t", row, "AuType 2, key 3, 16-byte digest, not malformed");
        }
        List<String> rip = ExampleCaptureInteropTest.tshark(out.resolve("pcap/rip-link.pcap"), "rip",
                "rip.auth.type", "rip.auth_data_len", "_ws.malformed");
        assertTrue(rip.size() >= 8, "RIP messages: " + rip.size());
        for (String row : rip) {
            assertEquals("3\t20\t", row, "keyed MD5, auth data length 20, not malformed");
        }
        assertTrue(!events.contains("AUTHFAIL") && !events.contains("ERRRCV"), events);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(!summary.contains("auth-bad"), summary);
        assertTrue(ripRoute(dir.resolve("auth.yaml")) != null, "r1 learns r2's RIP-only loopback");
    }

    @Test
    void anotherSecretIsACountedLoggedDrop(@TempDir Path dir) throws Exception {
        Path out = run(dir, "wrong", "wrong");
        String events = Files.readString(out.resolve("events.log"));
        assertTrue(!events.contains("FULL"), events);
        assertTrue(events.contains("%OSPF-4-ERRRCV: Received invalid packet: mismatched authentication key (message digest key 3) from 10.0.12.2"),
                events);
        assertTrue(events.contains("%RIP-4-AUTHFAIL: ignored v2 packet from 10.0.21.2"), events);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("ospf-auth-bad-digest"), summary);
        assertTrue(summary.contains("rip-auth-bad-digest"), summary);
        assertEquals(null, ripRoute(dir.resolve("auth.yaml")), "nothing learnt from refused RIP messages");
    }
}
