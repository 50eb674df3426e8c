package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.AREA0;
import static io.tunnelsim.routing.ospf.OspfLab.MS;
import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import io.tunnelsim.wire.LsaHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class OspfAdjacencyTest {

    @Test
    void pointToPointEthernetLinksReachFullAndInstallRoutesWithCosts() {
        OspfLab lab = new OspfLab(1);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.p2p("r1", "r2", "10.0.12.0/30", 10);
        lab.p2p("r2", "r3", "10.0.23.0/30", 5);
        OspfWireCheck wire = new OspfWireCheck(lab.net);
        lab.runUntil(30 * S);
        assertTrue(lab.allFull());
        assertEquals(10, lab.cost("r1", "2.2.2.2/32"));
        assertEquals(15, lab.cost("r1", "3.3.3.3/32"));
        assertEquals(15, lab.cost("r1", "10.0.23.0/30"));
        assertEquals(-1, lab.cost("r1", "10.0.12.0/30"), "connected prefixes are not OSPF routes");
        FibEntry e = lab.node("r1").fib().lookup(Ipv4Address.parse("3.3.3.3").bits());
        assertEquals(Ipv4Prefix.parse("3.3.3.3/32"), e.prefix());
        assertEquals(RouteSource.OSPF, e.first().source());
        assertEquals(Ipv4Address.parse("10.0.12.2").bits(), e.first().nextHop());
        assertEquals(110, e.first().distance());
        assertTrue(lab.firstLog("r1", "%OSPF-5-ADJCHG: Process 1, Nbr 2.2.2.2 on eth0 from LOADING to FULL, Loading Done",
                0) >= 0);
        // every LSDB holds the same three router LSAs
        List<LsaHeader> h1 = lab.ospf("r1").databaseHeaders(AREA0);
        assertEquals(3, h1.size());
        for (String r : new String[] {"r2", "r3"}) {
            List<LsaHeader> h = lab.ospf(r).databaseHeaders(AREA0);
            for (int i = 0; i < h1.size(); i++) {
                assertEquals(h1.get(i).key(), h.get(i).key());
                assertEquals(h1.get(i).sequenceNumber(), h.get(i).sequenceNumber());
            }
        }
        // every packet on the wire decodes, with valid packet and LSA checksums, TTL 1
        assertTrue(wire.packets > 10);
        assertTrue(wire.lsas > 3);
        assertEquals(List.of(), wire.failures);
        assertEquals(List.of(), wire.ttlOrDestinationProblems);
        for (int t = 1; t <= 5; t++) {
            assertTrue(wire.byType[t] > 0, "packet type " + t + " seen");
        }
        String show = lab.ospf("r1").showNeighbors();
        assertTrue(show.contains("2.2.2.2") && show.contains("FULL/  -") && show.contains("10.0.12.2"), show);
        assertTrue(lab.ospf("r1").showRoutes().contains("O        3.3.3.3/32         [110/15] via 10.0.12.2, eth0"),
                lab.ospf("r1").showRoutes());
        assertTrue(lab.ospf("r1").showDatabase().contains("Router Link States (Area 0)"));
    }

    @Test
    void databaseDescriptionsAndUpdatesAreSplitToTheInterfaceMtu() {
        OspfLab lab = new OspfLab(6);
        lab.mtu = 300;
        int n = 40;
        for (int i = 0; i < n; i++) {
            lab.router("r" + i, "172.16.0." + (i + 1));
        }
        for (int i = 1; i < n; i++) {
            lab.p2p("r" + (i - 1), "r" + i, "10.0." + i + ".0/30", 1);
        }
        OspfWireCheck wire = new OspfWireCheck(lab.net);
        lab.runUntil(300 * S);
        assertEquals(n, lab.ospf("r39").databaseSize(AREA0));
        // r39 restarts empty and exchanges a 40-LSA database: many DBD packets of at most 12 headers
        long dbdBefore = lab.ospf("r38").interfaces().get(2).sent[2];
        lab.node("r39").crash();
        lab.runUntil(310 * S);
        lab.node("r39").restore();
        lab.runUntil(400 * S);
        assertTrue(lab.allFull());
        assertEquals(n, lab.ospf("r39").databaseSize(AREA0));
        assertTrue(lab.ospf("r38").interfaces().get(2).sent[2] - dbdBefore >= 4, "several DBD packets");
        assertTrue(wire.largestOspfDatagram <= 300, "largest OSPF datagram " + wire.largestOspfDatagram);
        assertEquals(List.of(), wire.failures);
        assertEquals(39, lab.cost("r39", "172.16.0.1/32"));
        assertEquals(39, lab.cost("r0", "172.16.0.40/32"));
    }

    /** hq and br joined by a GRE tunnel over an ISP router; OSPF runs over the tunnel only. */
    static Network greSites(long seed) {
        Network net = new Network(seed);
        Node hq = net.addRouter("hq");
        Node isp = net.addRouter("isp");
        Node br = net.addRouter("br");
        net.connect("hq-isp", 100_000_000L, 5 * MS, 0, 1500, 1000,
                net.addEthernet(hq, "eth0", Ipv4Prefix.parse("203.0.113.2/30"), 1500),
                net.addEthernet(isp, "eth0", Ipv4Prefix.parse("203.0.113.1/30"), 1500));
        net.connect("isp-br", 100_000_000L, 5 * MS, 0, 1500, 1000,
                net.addEthernet(isp, "eth1", Ipv4Prefix.parse("198.51.100.1/30"), 1500),
                net.addEthernet(br, "eth0", Ipv4Prefix.parse("198.51.100.2/30"), 1500));
        net.connect("hq-lan", 100_000_000L, MS, 0, 1500, 1000,
                net.addEthernet(hq, "lan0", Ipv4Prefix.parse("10.1.0.1/24"), 1500));
        net.connect("br-lan", 100_000_000L, MS, 0, 1500, 1000,
                net.addEthernet(br, "lan0", Ipv4Prefix.parse("10.2.0.1/24"), 1500));
        TunnelInterface.create(hq, "tunnel0", TunnelConfig.basic("eth0", "198.51.100.2"))
                .setIpv4(Ipv4Prefix.parse("172.16.0.1/30"));
        TunnelInterface.create(br, "tunnel0", TunnelConfig.basic("eth0", "203.0.113.2"))
                .setIpv4(Ipv4Prefix.parse("172.16.0.2/30"));
        StaticRouting s1 = new StaticRouting(hq);
        s1.add(StaticRoute.via("0.0.0.0/0", "203.0.113.1"));
        hq.addService(s1);
        StaticRouting s2 = new StaticRouting(br);
        s2.add(StaticRoute.via("0.0.0.0/0", "198.51.100.1"));
        br.addService(s2);
        for (Node n : new Node[] {hq, br}) {
            OspfConfig c = OspfConfig.of(null)
                    .withInterface("tunnel0", OspfInterfaceConfig.inArea("0"))
                    .withInterface("lan0", OspfInterfaceConfig.inArea("0").withPassive(true));
            n.addService(new OspfProcess(n, c));
        }
        return net;
    }

    @Test
    void greTunnelIsPointToPointByDefaultAndCarriesTheAdjacency() {
        Network net = greSites(2);
        OspfWireCheck wire = new OspfWireCheck(net);
        net.runUntil(30 * S);
        OspfProcess hq = net.node("hq").service(OspfProcess.class);
        assertEquals(Ipv4Address.parse("203.0.113.2"), hq.routerId(), "highest interface address");
        OspfInterface t = hq.ospfInterface(net.node("hq").interfaceNamed("tunnel0"));
        assertEquals(NetworkType.POINT_TO_POINT, t.type());
        assertEquals(1000, t.cost(), "100 Mbit/s reference over the 100 kbit/s tunnel bandwidth");
        assertEquals(OspfNeighbor.State.FULL, hq.neighbors().get(0).state());
        assertTrue(firstLog(net, "hq", "Nbr 198.51.100.2 on tunnel0 from LOADING to FULL") >= 0);
        List<Route> r = hq.installedRoutes().get(Ipv4Prefix.parse("10.2.0.0/24"));
        assertNotNull(r);
        assertEquals(1001, r.get(0).metric());
        assertEquals(Ipv4Address.parse("172.16.0.2").bits(), r.get(0).nextHop(), "next hop = hello source");
        assertEquals("tunnel0", r.get(0).egress().name());
        assertEquals(List.of(), wire.failures);
        assertTrue(wire.packets > 5, "OSPF inside GRE decoded");
    }

    static long firstLog(Network net, String node, String text) {
        for (var e : net.log().entries()) {
            if (e.node().equals(node) && e.format().contains(text)) {
                return e.time();
            }
        }
        return -1;
    }

    @Test
    void broadcastLanElectsDrAndBdrByPriorityThenRouterId() {
        OspfLab lab = new OspfLab(3);
        String[] rs = {"r1", "r2", "r3", "r4"};
        for (int i = 0; i < 4; i++) {
            lab.router(rs[i], (i + 1) + "." + (i + 1) + "." + (i + 1) + "." + (i + 1));
        }
        // r2 has the highest priority; r1 and r3 tie on priority, r3 has the higher router ID; r4 never DR
        lab.lan("lan", "10.0.0.0/24", rs, new int[] {1, 5, 1, 0});
        OspfWireCheck wire = new OspfWireCheck(lab.net);
        lab.runUntil(35 * S);
        assertEquals(OspfInterface.State.WAITING, lab.ospf("r1").interfaces().get(1).state(), "wait = dead interval");
        lab.runUntil(60 * S);
        int dr = Ipv4Address.parse("10.0.0.2").bits();
        int bdr = Ipv4Address.parse("10.0.0.3").bits();
        for (String r : rs) {
            OspfInterface oi = lab.ospf(r).interfaces().get(1);
            assertEquals(dr, oi.dr(), r);
            assertEquals(bdr, oi.bdr(), r);
        }
        assertEquals(OspfInterface.State.DR, lab.ospf("r2").interfaces().get(1).state());
        assertEquals(OspfInterface.State.BACKUP, lab.ospf("r3").interfaces().get(1).state());
        assertEquals(OspfInterface.State.DR_OTHER, lab.ospf("r1").interfaces().get(1).state());
        assertEquals(OspfInterface.State.DR_OTHER, lab.ospf("r4").interfaces().get(1).state());
        for (String r : rs) {
            for (OspfNeighbor n : lab.ospf(r).neighbors()) {
                boolean otherPair = (r.equals("r1") || r.equals("r4"))
                        && (n.routerId().toString().equals("1.1.1.1") || n.routerId().toString().equals("4.4.4.4"));
                assertEquals(otherPair ? OspfNeighbor.State.TWO_WAY : OspfNeighbor.State.FULL, n.state(),
                        r + " " + n);
            }
            assertEquals(3, lab.ospf(r).neighbors().size());
        }
        // one Network-LSA by the DR, listing all four routers; routes through the LAN cost 1 + 0
        assertEquals(5, lab.ospf("r1").databaseSize(AREA0));
        assertEquals(1, lab.cost("r1", "4.4.4.4/32"));
        assertEquals(Ipv4Address.parse("10.0.0.4").bits(),
                lab.ospf("r1").installedRoutes().get(Ipv4Prefix.parse("4.4.4.4/32")).get(0).nextHop());
        String show = lab.ospf("r1").showNeighbors();
        assertTrue(show.contains("FULL/DR") && show.contains("FULL/BDR") && show.contains("2WAY/DROTHER"), show);
        assertEquals(List.of(), wire.failures);
    }

    @Test
    void passiveInterfaceIsAdvertisedButSendsNoHello() {
        Network net = greSites(4);
        net.runUntil(30 * S);
        OspfProcess br = net.node("br").service(OspfProcess.class);
        OspfInterface lan = br.ospfInterface(net.node("br").interfaceNamed("lan0"));
        assertTrue(lan.isPassive());
        assertEquals(0, lan.sent[1]);
        assertEquals(OspfInterface.State.DR, lan.state());
        assertNotNull(net.node("hq").service(OspfProcess.class).installedRoutes().get(Ipv4Prefix.parse("10.2.0.0/24")));
    }

    private static OspfLab mismatchLab(OspfInterfaceConfig a, OspfInterfaceConfig b, String subnetB) {
        OspfLab lab = new OspfLab(5);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.link("r1", "r2", "10.0.12.0/24", a, b);
        if (subnetB != null) {
            // r2's end has a different mask on the same wire
            lab.node("r2").interfaceNamed("eth0").setIpv4(Ipv4Prefix.parse(subnetB));
        }
        lab.runUntil(120 * S);
        return lab;
    }

    private static void assertNoAdjacency(OspfLab lab) {
        for (String r : new String[] {"r1", "r2"}) {
            for (OspfNeighbor n : lab.ospf(r).neighbors()) {
                assertTrue(n.state().compareTo(OspfNeighbor.State.INIT) <= 0, r + " " + n);
            }
            assertTrue(lab.ospf(r).installedRoutes().isEmpty());
        }
        assertEquals(-1, lab.firstLog(null, "ADJCHG", 0));
    }

    @Test
    void helloAndDeadIntervalMismatchKeepsTheAdjacencyDownAndIsLogged() {
        OspfInterfaceConfig c = OspfInterfaceConfig.inArea(AREA0);
        OspfLab lab = mismatchLab(c, c.withTimers(1, 4), null);
        assertNoAdjacency(lab);
        assertTrue(lab.firstLog("r1", "%OSPF-4-ERRRCV: Received invalid packet: mismatched hello parameters from "
                + "10.0.12.2, dead R 4 C 40, hello R 1 C 10", 0) >= 0);
        assertTrue(lab.firstLog("r2", "mismatched hello parameters from 10.0.12.1, dead R 40 C 4, hello R 10 C 1", 0) >= 0);
    }

    @Test
    void areaMismatchKeepsTheAdjacencyDownAndIsLogged() {
        OspfLab lab = mismatchLab(OspfInterfaceConfig.inArea(AREA0), OspfInterfaceConfig.inArea("1"), null);
        assertNoAdjacency(lab);
        assertTrue(lab.firstLog("r1", "Received invalid packet: mismatched area ID from 10.0.12.2, eth0, area 1 (ours 0)",
                0) >= 0);
    }

    @Test
    void maskMismatchOnBroadcastKeepsTheAdjacencyDownButNotOnPointToPoint() {
        OspfInterfaceConfig c = OspfInterfaceConfig.inArea(AREA0);
        OspfLab lab = mismatchLab(c, c, "10.0.12.2/25");
        assertNoAdjacency(lab);
        assertTrue(lab.firstLog("r1", "mismatched hello parameters from 10.0.12.2, dead R 40 C 40, hello R 10 C 10, "
                + "mask R 255.255.255.128 C 255.255.255.0", 0) >= 0);
        OspfInterfaceConfig p = c.withNetworkType(NetworkType.POINT_TO_POINT);
        OspfLab ok = mismatchLab(p, p, "10.0.12.2/25");
        assertTrue(ok.allFull());
        assertFalse(ok.ospf("r1").neighbors().isEmpty());
    }

    @Test
    void simplePasswordMustMatch() {
        OspfInterfaceConfig c = OspfInterfaceConfig.inArea(AREA0).withNetworkType(NetworkType.POINT_TO_POINT);
        OspfLab good = mismatchLab(c.withPassword("s3cret"), c.withPassword("s3cret"), null);
        assertTrue(good.allFull());
        assertEquals(1, good.ospf("r1").neighbors().size());
        OspfLab bad = mismatchLab(c.withPassword("s3cret"), c.withPassword("other"), null);
        assertNoAdjacency(bad);
        assertTrue(bad.firstLog("r1", "mismatched authentication", 0) >= 0);
    }

    /** IOS advertises a loopback's host route with the interface cost (1 at the default reference); RFC 2328 with 0. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void loopbackHostRouteCostsOneAsIosUnlessTheRfcCostIsAsked(boolean rfc) {
        OspfLab lab = new OspfLab(5);
        lab.rfcLoopbackCost = rfc;
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.p2p("r1", "r2", "10.0.12.0/30", 10);
        lab.runUntil(60 * S);
        assertTrue(lab.allFull());
        assertEquals(rfc ? 10 : 11, lab.cost("r1", "2.2.2.2/32"), "link 10 + loopback " + (rfc ? 0 : 1));
        assertTrue(lab.ospf("r2").showDatabase().contains("Router Link States"), lab.ospf("r2").showDatabase());
    }
}
