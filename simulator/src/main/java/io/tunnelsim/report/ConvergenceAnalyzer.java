package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.ControlPlane;
import io.tunnelsim.report.model.FibChange;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.StateChange;
import io.tunnelsim.report.model.TimelineAction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Turns probe records, timeline actions and control-plane events into per-action convergence
 * figures. Pure computation: no simulation, no I/O.
 *
 * <h2>Definitions</h2>
 * Let the actions be at times T<sub>1</sub> ≤ T<sub>2</sub> ≤ … and let the run end at E.
 * <ul>
 *   <li><b>Window</b> of action i: the half-open interval [T<sub>i</sub>, T<sub>i+1</sub>)
 *       (or [T<sub>i</sub>, E] for the last action). A probe belongs to the window when its
 *       <em>send</em> time falls inside it; a probe sent exactly at T<sub>i</sub> counts, because
 *       it may already meet the changed network. Loss before T<sub>i</sub> is never counted.</li>
 *   <li><b>Lost</b>: the number of probes of the flow in the window that were never received.</li>
 *   <li><b>Recovery probe</b> D: the first delivered probe (in sequence order) after the last lost
 *       probe of the window. If the window has no loss, there is no recovery probe and the flow
 *       is recovered with outage 0.</li>
 *   <li><b>Never recovered</b>: the window has loss and no delivered probe follows the last lost
 *       one, i.e. the flow is still losing when the window ends (the run ends or the next
 *       action happens). Outage and time to zero loss are then absent, never a number.</li>
 *   <li><b>Outage</b> = receive time of D − T<sub>i</sub>: from the action until traffic is seen
 *       flowing again for good. 0 without loss.</li>
 *   <li><b>Time to zero loss</b> = send time of D − T<sub>i</sub>: from the action to the first
 *       probe from which every later probe in the window was delivered. 0 without loss. It
 *       differs from the outage by D's one-way delay.</li>
 *   <li><b>Control plane</b>: the last FIB change in the window, network-wide and per router,
 *       as a time after T<sub>i</sub> (changes at T<sub>i</sub> itself count), and the tunnel or
 *       adjacency state changes in the window.</li>
 * </ul>
 * Intermittent loss (lost, delivered, lost, delivered) counts every lost probe and measures the
 * outage to the delivery after the <em>last</em> loss: a flapping path has not converged until
 * it stops flapping.
 *
 * <p>Simplifications: the window ends at the next action even when that action leaves the
 * flow untouched, so an outage that straddles two actions is reported as "never recovered"
 * for the first action. Probes of a flow are ordered by send time, then sequence number.
 */
public final class ConvergenceAnalyzer {

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
        Map<String, List<ProbeRecord>> byFlow = new TreeMap<>();
        for (ProbeRecord p : probes) {
            byFlow.computeIfAbsent(p.flow(), f -> new ArrayList<>()).add(p);
        }
        Comparator<ProbeRecord> order = Comparator.comparingLong(ProbeRecord::sentNs).thenComparingLong(ProbeRecord::seq);
        byFlow.values().forEach(list -> list.sort(order));
        List<StateChange> states = new ArrayList<>(stateChanges);
        states.sort(Comparator.comparingLong(StateChange::timeNs));

        List<ActionResult> results = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            TimelineAction action = actions.get(i);
            long start = action.atNs();
            boolean last = i + 1 == actions.size();
            long end = last ? runEndNs : actions.get(i + 1).atNs();
            ControlPlane cp = controlPlane(start, end, last, fibChanges, states);
            for (var entry : byFlow.entrySet()) {
                results.add(flowResult(action, entry.getKey(), entry.getValue(), start, end, last, cp));
            }
        }
        return List.copyOf(results);
    }

    /**
     * Folds per-flow results into one summary per action, in first-seen action order: worst
     * outage over the flows (absent when any flow never recovered), lost probes summed, and the
     * network-wide last FIB change.
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
            long worst = 0;
            long lost = 0;
            for (ActionResult r : rs) {
                lost += r.lostProbes();
                if (r.recovered()) {
                    worst = Math.max(worst, r.outageNs().getAsLong());
                } else {
                    notRecovered++;
                }
            }
            ActionResult first = rs.get(0);
            out.add(new ActionSummary(entry.getKey(), first.atNs(), rs.size(), notRecovered,
                    notRecovered == 0 ? OptionalLong.of(worst) : OptionalLong.empty(), lost,
                    first.controlPlane().lastFibChangeNs()));
        }
        return List.copyOf(out);
    }

    private static boolean inWindow(long t, long start, long end, boolean closed) {
        return t >= start && (closed ? t <= end : t < end);
    }

    private static ActionResult flowResult(TimelineAction action, String flow, List<ProbeRecord> sorted,
                                           long start, long end, boolean closed, ControlPlane cp) {
        int sent = 0;
        int lost = 0;
        ProbeRecord recovery = null;
        boolean lossPending = false;
        for (ProbeRecord p : sorted) {
            if (!inWindow(p.sentNs(), start, end, closed)) {
                continue;
            }
            sent++;
            if (!p.delivered()) {
                lost++;
                lossPending = true;
                recovery = null;
            } else if (lossPending) {
                lossPending = false;
                recovery = p;
            }
        }
        OptionalLong outage;
        OptionalLong zeroLoss;
        if (lost == 0) {
            outage = OptionalLong.of(0);
            zeroLoss = OptionalLong.of(0);
        } else if (recovery == null) {
            outage = OptionalLong.empty();
            zeroLoss = OptionalLong.empty();
        } else {
            outage = OptionalLong.of(recovery.receivedNs() - start);
            zeroLoss = OptionalLong.of(recovery.sentNs() - start);
        }
        return new ActionResult(action.label(), start, flow, sent, lost, outage, zeroLoss, cp);
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
