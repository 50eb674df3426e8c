package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.node.Network;
import io.tunnelsim.routing.bfd.BfdDiagnostic;
import io.tunnelsim.routing.bfd.BfdPeer;
import io.tunnelsim.routing.bfd.BfdService;
import io.tunnelsim.routing.bfd.BfdSession;
import io.tunnelsim.routing.bfd.BfdState;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.NetworkBuilder;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * BFD against a real FRR bfdd on a live Ethernet segment ({@code bfd / peer 10.9.0.1 interface
 * eth0} on FRR, a {@code bfd: peers:} entry on the simulated r1), with different timers on each
 * side (see {@code interop/bfd-p2p.yaml}): the session comes Up on both sides and each side
 * reports the other's timers and the negotiated intervals; then, in turn, FRR shuts its peer
 * down, r1 goes AdminDown, and the segment fails silently both ways; each side must see the
 * right state and diagnostic within bounds from the timers; finally tshark must decode every
 * captured Control packet as BFD, none malformed.
 *
 * <p>Bounds: Up within four slow intervals (1 s while not Up, RFC 5880 §6.8.3: Down → Init →
 * Up takes up to three packets, plus one interval of start-up offset). A signalled Down
 * (AdminDown, diagnostic 3 or 7) within one transmit interval of the sender plus the live lag
 * limit. A silent failure within the detection time (remote multiplier × agreed interval,
 * §6.8.4) after the last packet heard, plus the lag limit; no earlier than the detection time
 * less one of the peer's transmit intervals after the cut.
 *
 * <p>While FRR is asked something (vtysh), the simulation keeps running on this thread, so that
 * r1 never falls silent for the length of a command.
 */
class LiveBfdTest {
    static final long FRR_TX = 300 * SimTime.MILLISECOND;
    static final long FRR_RX = 250 * SimTime.MILLISECOND;
    static final int FRR_MULT = 4;
    static final long SIM_TX = 350 * SimTime.MILLISECOND;
    static final long SIM_RX = 200 * SimTime.MILLISECOND;
    static final int SIM_MULT = 3;
    static final String FRR_BFDD = String.join("\n",
            "hostname frr4",
            "debug bfd peer",
            "bfd",
            " peer 10.9.0.1 interface eth0",
            "  transmit-interval " + FRR_TX / SimTime.MILLISECOND,
            "  receive-interval " + FRR_RX / SimTime.MILLISECOND,
            "  detect-multiplier " + FRR_MULT,
            " !",
            "!",
            "");
    static final String PEER = "peer 10.9.0.1 interface eth0";

    /** The simulation driven in small steps on this thread. */
    private static final class Clock {
        final LiveDriver driver;
        final Network net;

        Clock(LiveDriver driver, Network net) {
            this.driver = driver;
            this.net = net;
        }

        long now() {
            return net.scheduler().now();
        }

        void advance(long ns) {
            long end = now() + ns;
            while (now() < end) {
                driver.drive(Math.min(end, now() + 20 * SimTime.MILLISECOND), null);
            }
        }

        /** Runs {@code work} (a command to FRR) on another thread while the simulation runs on. */
        <T> T during(Supplier<T> work) {
            CompletableFuture<T> f = CompletableFuture.supplyAsync(work);
            while (!f.isDone()) {
                driver.drive(now() + 10 * SimTime.MILLISECOND, null);
            }
            return f.join();
        }

        /** Drives until {@code cond} holds or {@code max} has passed; returns the time it first held, or -1. */
        long until(BooleanSupplier cond, long max) {
            long end = now() + max;
            while (!cond.getAsBoolean()) {
                if (now() >= end) {
                    return -1;
                }
                driver.drive(Math.min(end, now() + 10 * SimTime.MILLISECOND), null);
            }
            return now();
        }
    }

    record Change(long at, BfdState old, BfdState now, BfdDiagnostic diag, boolean remoteAdminDown) {
    }

