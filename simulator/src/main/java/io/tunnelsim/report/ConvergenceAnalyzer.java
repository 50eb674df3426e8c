package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.ControlPlane;
import io.tunnelsim.report.model.FibChange;
import io.tunnelsim.report.model.FlowStartup;
import io.tunnelsim.report.model.LossWindow;
import io.tunnelsim.report.model.Outcome;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.StateChange;
import io.tunnelsim.report.model.TimelineAction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns probe records, timeline actions and control-plane events into per-action convergence
 * figures. Pure computation: no simulation, no I/O.
 *
 * <h2>Definitions</h2>
 * Let the actions be at times T<sub>1</sub> ≤ T<sub>2</sub> ≤ … and let the run end at E.
 * <ul>
 *   <li><b>Not run</b>: an action after E (a run stopped early with {@code --until}). It gets no
 *       figure at all, and does not close the window of the action before it.</li>
 *   <li><b>Window</b> of action i: the half-open interval [T<sub>i</sub>, T<sub>i+1</sub>)
 *       (or [T<sub>i</sub>, E] for the last action that ran). A probe belongs to the window when
 *       its <em>send</em> time falls inside it; a probe sent exactly at T<sub>i</sub> counts,
 *       because it may already meet the changed network. Loss before T<sub>1</sub> is start-up
 *       loss, reported per flow apart from every action ({@link #startup}).</li>
 *   <li><b>In flight</b>: a probe that was not received, was sent less than
 *       {@value #PROBE_TIMEOUT_S} s before E (the {@code ping} timeout of Cisco IOS, 2 s), and
 *       after the last delivered probe of its flow. Its reply could still have been on its way
 *       when the run stopped: it is neither lost nor delivered.</li>
 *   <li><b>Lost</b>: the probes of the flow in the window that were never received and are not in
 *       flight.</li>
 *   <li><b>Never worked</b>: the flow sent probes before T<sub>i</sub> and none of them was
 *       delivered. The action could not break what never worked; it gets no outage figure, and
 *       the flow is flagged loudly.</li>
 *   <li><b>Loss window</b>: a maximal run of consecutive lost probes (in send order), from the
 *       send time of its first lost probe to the receive time of the first probe delivered after
 *       it: how long the flow was cut off. A loss window still open when the action's window
 *       closes is measured up to that point, as a lower bound.</li>
 *   <li><b>Time without delivery</b>: the sum of the loss windows of the action's window.</li>
 *   <li><b>Recovery probe</b> D: the first delivered probe after the last lost probe of the
 *       window. <b>Recovered</b>: the window has loss and D exists. <b>No loss</b>: the window has
 *       no lost probe. <b>Not recovered before the next action</b> / <b>by the end of the
 *       run</b>: the last loss window is still open when the window closes; the only figure is
 *       the lower bound of that open loss window ("outage at least").</li>
 *   <li><b>Time to full recovery</b> = receive time of D − T<sub>i</sub>: from the action until
 *       traffic flows again for good. 0 without loss. It includes the time between the action and
 *       the first loss, which can be long (a DR crash whose effect arrives with the dead timer).</li>
 *   <li><b>Time to zero loss</b> = send time of D − T<sub>i</sub>. 0 without loss.</li>
 *   <li><b>Control plane</b>: the last FIB change in the window, network-wide and per router,
 *       as a time after T<sub>i</sub> (changes at T<sub>i</sub> itself count), and the tunnel or
 *       adjacency state changes in the window. It includes changes that carry no probe traffic
 *       (a backup path withdrawn after traffic already moved), so it can be much later than the
 *       end of the loss.</li>
 * </ul>
 * Intermittent loss (lost, delivered, lost, delivered) gives several loss windows; the flow has
 * recovered only after the last one: a flapping path has not converged until it stops flapping.
 *
 * <p>Simplifications: the window ends at the next action even when that action leaves the
 * flow untouched, so an outage that straddles two actions is reported as "not recovered before
 * the next action" for the first. Probes of a flow are ordered by send time, then sequence number.
 */
public final class ConvergenceAnalyzer {

    /** Seconds after which an unanswered probe counts as lost: the IOS {@code ping} default timeout. */
    public static final int PROBE_TIMEOUT_S = 2;
    /** {@link #PROBE_TIMEOUT_S} in nanoseconds. */
    public static final long PROBE_TIMEOUT_NS = PROBE_TIMEOUT_S * 1_000_000_000L;

    private ConvergenceAnalyzer() {
    }

    /**
     * Computes one result per (action, flow), ordered by action (as given) then flow name.
     *
     * @param probes       all probes of the run, any order, any number of flows
     * @param actions      timeline actions in time order
     * @param runEndNs     end of the run; closes the last action's window (inclusive)
     * @param fibChanges   FIB changes, any order
     * @param stateChanges tunnel and adjacency state changes, any order
     */
    public static List<ActionResult> analyze(List<ProbeRecord> probes, List<TimelineAction> actions, long runEndNs,
                                             List<FibChange> fibChanges, List<StateChange> stateChanges) {
        for (int i = 1; i < actions.size(); i++) {
            if (actions.get(i).atNs() < actions.get(i - 1).atNs()) {
                throw new IllegalArgumentException("actions must be in time order");
            }
        }
        Map<String, List<ProbeRecord>> byFlow = byFlow(probes);
        Set<ProbeRecord> inFlight = inFlight(byFlow, runEndNs);
        List<StateChange> states = new ArrayList<>(stateChanges);
        states.sort(Comparator.comparingLong(StateChange::timeNs));

        List<ActionResult> results = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            TimelineAction action = actions.get(i);
            long start = action.atNs();
            if (start > runEndNs) {
                for (String flow : byFlow.keySet()) {
                    results.add(new ActionResult(action.label(), start, flow, Outcome.NOT_RUN, 0, 0, 0, List.of(),
                            OptionalLong.empty(), OptionalLong.empty(), start, Optional.empty(), ControlPlane.quiet()));
                }
                continue;
            }
            boolean last = i + 1 == actions.size() || actions.get(i + 1).atNs() > runEndNs;
            long end = last ? runEndNs : actions.get(i + 1).atNs();
            Optional<String> next = last ? Optional.empty() : Optional.of(actions.get(i + 1).label());
            ControlPlane cp = controlPlane(start, end, last, fibChanges, states);
            for (var entry : byFlow.entrySet()) {
                results.add(flowResult(action, entry.getKey(), entry.getValue(), inFlight, start, end, last, next, cp));
            }
        }
        return List.copyOf(results);
    }

    /**
     * Per flow, by name: probes sent and lost before the first action (the whole run when there
     * is no action or the first one did not run), and whether the flow ever worked before it.
     */
    public static List<FlowStartup> startup(List<ProbeRecord> probes, List<TimelineAction> actions, long runEndNs) {
        Map<String, List<ProbeRecord>> byFlow = byFlow(probes);
        Set<ProbeRecord> inFlight = inFlight(byFlow, runEndNs);
        long first = actions.isEmpty() || actions.get(0).atNs() > runEndNs ? Long.MAX_VALUE : actions.get(0).atNs();
        List<FlowStartup> out = new ArrayList<>();
        for (var entry : byFlow.entrySet()) {
            int sent = 0;
            int lost = 0;
            boolean deliveredBefore = false;
            OptionalLong firstDelivered = OptionalLong.empty();
            for (ProbeRecord p : entry.getValue()) {
                if (p.delivered() && firstDelivered.isEmpty()) {
                    firstDelivered = OptionalLong.of(p.sentNs());
                }
                if (p.sentNs() >= first) {
                    continue;
                }
                sent++;
                if (p.delivered()) {
                    deliveredBefore = true;
                } else if (!inFlight.contains(p)) {
                    lost++;
                }
            }
            out.add(new FlowStartup(entry.getKey(), sent, lost, firstDelivered, sent > 0 && !deliveredBefore
                    && sent > countInFlightBefore(entry.getValue(), inFlight, first)));
        }
        return List.copyOf(out);
    }

    private static int countInFlightBefore(List<ProbeRecord> sorted, Set<ProbeRecord> inFlight, long first) {
        int n = 0;
        for (ProbeRecord p : sorted) {
            if (p.sentNs() < first && inFlight.contains(p)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether each probe, in the order given, was still in flight when the run ended at
     * {@code runEndNs} (see the class definitions).
     */
    public static boolean[] inFlightFlags(List<ProbeRecord> probes, long runEndNs) {
        Set<ProbeRecord> inFlight = inFlight(byFlow(probes), runEndNs);
        boolean[] out = new boolean[probes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = inFlight.contains(probes.get(i));
        }
        return out;
    }

    private static Map<String, List<ProbeRecord>> byFlow(List<ProbeRecord> probes) {
        Map<String, List<ProbeRecord>> byFlow = new TreeMap<>();
        for (ProbeRecord p : probes) {
            byFlow.computeIfAbsent(p.flow(), f -> new ArrayList<>()).add(p);
        }
        Comparator<ProbeRecord> order = Comparator.comparingLong(ProbeRecord::sentNs).thenComparingLong(ProbeRecord::seq);
        byFlow.values().forEach(list -> list.sort(order));
        return byFlow;
    }

    /** Identity set: two records with equal fields are still two probes. */
    private static Set<ProbeRecord> inFlight(Map<String, List<ProbeRecord>> byFlow, long runEndNs) {
        Set<ProbeRecord> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<ProbeRecord> sorted : byFlow.values()) {
            for (int k = sorted.size() - 1; k >= 0; k--) {
                ProbeRecord p = sorted.get(k);
                if (p.delivered() || p.sentNs() <= runEndNs - PROBE_TIMEOUT_NS) {
                    break;
                }
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Folds per-flow results into one summary per action, in first-seen action order. Flows that
     * never worked are counted and left out; over the others: the worst outcome, the longest loss
     * window, the largest time without delivery and the latest recovery (all absent unless every
     * such flow recovered), the longest open loss window as a lower bound otherwise, lost probes
     * summed, and the network-wide last FIB change.
     */
    public static List<ActionSummary> summarize(List<ActionResult> results) {
        Map<String, List<ActionResult>> byAction = new LinkedHashMap<>();
        for (ActionResult r : results) {
            byAction.computeIfAbsent(r.action(), a -> new ArrayList<>()).add(r);
        }
        List<ActionSummary> out = new ArrayList<>();
        for (var entry : byAction.entrySet()) {
            List<ActionResult> rs = entry.getValue();
            int notRecovered = 0;
            int neverWorked = 0;
            int considered = 0;
            long window = 0;
            long without = 0;
            long recovery = 0;
            long bound = -1;
            long lost = 0;
            long inFlight = 0;
            Outcome worst = Outcome.NO_LOSS;
            boolean allNotRun = true;
            for (ActionResult r : rs) {
                lost += r.lostProbes();
                inFlight += r.inFlightProbes();
                if (r.outcome() != Outcome.NOT_RUN) {
                    allNotRun = false;
                }
                switch (r.outcome()) {
                    case NOT_RUN -> { }
                    case NEVER_WORKED -> neverWorked++;
                    case NO_LOSS, RECOVERED -> {
                        considered++;
                        window = Math.max(window, r.longestLossWindowNs().getAsLong());
                        without = Math.max(without, r.timeWithoutDeliveryNs().getAsLong());
                        recovery = Math.max(recovery, r.recoveryNs().getAsLong());
                        if (r.outcome() == Outcome.RECOVERED && worst == Outcome.NO_LOSS) {
                            worst = Outcome.RECOVERED;
                        }
                    }
                    default -> {
                        considered++;
                        notRecovered++;
                        bound = Math.max(bound, r.outageAtLeastNs().getAsLong());
                        worst = r.outcome();
                    }
                }
            }
            if (allNotRun) {
                worst = Outcome.NOT_RUN;
            } else if (considered == 0) {
                worst = Outcome.NEVER_WORKED;
            }
            boolean ok = worst.recovered();
            ActionResult first = rs.get(0);
            out.add(new ActionSummary(entry.getKey(), first.atNs(), worst, rs.size(), notRecovered, neverWorked,
                    ok ? OptionalLong.of(window) : OptionalLong.empty(),
                    ok ? OptionalLong.of(without) : OptionalLong.empty(),
                    ok ? OptionalLong.of(recovery) : OptionalLong.empty(),
                    bound >= 0 ? OptionalLong.of(bound) : OptionalLong.empty(), lost, inFlight,
                    first.controlPlane().lastFibChangeNs(), first.windowEndNs(), first.nextAction()));
        }
        return List.copyOf(out);
    }

    private static boolean inWindow(long t, long start, long end, boolean closed) {
        return t >= start && (closed ? t <= end : t < end);
    }

    private static ActionResult flowResult(TimelineAction action, String flow, List<ProbeRecord> sorted,
                                           Set<ProbeRecord> inFlightSet, long start, long end, boolean closed,
                                           Optional<String> next, ControlPlane cp) {
        int sent = 0;
        int lost = 0;
        int inFlight = 0;
        boolean workedBefore = false;
        int sentBefore = 0;
        ProbeRecord recovery = null;
        List<LossWindow> windows = new ArrayList<>();
        long windowStart = -1;
        int windowLost = 0;
        for (ProbeRecord p : sorted) {
            if (p.sentNs() < start) {
                sentBefore++;
                workedBefore |= p.delivered();
                continue;
            }
            if (!inWindow(p.sentNs(), start, end, closed)) {
                continue;
            }
            sent++;
            if (inFlightSet.contains(p)) {
                inFlight++;
            } else if (!p.delivered()) {
                lost++;
                if (windowLost == 0) {
                    windowStart = p.sentNs();
                }
                windowLost++;
                recovery = null;
            } else if (windowLost > 0) {
                windows.add(new LossWindow(windowStart, OptionalLong.of(p.receivedNs()), windowLost, end));
                windowLost = 0;
                recovery = p;
            }
        }
        if (windowLost > 0) {
            windows.add(new LossWindow(windowStart, OptionalLong.empty(), windowLost, end));
        }
        Outcome outcome;
        if (sentBefore > 0 && !workedBefore) {
            outcome = Outcome.NEVER_WORKED;
        } else if (lost == 0) {
            outcome = Outcome.NO_LOSS;
        } else if (windowLost == 0) {
            outcome = Outcome.RECOVERED;
        } else {
            outcome = closed ? Outcome.NOT_RECOVERED_BY_END_OF_RUN : Outcome.NOT_RECOVERED_BEFORE_NEXT_ACTION;
        }
        OptionalLong recoveryNs = OptionalLong.empty();
        OptionalLong zeroLoss = OptionalLong.empty();
        if (outcome == Outcome.NO_LOSS) {
            recoveryNs = OptionalLong.of(0);
            zeroLoss = OptionalLong.of(0);
        } else if (outcome == Outcome.RECOVERED) {
            recoveryNs = OptionalLong.of(recovery.receivedNs() - start);
            zeroLoss = OptionalLong.of(recovery.sentNs() - start);
        }
        return new ActionResult(action.label(), start, flow, outcome, sent, lost, inFlight, windows, recoveryNs, zeroLoss,
                end, next, cp);
    }

    private static ControlPlane controlPlane(long start, long end, boolean closed, List<FibChange> fibChanges,
                                             List<StateChange> states) {
        TreeMap<String, Long> lastByRouter = new TreeMap<>();
        long lastAny = Long.MIN_VALUE;
        for (FibChange c : fibChanges) {
            if (inWindow(c.timeNs(), start, end, closed)) {
                lastByRouter.merge(c.router(), c.timeNs() - start, Math::max);
                lastAny = Math.max(lastAny, c.timeNs() - start);
            }
        }
        List<StateChange> inside = new ArrayList<>();
        for (StateChange s : states) {
            if (inWindow(s.timeNs(), start, end, closed)) {
                inside.add(s);
            }
        }
        OptionalLong last = lastAny == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(lastAny);
        return new ControlPlane(last, lastByRouter, inside);
    }
}
