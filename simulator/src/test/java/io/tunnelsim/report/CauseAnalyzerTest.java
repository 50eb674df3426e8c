package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.CauseEvidence;
import io.tunnelsim.report.model.Detection;
import io.tunnelsim.report.model.DropCount;
import io.tunnelsim.report.model.FlowTrace;
import io.tunnelsim.report.model.OutageCause;
import io.tunnelsim.report.model.ProbeLoss;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.RouteChange;
import io.tunnelsim.report.model.TimelineAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** The chain builder on synthetic event streams. */
class CauseAnalyzerTest {
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long DELAY = 5 * MS;
    private static final String FLOW = "a->b";
    private static final List<String> BEFORE = List.of("a", "b", "r1", "r2");
    private static final List<String> AFTER = List.of("a", "b", "r1", "r3");

    /** Probes every 100 ms from 0 to end (exclusive), seq = send time / 100 ms. */
    private static List<ProbeRecord> flow(String name, long endNs, LongPredicate lost) {
        List<ProbeRecord> out = new ArrayList<>();
        long seq = 0;
        for (long t = 0; t < endNs; t += 100 * MS) {
            out.add(lost.test(t) ? ProbeRecord.lost(name, seq++, t) : new ProbeRecord(name, seq++, t, t + DELAY));
        }
        return out;
    }

    /** Every probe before 5 s crossed BEFORE, every one after crossed AFTER. */
    private static FlowTrace trace(String name, long endNs) {
        TreeMap<Long, List<String>> v = new TreeMap<>();
        for (long seq = 0; seq * 100 * MS < endNs; seq++) {
            v.put(seq, seq < 50 ? BEFORE : AFTER);
        }
        return new FlowTrace(name, "a", List.of("10.1.0.5", "10.2.0.5"), v);
    }

    private static List<ActionResult> explain(List<ProbeRecord> probes, TimelineAction action, long end, CauseEvidence ev) {
        List<ActionResult> r = ConvergenceAnalyzer.analyze(probes, List.of(action), end, List.of(), List.of());
        return CauseAnalyzer.explain(r, List.of(action), probes, end, ev);
    }

    private static ProbeLoss drop(long seq, String where, String iface, String reason, boolean onLink) {
        return new ProbeLoss(FLOW, seq, seq * 100 * MS + MS, where, iface, reason, onLink);
    }

    private static Detection det(long t, String node, Detection.Kind kind, String subject) {
        return new Detection(t, node, kind, subject, "");
    }

