package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.AREA0;
import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Route;
import io.tunnelsim.wire.LsaHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LS age, refresh at LSRefreshTime, MaxAge flushing, and multiple areas with Summary-LSAs. */
class OspfLsdbTest {

    static LsaHeader find(OspfLab lab, String router, Ipv4Address area, int type, String adv) {
        for (LsaHeader h : lab.ospf(router).databaseHeaders(area)) {
            if (h.type() == type && h.advertisingRouter().toString().equals(adv)) {
                return h;
            }
        }
        return null;
    }

    static OspfLab chain() {
        OspfLab lab = new OspfLab(21);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.p2p("r1", "r2", "10.0.12.0/30", 1);
        lab.p2p("r2", "r3", "10.0.23.0/30", 1);
        return lab;
    }

    @Test
    void ownLsasAreRefreshedAtLsRefreshTimeWithTheNextSequenceNumber() {
        OspfLab lab = chain();
        lab.runUntil(100 * S);
        LsaHeader before = find(lab, "r1", AREA0, LsaHeader.ROUTER, "1.1.1.1");
        int age = before.age();
        assertTrue(age > 50 && age < 100, "age advances while the LSA sits in the database: " + age);
        assertEquals(age, find(lab, "r3", AREA0, LsaHeader.ROUTER, "1.1.1.1").age(), 2.0,
                "a flooded copy ages the same, plus InfTransDelay per hop");
        long refreshAt = 100 * S + (LsaHeader.LS_REFRESH_TIME - age) * S;
        lab.runUntil(refreshAt - 2 * S);
        LsaHeader still = find(lab, "r1", AREA0, LsaHeader.ROUTER, "1.1.1.1");
        assertEquals(before.sequenceNumber(), still.sequenceNumber());
        assertEquals(LsaHeader.LS_REFRESH_TIME - 2, still.age(), 1.0);
        lab.runUntil(refreshAt + 3 * S);
        for (String r : new String[] {"r1", "r2", "r3"}) {
            LsaHeader after = find(lab, r, AREA0, LsaHeader.ROUTER, "1.1.1.1");
            assertEquals(before.sequenceNumber() + 1, after.sequenceNumber(), r);
            assertTrue(after.age() <= 5, r + " age " + after.age());
        }
    }

    @Test
    void lsaOfAVanishedRouterAgesOutAtMaxAgeEverywhere() {
        OspfLab lab = chain();
        lab.runUntil(100 * S);
        lab.node("r3").crash(); // the cable loses carrier: r2 drops the adjacency at once
        lab.runUntil(1000 * S);
        assertNotNull(find(lab, "r1", AREA0, LsaHeader.ROUTER, "3.3.3.3"), "still held, unreachable");
        assertEquals(-1, lab.cost("r1", "3.3.3.3/32"));
        lab.runUntil(100 * S + LsaHeader.MAX_AGE * S + 10 * S);
        assertNull(find(lab, "r1", AREA0, LsaHeader.ROUTER, "3.3.3.3"));
        assertNull(find(lab, "r2", AREA0, LsaHeader.ROUTER, "3.3.3.3"));
        assertEquals(2, lab.ospf("r1").databaseSize(AREA0));
    }

    @Test
    void withdrawnNetworkLsaIsFlushedByPrematureAging() {
        OspfLab lab = new OspfLab(22);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.p2p("r1", "r2", "10.0.12.0/30", 1);
        lab.lan("lan", "10.0.0.0/24", new String[] {"r2", "r3"}, new int[] {10, 1});
        lab.runUntil(100 * S);
        LsaHeader net = find(lab, "r1", AREA0, LsaHeader.NETWORK, "2.2.2.2");
        assertNotNull(net, "r2 is DR and originates the Network-LSA");
        assertEquals(2, lab.cost("r1", "3.3.3.3/32"));
        lab.net.segment("lan").setCarrier(false);
        lab.runUntil(110 * S);
        assertNull(find(lab, "r1", AREA0, LsaHeader.NETWORK, "2.2.2.2"), "flushed and removed at r1");
        assertNull(find(lab, "r2", AREA0, LsaHeader.NETWORK, "2.2.2.2"), "and at its originator");
        assertEquals(-1, lab.cost("r1", "3.3.3.3/32"));
        assertEquals(-1, lab.cost("r1", "10.0.0.0/24"));
    }

