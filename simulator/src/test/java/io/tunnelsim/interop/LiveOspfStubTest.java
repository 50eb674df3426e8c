package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.node.Network;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.NetworkBuilder;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.OspfCodec;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real FRR ospfd as the area border router of a totally stubby area ({@code area 1 stub
 * no-summary}; its loopback in area 0) and the simulated r1 inside it ({@code areas: {1: {stub:
 * true}}}): the hellos agree on the E bit, so the adjacency goes Full on both sides; both hold
 * the same instances of area 1's LSAs (checksums cover the Options field, so the E bit of every
 * LSA agrees too); FRR's default Summary-LSA is the only one in the area; r1 routes 0.0.0.0/0 via
 * FRR at the link cost plus FRR's default-cost (1), and reaches FRR's loopback by it.
 *
 * <p>Bounds as in {@link LiveOspfP2pTest}: Full within 8 s, databases equal within 12 s after.
 */
class LiveOspfStubTest {
    static final String FRR_OSPFD = String.join("\n",
            "hostname frr3",
            "interface eth0",
            " ip ospf network point-to-point",
            " ip ospf hello-interval 1",
            " ip ospf dead-interval 4",
            " ip ospf retransmit-interval 2",
            "router ospf",
            " ospf router-id 10.9.0.2",
            " network 10.9.0.0/30 area 0.0.0.1",
            " network 192.0.2.1/32 area 0",
            " area 0.0.0.1 stub no-summary",
            "");
    static final Path SCENARIO = Path.of("src/test/resources/interop/ospf-stub.yaml");
    static final Ipv4Address AREA1 = Ipv4Address.parse("0.0.0.1");

    static FrrLab lab;
    static Path frr;
    /** FRR with area 1 a normal area: the E bits disagree. */
    static Path normal;

    @BeforeAll
    static void lab() throws Exception {
        if (FrrLab.unavailableReason() != null) {
            return;
        }
        lab = new FrrLab("ts");
        lab.bridge("tsB");
        lab.tap("tsT", "tsB");
        lab.namespace("tsF1");
        lab.veth("tsF1", "eth0", "10.9.0.2/30", "tsB", "tsV1");
        lab.inNs("tsF1", "ip addr add 192.0.2.1/32 dev lo");
        frr = lab.frr("tsF1", Map.of("ospfd", FRR_OSPFD));
        lab.bridge("tsB2");
        lab.tap("tsT2", "tsB2");
        lab.namespace("tsF2");
        lab.veth("tsF2", "eth0", "10.9.0.2/30", "tsB2", "tsV2");
        lab.inNs("tsF2", "ip addr add 192.0.2.1/32 dev lo");
        normal = lab.frr("tsF2", Map.of("ospfd", FRR_OSPFD.replace(" area 0.0.0.1 stub no-summary\n", "")
                .replace("hostname frr3", "hostname frr4")));
    }

