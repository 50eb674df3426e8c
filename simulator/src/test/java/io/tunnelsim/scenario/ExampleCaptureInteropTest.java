package io.tunnelsim.scenario;

import io.tunnelsim.testutil.Repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped examples run with capture on; tshark, with IPv4, UDP and ICMP checksum checking
 * on, decodes every frame of every link without a malformed packet or a bad checksum.
 */
class ExampleCaptureInteropTest {
    static final String BAD = "_ws.malformed || _ws.expert.severity >= error || ip.checksum.status == \"Bad\""
            + " || icmp.checksum.status == \"Bad\" || udp.checksum.status == \"Bad\" || icmpv6.checksum.status == \"Bad\"";

    static Path root() {
        return Repo.root();
    }

    static List<String> tshark(Path pcap, String filter, String... fields) {
        List<String> args = new ArrayList<>(List.of("-n", "-r", pcap.toString(), "-o", "ip.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-Y", filter, "-T", "fields"));
        for (String f : fields) {
            args.add("-e");
            args.add(f);
        }
        List<String> rows = new ArrayList<>();
        for (String line : Tshark.run(args.toArray(String[]::new)).split("\n")) {
            if (!line.isBlank()) {
                rows.add(line);
            }
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"quickstart.yaml", "gre-basic.yaml", "rip-over-gre.yaml", "ospf-over-gre.yaml"})
    void everyCapturedFrameDecodesCleanly(String example, @TempDir Path dir) throws Exception {
        Tshark.assumeInstalled();
        ScenarioSpec s = ScenarioLoader.load(root().resolve("examples").resolve(example));
        long until = Math.min(s.durationNs(), 130 * SimTime.SECOND);
        Experiments.run(s, s.variants().get(0), dir, true, until, null);
        List<Path> pcaps;
        try (Stream<Path> files = Files.list(dir.resolve("pcap"))) {
            pcaps = files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        assertTrue(pcaps.size() >= 4);
        int frames = 0;
        for (Path p : pcaps) {
            assertEquals(List.of(), tshark(p, BAD, "frame.number", "_ws.col.Info"), "bad frames in " + p.getFileName());
            frames += tshark(p, "frame", "frame.number").size();
        }
        assertTrue(frames > 500, "frames captured: " + frames);
        if (example.startsWith("ospf")) {
            Path hub = dir.resolve("pcap/hub1_eth0--isp_eth1.pcap");
            List<String> types = tshark(hub, "ospf", "ospf.msg");
            for (String t : List.of("1", "2", "3", "4", "5")) {
                assertTrue(types.contains(t), "OSPF packet type " + t + " seen inside GRE");
            }
            String verbose = Tshark.run("-n", "-r", hub.toString(), "-Y", "ospf", "-V");
            long correct = verbose.lines().filter(l -> l.matches("\\s+Checksum: 0x[0-9a-f]{4} \\[correct\\]")).count();
            assertEquals(types.size(), correct, "every OSPF packet checksum verifies");
            assertFalse(verbose.contains("[incorrect"), "no bad checksum");
        } else if (example.startsWith("rip")) {
            List<String> rip = tshark(dir.resolve("pcap/a-isp-ab.pcap"), "rip", "rip.version", "rip.command", "ip.dst");
            assertTrue(rip.stream().filter(r -> r.endsWith("224.0.0.9")).count() >= 4, "periodic updates to 224.0.0.9");
            assertTrue(rip.size() >= 8, "RIP packets inside GRE: " + rip.size());
            for (String r : rip) {
                assertTrue(r.startsWith("2\t"), "RIPv2: " + r);
                String[] dsts = r.split("\t")[2].split(",");
                assertEquals(2, dsts.length, "outer and inner IPv4 header (RIP inside GRE): " + r);
                assertTrue(dsts[1].equals("224.0.0.9") || dsts[1].startsWith("172.16."), "to the RIP group or a tunnel peer: " + r);
            }
        } else if (example.startsWith("gre")) {
            List<String> gre = tshark(dir.resolve("pcap/hq-isp.pcap"), "gre", "gre.key");
            assertTrue(gre.size() > 100, "GRE frames " + gre.size());
            // keepalive replies travel as GRE protocol type 0 inside GRE
            assertTrue(!tshark(dir.resolve("pcap/hq-isp.pcap"), "gre.proto == 0", "frame.number").isEmpty());
        } else {
            assertTrue(tshark(dir.resolve("pcap/r1-r2.pcap"), "udp.dstport == 5001", "frame.number").size() > 100);
            assertTrue(tshark(dir.resolve("pcap/r1-r2.pcap"), "icmp.type == 0", "frame.number").size() > 100);
            assertTrue(!tshark(dir.resolve("pcap/lan-a.pcap"), "arp", "frame.number").isEmpty());
        }
    }
}
