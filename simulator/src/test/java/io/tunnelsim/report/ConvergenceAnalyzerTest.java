package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.FibChange;
import io.tunnelsim.report.model.FlowStartup;
import io.tunnelsim.report.model.Outcome;
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
        assertEquals(OptionalLong.of(0), r.recoveryNs());
        assertEquals(OptionalLong.of(0), r.timeToZeroLossNs());
        assertTrue(r.recovered());
        assertEquals(80, r.probesSent(), "probes sent in [2 s, 10 s)");
    }

    @Test
    void singleGapMeasuredToFirstDeliveryAfterIt() {
        // lost from 2.0 s to 5.9 s inclusive; 6.0 s is the first delivered probe after the gap
        ActionResult r = single(flow("f", 10 * S, t -> t >= 2 * S && t < 6 * S), 2 * S, 10 * S);
        assertEquals(40, r.lostProbes());
        assertEquals(OptionalLong.of(4 * S + DELAY), r.recoveryNs());
        assertEquals(OptionalLong.of(4 * S), r.timeToZeroLossNs());
        assertTrue(r.recovered());
    }

    @Test
    void lossUntilTheEndNeverRecovers() {
        ActionResult r = single(flow("f", 10 * S, t -> t >= 3 * S), 2 * S, 10 * S);
        assertFalse(r.recovered());
        assertEquals(Outcome.NOT_RECOVERED_BY_END_OF_RUN, r.outcome());
        assertTrue(r.recoveryNs().isEmpty());
        assertTrue(r.timeToZeroLossNs().isEmpty());
        assertTrue(r.longestLossWindowNs().isEmpty());
        // probes sent after 8 s (the run end minus the 2 s ping timeout) are in flight, not lost
        assertEquals(19, r.inFlightProbes());
        assertEquals(70 - 19, r.lostProbes());
        assertEquals(OptionalLong.of(7 * S), r.outageAtLeastNs(), "open loss window from 3 s to the end at 10 s");
    }

    @Test
    void lossBeforeTheActionIsNotCounted() {
        ActionResult r = single(flow("f", 10 * S, t -> t >= S && t < 2 * S), 2 * S, 10 * S);
        assertEquals(0, r.lostProbes());
        assertEquals(Outcome.NO_LOSS, r.outcome());
        assertEquals(OptionalLong.of(0), r.recoveryNs());
    }

    @Test
    void intermittentLossCountsEveryLossAndMeasuresToTheLast() {
        Set<Long> lostAt = Set.of(2_100 * MS, 2_300 * MS, 2_400 * MS, 4_000 * MS);
        ActionResult r = single(flow("f", 10 * S, lostAt::contains), 2 * S, 10 * S);
        assertEquals(4, r.lostProbes());
        assertEquals(OptionalLong.of(2_100 * MS + DELAY), r.recoveryNs());
        assertEquals(OptionalLong.of(2_100 * MS), r.timeToZeroLossNs());
    }

    @Test
    void probeSentExactlyAtTheActionBelongsToItsWindow() {
        ActionResult r = single(flow("f", 10 * S, t -> t == 2 * S), 2 * S, 10 * S);
        assertEquals(1, r.lostProbes());
        assertEquals(OptionalLong.of(100 * MS + DELAY), r.recoveryNs());
    }

    @Test
    void windowEndsAtTheNextActionSoUnfinishedLossNeverRecovered() {
        List<ProbeRecord> probes = flow("f", 10 * S, t -> t >= 2 * S && t < 6 * S);
        List<TimelineAction> actions = List.of(fail(2 * S), new TimelineAction("restore", 5 * S, ActionKind.RESTORATION));
        List<ActionResult> r = ConvergenceAnalyzer.analyze(probes, actions, 10 * S, List.of(), List.of());
        assertEquals(2, r.size());
        assertFalse(r.get(0).recovered());
        assertEquals(Outcome.NOT_RECOVERED_BEFORE_NEXT_ACTION, r.get(0).outcome());
        assertEquals(java.util.Optional.of("restore"), r.get(0).nextAction());
        assertEquals(5 * S, r.get(0).windowEndNs());
        assertEquals(OptionalLong.of(3 * S), r.get(0).outageAtLeastNs(), "bound: from the first loss to the next action");
        assertEquals(30, r.get(0).lostProbes());
        assertEquals(30, r.get(0).probesSent());
        ActionResult restore = r.get(1);
        assertEquals("restore", restore.action());
        assertEquals(10, restore.lostProbes());
        assertEquals(OptionalLong.of(S + DELAY), restore.recoveryNs());
    }

    @Test
    void lastWindowIncludesTheRunEnd() {
        List<ProbeRecord> probes = List.of(new ProbeRecord("f", 0, 5 * S, 5 * S + DELAY), ProbeRecord.lost("f", 1, 7 * S),
                ProbeRecord.lost("f", 2, 10 * S));
        ActionResult r = single(probes, 2 * S, 10 * S);
        assertEquals(3, r.probesSent());
        assertEquals(1, r.lostProbes());
        assertEquals(1, r.inFlightProbes(), "sent at the very end: in flight");
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
        assertEquals(OptionalLong.of(S + DELAY), r.recoveryNs());
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
        assertEquals(OptionalLong.of(2 * S + DELAY), s.get(0).recoveryNs());
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
        assertTrue(s.recoveryNs().isEmpty());
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

        // in flight: the undelivered tail sent after end - 2 s
        int tail = probes.size();
        while (tail > 0 && !probes.get(tail - 1).delivered() && probes.get(tail - 1).sentNs() > end - 2 * S) {
            tail--;
        }
        List<ProbeRecord> window = probes.subList(0, tail).stream().filter(p -> p.sentNs() >= at).toList();
        assertEquals(probes.size() - tail, r.inFlightProbes());
        int lastLost = -1;
        int lost = 0;
        long longest = 0;
        long sum = 0;
        int windows = 0;
        long firstLostSent = -1;
        for (int i = 0; i < window.size(); i++) {
            ProbeRecord p = window.get(i);
            if (!p.delivered()) {
                lastLost = i;
                lost++;
                if (firstLostSent < 0) {
                    firstLostSent = p.sentNs();
                    windows++;
                }
            } else if (firstLostSent >= 0) {
                longest = Math.max(longest, p.receivedNs() - firstLostSent);
                sum += p.receivedNs() - firstLostSent;
                firstLostSent = -1;
            }
        }
        boolean workedBefore = probes.stream().anyMatch(p -> p.sentNs() < at && p.delivered());
        if (!workedBefore) {
            assertEquals(Outcome.NEVER_WORKED, r.outcome());
            return;
        }
        assertEquals(lost, r.lostProbes());
        assertEquals(window.size() + probes.size() - tail, r.probesSent());
        assertEquals(windows, r.lossWindows().size());
        if (lastLost < 0) {
            assertEquals(Outcome.NO_LOSS, r.outcome());
            assertEquals(OptionalLong.of(0), r.recoveryNs());
            assertEquals(OptionalLong.of(0), r.longestLossWindowNs());
        } else if (lastLost == window.size() - 1) {
            assertFalse(r.recovered());
            assertEquals(OptionalLong.of(end - firstLostSent), r.outageAtLeastNs());
        } else {
            ProbeRecord d = window.get(lastLost + 1);
            assertEquals(Outcome.RECOVERED, r.outcome());
            assertEquals(OptionalLong.of(d.receivedNs() - at), r.recoveryNs());
            assertEquals(OptionalLong.of(d.sentNs() - at), r.timeToZeroLossNs());
            assertEquals(OptionalLong.of(longest), r.longestLossWindowNs());
            assertEquals(OptionalLong.of(sum), r.timeWithoutDeliveryNs());
        }
    }

    @Test
    void lossThatStartsLongAfterTheActionIsALossWindowNotAnOutageFromTheAction() {
        // a DR crash at 2 s whose effect arrives with the dead timer: loss from 6 s to 7 s
        ActionResult r = single(flow("f", 20 * S, t -> t >= 6 * S && t < 7 * S), 2 * S, 20 * S);
        assertEquals(Outcome.RECOVERED, r.outcome());
        assertEquals(1, r.lossWindows().size());
        assertEquals(6 * S, r.lossWindows().get(0).startNs());
        assertEquals(OptionalLong.of(S + DELAY), r.longestLossWindowNs());
        assertEquals(OptionalLong.of(S + DELAY), r.timeWithoutDeliveryNs());
        assertEquals(OptionalLong.of(5 * S + DELAY), r.recoveryNs(), "full recovery counts from the action");
    }

    @Test
    void severalLossWindowsAreSummedAndTheLongestKept() {
        ActionResult r = single(flow("f", 20 * S, t -> (t >= 3 * S && t < 4 * S) || (t >= 8 * S && t < 8_500 * MS)),
                2 * S, 20 * S);
        assertEquals(2, r.lossWindows().size());
        assertEquals(OptionalLong.of(S + DELAY), r.longestLossWindowNs());
        assertEquals(OptionalLong.of(S + DELAY + 500 * MS + DELAY), r.timeWithoutDeliveryNs());
    }

    @Test
    void actionAfterTheEndOfTheRunIsNotRunAndDoesNotCloseTheWindowBeforeIt() {
        List<ProbeRecord> probes = flow("f", 15 * S, t -> t >= 10 * S && t < 11 * S);
        List<TimelineAction> actions = List.of(fail(10 * S), new TimelineAction("restore", 20 * S, ActionKind.RESTORATION));
        List<ActionResult> r = ConvergenceAnalyzer.analyze(probes, actions, 15 * S, List.of(), List.of());
        assertEquals(Outcome.RECOVERED, r.get(0).outcome());
        assertEquals(15 * S, r.get(0).windowEndNs());
        assertEquals(Outcome.NOT_RUN, r.get(1).outcome());
        assertTrue(r.get(1).recoveryNs().isEmpty(), "an action that never ran has no figure");
        assertEquals(0, r.get(1).probesSent());
        ActionSummary notRun = ConvergenceAnalyzer.summarize(r).get(1);
        assertEquals(Outcome.NOT_RUN, notRun.outcome());
        assertTrue(notRun.longestLossWindowNs().isEmpty());
    }

    @Test
    void flowThatNeverDeliveredBeforeTheActionNeverWorked() {
        List<ProbeRecord> probes = new ArrayList<>(flow("dead", 10 * S, t -> true));
        probes.addAll(flow("ok", 10 * S, t -> t >= 2 * S && t < 3 * S));
        List<ActionResult> r = ConvergenceAnalyzer.analyze(probes, List.of(fail(2 * S)), 10 * S, List.of(), List.of());
        assertEquals(Outcome.NEVER_WORKED, r.get(0).outcome());
        assertTrue(r.get(0).recoveryNs().isEmpty());
        ActionSummary s = ConvergenceAnalyzer.summarize(r).get(0);
        assertEquals(1, s.flowsNeverWorked());
        assertEquals(Outcome.RECOVERED, s.outcome(), "the flow that worked decides the figures");
        assertEquals(OptionalLong.of(S + DELAY), s.longestLossWindowNs());
        List<FlowStartup> st = ConvergenceAnalyzer.startup(probes, List.of(fail(2 * S)), 10 * S);
        assertTrue(st.get(0).neverWorked());
        assertEquals(20, st.get(0).lostProbes());
        assertFalse(st.get(1).neverWorked());
        assertEquals(OptionalLong.of(0), st.get(1).firstDeliveredNs());
    }

    @Test
    void startUpLossIsReportedApartFromTheAction() {
        List<ProbeRecord> probes = flow("f", 10 * S, t -> t < 1 * S || (t >= 5 * S && t < 6 * S));
        List<TimelineAction> actions = List.of(fail(5 * S));
        FlowStartup st = ConvergenceAnalyzer.startup(probes, actions, 10 * S).get(0);
        assertEquals(50, st.probesSent());
        assertEquals(10, st.lostProbes());
        assertEquals(OptionalLong.of(S), st.firstDeliveredNs());
        assertFalse(st.neverWorked());
        assertEquals(10, single(probes, 5 * S, 10 * S).lostProbes());
    }

    @Test
    void probesInFlightAtTheEndAreNotLost() {
        // 20 ms probes, 45 ms round trip, run stopped at 30.02 s: the last probes are still on their way
        long rtt = 45 * MS;
        long end = 30_020 * MS;
        List<ProbeRecord> probes = new ArrayList<>();
        long seq = 0;
        for (long t = 0; t < end; t += 20 * MS) {
            probes.add(t + rtt <= end ? new ProbeRecord("f", seq++, t, t + rtt) : ProbeRecord.lost("f", seq++, t));
        }
        ActionResult r = single(probes, 10 * S, end);
        assertEquals(Outcome.NO_LOSS, r.outcome());
        assertEquals(0, r.lostProbes());
        assertEquals(2, r.inFlightProbes());
        boolean[] flags = ConvergenceAnalyzer.inFlightFlags(probes, end);
        assertTrue(flags[flags.length - 1] && flags[flags.length - 2] && !flags[flags.length - 3]);
    }

    @Test
    void aProbeIsNotInFlightWhenALaterOneWasDelivered() {
        List<ProbeRecord> probes = List.of(new ProbeRecord("f", 0, 0, DELAY), ProbeRecord.lost("f", 1, 9 * S),
                new ProbeRecord("f", 2, 9_500 * MS, 9_500 * MS + DELAY));
        ActionResult r = single(probes, 5 * S, 10 * S);
        assertEquals(1, r.lostProbes());
        assertEquals(0, r.inFlightProbes());
        assertEquals(Outcome.RECOVERED, r.outcome());
    }
}