    @Test
    void fullChainPicksPathEventsInsideTheOutage() {
        long end = 20 * S;
        // lost: probes 50..79 (5.0 s .. 7.9 s); probe 80 is the first delivered after the loss
        List<ProbeRecord> probes = flow(FLOW, end, t -> t >= 5 * S && t < 8 * S);
        List<ProbeLoss> drops = new ArrayList<>();
        for (long seq = 50; seq <= 76; seq++) {
            drops.add(drop(seq, "r1", "eth1", "no-route", false));
        }
        drops.add(drop(77, "l2", "", "silent-failure", true));
        drops.add(drop(78, "l2", "", "silent-failure", true));
        drops.add(new ProbeLoss(FLOW, 60, 9 * S, "r2", "", "ttl-expired", false)); // later drop of a probe already dropped: ignored
        List<Detection> dets = List.of(
                det(4 * S, "r1", Detection.Kind.LINE_PROTOCOL_DOWN, "tunnel9"), // before the action
                det(5 * S + 200 * MS, "r1", Detection.Kind.LINE_PROTOCOL_UP, "tunnel2"), // wrong direction
                det(5 * S + 500 * MS, "r9", Detection.Kind.TRACK_DOWN, "track 1"), // off the path
                det(6 * S, "r1", Detection.Kind.LINE_PROTOCOL_DOWN, "tunnel0"), // consequence ...
                new Detection(6 * S, "r1", Detection.Kind.KEEPALIVE_RETRIES_EXHAUSTED, "tunnel0", "3 × 1 s"), // ... of this cause
                det(7 * S, "r3", Detection.Kind.OSPF_DEAD_TIMER, "1.1.1.1 on eth0"));
        List<RouteChange> routes = List.of(
                new RouteChange(6 * S, "r1", "10.2.0.0/24", "tunnel0", "tunnel1"),
                new RouteChange(6 * S, "r1", "192.0.2.0/24", "eth1 192.0.2.1", "none"), // holds no flow address
                new RouteChange(6 * S, "r9", "10.2.0.0/24", "tunnel0", "tunnel1"), // off the path
                new RouteChange(7 * S, "r3", "10.1.0.0/16", "none", "eth0 10.9.0.1"), // the reply direction
                new RouteChange(12 * S, "r1", "10.2.0.0/24", "tunnel1", "tunnel0")); // after recovery
        CauseEvidence ev = new CauseEvidence(List.of(trace(FLOW, end)), drops, dets, routes);

        ActionResult r = explain(probes, new TimelineAction("fail", 5 * S, ActionKind.FAILURE), end, ev).get(0);
        assertEquals(30, r.lostProbes());
        OutageCause c = r.cause().orElseThrow();
        assertEquals(List.of("a", "b", "r1", "r2", "r3"), c.path());
        assertEquals(Detection.Kind.KEEPALIVE_RETRIES_EXHAUSTED, c.detection().orElseThrow().kind());
        assertEquals(6 * S, c.detection().get().timeNs());
        assertEquals(List.of(routes.get(0), routes.get(3)), c.fibChanges());
        assertEquals(80, c.firstDelivered().orElseThrow().seq());
        assertEquals(List.of(new DropCount("no-route", "r1", "eth1", false, 27),
                new DropCount("silent-failure", "l2", "", true, 2),
                new DropCount(DropCount.NO_DROP_SEEN, "", "", false, 1)), c.drops());
        assertEquals("27 no-route at r1 eth1, 2 silent-failure in l2, 1 no-drop-seen", c.dropSummary());
        assertEquals(0, c.inFlight());

        assertEquals(List.of(
                "detected: keepalive retries exhausted on tunnel0 at r1, 1.00 s (3 × 1 s)",
                "fib: r1 10.2.0.0/24 tunnel0 -> tunnel1 at 1.00 s",
                "fib: r3 10.1.0.0/16 none -> eth0 10.9.0.1 at 2.00 s",
                "first delivered: probe 80 sent at 3.00 s, received at 3.01 s",
                "lost 30: 27 no-route at r1 eth1, 2 silent-failure in l2, 1 no-drop-seen"), CauseText.lines(r));
    }

    @Test
    void flowWithoutLossHasNoChain() {
        long end = 10 * S;
        List<ProbeRecord> probes = flow(FLOW, end, t -> false);
        CauseEvidence ev = new CauseEvidence(List.of(trace(FLOW, end)), List.of(), List.of(
                det(6 * S, "r1", Detection.Kind.CARRIER_LOSS, "eth1")), List.of());
        ActionResult r = explain(probes, new TimelineAction("fail", 5 * S, ActionKind.FAILURE), end, ev).get(0);
        assertEquals(Optional.empty(), r.cause());
        assertEquals(List.of(), CauseText.lines(r));
    }

    @Test
    void restorationLooksForThingsComingBack() {
        long end = 20 * S;
        List<ProbeRecord> probes = flow(FLOW, end, t -> t >= 5 * S && t < 6 * S);
        CauseEvidence ev = new CauseEvidence(List.of(trace(FLOW, end)), List.of(), List.of(
                det(5 * S + 100 * MS, "r1", Detection.Kind.LINE_PROTOCOL_DOWN, "tunnel1"),
                det(5 * S + 300 * MS, "r2", Detection.Kind.OSPF_ADJACENCY_FULL, "1.1.1.1 on tunnel0")), List.of());
        ActionResult r = explain(probes, new TimelineAction("restore", 5 * S, ActionKind.RESTORATION), end, ev).get(0);
        Detection d = r.cause().orElseThrow().detection().orElseThrow();
        assertEquals(Detection.Kind.OSPF_ADJACENCY_FULL, d.kind());
        assertEquals("r2", d.node());
        assertEquals("detected: OSPF adjacency full, neighbour 1.1.1.1 on tunnel0 at r2, 300 ms", CauseText.lines(r).get(0));
    }

    @Test
    void aRouteTimeoutExplainsOnlyFlowsItsPrefixHolds() {
        long end = 20 * S;
        List<ProbeRecord> probes = flow(FLOW, end, t -> t >= 5 * S && t < 6 * S);
        Detection other = new Detection(5 * S + 100 * MS, "r1", Detection.Kind.RIP_ROUTE_TIMEOUT, "1.1.1.1/32 via 10.9.0.1",
                "", "1.1.1.1/32");
        Detection ours = new Detection(5 * S + 100 * MS, "r1", Detection.Kind.RIP_ROUTE_TIMEOUT, "10.2.0.0/16 via 10.9.0.1",
                "", "10.2.0.0/16");
        CauseEvidence ev = new CauseEvidence(List.of(trace(FLOW, end)), List.of(), List.of(other, ours), List.of());
        ActionResult r = explain(probes, new TimelineAction("fail", 5 * S, ActionKind.FAILURE), end, ev).get(0);
        assertEquals(ours, r.cause().orElseThrow().detection().orElseThrow());
    }

