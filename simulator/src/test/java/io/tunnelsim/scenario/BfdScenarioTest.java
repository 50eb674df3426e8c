package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BFD from YAML in its three forms (multihop gating static routes, single hop on a GRE tunnel
 * for OSPF, single hop on Ethernet as a configured peer): failures are detected within the
 * detection time, and tshark decodes every BFD packet of every link.
 */
class BfdScenarioTest {
    static final long MS = SimTime.MILLISECOND;
    static final long PROBE = 100 * MS;
    static final long DETECT = BfdTimers.DEFAULT.symmetricDetectionTime();

    static ScenarioSpec load() throws Exception {
        return ScenarioLoader.load(RoutingFailoverScenarioTest.DIR.resolve("bfd-three-routers.yaml"));
    }

    /** Times (s since start) of the events.log lines containing {@code text}. */
    static List<Long> times(Path dir, String text) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.log"))) {
            if (line.contains(text)) {
                String[] f = line.trim().split("\\s+");
                out.add(Math.round(Double.parseDouble(f[0]) * 1e9));
            }
        }
        return out;
    }

    @Test
    void failuresAreDetectedWithinTheDetectionTime(@TempDir Path dir) throws Exception {
        ScenarioSpec s = load();
        VariantResult r = Experiments.run(s, s.variants().get(0), dir, true, s.durationNs(), null);
        ActionResult b = r.actions().stream().filter(a -> a.action().startsWith("silent-failure b")).findFirst().orElseThrow();
        assertTrue(b.recovered(), "the OSPF backup over the tunnel takes over");
        // both ends of the multihop session drop within (600 ms, 900 ms] of the failure; the
        // static route leaves at once; one probe interval and the 10 ms round trip on top
        long w = b.longestLossWindowNs().getAsLong();
        assertTrue(w >= DETECT - BfdTimers.DEFAULT_TX - PROBE && w <= DETECT + PROBE + 10 * MS,
                "outage " + SimTime.formatShort(w));
        List<Long> multihopDown = times(dir, "multihop from 1.1.1.1 is going DOWN");
        assertEquals(1, multihopDown.size());
        long d = multihopDown.get(0) - 60 * SimTime.SECOND;
        assertTrue(d > DETECT - BfdTimers.DEFAULT_TX - 10 * MS && d <= DETECT + 10 * MS, SimTime.formatShort(d));

        // r3's track 7 follows the single-hop session on link b
        List<Long> trackDown = times(dir, "%TRACK-6-STATE: 7 bfd 10.0.23.1 Up -> Down");
        assertEquals(1, trackDown.size());
        long td = trackDown.get(0) - 60 * SimTime.SECOND;
        assertTrue(td > DETECT - BfdTimers.DEFAULT_TX - 10 * MS && td <= DETECT + 10 * MS, SimTime.formatShort(td));
        assertEquals(2, times(dir, "%TRACK-6-STATE: 7 bfd 10.0.23.1 Down -> Up").size());

        // link b back: the multihop session comes Up again within three slow (1 s) intervals,
        // the primary static returns, nothing is lost
        ActionResult restore = r.actions().stream().filter(a -> a.action().startsWith("silent-restore b")).findFirst().orElseThrow();
        assertEquals(0, restore.lostProbes());
        List<Long> up = times(dir, "to 3.3.3.3 multihop from 1.1.1.1 is going UP");
        assertEquals(2, up.size());
        assertTrue(up.get(1) - 80 * SimTime.SECOND <= 3 * BfdTimers.SLOW_TX + 10 * MS);

        // link c fails under the tunnel: BFD kills the OSPF adjacency, not the 40 s dead timer
        List<Long> killed = times(dir, "Neighbor Down: BFD node down");
        assertEquals(2, killed.size(), "both ends");
        for (long t : killed) {
            long after = t - 100 * SimTime.SECOND;
            assertTrue(after > DETECT - BfdTimers.DEFAULT_TX - 10 * MS && after <= DETECT + 10 * MS,
                    "adjacency down " + SimTime.formatShort(after) + " after the failure");
        }
        assertTrue(times(dir, "Dead timer expired").isEmpty());
        // the Ethernet session r1-r2 never went down: link a never failed
        assertTrue(times(dir, "to 10.0.12.2 on eth0 is going DOWN").isEmpty());
        assertEquals(1, times(dir, "to 10.0.12.2 on eth0 is going UP").size());

        // tshark decodes every BFD packet on every link, none malformed, TTL 255 as sent
        Tshark.assumeInstalled();
        List<Path> pcaps;
        try (Stream<Path> files = Files.list(dir.resolve("pcap"))) {
            pcaps = files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        int bfd = 0;
        Set<String> states = new TreeSet<>();
        for (Path p : pcaps) {
            assertEquals(List.of(), ExampleCaptureInteropTest.tshark(p, ExampleCaptureInteropTest.BAD, "frame.number",
                    "_ws.col.Info"), "bad frames in " + p.getFileName());
            int udp = ExampleCaptureInteropTest.tshark(p, "udp.dstport == 3784 || udp.dstport == 4784", "frame.number").size();
            List<String> rows = ExampleCaptureInteropTest.tshark(p, "bfd", "bfd.version", "bfd.sta", "bfd.message_length",
                    "bfd.detect_time_multiplier", "ip.ttl", "udp.dstport", "udp.srcport", "bfd.flags.p", "bfd.flags.f");
            assertEquals(udp, rows.size(), "every BFD datagram in " + p.getFileName() + " decodes as BFD");
            for (String row : rows) {
                String[] f = row.split("\t");
                assertEquals("1", f[0], row);
                assertEquals("24", f[2], row);
                assertEquals("3", f[3], row);
                String[] ttls = f[4].split(",");
                String inner = ttls[ttls.length - 1];
                if (f[5].equals("3784")) {
                    assertEquals("255", inner, "single hop is sent and received with TTL 255: " + row);
                } else {
                    // multihop: 255 as sent by r1/r3, 254 after r2
                    assertTrue(inner.equals("255") || inner.equals("254"), row);
                }
                int src = Integer.parseInt(f[6]);
                assertTrue(src >= 49152 && src <= 65535, "RFC 5881 source port: " + row);
                assertTrue(!(f[7].equals("1") && f[8].equals("1")), "never P and F together: " + row);
                states.add(f[1]);
            }
            bfd += rows.size();
        }
        assertTrue(states.containsAll(List.of("0x01", "0x02", "0x03")), "Down, Init and Up seen: " + states);
        assertTrue(bfd > 1000, "BFD packets captured: " + bfd);
        List<String> tunnel = ExampleCaptureInteropTest.tshark(dir.resolve("pcap/c.pcap"), "bfd", "gre.proto");
        assertTrue(!tunnel.isEmpty() && tunnel.stream().allMatch(t -> t.equals("0x0800")),
                "the tunnel session rides inside GRE on link c");
    }
}
