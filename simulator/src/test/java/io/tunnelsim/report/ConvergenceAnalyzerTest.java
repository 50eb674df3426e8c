package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.FibChange;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.StateChange;
import io.tunnelsim.report.model.TimelineAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;

class ConvergenceAnalyzerTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long DELAY = 5 * MS;

    /** Probes every 100 ms from 0 to end (exclusive), lost when {@code lost} says so. */
    private static List<ProbeRecord> flow(String name, long endNs, LongPredicate lost) {
        List<ProbeRecord> out = new ArrayList<>();
        long seq = 0;
        for (long t = 0; t < endNs; t += 100 * MS) {
            out.add(lost.test(t) ? ProbeRecord.lost(name, seq++, t) : new ProbeRecord(name, seq++, t, t + DELAY));
        }
        return out;
    }

    private static TimelineAction fail(long at) {
        return new TimelineAction("fail", at, ActionKind.FAILURE);
    }

    private static ActionResult single(List<ProbeRecord> probes, long at, long end) {
        List<ActionResult> r = ConvergenceAnalyzer.analyze(probes, List.of(fail(at)), end, List.of(), List.of());
        assertEquals(1, r.size());
        return r.get(0);
    }

    @Test
    void noLossMeansZeroOutageAndRecovered() {
        ActionResult r = single(flow("f", 10 * S, t -> false), 2 * S, 10 * S);
        assertEquals(0, r.lostProbes());
        assertEquals(OptionalLong.of(0), r.outageNs());
        assertEquals(OptionalLong.of(0), r.timeToZeroLossNs());
        assertTrue(r.recovered());
        assertEquals(80, r.probesSent(), "probes sent in [2 s, 10 s)");
    }

    @Test
    void singleGapMeasuredToFirstDeliveryAfterIt() {
        // lost from 2.0 s to 5.9 s inclusive; 6.0 s is the first delivered probe after the gap
        ActionResult r = single(flow("f", 10 * S, t -> t >= 2 * S && t < 6 * S), 2 * S, 10 * S);
        assertEquals(40, r.lostProbes());
        assertEquals(OptionalLong.of(4 * S + DELAY), r.outageNs());
        assertEquals(OptionalLong.of(4 * S), r.timeToZeroLossNs());
        assertTrue(r.recovered());
    }

    @Test
    void lossUntilTheEndNeverRecovers() {
        ActionResult r = single(flow("f", 10 * S, t -> t >= 3 * S), 2 * S, 10 * S);
        assertFalse(r.recovered());
        assertTrue(r.outageNs().isEmpty());
        assertTrue(r.timeToZeroLossNs().isEmpty());
        assertEquals(70, r.lostProbes());
    }

    @Test
    void lossBeforeTheActionIsNotCounted() {
        ActionResult r = single(flow("f", 10 * S, t -> t < 2 * S), 2 * S, 10 * S);
        assertEquals(0, r.lostProbes());
        assertEquals(OptionalLong.of(0), r.outageNs());
    }

    @Test
    void intermittentLossCountsEveryLossAndMeasuresToTheLast() {
        Set<Long> lostAt = Set.of(2_100 * MS, 2_300 * MS, 2_400 * MS, 4_000 * MS);
        ActionResult r = single(flow("f", 10 * S, lostAt::contains), 2 * S, 10 * S);
        assertEquals(4, r.lostProbes());
        assertEquals(OptionalLong.of(2_100 * MS + DELAY), r.outageNs());
        assertEquals(OptionalLong.of(2_100 * MS), r.timeToZeroLossNs());
    }

    @Test
    void probeSentExactlyAtTheActionBelongsToItsWindow() {
        ActionResult r = single(flow("f", 10 * S, t -> t == 2 * S), 2 * S, 10 * S);
        assertEquals(1, r.lostProbes());
        assertEquals(OptionalLong.of(100 * MS + DELAY), r.outageNs());
    }

    @Test
    void windowEndsAtTheNextActionSoUnfinishedLossNeverRecovered() {
        List<ProbeRecord> probes = flow("f", 10 * S, t -> t >= 2 * S && t < 6 * S);
        List<TimelineAction> actions = List.of(fail(2 * S), new TimelineAction("restore", 5 * S, ActionKind.RESTORATION));
        List<ActionResult> r = ConvergenceAnalyzer.analyze(probes, actions, 10 * S, List.of(), List.of());
        assertEquals(2, r.size());
        assertFalse(r.get(0).recovered());
        assertEquals(30, r.get(0).lostProbes());
        assertEquals(30, r.get(0).probesSent());
        ActionResult restore = r.get(1);
        assertEquals("restore", restore.action());
        assertEquals(10, restore.lostProbes());
        assertEquals(OptionalLong.of(S + DELAY), restore.outageNs());
    }

    @Test
    void lastWindowIncludesTheRunEnd() {
        List<ProbeRecord> probes = List.of(new ProbeRecord("f", 0, 5 * S, 5 * S + DELAY), ProbeRecord.lost("f", 1, 10 * S));
        ActionResult r = single(probes, 2 * S, 10 * S);
        assertEquals(2, r.probesSent());
        assertFalse(r.recovered());
    }

    @Test
    void emptyWindowIsRecoveredWithNothingSent() {
        ActionResult r = single(List.of(new ProbeRecord("f", 0, 0, DELAY)), 2 * S, 10 * S);
        assertEquals(0, r.probesSent());
        assertTrue(r.recovered());
    }

    @Test
    void probesAreOrderedBySendTimeNotInputOrder() {
        List<ProbeRecord> probes = new ArrayList<>(flow("f", 10 * S, t -> t >= 2 * S && t < 3 * S));
        Collections.reverse(probes);
        ActionResult r = single(probes, 2 * S, 10 * S);
        assertEquals(OptionalLong.of(S + DELAY), r.outageNs());
    }

    @Test
    void resultsAreOrderedByActionThenFlowName() {
        List<ProbeRecord> probes = new ArrayList<>(flow("zeta", 10 * S, t -> false));
        probes.addAll(flow("alpha", 10 * S, t -> t >= 2 * S && t < 2_500 * MS));
        List<TimelineAction> actions = List.of(fail(2 * S), new TimelineAction("restore", 6 * S, ActionKind.RESTORATION));
        List<ActionResult> r = ConvergenceAnalyzer.analyze(probes, actions, 10 * S, List.of(), List.of());
        assertEquals(List.of("fail/alpha", "fail/zeta", "restore/alpha", "restore/zeta"),
                r.stream().map(x -> x.action() + "/" + x.flow()).toList());
        assertEquals(5, r.get(0).lostProbes());
    }

    @Test
    void controlPlaneCountsOnlyChangesInsideTheWindow() {
        List<FibChange> fib = List.of(
                new FibChange(S, "hq", "before the action"),
                new FibChange(2 * S, "hq", "at the action"),
                new FibChange(3 * S, "spoke", "x"),
                new FibChange(4_500 * MS, "hq", "y"),
                new FibChange(5 * S, "spoke", "at the next action: belongs to it"),
                new FibChange(9 * S, "spoke", "z"));
        List<StateChange> states = List.of(
                new StateChange(4 * S, "hq", "Tunnel0", "up"),
                new StateChange(2_500 * MS, "hq", "Tunnel0", "down"),
                new StateChange(6 * S, "hq", "Tunnel0", "down"));
        List<TimelineAction> actions = List.of(fail(2 * S), new TimelineAction("restore", 5 * S, ActionKind.RESTORATION));
        List<ActionResult> r = ConvergenceAnalyzer.analyze(flow("f", 10 * S, t -> false), actions, 10 * S, fib, states);
        var first = r.get(0).controlPlane();
        assertEquals(OptionalLong.of(2_500 * MS), first.lastFibChangeNs());
        assertEquals(List.of("hq", "spoke"), List.copyOf(first.lastFibChangeByRouterNs().keySet()));
        assertEquals(2_500 * MS, first.lastFibChangeByRouterNs().get("hq"));
        assertEquals(S, first.lastFibChangeByRouterNs().get("spoke"));
        assertEquals(List.of(2_500 * MS, 4 * S), first.stateChanges().stream().map(StateChange::timeNs).toList());
        var second = r.get(1).controlPlane();
        assertEquals(OptionalLong.of(4 * S), second.lastFibChangeNs());
        assertEquals(1, second.stateChanges().size());
    }

    @Test
    void noFibChangeGivesEmptyControlPlaneTime() {
        ActionResult r = single(flow("f", 10 * S, t -> false), 2 * S, 10 * S);
        assertTrue(r.controlPlane().lastFibChangeNs().isEmpty());
        assertTrue(r.controlPlane().lastFibChangeByRouterNs().isEmpty());
    }

    @Test
    void summaryTakesWorstFlowAndSumsLoss() {
        List<ProbeRecord> probes = new ArrayList<>(flow("a", 10 * S, t -> t >= 2 * S && t < 3 * S));
        probes.addAll(flow("b", 10 * S, t -> t >= 2 * S && t < 4 * S));
        List<ActionSummary> s = ConvergenceAnalyzer.summarize(
                ConvergenceAnalyzer.analyze(probes, List.of(fail(2 * S)), 10 * S, List.of(), List.of()));
        assertEquals(1, s.size());
        assertEquals(OptionalLong.of(2 * S + DELAY), s.get(0).worstOutageNs());
        assertEquals(30, s.get(0).lostProbes());
        assertEquals(2, s.get(0).flows());
        assertTrue(s.get(0).recovered());
    }

    @Test
    void summaryOfAnUnrecoveredFlowHasNoOutage() {
        List<ProbeRecord> probes = new ArrayList<>(flow("a", 10 * S, t -> false));
        probes.addAll(flow("b", 10 * S, t -> t >= 2 * S));
        ActionSummary s = ConvergenceAnalyzer.summarize(
                ConvergenceAnalyzer.analyze(probes, List.of(fail(2 * S)), 10 * S, List.of(), List.of())).get(0);
        assertFalse(s.recovered());
        assertEquals(1, s.flowsNotRecovered());
        assertTrue(s.worstOutageNs().isEmpty());
    }

    @Test
    void actionsOutOfOrderAreRejected() {
        List<TimelineAction> actions = List.of(fail(5 * S), fail(2 * S));
        assertThrows(IllegalArgumentException.class,
                () -> ConvergenceAnalyzer.analyze(List.of(), actions, 10 * S, List.of(), List.of()));
    }

    @Test
    void probeReceivedBeforeSentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ProbeRecord("f", 0, 10, 9));
    }

    /**
     * Random loss patterns checked against a literal reading of the definitions: last lost
     * index, then the first delivered probe after it.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void matchesDefinitionOnRandomLossPatterns(long seed) {
        Random random = new Random(seed);
        long at = (random.nextInt(50) + 1) * 100 * MS;
        long end = 10 * S;
        double lossRate = random.nextDouble() * 0.5;
        List<ProbeRecord> probes = flow("f", end, t -> random.nextDouble() < lossRate);
        ActionResult r = single(probes, at, end);

        List<ProbeRecord> window = probes.stream().filter(p -> p.sentNs() >= at).toList();
        int lastLost = -1;
        int lost = 0;
        for (int i = 0; i < window.size(); i++) {
            if (!window.get(i).delivered()) {
                lastLost = i;
                lost++;
            }
        }
        assertEquals(lost, r.lostProbes());
        assertEquals(window.size(), r.probesSent());
        if (lastLost < 0) {
            assertEquals(OptionalLong.of(0), r.outageNs());
        } else if (lastLost == window.size() - 1) {
            assertFalse(r.recovered());
        } else {
            ProbeRecord d = window.get(lastLost + 1);
            assertEquals(OptionalLong.of(d.receivedNs() - at), r.outageNs());
            assertEquals(OptionalLong.of(d.sentNs() - at), r.timeToZeroLossNs());
        }
    }
}
