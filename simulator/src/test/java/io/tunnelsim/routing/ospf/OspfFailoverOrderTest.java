package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.AREA0;
import static io.tunnelsim.routing.ospf.OspfLab.MS;
import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.OspfRouterLsa;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Router-LSA a failure originates describes the network after the failure (RFC 2328 §12.4). */
class OspfFailoverOrderTest {

    static OspfRouterLsa routerLsa(OspfLab lab, String at, String adv) {
        for (Lsa l : lab.ospf(at).databaseLsas(AREA0)) {
            if (l.header().type() == LsaHeader.ROUTER && l.header().advertisingRouter().toString().equals(adv)) {
                return (OspfRouterLsa) l.body();
            }
        }
        return null;
    }

    static boolean lists(OspfRouterLsa r, String linkId) {
        Ipv4Address id = Ipv4Address.parse(linkId);
        return r.links().stream().anyMatch(l -> l.linkId().equals(id));
    }

    @Test
    void carrierLossOriginatesARouterLsaWithoutTheDownSubnetAtOnce() {
        List<OspfConvergenceTest.Change> changes = new ArrayList<>();
        OspfLab lab = OspfConvergenceTest.square(SpfThrottle.MODERN, changes);
        long fail = 100 * S;
        lab.runUntil(fail);
        assertTrue(lists(routerLsa(lab, "r4", "1.1.1.1"), "10.0.12.0"));
        int seq = OspfConvergenceTest.seqOf(lab, "r4", "1.1.1.1");
        lab.net.scheduler().schedule(fail, () -> lab.net.segment("r1-r2").setCarrier(false));
        // one flooding time later, well inside MinLSInterval (5 s)
        lab.runUntil(fail + 100 * MS);
        OspfRouterLsa r1 = routerLsa(lab, "r4", "1.1.1.1");
        assertFalse(lists(r1, "10.0.12.0"), "stub of the down link still listed: " + r1);
        assertFalse(lists(r1, "2.2.2.2"), "p2p link to the lost neighbour still listed: " + r1);
        assertTrue(lists(r1, "3.3.3.3"));
        assertEquals(seq + 1, OspfConvergenceTest.seqOf(lab, "r4", "1.1.1.1"), "exactly one new instance");
        lab.runUntil(fail + 10 * S);
        assertEquals(seq + 1, OspfConvergenceTest.seqOf(lab, "r4", "1.1.1.1"), "no correction 5 s later");
    }

    @Test
    void drFailureOriginatesTransitLinksToTheNewDrAtTheDeadTimer() {
        OspfLab lab = new OspfLab(5);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.lan("lan", "10.0.0.0/24", new String[] {"r1", "r2", "r3"}, new int[] {1, 2, 3});
        lab.runUntil(100 * S);
        OspfInterface lan1 = lab.ospf("r1").ospfInterface(lab.itf("r1", "eth0"));
        assertEquals(Ipv4Address.parse("10.0.0.3").bits(), lan1.dr());
        assertEquals(Ipv4Address.parse("10.0.0.2").bits(), lan1.bdr());
        lab.node("r3").crash();
        String down = "Nbr 3.3.3.3 on eth0 from FULL to DOWN, Neighbor Down: Dead timer expired";
        long dead = -1;
        for (long t = 100 * S; dead < 0 && t < 150 * S; t += 10 * MS) {
            lab.runUntil(t);
            dead = lab.firstLog("r1", down, 100 * S);
        }
        // the dead interval (40 s) after the last hello, which left at most one hello interval before the crash
        assertTrue(dead >= 130 * S && dead <= 140 * S, "dead timer at " + dead);
        lab.runUntil(dead + 100 * MS);
        for (String r : new String[] {"1.1.1.1", "2.2.2.2"}) {
            OspfRouterLsa l = routerLsa(lab, "r1", r);
            assertNotNull(l);
            assertTrue(l.links().stream().anyMatch(k -> k.type() == OspfRouterLsa.TRANSIT
                    && k.linkId().equals(Ipv4Address.parse("10.0.0.2"))), r + ": " + l);
            assertFalse(l.links().stream().anyMatch(k -> k.type() == OspfRouterLsa.STUB
                    && k.linkId().equals(Ipv4Address.parse("10.0.0.0"))), r + " lists the LAN as a stub: " + l);
        }
        assertEquals(Ipv4Address.parse("10.0.0.2").bits(), lan1.dr());
        assertEquals(1, lab.cost("r1", "2.2.2.2/32"), "r1 keeps its route to r2");
        assertEquals(1, lab.cost("r2", "1.1.1.1/32"), "r2 keeps its route to r1");
        // r2's next hello declares it DR; r1 then elects itself BDR (§9.4 steps 2-3)
        lab.runUntil(dead + 11 * S);
        assertEquals(Ipv4Address.parse("10.0.0.1").bits(), lan1.bdr());
    }

    @Test
    void adminShutdownOnACableDropsThePeersCarrier() {
        List<OspfConvergenceTest.Change> changes = new ArrayList<>();
        OspfLab lab = OspfConvergenceTest.square(SpfThrottle.MODERN, changes);
        long fail = 100 * S;
        lab.runUntil(fail);
        lab.net.scheduler().schedule(fail, () -> lab.itf("r1", "eth0").setAdminUp(false));
        lab.runUntil(fail + 2 * S);
        assertFalse(lab.itf("r2", "eth0").isUp(), "far end of the cable lost carrier");
        assertEquals(fail, lab.firstLog("r2", "Nbr 1.1.1.1 on eth0 from FULL to DOWN, Interface down or detached", fail));
        assertEquals(10, lab.cost("r4", "1.1.1.1/32"), "rerouted at once, not after the dead interval");
        lab.net.scheduler().schedule(fail + 2 * S, () -> lab.itf("r1", "eth0").setAdminUp(true));
        lab.runUntil(fail + 60 * S);
        assertTrue(lab.itf("r2", "eth0").isUp());
        assertEquals(2, lab.cost("r4", "1.1.1.1/32"));
    }