    /**
     * r1 (area 1) — r2 (ABR 1/0) — r3 (ABR 0/2) — r4 (area 2): r1 and r4 reach each other
     * through two area border routers with Summary-LSAs.
     */
    @Test
    void areaBorderRoutersOriginateSummariesAndRoutersComputeInterAreaRoutes() {
        OspfLab lab = OspfLab.twoAreaChain(23);
        lab.runUntil(120 * S);
        assertTrue(lab.allFull());
        Ipv4Address area1 = Ipv4Address.parse("0.0.0.1");
        Ipv4Address area2 = Ipv4Address.parse("0.0.0.2");
        assertTrue(lab.ospf("r2").isAbr() && lab.ospf("r3").isAbr() && !lab.ospf("r1").isAbr());
        // r1 knows only area 1: two Router-LSAs, the rest arrives as Summary-LSAs from r2
        List<LsaHeader> db1 = lab.ospf("r1").databaseHeaders(area1);
        assertEquals(2, db1.stream().filter(h -> h.type() == LsaHeader.ROUTER).count());
        assertTrue(db1.stream().filter(h -> h.type() == LsaHeader.SUMMARY_NETWORK)
                .allMatch(h -> h.advertisingRouter().toString().equals("2.2.2.2")));
        assertEquals(0, lab.ospf("r1").databaseSize(AREA0));
        assertEquals(22, lab.cost("r1", "4.4.4.4/32"));
        assertEquals(15, lab.cost("r1", "3.3.3.3/32"));
        assertEquals(10, lab.cost("r1", "2.2.2.2/32"));
        assertEquals(22, lab.cost("r4", "1.1.1.1/32"));
        assertEquals(22, lab.cost("r4", "10.0.12.0/30"));
        assertEquals(5 + 10, lab.cost("r3", "1.1.1.1/32"));
        assertFalse(lab.ospf("r4").routingTable().get(Ipv4Prefix.parse("1.1.1.1/32")).intraArea());
        assertTrue(lab.ospf("r2").routingTable().get(Ipv4Prefix.parse("1.1.1.1/32")).intraArea());
        List<Route> r = lab.ospf("r1").installedRoutes().get(Ipv4Prefix.parse("4.4.4.4/32"));
        assertEquals(Ipv4Address.parse("10.0.12.2").bits(), r.get(0).nextHop());
        assertTrue(lab.ospf("r1").showRoutes().contains("O IA     4.4.4.4/32         [110/22] via 10.0.12.2, eth0"),
                lab.ospf("r1").showRoutes());
        // the node's `show route` (the CLI) marks the same route O IA, and intra-area ones O
        String show = io.tunnelsim.scenario.Show.render(lab.node("r1"), io.tunnelsim.scenario.Show.What.ROUTE);
        assertTrue(show.contains("O IA 4.4.4.4/32"), show);
        String show2 = io.tunnelsim.scenario.Show.render(lab.node("r2"), io.tunnelsim.scenario.Show.What.ROUTE);
        assertTrue(show2.contains("O  1.1.1.1/32"), show2);
        assertTrue(show2.contains("O IA 4.4.4.4/32"), show2);
        assertTrue(lab.ospf("r4").databaseHeaders(area2).stream()
                .anyMatch(h -> h.type() == LsaHeader.SUMMARY_NETWORK && h.linkStateId().toString().equals("1.1.1.1")));
        // the backbone does not get area 1's routes back from r3 (no summary of an inter-area route into area 0)
        assertTrue(lab.ospf("r2").databaseHeaders(AREA0).stream().noneMatch(h -> h.type() == LsaHeader.SUMMARY_NETWORK
                && h.advertisingRouter().toString().equals("3.3.3.3") && h.linkStateId().toString().equals("1.1.1.1")));
        // losing area 1's link withdraws the summaries: r4 loses the route
        lab.net.segment("r1-r2").setCarrier(false);
        lab.runUntil(140 * S);
        assertEquals(-1, lab.cost("r4", "1.1.1.1/32"));
        assertTrue(lab.ospf("r4").showDatabase().contains("Summary Net Link States (Area 2)"));
    }
}
