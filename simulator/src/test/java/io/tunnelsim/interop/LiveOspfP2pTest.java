package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.cli.Main;
import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.live.LiveStats;
import io.tunnelsim.node.Network;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.NetworkBuilder;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real FRR ospfd on the far end of a point-to-point Ethernet link ({@code ip ospf network
 * point-to-point} on FRR, {@code network: point-to-point} on the simulated r1): Full on both
 * sides without a DR, identical LSDBs, routes both ways, pings across; then the same through
 * the command line ({@code tunnelsim run --live}), whose summary.json is marked non-deterministic.
 *
 * <p>Bounds: a point-to-point adjacency needs no election, so Full is required within two dead
 * intervals (8 s) of the start; LSDB equality within 8 s after that (see the retransmission
 * bound in the test).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveOspfP2pTest {
    static final String FRR_OSPFD = String.join("\n",
            "hostname frr2",
            "interface eth0",
            " ip ospf network point-to-point",
            " ip ospf hello-interval 1",
            " ip ospf dead-interval 4",
            " ip ospf retransmit-interval 2",
            "router ospf",
            " ospf router-id 10.9.0.2",
            " network 10.9.0.0/30 area 0",
            " network 192.0.2.1/32 area 0",
            "");
    static final Path SCENARIO = Path.of("src/test/resources/interop/ospf-p2p.yaml");

    static FrrLab lab;
    static Path frr;

    @BeforeAll
    static void lab() throws Exception {
        if (FrrLab.unavailableReason() != null) {
            return;
        }
        lab = new FrrLab("tp");
        lab.bridge("tpB");
        lab.tap("tpT", "tpB");
        lab.namespace("tpF1");
        lab.veth("tpF1", "eth0", "10.9.0.2/30", "tpB", "tpV1");
        lab.inNs("tpF1", "ip addr add 192.0.2.1/32 dev lo");
        frr = lab.frr("tpF1", Map.of("ospfd", FRR_OSPFD));
    }

    @AfterAll
    static void teardown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void pointToPointAdjacencyWithFrr() throws Exception {
        FrrLab.assumeAvailable();
        ScenarioSpec s = ScenarioLoader.load(SCENARIO);
        BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
        Network net = built.network();
        OspfProcess r1 = net.node("r1").service(OspfProcess.class);
        try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(), new LiveSpec(Map.of("wan", lab.real("tpT")), LiveSpec.DEFAULT_LAG_WARNING))) {
            net.start();
            Frr.FullAt full = Frr.driveUntilFull(d, 0, 8 * SimTime.SECOND, r1, lab, frr, "10.255.0.1");
            long t = full.now();
            long fullSim = full.sim();
            long fullFrr = full.frr();
            Map<String, String> nb = full.frrNeighbors();
            assertTrue(fullSim > 0, "r1 not Full by 8 s: " + r1.showNeighbors());
            assertTrue(fullFrr > 0, "FRR not Full by 8 s: " + nb + "\n" + lab.log(frr, "ospfd"));
            assertEquals(0, r1.interfaces().get(0).dr(), "no DR on a point-to-point network");

            TreeSet<String> sim = null;
            TreeSet<String> real = null;
            long equalAt = -1;
            Ipv4Prefix loop = Ipv4Prefix.parse("192.0.2.1/32");
            String routes = "";
            // FRR re-originates its router-LSA as its side of the adjacency goes Full, usually less
            // than MinLSArrival (1 s) after r1 installed the previous instance from the database
            // exchange: r1 discards it unacknowledged (RFC 2328 §13 (5a)) and FRR must retransmit it.
            // FRR's retransmission timer is one cyclic timer per neighbour (period RxmtInterval) that
            // resends only LSAs queued at least RxmtInterval before the tick, so the retransmission
            // comes up to 2 × RxmtInterval after the discarded flood: with the default 5 s that is
            // 1 s + 10 s after Full, beyond this window; with RxmtInterval 2 s on both ends it is at
            // most 1 s + 4 s, and the 12 s window leaves 7 s for the scheduler's lag under load
            for (long end = t + 12 * SimTime.SECOND; t < end; ) {
                t += 250 * SimTime.MILLISECOND;
                d.drive(t, null);
                sim = Frr.database(r1);
                real = Frr.database(lab.vtysh(frr, "show ip ospf database"));
                routes = lab.inNs("tpF1", "ip route show proto ospf");
                if (sim.equals(real) && net.node("r1").fib().get(loop) != null && routes.contains("10.1.0.0/24")) {
                    equalAt = t;
                    break;
                }
            }
            assertEquals(real, sim, "r1's LSDB against FRR's");
            assertEquals(2, sim.size(), "two router-LSAs, no network-LSA: " + sim);
            var e = net.node("r1").fib().get(loop);
            assertNotNull(e, "r1 route to FRR's loopback: " + net.node("r1").fib().entries() + "\n" + r1.showDatabase()
                    + r1.showRoutes() + "\nFRR:\n" + lab.vtysh(frr, "show ip ospf database router"));
            assertEquals(Ipv4Address.parse("10.9.0.2"), e.first().nextHopAddress());
            // zebra installed the simulated prefix in the namespace's kernel table
            assertTrue(routes.matches("(?s).*10\\.1\\.0\\.0/24 (nhid \\d+ )?via 10\\.9\\.0\\.1 dev eth0.*"), "kernel routes in FRR's namespace: " + routes);
            LiveStats st = d.stats();
            System.out.printf("live OSPF p2p: Full at %s (simulated side) / %s (FRR side), LSDBs equal at %s (%d LSAs), max lag %s%n",
                    SimTime.formatShort(fullSim), SimTime.formatShort(fullFrr), SimTime.formatShort(equalAt), sim.size(),
                    SimTime.formatShort(st.maxLagNs()));
        }
    }

    @Test
    @Order(2)
    void commandLineLiveRunPingsAcrossAndIsMarkedNonDeterministic(@TempDir Path out) throws Exception {
        FrrLab.assumeAvailable();
        int code = Main.execute(new String[] {"run", SCENARIO.toString(), "--live", "wan=" + lab.real("tpT"), "--out", out.toString(), "--quiet", "--capture"});
        assertEquals(0, code);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"deterministic\": false"), summary);
        assertTrue(summary.contains("\"wan\": \"" + lab.real("tpT") + "\""), summary);
        assertTrue(summary.contains("\"lag_limit_s\": 1.000000000"), "a quarter of the 4 s dead interval: " + summary);
        List<String> probes = Files.readAllLines(out.resolve("probes.csv"));
        // probes from 8 s on, every 100 ms, until 14 s; the adjacency re-forms in a few seconds
        // (FRR still remembers the previous run's r1), so the last 3 s must all be answered
        long late = probes.stream().skip(1).filter(l -> Double.parseDouble(l.split(",")[2]) >= 11.0).count();
        long lateLost = probes.stream().skip(1).filter(l -> Double.parseDouble(l.split(",")[2]) >= 11.0 && l.strip().endsWith(",")).count();
        assertTrue(late >= 25, "probes after 11 s: " + late);
        assertEquals(0, lateLost, "probes lost after 11 s\n" + String.join("\n", probes));
        String events = Files.readString(out.resolve("events.log"));
        assertTrue(events.contains("%LIVE-5-ATTACH: segment wan bridged to TAP device " + lab.real("tpT")), events);
        assertTrue(events.contains("Nbr 10.9.0.2 on eth0 from LOADING to FULL"), events);
        assertTrue(Files.size(out.resolve("pcap").resolve("wan.pcap")) > 1000, "capture of the live segment");
    }
}