    @Test
    void adminShutdownOfOneLanPortAffectsOnlyThatPort() {
        OspfLab lab = new OspfLab(6);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.lan("lan", "10.0.0.0/24", new String[] {"r1", "r2", "r3"}, new int[] {1, 2, 3});
        lab.runUntil(100 * S);
        lab.itf("r3", "eth0").setAdminUp(false);
        lab.runUntil(101 * S);
        assertTrue(lab.itf("r1", "eth0").isUp());
        assertTrue(lab.itf("r2", "eth0").isUp());
        assertTrue(lab.firstLog("r1", "Nbr 3.3.3.3 on eth0 from FULL to DOWN", 100 * S) < 0);
        lab.runUntil(145 * S);
        long dead = lab.firstLog("r1", "Nbr 3.3.3.3 on eth0 from FULL to DOWN, Neighbor Down: Dead timer expired", 100 * S);
        assertTrue(dead >= 130 * S && dead <= 140 * S, "the others notice by the dead timer: " + dead);
    }

    /** FRR sends one LS Request per missing LSA; a request still outstanding at Exchange Done is not repeated (§10.9). */
    @Test
    void noDuplicateLinkStateRequestAtTheEndOfTheExchange() {
        OspfLab lab = new OspfLab(7);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.lan("lan", "10.0.0.0/24", new String[] {"r1", "r2"}, new int[] {1, 1});
        lab.runUntil(60 * S);
        assertTrue(lab.allFull());
        for (String r : new String[] {"r1", "r2"}) {
            OspfInterface oi = lab.ospf(r).ospfInterface(lab.itf(r, "eth0"));
            assertEquals(1, oi.sent[io.tunnelsim.wire.OspfMessage.LINK_STATE_REQUEST], r + " LS Requests sent");
        }
    }

    /** {@code retransmit: 20s} is honoured: an unacknowledged LSA goes out again every 20 s, not every 5 s. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"5,7", "20,2"})
    void retransmitIntervalIsHonoured(int rxmt, int expectedUpdates) {
        OspfLab lab = new OspfLab(11);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        OspfInterfaceConfig c = OspfInterfaceConfig.inArea(AREA0).withNetworkType(NetworkType.POINT_TO_POINT)
                .withRetransmit(rxmt, 1);
        lab.link("r1", "r2", "10.0.12.0/30", c, c);
        lab.link("r1", "r3", "10.0.13.0/30", c, c);
        lab.runUntil(100 * S);
        assertTrue(lab.allFull());
        lab.net.segment("r1-r2").setSilentFailure(true);
        lab.runUntil(101 * S);
        OspfInterface toR2 = lab.ospf("r1").ospfInterface(lab.itf("r1", "eth0"));
        long before = toR2.sent[io.tunnelsim.wire.OspfMessage.LINK_STATE_UPDATE];
        lab.net.segment("r1-r3").setCarrier(false); // a new Router-LSA r2 never acknowledges
        lab.runUntil(135 * S); // before r2's dead interval ends
        assertEquals(expectedUpdates, toR2.sent[io.tunnelsim.wire.OspfMessage.LINK_STATE_UPDATE] - before);
    }

    /**
     * IOS oracle (broadcast LAN behind a switch, hello 10 / dead 40): the far interface shut at
     * 17:57:05.519, "Dead timer expired" at 17:57:40.863, 35.34 s later, the last hello having
     * been heard 4.66 s before the shutdown. The dead timer restarts at every hello received, so
     * the model gives dead − 4.66 s = 35.34 s whatever the hello jitter, within the propagation delay.
     */
    @Test
    void iosDeadTimerOracleBehindASwitch() {
        OspfLab lab = new OspfLab(13);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3"); // a third port makes the segment a LAN (a switch), not a cable
        lab.lan("lan", "10.0.0.0/24", new String[] {"r1", "r2", "r3"}, new int[] {1, 1, 1});
        lab.runUntil(100 * S);
        assertTrue(lab.allFull());
        OspfNeighbor r2 = lab.ospf("r1").neighbors().stream().filter(n -> n.routerId().toString().equals("2.2.2.2"))
                .findFirst().orElseThrow();
        long lastHello = r2.inactivityExpiry() - 40 * S;
        long shut = lastHello + 4_660 * MS; // hellos are at least 9 s apart: none arrives before the shutdown
        lab.runUntil(shut);
        assertEquals(lastHello, r2.inactivityExpiry() - 40 * S, "no hello between the last one and the shutdown");
        lab.itf("r2", "eth0").setAdminUp(false);
        lab.runUntil(shut + 45 * S);
        assertTrue(lab.itf("r1", "eth0").isUp(), "behind a switch the near port stays up");
        long dead = lab.firstLog("r1", "Nbr 2.2.2.2 on eth0 from FULL to DOWN, Neighbor Down: Dead timer expired", shut);
        assertEquals(35_340 * MS, dead - shut, 2 * MS, "IOS: 35.34 s");
    }
}