    @AfterAll
    static void teardown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aTotallyStubbyAreaBehindFrrGetsOnlyItsDefault() throws Exception {
        FrrLab.assumeAvailable();
        ScenarioSpec s = ScenarioLoader.load(SCENARIO);
        BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
        Network net = built.network();
        OspfProcess r1 = net.node("r1").service(OspfProcess.class);
        try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(),
                new LiveSpec(Map.of("wan", lab.real("tsT")), LiveSpec.DEFAULT_LAG_WARNING))) {
            net.start();
            Frr.FullAt full = Frr.driveUntilFull(d, 0, 8 * SimTime.SECOND, r1, lab, frr, "10.255.0.1");
            long t = full.now();
            long fullSim = full.sim();
            long fullFrr = full.frr();
            Map<String, String> nb = full.frrNeighbors();
            assertTrue(fullSim > 0, "r1 not Full by 8 s (stub flags must agree): " + r1.showNeighbors()
                    + net.log().entries());
            assertTrue(fullFrr > 0, "FRR not Full by 8 s: " + nb + "\n" + lab.log(frr, "ospfd"));

            TreeSet<String> sim = null;
            TreeSet<String> real = null;
            Ipv4Prefix def = Ipv4Prefix.parse("0.0.0.0/0");
            for (long end = t + 12 * SimTime.SECOND; t < end; ) {
                t += 250 * SimTime.MILLISECOND;
                d.drive(t, null);
                sim = Frr.database(r1, AREA1);
                real = Frr.database(lab.vtysh(frr, "show ip ospf database"), AREA1);
                if (sim.equals(real) && net.node("r1").fib().get(def) != null) {
                    break;
                }
            }
            assertEquals(real, sim, "r1's area 1 LSDB against FRR's\n" + lab.vtysh(frr, "show ip ospf database"));
            assertTrue(sim.stream().anyMatch(l -> l.startsWith("3 0.0.0.0 10.9.0.2 ")), "FRR's default summary: " + sim);
            assertEquals(1, sim.stream().filter(l -> l.startsWith("3 ")).count(), "no-summary: the default only: " + sim);
            for (LsaHeader h : r1.databaseHeaders(AREA1)) {
                assertEquals(0, h.options() & OspfCodec.OPTION_E, "E bit of " + h + " in a stub area");
            }
            var e = net.node("r1").fib().get(def);
            assertNotNull(e, "r1's default via FRR: " + r1.showRoutes() + r1.showDatabase());
            assertEquals(Ipv4Address.parse("10.9.0.2"), e.first().nextHopAddress());
            // eth0's cost at the default reference (100 Mbit/s over the link's bandwidth) plus FRR's default-cost 1
            long linkCost = r1.interfaces().get(0).cost();
            assertEquals(linkCost + 1, e.first().metric(), r1.showRoutes());
            assertTrue(r1.isInterArea(def), "the default is an inter-area route (O IA)");
            // FRR's loopback, in area 0, is reached by that default: no summary of it came in
            assertEquals(def, net.node("r1").fib().lookup(Ipv4Address.parse("192.0.2.1").bits()).prefix());
            System.out.printf("live OSPF stub: Full at %s / %s, area 1 LSDBs equal (%d LSAs), default cost %d%n",
                    SimTime.formatShort(fullSim), SimTime.formatShort(fullFrr), sim.size(), e.first().metric());
        }
    }

    /**
     * The same r1 against an FRR whose area 1 is a normal area: each side drops the other's hellos
     * for their E bit (RFC 2328 §10.5), so neither lists the other as a neighbour, for two dead
     * intervals and more; r1 counts the drops as {@code ospf-stub-mismatch}.
     */
    @Test
    void aStubOnOneSideOnlyFormsNoAdjacencyWithFrr() throws Exception {
        FrrLab.assumeAvailable();
        ScenarioSpec s = ScenarioLoader.load(SCENARIO);
        BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
        Network net = built.network();
        OspfProcess r1 = net.node("r1").service(OspfProcess.class);
        Map<String, String> nb = Map.of();
        try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(),
                new LiveSpec(Map.of("wan", lab.real("tsT2")), LiveSpec.DEFAULT_LAG_WARNING))) {
            net.start();
            for (long t = 0; t < 9 * SimTime.SECOND; ) {
                t += 250 * SimTime.MILLISECOND;
                d.drive(t, null);
                nb = Frr.neighbors(lab.vtysh(normal, "show ip ospf neighbor"));
                assertTrue(r1.neighbors().isEmpty(), "r1 listed a neighbour whose hellos it must drop: " + r1.showNeighbors());
                assertTrue(!nb.containsKey("10.255.0.1"), "FRR listed r1: " + nb);
            }
        }
        // hellos every second for 9 s
        long drops = net.node("r1").counters().drops(io.tunnelsim.routing.ospf.OspfDrop.OSPF_STUB_MISMATCH);
        assertTrue(drops >= 6, "r1 dropped " + drops + " of FRR's hellos");
        assertTrue(net.log().entries().stream().anyMatch(e -> e.format().contains(
                "mismatched Stub/Transit area option bit from 10.9.0.2, eth0, area 1 (ours stub)")));
    }
}
