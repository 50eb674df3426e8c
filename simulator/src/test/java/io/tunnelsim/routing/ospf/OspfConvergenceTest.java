package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.AREA0;
import static io.tunnelsim.routing.ospf.OspfLab.MS;
import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Segment;
import io.tunnelsim.wire.LsaHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Timer-bounded failure scenarios on a square: r1-r2-r4 (cost 1 + 1) is the primary path,
 * r1-r3-r4 (5 + 5) the backup.
 */
class OspfConvergenceTest {
    /** Flooding over two 1 ms links plus serialization, with generous slack. */
    static final long FLOODING = 100 * MS;

    record Change(long time, String node, Ipv4Prefix prefix, boolean installed) {
    }

    static OspfLab square(SpfThrottle throttle, List<Change> changes) {
        OspfLab lab = new OspfLab(11);
        lab.throttle = throttle;
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.router("r4", "4.4.4.4");
        lab.p2p("r1", "r2", "10.0.12.0/30", 1);
        lab.p2p("r2", "r4", "10.0.24.0/30", 1);
        lab.p2p("r1", "r3", "10.0.13.0/30", 5);
        lab.p2p("r3", "r4", "10.0.34.0/30", 5);
        lab.net.addFibListener((n, p, before, after) -> changes.add(new Change(lab.net.scheduler().now(), n.name(), p,
                after != null)));
        return lab;
    }

    /** First time after {@code after} a route to {@code prefix} was (re)installed at {@code node}. */
    static long firstChange(List<Change> changes, String node, String prefix, long after) {
        for (Change c : changes) {
            if (c.installed && c.time >= after && c.node.equals(node) && c.prefix.equals(Ipv4Prefix.parse(prefix))) {
                return c.time;
            }
        }
        return -1;
    }

