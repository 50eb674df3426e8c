package io.tunnelsim.routing.rip;

import static io.tunnelsim.routing.rip.RipSites.MS;
import static io.tunnelsim.routing.rip.RipSites.S;
import static io.tunnelsim.routing.rip.RipSites.addr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RIP over a mesh of GRE tunnels: learning, carrier loss, silent failure, determinism. */
class RipOverGreTest {
    /** Generous bound on the time a packet needs to cross this network and back (links are 5 ms). */
    static final long PROPAGATION = 100 * MS;

    static void assertRoute(RipSites t, String node, String prefix, long metric, String egress, String nextHop) {
        FibEntry e = t.fib(node, prefix);
        assertNotNull(e, node + " has no route to " + prefix);
        Route r = e.first();
        assertEquals(RouteSource.RIP, r.source(), node + " " + prefix);
        assertEquals(120, r.distance());
        assertEquals(metric, r.metric(), node + " " + prefix + " metric");
        assertEquals(egress, r.egress().name(), node + " " + prefix + " egress");
        assertEquals(Ipv4Address.parse(nextHop).bits(), r.nextHop(), node + " " + prefix + " next hop");
    }

    @Test
    void sitesLearnEveryLanWithHopCountMetrics() {
        RipSites t = RipSites.gre(1, RipSites.POISON_WITH_REQUEST);
        t.net.runUntil(60 * S);
        assertRoute(t, "a", "10.2.0.0/24", 2, "tunnel0", "172.16.0.2");
        assertRoute(t, "a", "10.3.0.0/24", 2, "tunnel1", "172.16.0.6");
        assertRoute(t, "a", "10.4.0.0/24", 3, "tunnel1", "172.16.0.6");
        assertRoute(t, "a", "172.16.0.12/30", 2, "tunnel1", "172.16.0.6");
        assertRoute(t, "d", "10.1.0.0/24", 3, "tunnel0", "172.16.0.13");
        assertRoute(t, "d", "10.2.0.0/24", 3, "tunnel0", "172.16.0.13");
        assertRoute(t, "d", "172.16.0.0/30", 3, "tunnel0", "172.16.0.13");
        assertRoute(t, "c", "10.4.0.0/24", 2, "tunnel2", "172.16.0.14");
        // provider links are not RIP networks
        assertNull(t.fib("a", "192.0.2.8/30"));
        // the database shows connected networks and learnt routes in the router's layout
        String db = t.rip.get("a").showDatabase();
        assertTrue(db.contains("10.1.0.0/24    directly connected, lan0"), db);
        assertTrue(db.contains("10.4.0.0/24    \n    [3] via 172.16.0.6, "), db);
        assertTrue(t.net.node("a").rib().show().contains("R  10.4.0.0/24        [120/3] via 172.16.0.6, tunnel1"),
                t.net.node("a").rib().show());
        RipRouteInfo i = t.rip.get("d").route(RipSites.p("10.1.0.0/24"));
        assertEquals(3, i.metric());
        assertEquals("rip", i.origin());
        assertEquals("tunnel0", i.interfaceName());
        // traffic follows: a-pc reaches d-pc over two tunnels
        ProbeFlow f = new ProbeFlow("a>d", 1, t.net.node("a-pc"), Ipv4Address.parse("10.4.0.10"), ProbeFlow.Type.ICMP,
                100 * MS, 100, 61 * S, 62 * S, 0);
        t.net.node("a-pc").addService(f);
        f.start();
        t.net.runUntil(63 * S);
        for (int k = 1; k < f.count(); k++) {
            assertTrue(f.receivedAt(k) > 0, "probe " + k);
        }
    }

