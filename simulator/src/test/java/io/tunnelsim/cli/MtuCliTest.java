package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DF and path-MTU discovery from the command line: examples/mtu-blackhole.yaml and its keys. */
class MtuCliTest {
    static final String EXAMPLE = CliTest.ROOT.resolve("examples/mtu-blackhole.yaml").toString();

    @Test
    void pmtudVariantRunsDeterministicallyAndReportsItsSizes(@TempDir Path dir) throws Exception {
        CliTest.Result a = CliTest.run("run", "--allow-outside", EXAMPLE, "--variant", "pmtud", "--out", dir.resolve("a").toString(), "--capture",
                "--quiet");
        CliTest.Result b = CliTest.run("run", "--allow-outside", EXAMPLE, "--variant", "pmtud", "--out", dir.resolve("b").toString(), "--capture",
                "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        for (String f : List.of("summary.json", "events.log", "probes.csv", "pcap/hq-isp.pcap", "pcap/isp-br.pcap")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        String summary = Files.readString(dir.resolve("a/summary.json"));
        assertTrue(summary.contains("\"sweep.large-sweep.largest-delivered\"") && summary.contains("\"probe.large-df.frag-needed\""),
                summary);
        assertTrue(Files.readString(dir.resolve("a/events.log")).contains(
                "hq %TUN-5-PMTU: tunnel0 path MTU 1400 from 203.0.113.1, ip mtu 1376"));
    }

    @Test
    void showInterfacesPrintsTheLearnedPathMtu() {
        CliTest.Result r = CliTest.run("show", "--allow-outside", EXAMPLE, "interfaces", "--at", "30s", "--node", "hq", "--variant", "pmtud");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Path MTU Discovery, ager 10 mins, min MTU 92")
                && r.out().contains("Path destination 198.51.100.2: MTU 1400") && r.out().contains("ip mtu 1376"), r.out());
    }

    @Test
    void pmtudWithoutDfExitsWithTwoAndItsPosition(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: x\ntopology: " + CliTest.ROOT.resolve("topologies/mtu-blackhole-pmtud.yaml")
                + "\nduration: 10s\nprobes:\n  - {from: hq-pc, to: br-pc, pmtud: true}\n");
        CliTest.Result r = CliTest.run("validate", "--allow-outside", s.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("s.yaml:5:37:") && r.err().contains("add 'df: true'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }
}
