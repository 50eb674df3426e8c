package io.tunnelsim.report;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.CauseEvidence;
import io.tunnelsim.report.model.Detection;
import io.tunnelsim.report.model.DropCount;
import io.tunnelsim.report.model.FlowTrace;
import io.tunnelsim.report.model.Outcome;
import io.tunnelsim.report.model.OutageCause;
import io.tunnelsim.report.model.ProbeLoss;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.RouteChange;
import io.tunnelsim.report.model.TimelineAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Explains each outage: for every (action, flow) result with lost probes, the causal chain from
 * the action to the first delivered probe ({@link OutageCause}). Pure computation over the
 * evidence a run gathered from the network's typed events ({@link CauseEvidence}); no log text
 * is read.
 *
 * <h2>Definitions</h2>
 * Let the action be at T, its window [T, W) as in {@link ConvergenceAnalyzer} (closed at the end
 * of the run), and the flow's probes be ordered by send time.
 * <ul>
 *   <li><b>Lost probes</b> and <b>in flight</b>: exactly as {@link ConvergenceAnalyzer} counts
 *       them. A probe still in flight when the run ended is never a drop.</li>
 *   <li><b>Recovery probe</b> D: the first probe delivered after the window's last lost probe;
 *       absent when the flow had not recovered. <b>Horizon</b> H: D's receive time, else the
 *       window's end W (events at W itself belong to the next action, unless the window is the
 *       run's last).</li>
 *   <li><b>The flow's path</b>: the nodes reached by the last probe delivered before T (probe and
 *       echo reply), the nodes reached by D, the nodes that dropped the window's lost probes, and
 *       the flow's source. Links that lost probes are places of drops, not path nodes. This is
 *       the path that worked before, the path that works after, and where the traffic died in
 *       between.</li>
 *   <li><b>Detection</b>: the earliest event on a path node in [T, H] of the right direction
 *       (something going down after a failure, coming up after a restoration). At equal times
 *       a mechanism (keepalives exhausted, dead timer, BFD, track, RIP timeout, carrier) is
 *       preferred to a bare consequence (line protocol down, adjacency down). An event about one
 *       route (a RIP route timeout) counts only when its prefix holds the flow's source or
 *       destination.</li>
 *   <li><b>FIB changes</b>: changes in [T, H] on path nodes of prefixes that hold the flow's
 *       source or destination address, in time order.</li>
 *   <li><b>Drops</b>: each lost probe is counted once, under its first drop event (place,
 *       interface, reason); a lost probe no drop event names counts as
 *       {@value DropCount#NO_DROP_SEEN}. Groups are sorted by count, most first.</li>
 * </ul>
 * A flow that lost no probe, never worked, or whose action did not run has no chain.
 *
 * <p>Simplifications: the path is a set of nodes, not an ordered hop list, and it is not
 * followed probe by probe between T and H; a FIB change of the outer (underlay) route to a
 * tunnel's far end is not on the list unless its prefix also holds a flow address.
 */
public final class CauseAnalyzer {

    private CauseAnalyzer() {
    }

    /**
     * Returns {@code results} with their chains attached (same order).
     *
     * @param results  output of {@link ConvergenceAnalyzer#analyze}
     * @param actions  the timeline, in time order (for each action's kind)
     * @param probes   every probe of the run
     * @param runEndNs end of the run
     * @param evidence what the run gathered
     */
    public static List<ActionResult> explain(List<ActionResult> results, List<TimelineAction> actions,
                                             List<ProbeRecord> probes, long runEndNs, CauseEvidence evidence) {
        Map<String, ActionKind> kinds = new HashMap<>();
        for (TimelineAction a : actions) {
            kinds.putIfAbsent(a.label(), a.kind());
        }
        Map<String, List<ProbeRecord>> byFlow = new LinkedHashMap<>();
        for (ProbeRecord p : probes) {
            byFlow.computeIfAbsent(p.flow(), f -> new ArrayList<>()).add(p);
        }
        Comparator<ProbeRecord> order = Comparator.comparingLong(ProbeRecord::sentNs).thenComparingLong(ProbeRecord::seq);
        Map<String, boolean[]> inFlight = new HashMap<>();
        for (var e : byFlow.entrySet()) {
            e.getValue().sort(order);
            inFlight.put(e.getKey(), ConvergenceAnalyzer.inFlightFlags(e.getValue(), runEndNs));
        }
        Map<String, FlowTrace> traces = new HashMap<>();
        for (FlowTrace t : evidence.flows()) {
            traces.put(t.flow(), t);
        }
        Map<String, Map<Long, ProbeLoss>> drops = new HashMap<>();
        List<ProbeLoss> sortedDrops = new ArrayList<>(evidence.drops());
        sortedDrops.sort(Comparator.comparingLong(ProbeLoss::timeNs));
        for (ProbeLoss d : sortedDrops) {
            drops.computeIfAbsent(d.flow(), f -> new HashMap<>()).putIfAbsent(d.seq(), d);
        }
        List<ActionResult> out = new ArrayList<>(results.size());
        for (ActionResult r : results) {
            if (r.lostProbes() == 0 || r.outcome() == Outcome.NEVER_WORKED || r.outcome() == Outcome.NOT_RUN) {
                out.add(r);
                continue;
            }
            List<ProbeRecord> sorted = byFlow.getOrDefault(r.flow(), List.of());
            out.add(r.withCause(Optional.of(chain(r, kinds.getOrDefault(r.action(), ActionKind.FAILURE), sorted,
                    inFlight.getOrDefault(r.flow(), new boolean[0]), traces.get(r.flow()),
                    drops.getOrDefault(r.flow(), Map.of()), evidence))));
        }
        return List.copyOf(out);
    }

    private static boolean holdsAny(Ipv4Prefix prefix, List<Ipv4Address> addresses) {
        for (Ipv4Address a : addresses) {
            if (prefix.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static OutageCause chain(ActionResult r, ActionKind kind, List<ProbeRecord> sorted, boolean[] inFlight,
                                     FlowTrace trace, Map<Long, ProbeLoss> drops, CauseEvidence evidence) {
        long start = r.atNs();
        long end = r.windowEndNs();
        boolean closed = r.nextAction().isEmpty();
        ProbeRecord before = null;
        ProbeRecord recovery = null;
        List<ProbeRecord> lost = new ArrayList<>();
        int flying = 0;
        for (int i = 0; i < sorted.size(); i++) {
            ProbeRecord p = sorted.get(i);
            if (p.sentNs() < start) {
                if (p.delivered()) {
                    before = p;
                }
                continue;
            }
            if (p.sentNs() > end || (!closed && p.sentNs() == end)) {
                continue;
            }
            if (inFlight[i]) {
                flying++;
            } else if (!p.delivered()) {
                lost.add(p);
                recovery = null;
            } else if (recovery == null && !lost.isEmpty()) {
                recovery = p;
            }
        }
        // events at the end of an open window belong to the next action
        long horizon = recovery != null ? recovery.receivedNs() : closed ? end : end - 1;

        TreeSet<String> path = new TreeSet<>();
        if (trace != null) {
            path.add(trace.source());
            if (before != null) {
                path.addAll(trace.visited().getOrDefault(before.seq(), List.of()));
            }
            if (recovery != null) {
                path.addAll(trace.visited().getOrDefault(recovery.seq(), List.of()));
            }
        }
        Map<List<Object>, int[]> groups = new LinkedHashMap<>();
        for (ProbeRecord p : lost) {
            ProbeLoss d = drops.get(p.seq());
            List<Object> key = d == null ? List.of(DropCount.NO_DROP_SEEN, "", "", false)
                    : List.of(d.reason(), d.where(), d.iface(), d.onLink());
            if (d != null && !d.onLink()) {
                path.add(d.where());
            }
            groups.computeIfAbsent(key, k -> new int[1])[0]++;
        }
        List<DropCount> counts = new ArrayList<>();
        for (var g : groups.entrySet()) {
            List<Object> k = g.getKey();
            counts.add(new DropCount((String) k.get(0), (String) k.get(1), (String) k.get(2), (Boolean) k.get(3), g.getValue()[0]));
        }
        counts.sort(Comparator.comparingInt(DropCount::count).reversed().thenComparing(DropCount::reason)
                .thenComparing(DropCount::where).thenComparing(DropCount::iface));

        List<Ipv4Address> addresses = new ArrayList<>();
        if (trace != null) {
            for (String a : trace.addresses()) {
                addresses.add(Ipv4Address.parse(a));
            }
        }
        boolean wantDown = kind != ActionKind.RESTORATION;
        Detection detection = null;
        for (Detection d : evidence.detections()) {
            if (d.timeNs() < start || d.timeNs() > horizon || d.kind().isDown() != wantDown || !path.contains(d.node())) {
                continue;
            }
            if (!d.prefix().isEmpty() && !holdsAny(Ipv4Prefix.parse(d.prefix()), addresses)) {
                continue; // a route of another prefix
            }
            if (detection == null || d.timeNs() < detection.timeNs()
                    || (d.timeNs() == detection.timeNs() && d.kind().isCause() && !detection.kind().isCause())) {
                detection = d;
            }
        }

        List<RouteChange> fib = new ArrayList<>();
        // a large run changes each of a few thousand prefixes many times: parse and test each once
        Map<String, Boolean> holds = new HashMap<>();
        for (RouteChange c : evidence.routes()) {
            if (c.timeNs() >= start && c.timeNs() <= horizon && path.contains(c.node())
                    && holds.computeIfAbsent(c.prefix(), p -> holdsAny(Ipv4Prefix.parse(p), addresses))) {
                fib.add(c);
            }
        }
        fib.sort(Comparator.comparingLong(RouteChange::timeNs));
        return new OutageCause(List.copyOf(path), Optional.ofNullable(detection), fib, Optional.ofNullable(recovery),
                lost.size(), flying, counts);
    }
}
