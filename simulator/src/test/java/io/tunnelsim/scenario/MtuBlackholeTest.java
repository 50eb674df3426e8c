package io.tunnelsim.scenario;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.experiment.Results;
import static io.tunnelsim.scenario.TwoSiteFixture.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.testutil.Tshark;
import io.tunnelsim.tunnel.TunnelInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/mtu-blackhole.yaml}: DF probes behind a GRE tunnel whose provider link carries
 * 1400 bytes. The figures follow from the MTUs: hq's tunnel MTU 1476 (1500 − 24), the outer
 * packet of a 1400-byte passenger 1424 bytes, the tunnel MTU learned from the provider's
 * fragmentation-needed 1376 (1400 − 24).
 */
class MtuBlackholeTest {
    static ScenarioSpec example() throws Exception {
        return ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples/mtu-blackhole.yaml"));
    }

    static VariantSpec variant(ScenarioSpec s, String name) {
        return s.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    static ProbeFlow flow(RunResult r, String name) {
        return r.probes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static TunnelInterface hqTunnel(RunResult r) {
        return (TunnelInterface) TwoSiteFixture.node(r, "hq").interfaceNamed("tunnel0");
    }

    /** IOS defaults: outer DF clear, the provider fragments, every probe arrives. */
    @Test
    void iosDefaultFragmentsOutsideAndDeliversEverything() throws Exception {
        ScenarioSpec s = example();
        RunResult r = ScenarioRunner.run(s, variant(s, "ios-default"), RunOptions.DEFAULT);
        for (String f : List.of("small-df", "large-df", "large-nodf")) {
            assertEquals(0, TwoSiteFixture.lost(r, f), f);
        }
        assertEquals(1476, hqTunnel(r).mtu());
        assertEquals(0, hqTunnel(r).learnedPathMtu());
        // the sweep reaches 1480 > 1476: refused at hq's tunnel with fragmentation-needed, the rest crosses
        var c = new java.util.TreeMap<String, Long>();
        Results.probeSizes(r, c);
        assertEquals(1460L, c.get("sweep.large-sweep.largest-delivered"));
        assertEquals(1480L, c.get("sweep.large-sweep.smallest-lost"));
        assertEquals(6L, c.get("probe.large-sweep.frag-needed"), "one per 1480-byte probe (6 of 60)");
    }

    /**
     * path-mtu-discovery copies DF outside and the provider filters ICMP: every large DF probe
     * vanishes without an error reaching anyone; small and non-DF probes still arrive.
     */
    @Test
    void filteredIcmpMakesABlackHoleForLargeDfProbesOnly() throws Exception {
        ScenarioSpec s = example();
        RunResult r = ScenarioRunner.run(s, variant(s, "pmtud-filtered"), RunOptions.DEFAULT);
        assertEquals(TwoSiteFixture.sent(r, "large-df"), TwoSiteFixture.lost(r, "large-df"));
        assertEquals(0, flow(r, "large-df").fragmentationNeededReceived(), "the sender never hears of it");
        assertEquals(0, TwoSiteFixture.lost(r, "small-df"));
        assertEquals(0, TwoSiteFixture.lost(r, "large-nodf"), "DF clear inside, so clear outside: fragmented");
        assertEquals(0, hqTunnel(r).learnedPathMtu());
        assertEquals(TwoSiteFixture.sent(r, "large-df") + 30, TwoSiteFixture.drops(r, "isp", "icmp-unreachable-suppressed"),
                "one suppressed error per large DF probe and per swept size above 1376 (1380..1460: 5 of 10 sizes × 6)");
        assertEquals(TwoSiteFixture.drops(r, "isp", "icmp-unreachable-suppressed"),
                TwoSiteFixture.drops(r, "isp", io.tunnelsim.node.Node.DROP_FRAG_NEEDED));
    }

    /**
     * With the provider's ICMP getting through, hq learns 1400 from the first large probe, refuses
     * the second with fragmentation-needed (MTU 1376) to hq-pc, and the sender's later probes are
     * 1376 bytes and arrive: two probes lost, then none.
     */
    @Test
    void pathMtuDiscoveryRecoversAfterTwoProbes() throws Exception {
        ScenarioSpec s = example();
        RunResult r = ScenarioRunner.run(s, variant(s, "pmtud"), RunOptions.DEFAULT);
        ProbeFlow f = flow(r, "large-df");
        assertEquals(-1, f.receivedAt(0));
        assertEquals(-1, f.receivedAt(1));
        for (int i = 2; i < f.count(); i++) {
            assertTrue(f.receivedAt(i) >= 0, "probe " + i);
            assertEquals(1376, f.sizeOf(i));
        }
        assertEquals(1400, f.sizeOf(0));
        assertEquals(1376, f.pathMtu());
        assertEquals(1, f.fragmentationNeededReceived());
        assertEquals(1400, hqTunnel(r).learnedPathMtu());
        assertEquals(1376, hqTunnel(r).mtu());
        assertTrue(hqTunnel(r).details().contains("Path MTU Discovery, ager 10 mins, min MTU 92"), hqTunnel(r).details());
        assertEquals(0, TwoSiteFixture.lost(r, "small-df"));
        assertEquals(0, TwoSiteFixture.lost(r, "large-nodf"), "no DF: fragmented inside, before the tunnel");
    }

    /** Every frame of every variant decodes cleanly; the ICMP errors carry the MTUs above. */
    @Test
    void tsharkDecodesEveryFrameOfEveryVariant(@TempDir Path dir) throws Exception {
        Tshark.assumeInstalled();
        ScenarioSpec s = example();
        for (VariantSpec v : s.variants()) {
            Path out = dir.resolve(v.name());
            Experiments.run(s, v, out, true, s.durationNs(), null);
            List<Path> pcaps;
            try (Stream<Path> files = Files.list(out.resolve("pcap"))) {
                pcaps = files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
            }
            assertEquals(4, pcaps.size());
            for (Path p : pcaps) {
                assertEquals(List.of(), ExampleCaptureInteropTest.tshark(p, ExampleCaptureInteropTest.BAD, "frame.number",
                        "_ws.col.Info"), "bad frames in " + v.name() + "/" + p.getFileName());
            }
            Path core = out.resolve("pcap/isp-br.pcap");
            Path access = out.resolve("pcap/hq-isp.pcap");
            Path lan = out.resolve("pcap/lan-hq.pcap");
            String fragNeeded = "icmp.type == 3 && icmp.code == 4";
            switch (v.name()) {
                case "ios-default" -> {
                    // 1424-byte outer packets cut for the 1400-byte link: GRE first fragments, outer DF clear
                    assertTrue(ExampleCaptureInteropTest.tshark(core, "gre && ip.flags.mf == 1 && ip.flags.df == 0",
                            "frame.number").size() >= 100);
                    assertEquals(List.of(), ExampleCaptureInteropTest.tshark(access, fragNeeded, "frame.number"));
                }
                case "pmtud-filtered" -> {
                    assertTrue(ExampleCaptureInteropTest.tshark(access, "gre && ip.flags.df == 1 && ip.len == 1424",
                            "frame.number").size() >= 59, "DF copied outside");
                    assertEquals(List.of(), ExampleCaptureInteropTest.tshark(access, fragNeeded, "frame.number"),
                            "the provider sends no fragmentation-needed");
                }
                default -> {
                    List<String> fromIsp = ExampleCaptureInteropTest.tshark(access, fragNeeded, "icmp.mtu", "ip.dst");
                    // the outer destination is hq, the quoted one br (the GRE packet it refused)
                    assertTrue(fromIsp.contains("1400\t203.0.113.2,198.51.100.2"), "provider to hq: " + fromIsp);
                    List<String> fromHq = ExampleCaptureInteropTest.tshark(lan, fragNeeded + " && ip.dst == 10.1.0.10",
                            "icmp.mtu");
                    assertTrue(fromHq.contains("1376"), "hq to hq-pc: " + fromHq);
                    assertTrue(ExampleCaptureInteropTest.tshark(core, "gre && ip.len == 1400 && ip.flags.df == 1",
                            "frame.number").size() >= 50, "1376-byte passengers fill the 1400-byte link exactly");
                }
            }
        }
    }

    /** The age timer: a learned path MTU is forgotten after {@code age-timer} and the MTU returns to 1476. */
    @Test
    void learnedTunnelMtuAgesOut(@TempDir Path dir) throws Exception {
        Path root = ExampleCaptureInteropTest.root();
        String topo = Files.readString(root.resolve("topologies/mtu-blackhole-pmtud.yaml"))
                .replace("path-mtu-discovery: true", "path-mtu-discovery: {age-timer: 20s}");
        Files.writeString(dir.resolve("topo.yaml"), topo);
        Files.writeString(dir.resolve("s.yaml"), """
                name: age
                topology: topo.yaml
                duration: 30s
                probes:
                  - {name: big, from: hq-pc, to: br-pc, interval: 100s, size: 1400, df: true}
                """);
        ScenarioSpec s = ScenarioLoader.load(dir.resolve("s.yaml"));
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT);
        TunnelInterface t = hqTunnel(r);
        assertEquals(1476, t.mtu(), "aged out 20 s after it was learned");
        assertTrue(GreIpsecDefectsTest.logged(r, "hq", "TUN-5-PMTU", "path MTU 1400 from 203.0.113.1, ip mtu 1376"));
        assertTrue(GreIpsecDefectsTest.logged(r, "hq", "TUN-5-PMTU", "aged out, ip mtu 1476"));
        assertTrue(t.details().contains("Path MTU Discovery, ager 20s, min MTU 92"), t.details());
        long learned = -1;
        long aged = -1;
        for (var e : r.events()) {
            if (e.facility().equals("TUN-5-PMTU")) {
                if (e.message().contains("aged out")) {
                    aged = e.time();
                } else {
                    learned = e.time();
                }
            }
        }
        assertEquals(20 * S, aged - learned, "IOS age-timer");
    }
}
