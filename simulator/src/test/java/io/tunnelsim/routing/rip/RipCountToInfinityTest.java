package io.tunnelsim.routing.rip;

import static io.tunnelsim.routing.rip.RipSites.MS;
import static io.tunnelsim.routing.rip.RipSites.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two-router loop that counting to infinity needs:
 * <pre>
 *   a [eth0 10.0.12.1/30] ─── [eth0 10.0.12.2/30] b [lan0 10.9.0.1/24] ─── b-pc
 * </pre>
 * b's LAN N = 10.9.0.0/24 loses carrier. b immediately asks a for alternatives; a's only route
 * to N is through b. With split horizon off a answers with N at metric 2, b believes it, and the
 * two routers bounce N between them, one hop per triggered update, until the metric reaches 16.
 * With split horizon (simple or poisoned), or with a Cisco-style hold-down, the loop never forms.
 */
class RipCountToInfinityTest {
    static final String N = "10.9.0.0/24";
    static final long FAIL = 100 * S + 250 * MS;

    static RipSites line(long seed, RipConfig cfg) {
        RipSites t = new RipSites(seed);
        Network net = t.net;
        Node a = net.addRouter("a");
        Node b = net.addRouter("b");
        Node pc = net.addHost("b-pc");
        net.connect("a-b", 100_000_000L, 5 * MS, 0, 1500, 1000,
                net.addEthernet(a, "eth0", Ipv4Prefix.parse("10.0.12.1/30"), 1500),
                net.addEthernet(b, "eth0", Ipv4Prefix.parse("10.0.12.2/30"), 1500));
        net.connect("b-lan", 100_000_000L, MS, 0, 1500, 1000,
                net.addEthernet(b, "lan0", Ipv4Prefix.parse("10.9.0.1/24"), 1500),
                net.addEthernet(pc, "eth0", Ipv4Prefix.parse("10.9.0.10/24"), 1500));
        t.rip.put("a", RipProcess.create(a, cfg).enable("eth0"));
        t.rip.put("b", RipProcess.create(b, cfg).enable("eth0").enable("lan0", true, 0));
        return t;
    }

    static RipSites failed(long seed, RipConfig cfg) {
        RipSites t = line(seed, cfg);
        t.net.runUntil(FAIL);
        assertEquals(2, t.fib("a", N).first().metric());
        t.net.segment("b-lan").setCarrier(false);
        t.net.runUntil(FAIL + 300 * S);
        return t;
    }

    @ParameterizedTest
    @EnumSource(value = SplitHorizon.class, names = {"SIMPLE", "POISON_REVERSE"})
    void splitHorizonPreventsTheLoop(SplitHorizon mode) {
        RipConfig cfg = RipSites.POISON_WITH_REQUEST.withSplitHorizon(mode);
        RipSites t = failed(1, cfg);
        // b never learns N back from a
        List<RipSites.Change> cb = t.changesOf("b", N, FAIL);
        assertEquals(1, cb.size(), cb.toString());
        assertEquals(-1, cb.get(0).metric());
        // a drops N with b's first triggered update, and only once
        List<RipSites.Change> ca = t.changesOf("a", N, FAIL);
        assertEquals(1, ca.size(), ca.toString());
        assertEquals(-1, ca.get(0).metric());
        long gone = ca.get(0).time() - FAIL;
        assertTrue(gone >= cfg.triggeredMin() && gone <= cfg.triggeredMax() + 50 * MS, "a dropped N after " + gone);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void withSplitHorizonOffTheMetricCountsUpToSixteenSlowly(long seed) {
        RipConfig off = RipSites.POISON_WITH_REQUEST.withSplitHorizon(SplitHorizon.OFF);
        RipSites t = failed(seed, off);
        List<RipSites.Change> cb = t.changesOf("b", N, FAIL);
        List<RipSites.Change> ca = t.changesOf("a", N, FAIL);
        // b's connected route goes, then b believes a's stale route: 2 + 1 = 3 hops
        assertEquals(-1, cb.get(0).metric());
        assertEquals(3, cb.get(1).metric());
        assertEquals("eth0", cb.get(1).egress());
        // each router raises the metric by one hop per update from the other, never lowering it
        long last = 0;
        for (List<RipSites.Change> cs : List.of(ca, cb)) {
            long prev = 0;
            for (RipSites.Change c : cs.subList(cs == cb ? 1 : 0, cs.size() - 1)) {
                assertTrue(c.metric() > prev, cs.toString());
                prev = c.metric();
            }
            assertTrue(prev >= 14, "counted up to " + prev + ": " + cs);
            assertEquals(-1, cs.get(cs.size() - 1).metric(), "reaching 16 ends the loop");
            last = Math.max(last, cs.get(cs.size() - 1).time());
        }
        assertTrue(ca.size() + cb.size() >= 14, "one FIB change per hop counted: " + ca + cb);
        // 13 hops from 3 to 16, each costing at least one triggered-update delay
        long took = last - FAIL;
        assertTrue(took >= 12 * off.triggeredMin(), "counted to infinity in " + took);
        assertNull(t.fib("a", N));
        assertNull(t.fib("b", N));
        // the difference poison reverse makes
        RipSites poisoned = failed(seed, RipSites.POISON_WITH_REQUEST);
        long poisonedGone = poisoned.changesOf("a", N, FAIL).get(0).time() - FAIL;
        assertTrue(took > 3 * poisonedGone, "loop lasted " + took + ", poison reverse " + poisonedGone);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void ciscoHoldDownAlsoPreventsTheLoop(long seed) {
        RipConfig cfg = RipConfig.cisco().withSplitHorizon(SplitHorizon.OFF);
        RipSites t = failed(seed, cfg);
        List<RipSites.Change> cb = t.changesOf("b", N, FAIL);
        assertEquals(1, cb.size(), "b ignores a's stale route while N is held down: " + cb);
        assertNull(t.fib("a", N));
    }
}