    static Stream<Arguments> throttles() {
        return Stream.of(Arguments.of("MODERN", SpfThrottle.MODERN), Arguments.of("CLASSIC", SpfThrottle.CLASSIC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throttles")
    void carrierLossConvergesWithinSpfInitialDelayPlusFlooding(String name, SpfThrottle t) {
        List<Change> changes = new ArrayList<>();
        OspfLab lab = square(t, changes);
        long fail = 100 * S; // well after the initial convergence, past the throttle's quiet period
        lab.runUntil(fail);
        assertTrue(lab.allFull());
        assertEquals(2, lab.cost("r1", "4.4.4.4/32"));
        assertEquals(2, lab.cost("r4", "1.1.1.1/32"));
        Segment s = lab.net.segment("r1-r2");
        lab.net.scheduler().schedule(fail, () -> s.setCarrier(false));
        lab.runUntil(fail + t.initialDelay() + 2 * S);
        // r1 sees its own link go; r4 learns it from r2's and r1's flooded Router-LSAs
        long r1 = firstChange(changes, "r1", "4.4.4.4/32", fail);
        long r4 = firstChange(changes, "r4", "1.1.1.1/32", fail);
        assertTrue(r1 >= fail + t.initialDelay() && r1 <= fail + t.initialDelay() + FLOODING, "r1 at " + r1);
        assertTrue(r4 >= fail + t.initialDelay() && r4 <= fail + t.initialDelay() + FLOODING, "r4 at " + r4);
        assertEquals(10, lab.cost("r1", "4.4.4.4/32"));
        assertEquals(10, lab.cost("r4", "1.1.1.1/32"));
        assertEquals(Ipv4Address.parse("10.0.13.2").bits(),
                lab.ospf("r1").installedRoutes().get(Ipv4Prefix.parse("4.4.4.4/32")).get(0).nextHop());
        assertTrue(lab.firstLog("r1", "Nbr 2.2.2.2 on eth0 from FULL to DOWN, Interface down or detached", fail) == fail);
    }

    @Test
    void silentFailureIsNoticedBetweenDeadMinusHelloAndDeadPlusSpfDelay() {
        List<Change> changes = new ArrayList<>();
        OspfLab lab = square(SpfThrottle.MODERN, changes);
        long fail = 103_300 * MS; // not aligned with the hello timer
        lab.runUntil(fail);
        lab.net.segment("r1-r2").setSilentFailure(true);
        lab.runUntil(fail + 60 * S);
        long dead = 40 * S;
        long hello = 10 * S;
        long r1 = firstChange(changes, "r1", "4.4.4.4/32", fail);
        long r4 = firstChange(changes, "r4", "1.1.1.1/32", fail);
        long upper = fail + dead + SpfThrottle.MODERN.initialDelay() + FLOODING;
        assertTrue(r1 >= fail + dead - hello && r1 <= upper, "r1 at " + r1);
        assertTrue(r4 >= fail + dead - hello && r4 <= upper, "r4 at " + r4);
        long down = lab.firstLog("r1", "Nbr 2.2.2.2 on eth0 from FULL to DOWN, Neighbor Down: Dead timer expired", fail);
        assertTrue(down >= fail + dead - hello && down <= fail + dead, "dead timer at " + down);
        assertEquals(10, lab.cost("r1", "4.4.4.4/32"));
    }

    @Test
    void spfThrottleStartsAtInitialDelayThenBacksOffToMaxWaitAndResetsWhenQuiet() {
        SpfSchedule m = new SpfSchedule(SpfThrottle.MODERN);
        long t = 1000 * S;
        long[] expectedDelays = {50, 200, 400, 800, 1600, 3200, 5000, 5000};
        for (long d : expectedDelays) {
            long at = m.nextRun(t);
            assertEquals(d * MS, at - t, "delay after a change at " + t);
            m.ran(at);
            t = at; // the next change arrives right after the calculation
        }
        // quiet for more than twice the maximum wait: back to the initial delay
        t += 10_001 * MS;
        assertEquals(50 * MS, m.nextRun(t) - t);
        SpfSchedule c = new SpfSchedule(SpfThrottle.CLASSIC);
        assertEquals(5 * S, c.nextRun(0));
        c.ran(5 * S);
        assertEquals(15 * S, c.nextRun(5 * S + MS), "classic: 10 s hold after the first run");
    }

    @Test
    void crashedNeighborGoesDownAfterDeadIntervalAndComesBackToFull() {
        OspfLab lab = new OspfLab(12);
        String[] rs = {"r1", "r2", "r3"};
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.lan("lan", "10.0.0.0/24", rs, new int[] {1, 1, 1});
        lab.runUntil(100 * S);
        assertTrue(lab.allFull());
        int seqBefore = seqOf(lab, "r1", "3.3.3.3");
        long crash = 100 * S;
        lab.node("r3").crash();
        lab.runUntil(crash + 50 * S);
        for (String r : new String[] {"r1", "r2"}) {
            long down = lab.firstLog(r, "Nbr 3.3.3.3 on eth0 from FULL to DOWN, Neighbor Down: Dead timer expired",
                    crash);
            // the last hello left r3 at or before the crash and crossed a 1 ms LAN
            assertTrue(down >= crash + 30 * S && down <= crash + 40 * S + FLOODING, r + " down at " + down);
        }
        assertEquals(-1, lab.cost("r1", "3.3.3.3/32"));
        long restore = crash + 50 * S;
        lab.node("r3").restore();
        lab.runUntil(restore + 30 * S);
        assertTrue(lab.allFull());
        for (String r : new String[] {"r1", "r2"}) {
            long full = lab.firstLog(r, "Nbr 3.3.3.3 on eth0 from", restore);
            assertTrue(full >= restore && full <= restore + 10 * S + OspfProcess.RXMT_INTERVAL, r + " full at " + full);
            assertTrue(lab.net.log().entries().stream().anyMatch(e -> e.time() >= restore && e.node().equals(r)
                    && e.message().contains("Nbr 3.3.3.3") && e.message().contains("to FULL")));
        }
        assertEquals(1, lab.cost("r1", "3.3.3.3/32"));
        // the restarted router continued its Router-LSA sequence above the pre-crash instance (§13.4)
        assertTrue(seqOf(lab, "r1", "3.3.3.3") > seqBefore);
        assertEquals(seqOf(lab, "r3", "3.3.3.3"), seqOf(lab, "r1", "3.3.3.3"));
    }

    static int seqOf(OspfLab lab, String router, String adv) {
        for (LsaHeader h : lab.ospf(router).databaseHeaders(AREA0)) {
            if (h.type() == LsaHeader.ROUTER && h.advertisingRouter().toString().equals(adv)) {
                return h.sequenceNumber();
            }
        }
        throw new AssertionError("no router LSA of " + adv + " at " + router);
    }
}
