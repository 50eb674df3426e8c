package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.live.LiveStats;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.routing.ospf.OspfNeighbor;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.NetworkBuilder;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A real FRR ospfd and two simulated routers on one broadcast LAN (the simulated segment is
 * bridged to FRR's namespace through a TAP device): the DR/BDR election agrees on both sides (the simulated routers elect first; FRR joins as DROther),
 * every adjacency reaches Full, both LSDBs hold the same LSA instances, each side installs the
 * other's prefixes, and pings from simulated hosts reach FRR's loopback.
 *
 * <p>Bounds: with hello 1 s / dead 4 s, the wait timer (= dead interval, RFC 2328 §9.4) elects
 * the DR at about 4 s and database exchange takes a few round trips more, so Full is required
 * within 12 s of FRR's start (three dead intervals).
 */
class LiveOspfLanTest {
    static final String FRR_OSPFD = String.join("\n",
            "hostname frr1",
            "interface eth0",
            " ip ospf hello-interval 1",
            " ip ospf dead-interval 4",
            " ip ospf priority 50",
            " ip ospf retransmit-interval 2",
            "router ospf",
            " ospf router-id 10.0.0.2",
            " network 10.0.0.0/24 area 0",
            " network 192.0.2.1/32 area 0",
            "");

    @Test
    void frrAndSimulatedRoutersFormFullAdjacenciesWithIdenticalDatabases() throws Exception {
        FrrLab.assumeAvailable();
        try (FrrLab lab = new FrrLab("tl")) {
            lab.bridge("tlB");
            lab.tap("tlT", "tlB");
            lab.namespace("tlF1");
            lab.veth("tlF1", "eth0", "10.0.0.2/24", "tlB", "tlV1");
            lab.inNs("tlF1", "ip addr add 192.0.2.1/32 dev lo");

            ScenarioSpec s = ScenarioLoader.load(Path.of("src/test/resources/interop/ospf-lan.yaml"));
            BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
            Network net = built.network();
            ProbeFlow ping1 = new ProbeFlow("pc1>frr", 1, net.node("pc1"), Ipv4Address.parse("192.0.2.1"),
                    ProbeFlow.Type.ICMP, 100 * SimTime.MILLISECOND, 100, 0, 40 * SimTime.SECOND, 0);
            net.node("pc1").addService(ping1);
            OspfProcess r1 = net.node("r1").service(OspfProcess.class);
            OspfProcess r2 = net.node("r2").service(OspfProcess.class);

            long fullSim = -1;
            long fullFrr = -1;
            long t = 0;
            Map<String, String> frrNeighbors = Map.of();
            try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(), new LiveSpec(Map.of("lan", lab.real("tlT")), LiveSpec.DEFAULT_LAG_WARNING))) {
                net.start();
                // the simulated routers elect r1 DR and r2 BDR alone (wait timer 4 s), then FRR joins
                // and, DRs not being preempted (RFC 2328 §9.4), becomes DROther despite its priority 50
                t = 5 * SimTime.SECOND;
                d.drive(t, null);
                long frrStart = t;
                Path frr = lab.frr("tlF1", Map.of("ospfd", FRR_OSPFD));
                while (t < frrStart + 12 * SimTime.SECOND && (fullSim < 0 || fullFrr < 0)) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                    if (fullSim < 0 && allFull(r1, 2) && allFull(r2, 2)) {
                        fullSim = t - frrStart;
                    }
                    frrNeighbors = Frr.neighbors(lab.vtysh(frr, "show ip ospf neighbor"));
                    if (fullFrr < 0 && frrNeighbors.size() == 2 && frrNeighbors.values().stream().allMatch(v -> v.startsWith("Full"))) {
                        fullFrr = t - frrStart;
                    }
                }
                assertTrue(fullSim > 0, "simulated adjacencies not Full by 12 s: " + r1.showNeighbors() + r2.showNeighbors());
                assertTrue(fullFrr > 0, "FRR adjacencies not Full by 12 s: " + frrNeighbors + "\n" + lab.log(frr, "ospfd"));
                assertEquals(Map.of("10.255.0.1", "Full/DR", "10.255.0.2", "Full/Backup"), frrNeighbors, "roles as FRR sees them");
                for (OspfProcess p : new OspfProcess[] {r1, r2}) {
                    assertEquals(Ipv4Address.parse("10.0.0.1").bits(), p.interfaces().get(0).dr(), "DR as " + p.routerId() + " sees it");
                    assertEquals(Ipv4Address.parse("10.0.0.3").bits(), p.interfaces().get(0).bdr(), "BDR as " + p.routerId() + " sees it");
                }
                String frrItf = lab.vtysh(frr, "show ip ospf interface eth0");
                assertTrue(frrItf.contains("State DROther"), frrItf);

                // flooding settles within one retransmission round: an instance discarded for MinLSArrival
                // (RFC 2328 §13 (5a)) comes again at the next tick of the sender's retransmission timer,
                // which for FRR (one cyclic timer per neighbour, resending LSAs queued at least one
                // RxmtInterval before the tick) is up to 2 × RxmtInterval = 4 s later (RxmtInterval 2 s
                // on every router here): compare until equal, 12 s at most (slack for the scheduler pausing under load)
                TreeSet<String> sim = null;
                TreeSet<String> real = null;
                long settleEnd = t + 12 * SimTime.SECOND;
                long equalAt = -1;
                while (t < settleEnd) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                    sim = Frr.database(r1);
                    real = Frr.database(lab.vtysh(frr, "show ip ospf database"));
                    if (sim.equals(real) && sim.equals(Frr.database(r2))) {
                        equalAt = t;
                        break;
                    }
                }
                assertEquals(real, sim, "r1's LSDB against FRR's");
                assertEquals(sim, Frr.database(r2), "r2's LSDB against r1's");
                // router-LSAs of all three plus the DR's network-LSA
                assertEquals(4, sim.size(), "LSAs: " + sim);
                assertTrue(sim.stream().anyMatch(l -> l.startsWith("2 10.0.0.1 10.255.0.1 ")), "r1 originates the network-LSA: " + sim);

                // routes on both sides: SPF runs after the throttle's wait, which backs off up to its
                // maximum (5 s with the default 'modern' throttle) after several changes; then pings across
                long routesBy = t + 6 * SimTime.SECOND;
                Ipv4Prefix frrLoopback = Ipv4Prefix.parse("192.0.2.1/32");
                String frrRoutes = lab.vtysh(frr, "show ip route ospf");
                while (t < routesBy && (net.node("r1").fib().get(frrLoopback) == null || net.node("r2").fib().get(frrLoopback) == null
                        || !frrRoutes.contains("10.2.0.0/24") || !frrRoutes.contains("10.1.0.0/24"))) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                    frrRoutes = lab.vtysh(frr, "show ip route ospf");
                }
                assertTrue(frrRoutes.matches("(?s).*O>\\* 10\\.1\\.0\\.0/24 \\[110/\\d+\\] via 10\\.0\\.0\\.1, eth0.*"), frrRoutes);
                assertTrue(frrRoutes.matches("(?s).*O>\\* 10\\.2\\.0\\.0/24 \\[110/\\d+\\] via 10\\.0\\.0\\.3, eth0.*"), frrRoutes);
                for (Node n : new Node[] {net.node("r1"), net.node("r2")}) {
                    var e = n.fib().get(frrLoopback);
                    assertNotNull(e, n.name() + " has no route to FRR loopback: " + n.fib().entries() + "\n" + n.service(OspfProcess.class).showDatabase());
                    assertEquals(Ipv4Address.parse("10.0.0.2"), e.first().nextHopAddress(), n.name() + " route " + e);
                }
                long pingFrom = t;
                t += 3 * SimTime.SECOND;
                d.drive(t, null);
                int sent = 0;
                int answered = 0;
                for (int i = 0; i < ping1.count(); i++) {
                    if (ping1.sentAt(i) >= pingFrom && ping1.sentAt(i) < t - SimTime.SECOND) {
                        sent++;
                        if (ping1.receivedAt(i) >= 0) {
                            answered++;
                        }
                    }
                }
                assertTrue(sent >= 15, "pings sent " + sent);
                assertEquals(sent, answered, "pings from pc1 to FRR's loopback answered");
                LiveStats st = d.stats();
                System.out.printf("live OSPF LAN: Full at %s (simulated side) / %s (FRR side), LSDBs equal at %s (%d LSAs),"
                                + " max lag %s, mean lag %s, frames in/out %s/%s%n",
                        SimTime.formatShort(fullSim), SimTime.formatShort(fullFrr), SimTime.formatShort(equalAt), sim.size(),
                        SimTime.formatShort(st.maxLagNs()), SimTime.formatShort(st.meanLagNs()), st.framesIn(), st.framesOut());
                assertTrue(st.maxLagNs() < st.lagLimitNs(), "lag within the limit");
            }
        }
    }

    static boolean allFull(OspfProcess p, int expected) {
        var n = p.neighbors();
        return n.size() == expected && n.stream().allMatch(x -> x.state() == OspfNeighbor.State.FULL);
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