    @Test
    void learningTakesOneTriggeredDelayPerHop() {
        RipSites t = RipSites.gre(3, RipSites.POISON_WITH_REQUEST);
        t.net.runUntil(60 * S);
        // requests at start are answered at once; d's LAN is two tunnels from a, and each hop
        // adds at most one triggered-update delay (c learns d's LAN from d's answer, tells a later)
        long learnt = t.changesOf("a", "10.4.0.0/24", 0).get(0).time();
        assertTrue(learnt <= 2 * RipConfig.DEFAULT_TRIGGERED_MAX + PROPAGATION, "learnt at " + learnt);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void carrierLossConvergesWithinTheTriggeredDelayPlusPropagation(long seed) {
        RipSites t = RipSites.gre(seed, RipSites.POISON_WITH_REQUEST);
        long fail = 100 * S + 123 * MS;
        t.net.runUntil(fail);
        t.net.segment("a-b").setCarrier(false);
        t.net.runUntil(fail + 60 * S);
        // the ends see the interface go down: the route leaves at once, the alternative arrives in
        // one request/response round trip over the remaining tunnel
        List<RipSites.Change> ca = t.changesOf("a", "10.2.0.0/24", fail);
        assertEquals(-1, ca.get(0).metric());
        assertEquals(fail, ca.get(0).time());
        assertRoute(t, "a", "10.2.0.0/24", 3, "tunnel1", "172.16.0.6");
        assertRoute(t, "b", "10.1.0.0/24", 3, "tunnel1", "172.16.0.10");
        assertTrue(ca.get(ca.size() - 1).time() - fail <= RipConfig.DEFAULT_TRIGGERED_MAX + PROPAGATION);
        // the dead tunnel's subnet is withdrawn everywhere: two hops of triggered updates (a/b → c → d)
        assertNull(t.fib("c", "172.16.0.0/30"));
        assertNull(t.fib("d", "172.16.0.0/30"));
        long last = t.lastChange(fail);
        assertTrue(last - fail <= 2 * RipConfig.DEFAULT_TRIGGERED_MAX + PROPAGATION, "converged after " + (last - fail));
        assertTrue(last - fail >= RipConfig.DEFAULT_TRIGGERED_MIN, "a triggered update is never instant");
    }

    @Test
    void withoutRequestOnLossTheAlternativeWaitsForTheNeighboursPeriodicUpdate() {
        RipConfig cfg = RipConfig.defaults();
        assertEquals(false, cfg.requestOnLoss(), "IOS, FRR and ns-3 send no request when a route is lost");
        assertEquals(SplitHorizon.SIMPLE, cfg.splitHorizon(), "IOS and FRR default: split horizon");
        long fail = 100 * S + 123 * MS;
        RipSites t = RipSites.gre(1, cfg);
        t.net.runUntil(fail);
        t.net.segment("a-b").setCarrier(false);
        t.net.runUntil(fail + 60 * S);
        List<RipSites.Change> ca = t.changesOf("a", "10.2.0.0/24", fail);
        assertEquals(2, ca.size(), ca.toString());
        assertEquals(fail, ca.get(0).time());
        assertEquals(-1, ca.get(0).metric());
        long back = ca.get(1).time() - fail;
        assertEquals(3, ca.get(1).metric());
        assertTrue(back <= cfg.updateInterval() + cfg.updateJitter() + PROPAGATION, "rerouted after " + back);
        assertTrue(back > PROPAGATION, "no request, so no instant answer: " + back);
    }

    @ParameterizedTest
    @CsvSource({"1,true", "2,true", "3,true", "1,false", "2,false", "5,false"})
    void silentFailureConvergesBetweenTheTimeoutAndTimeoutPlusUpdatePlusTriggeredDelay(long seed, boolean request) {
        RipConfig cfg = RipSites.POISON_WITH_REQUEST.withRequestOnLoss(request);
        RipSites t = RipSites.gre(seed, cfg);
        long fail = 100 * S + 500 * MS;
        t.net.runUntil(fail);
        long heard = t.rip.get("a").neighbors().get(Ipv4Address.parse("172.16.0.2"));
        t.net.segment("a-b").setSilentFailure(true);
        t.net.runUntil(fail + 400 * S);
        List<RipSites.Change> ca = t.changesOf("a", "10.2.0.0/24", fail);
        assertTrue(!ca.isEmpty());
        long first = ca.get(0).time();
        long upper = cfg.timeout() + cfg.updateInterval() + cfg.updateJitter() + cfg.triggeredMax() + PROPAGATION;
        // measured from the last update heard before the failure: the timeout is exact
        assertTrue(first >= heard + cfg.timeout(), "changed " + (first - heard) + " after the last update");
        assertTrue(first - heard <= upper, "changed " + (first - heard) + " after the last update");
        // measured from the failure: at most one update interval earlier than the timeout
        assertTrue(first - fail >= cfg.timeout() - cfg.updateInterval() - cfg.updateJitter());
        assertTrue(first - fail <= upper);
        assertRoute(t, "a", "10.2.0.0/24", 3, "tunnel1", "172.16.0.6");
        assertRoute(t, "b", "10.1.0.0/24", 3, "tunnel1", "172.16.0.10");
        // the tunnels never went down: only the timeout noticed
        assertTrue(t.net.node("a").interfaceNamed("tunnel0").isUp());
        assertTrue(t.net.log().entries().stream().anyMatch(e -> e.node().equals("a")
                && e.facility().equals("RIP-6-TIMEOUT") && e.message().startsWith("Route 10.2.0.0/24 via 172.16.0.2, tunnel0")));
    }

    @Test
    void recoveryBringsThePrimaryBackWithinOneUpdateInterval() {
        RipConfig cfg = RipSites.POISON_WITH_REQUEST;
        RipSites t = RipSites.gre(7, cfg);
        t.net.runUntil(100 * S);
        t.net.segment("a-b").setSilentFailure(true);
        t.net.runUntil(400 * S);
        assertRoute(t, "a", "10.2.0.0/24", 3, "tunnel1", "172.16.0.6");
        long restore = 400 * S;
        t.net.segment("a-b").setSilentFailure(false);
        t.net.runUntil(restore + 60 * S);
        assertRoute(t, "a", "10.2.0.0/24", 2, "tunnel0", "172.16.0.2");
        long back = t.changesOf("a", "10.2.0.0/24", restore).get(0).time() - restore;
        assertTrue(back <= cfg.updateInterval() + cfg.updateJitter() + PROPAGATION, "back after " + back);
    }

    @Test
    void crashWithdrawsEverythingAndRestartRelearns() {
        RipSites t = RipSites.gre(2, RipSites.POISON_WITH_REQUEST);
        t.net.runUntil(60 * S);
        t.net.node("c").crash();
        assertTrue(t.rip.get("c").routes().isEmpty());
        assertTrue(t.net.node("c").rib().offered(RouteSource.RIP).isEmpty());
        t.net.runUntil(400 * S);
        // d is cut off: everything it learnt timed out and was flushed
        assertTrue(t.net.node("d").rib().offered(RouteSource.RIP).isEmpty());
        t.net.node("c").restore();
        t.net.runUntil(460 * S);
        assertRoute(t, "d", "10.1.0.0/24", 3, "tunnel0", "172.16.0.13");
    }

    static List<String> run(long seed) {
        RipSites t = RipSites.gre(seed, RipSites.POISON_WITH_REQUEST);
        t.net.scheduler().schedule(100 * S, () -> t.net.segment("a-b").setSilentFailure(true));
        t.net.scheduler().schedule(200 * S, () -> t.net.segment("c-d").setCarrier(false));
        t.net.scheduler().schedule(330 * S, () -> t.net.segment("a-b").setSilentFailure(false));
        t.net.scheduler().schedule(340 * S, () -> t.net.segment("c-d").setCarrier(true));
        t.net.runUntil(500 * S);
        List<String> out = new ArrayList<>();
        for (EventLog.Entry e : t.net.log().entries()) {
            out.add(e.format());
        }
        for (RipSites.Change c : t.changes) {
            out.add(c.toString());
        }
        out.add(Long.toString(t.net.scheduler().executedEvents()));
        return out;
    }

    @Test
    void twoRunsWithTheSameSeedGiveIdenticalLogs() {
        List<String> a = run(11);
        assertEquals(a, run(11));
        assertTrue(a.size() > 50);
        assertNotEquals(a, run(12), "the seed drives the jitter");
    }

    @Test
    void addressesSeenInTheTableAreOnTheTunnelSubnets() {
        RipSites t = RipSites.gre(1, RipSites.POISON_WITH_REQUEST);
        t.net.runUntil(60 * S);
        for (RipRouteInfo i : t.rip.get("c").routes()) {
            if (i.origin().equals("rip")) {
                int nh = i.nextHop().bits();
                assertTrue(t.net.node("c").interfaceNamed(i.interfaceName()).ipv4().contains(nh), i.toString());
                assertNotEquals(addr("0.0.0.0"), nh);
            }
        }
    }
}
