package io.tunnelsim.routing.track;

import static io.tunnelsim.routing.track.DualTunnel.MS;
import static io.tunnelsim.routing.track.DualTunnel.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.ProbeFlow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Floating statics behind GRE keepalives, and tracked statics behind IP SLA: both fail over to
 * the second tunnel on a silent failure of the first tunnel's provider link, within bounds given
 * by their timers, and both give the route back after recovery.
 */
class FailoverStaticTest {
    static final long RTT_BOUND = 100 * MS;
    static final String UP_DOWN = "1 ip sla 1 reachability Up -> Down";
    static final String DOWN_UP = "1 ip sla 1 reachability Down -> Up";

    @ParameterizedTest
    @CsvSource({"1,10,3,0", "2,10,3,3700", "3,5,4,1234", "4,10,2,9999"})
    void floatingStaticTakesOverWithinKeepalivePeriodTimesRetriesPlusOnePeriod(long seed, long periodS, int retries,
                                                                             long offsetMs) {
        long period = periodS * S;
        DualTunnel t = new DualTunnel(seed, period, retries, false);
        ProbeFlow f = t.ping(200 * MS, 400 * S);
        long fail = 60 * S + offsetMs * MS;
        long restore = fail + 120 * S;
        t.net.runUntil(fail);
        assertEquals("tunnel0", t.egress("hq", "10.2.0.0/24"));
        t.net.segment("wan-a").setSilentFailure(true);
        t.net.runUntil(restore);
        long overHq = t.firstChange("hq", "tunnel1", fail) - fail;
        long overBr = t.firstChange("br", "tunnel1", fail) - fail;
        for (long o : new long[] {overHq, overBr}) {
            assertTrue(o > (retries - 1) * period && o <= (retries + 1) * period, "took over after " + o);
        }
        // each end detects on its own keepalive phase; the flow is back once both have switched
        long over = Math.max(overHq, overBr);
        assertEquals("tunnel1", t.egress("hq", "10.2.0.0/24"));
        assertEquals("tunnel1", t.egress("br", "10.1.0.0/24"));
        assertFalse(t.hqPrimary.isUp());
        t.net.segment("wan-a").setSilentFailure(false);
        t.net.runUntil(restore + 60 * S);
        long backHq = t.firstChange("hq", "tunnel0", restore) - restore;
        long backBr = t.firstChange("br", "tunnel0", restore) - restore;
        for (long b : new long[] {backHq, backBr}) {
            assertTrue(b > 0 && b <= period + RTT_BOUND, "gave back after " + b);
        }
        // a tunnel end that is still down drops what arrives: the flow is whole once both are up
        long back = Math.max(backHq, backBr);
        assertEquals("tunnel0", t.egress("hq", "10.2.0.0/24"));
        // pings: lost only between the failure and the takeover (plus the round trip in flight)
        for (int i = 0; i < f.count(); i++) {
            long sent = f.sentAt(i);
            boolean lost = f.receivedAt(i) < 0;
            boolean answerable = sent < restore + 60 * S - RTT_BOUND;
            if (answerable && (sent < fail - RTT_BOUND || (sent > fail + over && sent < restore)
                    || sent > restore + back + RTT_BOUND)) {
                assertFalse(lost, "probe " + i + " at " + sent);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,10,2,0", "2,10,2,4321", "3,60,5,17000", "4,30,5,29999"})
    void trackedStaticTakesOverWithinFrequencyPlusTimeoutAndReturns(long seed, long freqS, long timeoutS, long offsetMs) {
        long freq = freqS * S;
        long timeout = timeoutS * S;
        DualTunnel t = new DualTunnel(seed, 0, 3, true);
        Track[] tracks = t.trackBoth(IpSlaConfig.icmpEcho(1, Ipv4Address.parse("172.16.0.2")).withFrequency(freq)
                .withTimeout(timeout), 0, 0);
        long fail = 3 * freq + offsetMs * MS;
        t.net.runUntil(fail);
        assertTrue(tracks[0].isUp());
        assertEquals("tunnel0", t.egress("hq", "10.2.0.0/24"));
        t.net.segment("wan-a").setSilentFailure(true);
        long restore = fail + 3 * freq;
        t.net.runUntil(restore);
        long over = t.firstChange("hq", "tunnel1", fail) - fail;
        // the next probe goes out within one frequency and times out; a probe in flight at the
        // failure fails one timeout after it was sent
        assertTrue(over >= timeout - RTT_BOUND && over <= freq + timeout, "took over after " + over);
        assertEquals(fail + over, t.firstLog("hq", "TRACK-6-STATE", UP_DOWN, fail));
        assertFalse(tracks[0].isUp());
        assertEquals(IpSla.ReturnCode.TIMEOUT, t.net.node("hq").service(IpSla.class).lastReturnCode());
        assertEquals("tunnel1", t.egress("hq", "10.2.0.0/24"));
        assertTrue(t.hqPrimary.isUp(), "no keepalives: the tunnel itself never noticed");
        t.net.segment("wan-a").setSilentFailure(false);
        t.net.runUntil(restore + 2 * freq);
        long back = t.firstChange("hq", "tunnel0", restore) - restore;
        assertTrue(back > 0 && back <= freq + RTT_BOUND, "gave back after " + back);
        assertEquals(restore + back, t.firstLog("hq", "TRACK-6-STATE", DOWN_UP, restore));
        assertEquals("tunnel0", t.egress("hq", "10.2.0.0/24"));
        assertEquals(3, tracks[0].changes(), "Down -> Up at start, Up -> Down, Down -> Up");
    }

    @Test
    void trackDelaysPostponeBothChanges() {
        long freq = 10 * S;
        long timeout = 2 * S;
        long down = 15 * S;
        long up = 25 * S;
        DualTunnel t = new DualTunnel(7, 0, 3, true);
        Track[] tracks = t.trackBoth(IpSlaConfig.icmpEcho(1, Ipv4Address.parse("172.16.0.2")).withFrequency(freq)
                .withTimeout(timeout), up, down);
        t.net.runUntil(50 * S);
        // even the first Up waits for the up delay
        long firstUp = t.firstLog("hq", "TRACK-6-STATE", DOWN_UP, 0);
        assertTrue(firstUp >= up && firstUp <= up + RTT_BOUND, "first up at " + firstUp);
        long fail = 50 * S + 500 * MS;
        t.net.runUntil(fail);
        t.net.segment("wan-a").setSilentFailure(true);
        t.net.runUntil(fail + 80 * S);
        long over = t.firstChange("hq", "tunnel1", fail) - fail;
        assertTrue(over >= timeout + down - RTT_BOUND && over <= freq + timeout + down, "took over after " + over);
        long restore = fail + 80 * S;
        t.net.segment("wan-a").setSilentFailure(false);
        t.net.runUntil(restore + 60 * S);
        long back = t.firstChange("hq", "tunnel0", restore) - restore;
        assertTrue(back >= up && back <= freq + up + RTT_BOUND, "gave back after " + back);
        assertTrue(tracks[0].isUp());
    }

    @Test
    void anOutageShorterThanTheDownDelayDoesNotMoveTheRoute() {
        long freq = 10 * S;
        DualTunnel t = new DualTunnel(8, 0, 3, true);
        Track[] tracks = t.trackBoth(IpSlaConfig.icmpEcho(1, Ipv4Address.parse("172.16.0.2")).withFrequency(freq)
                .withTimeout(2 * S), 0, 30 * S);
        t.net.runUntil(40 * S + 500 * MS);
        long changes = tracks[0].changes();
        t.net.segment("wan-a").setSilentFailure(true);
        t.net.runUntil(52 * S);
        t.net.segment("wan-a").setSilentFailure(false);
        t.net.runUntil(200 * S);
        IpSla sla = t.net.node("hq").service(IpSla.class);
        assertTrue(sla.failures() >= 1, "the operation did see the outage");
        assertEquals(changes, tracks[0].changes());
        assertEquals(-1, t.firstLog("hq", "TRACK-6-STATE", UP_DOWN, 0));
        assertEquals(-1, t.firstChange("hq", "tunnel1", 40 * S));
    }

    @Test
    void noRouteToTheTargetIsNoConnectionAndKeepsTheTrackDown() {
        DualTunnel t = new DualTunnel(9, 0, 3, true);
        IpSla sla = IpSla.create(t.net.node("hq"), IpSlaConfig.icmpEcho(1, Ipv4Address.parse("203.0.113.77")));
        Track track = Track.create(t.net.node("hq"), 1, sla, 0, 0);
        t.net.runUntil(130 * S);
        assertEquals(IpSla.ReturnCode.NO_CONNECTION, sla.lastReturnCode());
        assertEquals(3, sla.failures(), "operations at 0, 60 and 120 s");
        assertFalse(track.isUp());
        assertEquals("tunnel1", t.egress("hq", "10.2.0.0/24"), "the tracked primary is never installed");
        assertEquals(0x8001, sla.identifier());
    }

    @Test
    void ipSlaDefaultsAreRouterDefaults() {
        IpSlaConfig c = IpSlaConfig.icmpEcho(3, Ipv4Address.parse("10.0.0.1"));
        assertEquals(60 * S, c.frequency());
        assertEquals(5 * S, c.timeout());
        assertEquals(28, c.dataSize());
        DualTunnel t = new DualTunnel(9, 0, 3, true);
        Track[] tracks = t.trackBoth(IpSlaConfig.icmpEcho(1, Ipv4Address.parse("172.16.0.2")), 0, 0);
        t.net.runUntil(S);
        IpSla sla = t.net.node("hq").service(IpSla.class);
        assertEquals(IpSla.ReturnCode.OK, sla.lastReturnCode());
        assertTrue(sla.lastRtt() > 0 && sla.lastRtt() < RTT_BOUND);
        assertTrue(tracks[0].isUp());
        assertEquals("tunnel0", t.egress("hq", "10.2.0.0/24"));
    }

    @Test
    void crashForgetsTheTrackAndRestartFindsItAgain() {
        DualTunnel t = new DualTunnel(10, 0, 3, true);
        Track[] tracks = t.trackBoth(IpSlaConfig.icmpEcho(1, Ipv4Address.parse("172.16.0.2")).withFrequency(10 * S)
                .withTimeout(2 * S), 0, 0);
        t.net.runUntil(30 * S);
        t.net.node("hq").crash();
        assertFalse(tracks[0].isUp());
        assertNull(t.egress("hq", "10.2.0.0/24"));
        t.net.node("hq").restore();
        t.net.runUntil(31 * S);
        assertTrue(tracks[0].isUp());
        assertEquals("tunnel0", t.egress("hq", "10.2.0.0/24"));
    }

    static List<String> run(long seed) {
        DualTunnel t = new DualTunnel(seed, 10 * S, 3, true);
        t.trackBoth(IpSlaConfig.icmpEcho(1, Ipv4Address.parse("172.16.0.2")).withFrequency(10 * S)
                .withTimeout(2 * S), 5 * S, 5 * S);
        t.ping(250 * MS, 300 * S);
        t.net.scheduler().schedule(60 * S, () -> t.net.segment("wan-a").setSilentFailure(true));
        t.net.scheduler().schedule(160 * S, () -> t.net.segment("wan-a").setSilentFailure(false));
        t.net.scheduler().schedule(200 * S, () -> t.net.segment("wan-b").setCarrier(false));
        t.net.runUntil(300 * S);
        List<String> out = new ArrayList<>();
        for (EventLog.Entry e : t.net.log().entries()) {
            out.add(e.format());
        }
        t.changes.forEach(c -> out.add(c.toString()));
        out.add(Long.toString(t.net.scheduler().executedEvents()));
        return out;
    }

    @Test
    void twoRunsGiveIdenticalEventLogs() {
        List<String> a = run(21);
        assertEquals(a, run(21));
        assertTrue(a.stream().anyMatch(s -> s.contains("%TRACK-6-STATE: 1 ip sla 1 reachability Up -> Down")), a.toString());
        assertTrue(a.stream().anyMatch(s -> s.contains("%LINEPROTO-5-UPDOWN: Line protocol on Interface tunnel0, changed state to down")));
    }
}