    /** One field of the single peer of {@code show bfd peers json}: a number or a string. */
    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*(\"([^\"]*)\"|[-0-9a-z]+)").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** Both sides Up again within {@code bound} (a poll of FRR that starts within it counts). */
    private static void bothUp(Clock c, BfdSession r1, Supplier<String> show, String[] json, long bound, String what) {
        long deadline = c.now() + bound;
        assertTrue(c.until(r1::isUp, bound) > 0, "r1 Up again " + what);
        assertTrue(c.until(() -> "up".equals(field(json[0] = c.during(show), "status")), Math.max(0, deadline - c.now())) > 0,
                "FRR Up again " + what + ": " + json[0]);
    }

    @Test
    void sessionWithFrrBfddComesUpNegotiatesAndDetectsFailuresBothWays() throws Exception {
        FrrLab.assumeAvailable();
        assumeTrue(Files.isExecutable(Path.of("/usr/lib/frr/bfdd")), "interop test skipped: /usr/lib/frr/bfdd is missing");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "interop test skipped: tshark is missing");
        try (FrrLab lab = new FrrLab("tb")) {
            lab.bridge("tbB");
            lab.tap("tbT", "tbB");
            lab.namespace("tbF1");
            lab.veth("tbF1", "eth0", "10.9.0.2/30", "tbB", "tbV1");
            Path pcap = lab.dir().resolve("bfd.pcap");
            Path pid = lab.dir().resolve("tshark.pid");
            lab.sh("timeout -s INT 90 tshark -q -i tbB -F pcap -w " + pcap + " -f 'udp port 3784' </dev/null >/dev/null 2>&1 & echo $! >"
                    + pid + "; sleep 1");
            Path frr = lab.frr("tbF1", Map.of("bfdd", FRR_BFDD));
            Supplier<String> show = () -> lab.vtysh(frr, "show bfd peers json");

            ScenarioSpec s = ScenarioLoader.load(Path.of("src/test/resources/interop/bfd-p2p.yaml"));
            BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
            Network net = built.network();
            BfdSession r1 = BfdService.of(net.node("r1")).session(BfdPeer.singleHop(Ipv4Address.parse("10.9.0.2"), "eth0"));
            List<Change> changes = new ArrayList<>();
            r1.addListener((x, o, n, dg, admin) -> changes.add(new Change(net.scheduler().now(), o, n, dg, admin)));
            long agreedDetectSim = FRR_MULT * Math.max(SIM_RX, FRR_TX); // 1.2 s
            long agreedDetectFrr = SIM_MULT * Math.max(FRR_RX, SIM_TX); // 1.05 s
            long simInterval = Math.max(SIM_TX, FRR_RX);
            long frrInterval = Math.max(FRR_TX, SIM_RX);
            long slowUp = 4 * io.tunnelsim.routing.bfd.BfdTimers.SLOW_TX;
            String log;
            long[] lagLimit = {0};
            long[] frrDiscr = {0};
            try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(), new LiveSpec(Map.of("wan", lab.real("tbT")), LiveSpec.DEFAULT_LAG_WARNING))) {
                long lag = d.lagLimitNs();
                lagLimit[0] = lag;
                assertEquals(SIM_MULT * SIM_TX / 4, lag, "a quarter of r1's own detection time (3 × 350 ms)");
                Clock c = new Clock(d, net);
                net.start();

                // ---- Up on both sides, each with the other's timers
                String[] json = {""};
                long upSim = c.until(r1::isUp, slowUp);
                // a poll of FRR that starts within the bound counts
                long upFrr = c.until(() -> "up".equals(field(json[0] = c.during(show), "status")), Math.max(0, slowUp - c.now()));
                assertTrue(upSim > 0, "r1 not Up within " + SimTime.formatShort(slowUp) + ": " + changes + "\n" + lab.log(frr, "bfdd"));
                assertTrue(upFrr > 0, "FRR not Up within " + SimTime.formatShort(slowUp) + ": " + json[0] + "\n" + lab.log(frr, "bfdd"));
                c.advance(SimTime.SECOND); // the Poll Sequence to the fast rate is over
                json[0] = c.during(show);
                assertEquals(Long.toString(r1.localDiscriminator()), field(json[0], "remote-id"), json[0]);
                assertEquals(field(json[0], "id"), Long.toString(r1.remoteDiscriminator()), "r1 learnt FRR's discriminator");
                assertEquals("250", field(json[0], "receive-interval"), json[0]);
                assertEquals("300", field(json[0], "transmit-interval"), json[0]);
                assertEquals("4", field(json[0], "detect-multiplier"), json[0]);
                assertEquals("200", field(json[0], "remote-receive-interval"), "r1's receive interval as FRR heard it");
                assertEquals("350", field(json[0], "remote-transmit-interval"), "r1's transmit interval, once r1's Poll ended");
                assertEquals("3", field(json[0], "remote-detect-multiplier"), json[0]);
                assertEquals(FRR_RX, r1.remoteMinRx(), "FRR's Required Min RX");
                assertEquals(FRR_TX, r1.remoteDesiredTx(), "FRR's Desired Min TX once Up");
                assertEquals(FRR_MULT, r1.remoteDetectMult());
                assertEquals(simInterval, r1.transmitInterval(), "r1 sends every max(350, FRR's 250) ms");
                assertEquals(agreedDetectSim, r1.detectionTime(), "FRR's 4 × max(r1's 200, FRR's 300) ms");
                assertTrue(r1.pollSequences() >= 1 && !r1.pollActive(), "FRR answered r1's Poll with a Final");

                // ---- (a) FRR shuts its peer down: AdminDown reaches r1, Down with diagnostic 3, not a failure
                long cmd0 = c.now();
                c.during(() -> lab.vtysh(frr, "configure terminal", "bfd", PEER, "shutdown"));
                long cmd1 = c.now();
                long down = c.until(() -> !r1.isUp(), frrInterval + lag);
                assertTrue(down > 0, "r1 still Up " + SimTime.formatShort(frrInterval + lag) + " after FRR's shutdown: " + changes);
                Change ch = changes.get(changes.size() - 1);
                assertEquals(BfdState.DOWN, ch.now());
                assertEquals(BfdDiagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, ch.diag());
                assertTrue(ch.remoteAdminDown(), "the peer's AdminDown is not a path failure (RFC 5882 §3.2)");
                assertTrue(ch.at() >= cmd0, "not before the command");
                long shutDownAt = ch.at();
                assertEquals(BfdState.ADMIN_DOWN, r1.remoteState());
                // FRR 8.4 sends its AdminDown with diagnostic 0, where RFC 5880 §6.8.16 asks for "an
                // appropriate value" (7, Administratively Down): only the state is relied on
                int frrAdminDiag = r1.remoteDiagnostic();
                c.advance(SimTime.SECOND);
                assertEquals(BfdState.DOWN, r1.state(), "r1 stays Down while FRR is AdminDown");
                json[0] = c.during(show);
                assertEquals("shutdown", field(json[0], "status"), json[0]);
                c.during(() -> lab.vtysh(frr, "configure terminal", "bfd", PEER, "no shutdown"));
                bothUp(c, r1, show, json, slowUp, "after FRR's no shutdown");
                c.advance(SimTime.SECOND);

                // ---- (b) r1 goes AdminDown: FRR goes Down with diagnostic "neighbor signaled session down"
                long frrId = Long.parseLong(field(json[0], "id"));
                frrDiscr[0] = frrId;
                r1.adminDown();
                // r1's next packet (within one of its intervals) says AdminDown
                c.advance(simInterval + lag);
                json[0] = c.during(show);
                assertEquals("down", field(json[0], "status"), "FRR Down within r1's interval + lag of r1's AdminDown: " + json[0]);
                assertEquals("neighbor signaled session down", field(json[0], "diagnostic"), json[0]);
                assertEquals("administratively down", field(json[0], "remote-diagnostic"), json[0]);
                c.advance(2 * SimTime.SECOND);
                assertEquals(frrId, r1.remoteDiscriminator(), "AdminDown keeps bfd.RemoteDiscr while FRR is heard (RFC 5880 §6.8.1)");
                r1.adminUp();
                bothUp(c, r1, show, json, slowUp, "after r1's no shutdown");
                c.advance(SimTime.SECOND);

                // ---- (c) the segment fails silently both ways: each side's detection time expires
                int before = changes.size();
                long cut = c.now();
                built.segmentsByLink().get("wan").setSilentFailure(true);
                c.advance(Math.max(agreedDetectSim, agreedDetectFrr) + lag);
                json[0] = c.during(show);
                assertEquals("down", field(json[0], "status"), "FRR Down within its detection time + lag: " + json[0]);
                assertEquals("control detection time expired", field(json[0], "diagnostic"), json[0]);
                assertTrue(changes.size() > before, "r1 went Down: " + changes);
                ch = changes.get(before);
                assertEquals(BfdState.UP, ch.old());
                assertEquals(BfdDiagnostic.CONTROL_DETECTION_TIME_EXPIRED, ch.diag());
                assertFalse(ch.remoteAdminDown());
                // the last of FRR's packets came at most one of FRR's intervals (plus lag) before the cut
                assertTrue(ch.at() <= cut + agreedDetectSim && ch.at() >= cut + agreedDetectSim - frrInterval - lag,
                        "r1 Down " + SimTime.formatShort(ch.at() - cut) + " after the cut (detection " + SimTime.formatShort(agreedDetectSim) + ")");
                built.segmentsByLink().get("wan").setSilentFailure(false);
                long healed = c.now();
                bothUp(c, r1, show, json, slowUp, "after the segment healed");
                long end = c.now();
                System.out.printf("live BFD: Up at %s (r1) / %s (FRR); FRR shutdown -> r1 Down in %s (FRR's diagnostic %d);"
                                + " r1 silent Down %s after the cut;"
                                + " up again %s after healing; max lag %s (limit %s)%n",
                        SimTime.formatShort(upSim), SimTime.formatShort(upFrr), SimTime.formatShort(shutDownAt - cmd0), frrAdminDiag,
                        SimTime.formatShort(changes.get(before).at() - cut), SimTime.formatShort(end - healed),
                        SimTime.formatShort(d.stats().maxLagNs()), SimTime.formatShort(lag));
                assertTrue(d.stats().maxLagNs() < lag, "lag within the limit");
                log = lab.log(frr, "bfdd");
            }

            // ---- the same scenario from the command line: a live run with BFD alone has a lag limit
            Path out = lab.dir().resolve("cli");
            int code = io.tunnelsim.cli.Main.execute(new String[] {"run", "src/test/resources/interop/bfd-p2p.yaml", "--live",
                "wan=" + lab.real("tbT"), "--out", out.toString(), "--quiet", "--capture"});
            assertEquals(0, code);
            String summary = Files.readString(out.resolve("summary.json"));
            assertTrue(summary.contains("\"deterministic\": false"), summary);
            assertTrue(summary.contains("\"lag_limit_s\": 0.262500000"), "a quarter of 3 × 350 ms: " + summary);
            String events = Files.readString(out.resolve("events.log"));
            assertTrue(events.contains("%BFD-6-BFD_SESS_UP: BFD session"), events);
            String cliBad = lab.sh("tshark -r " + out.resolve("pcap").resolve("wan.pcap")
                    + " -Y '_ws.malformed || _ws.expert.severity >= \"Error\"' -T fields -e frame.number").strip();
            assertEquals("", cliBad, "tunnelsim's own capture of the segment: no malformed frame");
            String cliBfd = lab.sh("tshark -r " + out.resolve("pcap").resolve("wan.pcap") + " -Y 'bfd && ip.src==10.9.0.1' -T fields -e bfd.sta");
            assertTrue(cliBfd.matches("(?s).*0x0*3\\b.*"), "r1's Up packets in its own capture: " + cliBfd);

            lab.sh("kill -INT $(cat " + pid + ") || true; for i in $(seq 30); do kill -0 $(cat " + pid + ") 2>/dev/null || break; sleep 0.1; done");

            // ---- tshark: every frame is BFD, none malformed; FRR detected the cut after its detection time
            String all = lab.sh("tshark -r " + pcap + " -T fields -e frame.number").strip();
            String bfd = lab.sh("tshark -r " + pcap + " -Y bfd -T fields -e frame.number").strip();
            String bad = lab.sh("tshark -r " + pcap + " -Y '_ws.malformed || _ws.expert.severity >= \"Error\"' -T fields -e frame.number").strip();
            assertTrue(all.split("\n").length >= 40, "BFD frames captured: " + all.split("\n").length);
            assertEquals(all, bfd, "every frame decodes as BFD");
            assertEquals("", bad, "no malformed frame");
            String fields = lab.sh("tshark -r " + pcap + " -Y bfd -T fields -E separator=, -e frame.time_epoch -e ip.src -e ip.ttl"
                    + " -e udp.srcport -e bfd.sta -e bfd.diag -e bfd.my_discriminator -e bfd.your_discriminator");
            List<String[]> rows = new ArrayList<>();
            for (String l : fields.strip().split("\n")) {
                rows.add(l.split(","));
            }
            long simAdminDown = 0;
            for (String[] r : rows) {
                if (r[1].equals("10.9.0.1")) {
                    assertEquals("255", r[2], "TTL 255 (RFC 5881 §5)");
                    assertTrue(Integer.parseInt(r[3]) >= 49152, "source port (RFC 5881 §4)");
                    if (Integer.decode(r[4]) == 0) {
                        simAdminDown++;
                        assertEquals(7, Integer.decode(r[5]), "AdminDown with diagnostic 7");
                        assertEquals(frrDiscr[0], Long.decode(r[7]), "AdminDown packets name FRR in Your Discriminator: " + String.join(",", r));
                    }
                }
            }
            assertTrue(simAdminDown >= 2, "r1's AdminDown packets: " + simAdminDown);
            // FRR's first packet with diagnostic 1 (detection time expired) against r1's last packet before it
            int firstExpired = -1;
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                if (r[1].equals("10.9.0.2") && Integer.decode(r[5]) == 1 && Integer.decode(r[4]) == 1) {
                    firstExpired = i;
                    break;
                }
            }
            assertTrue(firstExpired > 0, "FRR's Down packet with diagnostic 1 in the capture\n" + fields);
            double lastSim = -1;
            for (int i = firstExpired - 1; i >= 0 && lastSim < 0; i--) {
                if (rows.get(i)[1].equals("10.9.0.1")) {
                    lastSim = Double.parseDouble(rows.get(i)[0]);
                }
            }
            long frrDetect = Math.round((Double.parseDouble(rows.get(firstExpired)[0]) - lastSim) * 1e9);
            System.out.printf("live BFD: FRR's Down packet %s after r1's last packet (FRR's detection time %s)%n",
                    SimTime.formatShort(frrDetect), SimTime.formatShort(agreedDetectFrr));
            // FRR sends a packet at once on its change to Down: that packet marks its detection
            assertTrue(frrDetect >= agreedDetectFrr - SimTime.MILLISECOND && frrDetect <= agreedDetectFrr + lagLimit[0],
                    "FRR declared r1 down " + SimTime.formatShort(frrDetect) + " after r1's last packet\n" + log);
        }
    }

    static final String FRR_OSPFD = String.join("\n",
            "hostname frr5",
            "interface eth0",
            " ip ospf network point-to-point",
            " ip ospf hello-interval 1",
            " ip ospf dead-interval 12",
            " ip ospf retransmit-interval 2",
            " ip ospf bfd",
            "router ospf",
            " ospf router-id 10.9.0.2",
            " log-adjacency-changes detail",
            " network 10.9.0.0/30 area 0",
            "");

    /**
     * OSPF as a BFD client on both sides ({@code ip ospf bfd} on FRR, {@code bfd: true} on r1's
     * OSPF interface, FRR's default 300 ms × 3 on both): once Full, each side's OSPF has a BFD
     * session to the other (FRR's is dynamic, created by ospfd). When the segment fails silently,
     * both sides must drop the neighbour within the BFD detection time (900 ms) plus the lag
     * limit, far inside the 12 s dead interval; when it heals the adjacency comes back.
     */
    @Test
    void ospfNeighbourTornDownByBfdOnBothSidesWithinTheDetectionTime() throws Exception {
        FrrLab.assumeAvailable();
        assumeTrue(Files.isExecutable(Path.of("/usr/lib/frr/bfdd")), "interop test skipped: /usr/lib/frr/bfdd is missing");
        try (FrrLab lab = new FrrLab("tg")) {
            lab.bridge("tgB");
            lab.tap("tgT", "tgB");
            lab.namespace("tgF1");
            lab.veth("tgF1", "eth0", "10.9.0.2/30", "tgB", "tgV1");
            Map<String, String> conf = new java.util.LinkedHashMap<>();
            conf.put("bfdd", "hostname frr5\n");
            conf.put("ospfd", FRR_OSPFD);
            Path frr = lab.frr("tgF1", conf);
            ScenarioSpec s = ScenarioLoader.load(Path.of("src/test/resources/interop/ospf-bfd.yaml"));
            BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
            Network net = built.network();
            io.tunnelsim.routing.ospf.OspfProcess ospf = net.node("r1").service(io.tunnelsim.routing.ospf.OspfProcess.class);
            BfdService bfd = BfdService.of(net.node("r1"));
            BfdPeer peer = BfdPeer.singleHop(Ipv4Address.parse("10.9.0.2"), "eth0");
            long detect = io.tunnelsim.routing.bfd.BfdTimers.DEFAULT.symmetricDetectionTime();
            try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(), new LiveSpec(Map.of("wan", lab.real("tgT")), LiveSpec.DEFAULT_LAG_WARNING))) {
                long lag = d.lagLimitNs();
                assertEquals(detect / 4, lag, "a quarter of BFD's 900 ms, not of the 12 s dead interval");
                Clock c = new Clock(d, net);
                net.start();
                String[] nb = {""};
                String[] json = {""};
                // point to point, no election: Full within one dead interval
                long dead = 12 * SimTime.SECOND;
                long full = c.until(() -> LiveOspfLanTest.allFull(ospf, 1), dead);
                assertTrue(full > 0, "r1 not Full: " + ospf.showNeighbors());
                long bothUp = c.until(() -> bfd.session(peer) != null && bfd.session(peer).isUp()
                        && "up".equals(field(json[0] = c.during(() -> lab.vtysh(frr, "show bfd peers json")), "status"))
                        && (nb[0] = c.during(() -> lab.vtysh(frr, "show ip ospf neighbor"))).contains("Full"),
                        4 * io.tunnelsim.routing.bfd.BfdTimers.SLOW_TX + 4 * SimTime.SECOND);
                assertTrue(bothUp > 0, "BFD Up both sides: " + bfd.showNeighbors() + json[0] + "\n" + nb[0] + lab.log(frr, "bfdd"));
                assertEquals("300", field(json[0], "remote-transmit-interval"), json[0]);
                c.advance(SimTime.SECOND);

                long cut = c.now();
                built.segmentsByLink().get("wan").setSilentFailure(true);
                long simDown = c.until(() -> ospf.neighbors().isEmpty(), detect + lag);
                assertTrue(simDown > 0, "r1 still has its neighbour " + SimTime.formatShort(detect + lag) + " after the cut: "
                        + ospf.showNeighbors() + bfd.showNeighbors());
                assertTrue(simDown - cut >= detect - io.tunnelsim.routing.bfd.BfdTimers.DEFAULT_TX - lag,
                        "not before the detection time less one of FRR's intervals: " + SimTime.formatShort(simDown - cut));
                assertTrue(net.log().entries().stream().anyMatch(e -> e.message().contains("from FULL to DOWN, Neighbor Down: BFD node down")),
                        "torn down by BFD, not by the dead interval");
                c.advance(cut + detect + lag - c.now());
                nb[0] = c.during(() -> lab.vtysh(frr, "show ip ospf neighbor"));
                assertFalse(nb[0].contains("10.255.0.1"), "FRR dropped r1 within BFD's detection time + lag: " + nb[0]);
                String ospfdLog = lab.log(frr, "ospfd");
                assertTrue(ospfdLog.contains("Full -> Deleted"), "FRR's ospfd logs the neighbour's removal:\n" + ospfdLog);

                built.segmentsByLink().get("wan").setSilentFailure(false);
                long healed = c.now();
                long back = c.until(() -> LiveOspfLanTest.allFull(ospf, 1), dead);
                assertTrue(back > 0, "adjacency back after healing: " + ospf.showNeighbors());
                System.out.printf("live OSPF+BFD: Full at %s, BFD Up both sides at %s; r1 dropped FRR %s after the cut"
                                + " (detection %s, dead interval 12s); Full again %s after healing; max lag %s (limit %s)%n",
                        SimTime.formatShort(full), SimTime.formatShort(bothUp), SimTime.formatShort(simDown - cut),
                        SimTime.formatShort(detect), SimTime.formatShort(back - healed), SimTime.formatShort(d.stats().maxLagNs()),
                        SimTime.formatShort(lag));
            }
        }
    }
}