    @Test
    void theNextActionsChangesAreNotInAnOpenWindow() {
        long end = 20 * S;
        List<ProbeRecord> probes = flow(FLOW, end, t -> t >= 5 * S && t < 10 * S);
        List<TimelineAction> actions = List.of(new TimelineAction("down", 5 * S, ActionKind.FAILURE),
                new TimelineAction("up", 10 * S, ActionKind.RESTORATION));
        RouteChange inside = new RouteChange(5 * S, "r1", "10.2.0.0/24", "eth1 10.9.0.1", "none");
        RouteChange atNext = new RouteChange(10 * S, "r1", "10.2.0.0/24", "none", "eth1 10.9.0.1");
        CauseEvidence ev = new CauseEvidence(List.of(trace(FLOW, end)), List.of(),
                List.of(det(10 * S, "r1", Detection.Kind.CARRIER_LOSS, "eth2")), List.of(inside, atNext));
        List<ActionResult> r = CauseAnalyzer.explain(ConvergenceAnalyzer.analyze(probes, actions, end, List.of(), List.of()),
                actions, probes, end, ev);
        OutageCause c = r.get(0).cause().orElseThrow();
        assertEquals(List.of(inside), c.fibChanges());
        assertTrue(c.detection().isEmpty());
        assertTrue(c.firstDelivered().isEmpty());
        assertEquals("detected: nothing on the path changed state before recovery", CauseText.lines(r.get(0)).get(0));
        assertEquals(Optional.empty(), r.get(1).cause(), "the restoration lost nothing");
    }

    @Test
    void probesInFlightAtTheEndAreNotDrops() {
        long end = 20 * S;
        // lost from 17 s on; those sent after 18 s are in flight when the run ends at 20 s
        List<ProbeRecord> probes = flow(FLOW, end, t -> t >= 17 * S);
        ActionResult r = explain(probes, new TimelineAction("fail", 17 * S, ActionKind.FAILURE), end,
                new CauseEvidence(List.of(trace(FLOW, end)), List.of(), List.of(), List.of())).get(0);
        OutageCause c = r.cause().orElseThrow();
        assertEquals(r.lostProbes(), c.lost());
        assertEquals(11, c.lost());
        assertEquals(19, c.inFlight());
        assertEquals(r.inFlightProbes(), c.inFlight());
        assertEquals(List.of(new DropCount(DropCount.NO_DROP_SEEN, "", "", false, 11)), c.drops());
        assertTrue(c.firstDelivered().isEmpty());
        assertTrue(c.detection().isEmpty());
        assertEquals("lost 11: 11 no-drop-seen; 19 in flight at the end", CauseText.lines(r).get(2));
    }

    @Test
    void dropsOnALinkDoNotPutTheLinkOnThePath() {
        long end = 10 * S;
        List<ProbeRecord> probes = flow(FLOW, end, t -> t >= 5 * S && t < 5 * S + 300 * MS);
        List<ProbeLoss> drops = List.of(drop(50, "l2", "", "silent-failure", true), drop(51, "l2", "", "silent-failure", true),
                drop(52, "r7", "tunnel3", "tunnel-down", false));
        ActionResult r = explain(probes, new TimelineAction("fail", 5 * S, ActionKind.FAILURE), end,
                new CauseEvidence(List.of(trace(FLOW, end)), drops, List.of(), List.of())).get(0);
        OutageCause c = r.cause().orElseThrow();
        assertEquals(List.of("a", "b", "r1", "r2", "r3", "r7"), c.path());
        assertEquals("2 silent-failure in l2, 1 tunnel-down at r7 tunnel3", c.dropSummary());
    }

    @Test
    void dropCountsMustAddUpToTheLostProbes() {
        assertThrows(IllegalArgumentException.class, () -> new OutageCause(List.of(), Optional.empty(), List.of(),
                Optional.empty(), 3, 0, List.of(new DropCount("no-route", "r1", "", false, 2))));
        assertThrows(IllegalArgumentException.class, () -> new DropCount("no-route", "r1", "", false, 0));
    }
}
