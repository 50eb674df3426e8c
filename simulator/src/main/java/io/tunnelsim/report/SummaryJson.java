package io.tunnelsim.report;

import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.Detection;
import io.tunnelsim.report.model.DropCount;
import io.tunnelsim.report.model.OutageCause;
import io.tunnelsim.report.model.RouteChange;
import io.tunnelsim.report.model.FlowStartup;
import io.tunnelsim.report.model.LossWindow;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.ScenarioInfo;
import io.tunnelsim.report.model.StateChange;
import io.tunnelsim.report.model.SweepResult;
import io.tunnelsim.report.model.TimelineAction;
import io.tunnelsim.report.model.VariantResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@code summary.json} document. Times are seconds with nine decimals (JSON numbers); a
 * value that does not exist (loss window of a flow that never recovered, no FIB change) is
 * {@code null} and comes with an explicit {@code "outcome"}. Definitions of every figure are in
 * {@link ConvergenceAnalyzer}.
 *
 * <pre>
 * {
 *   "format": "tunnelsim-summary",
 *   "format_version": 2,
 *   "tool": "tunnelsim 0.1.0",
 *   "kind": "run" | "comparison" | "sweep",
 *   "scenario": { "name", "description", "seed", "duration_s", "probe_interval_s",
 *                 "actions": [ { "label", "kind", "at_s" } ] },
 *   "variants": [ { "name", "end_s", "events_executed", "probes_sent", "probes_lost", "probes_in_flight",
 *                   "flows_never_worked": [ flow names ],
 *                   "startup": [ { "flow", "probes_sent", "lost", "first_delivered_s", "never_worked" } ],
 *                   "counters": { },
 *                   "actions": [ { "action", "at_s", "outcome", "recovered", "longest_loss_window_s",
 *                                  "time_without_delivery_s", "recovery_s", "outage_at_least_s",
 *                                  "lost_probes", "in_flight_probes", "flows_never_worked",
 *                                  "window_end_s", "next_action", "control_plane_s",
 *                                  "last_fib_change_by_router_s": { },
 *                                  "state_changes": [ { "t_s", "node", "what", "state" } ],
 *                                  "flows": [ { "flow", "outcome", "probes_sent", "lost", "in_flight",
 *                                               "recovered", "longest_loss_window_s",
 *                                               "time_without_delivery_s", "recovery_s", "zero_loss_s",
 *                                               "outage_at_least_s",
 *                                               "loss_windows": [ { "start_s", "end_s", "duration_s",
 *                                                                   "open", "lost" } ],
 *                                               "causes": null | { "path": [ node names ],
 *                                                   "detection": null | { "t_s", "after_action_s", "node",
 *                                                                "kind", "subject", "detail", "text" },
 *                                                   "fib_changes": [ { "t_s", "after_action_s", "node",
 *                                                                      "prefix", "from", "to" } ],
 *                                                   "first_delivered": null | { "seq", "sent_s", "received_s" },
 *                                                   "lost", "in_flight",
 *                                                   "drops": [ { "reason", "where", "on_link", "interface",
 *                                                                "count" } ],
 *                                                   "summary" } } ] } ] } ],
 *   "sweep": [ { "variant", "measure", "actions": [ { "action", "trials", "not_recovered", "min_s",
 *                "median_s", "p95_s", "max_s", "samples": [ { "seed", "outage_s" } ] } ] } ]
 * }
 * </pre>
 * {@code variants} is absent for a sweep, {@code sweep} for a run or a comparison. For an open
 * loss window {@code end_s} is null and {@code duration_s} is the lower bound up to the end of
 * the action's window. A sweep's samples are the worst flow's longest loss window. {@code causes}
 * is the flow's causal chain for the action ({@link CauseAnalyzer}), null when the flow lost no
 * probe (or never worked, or the action did not run); its {@code drops} counts sum to {@code lost}.
 */
public final class SummaryJson {

    private SummaryJson() {
    }

    public static String run(ScenarioInfo scenario, VariantResult variant) {
        return document("run", scenario, List.of(variant), null);
    }

    /**
     * A live run (docs/live.md): as {@link #run(ScenarioInfo, VariantResult)} plus
     * {@code "deterministic": false} and {@code "live": { "segments": {link: tap}, "max_lag_s",
     * "mean_lag_s", "lag_limit_s", "lag_warnings", "frames_in": {link: n}, "frames_out": {link: n} }}
     * after {@code kind}. Normal runs have neither member (they are deterministic).
     */
    public static String run(ScenarioInfo scenario, VariantResult variant, io.tunnelsim.live.LiveStats live) {
        JsonWriter w = new JsonWriter().beginObject();
        w.member("format", "tunnelsim-summary").member("format_version", 1)
                .member("tool", "tunnelsim " + io.tunnelsim.sim.ToolVersion.get()).member("kind", "run");
        w.member("deterministic", false);
        w.name("live").beginObject();
        w.name("segments").beginObject();
        live.segments().forEach(w::member);
        w.endObject();
        w.name("max_lag_s").seconds(live.maxLagNs());
        w.name("mean_lag_s").seconds(live.meanLagNs());
        if (live.lagLimitNs() > 0) {
            w.name("lag_limit_s").seconds(live.lagLimitNs());
        } else {
            w.name("lag_limit_s").nullValue();
        }
        w.member("lag_warnings", live.lagWarnings());
        w.name("frames_in").beginObject();
        live.framesIn().forEach((k, n) -> w.member(k, n));
        w.endObject();
        w.name("frames_out").beginObject();
        live.framesOut().forEach((k, n) -> w.member(k, n));
        w.endObject();
        w.endObject();
        scenario(w, scenario);
        w.name("variants").beginArray();
        variant(w, variant);
        w.endArray();
        return w.endObject().toJson();
    }

    public static String comparison(ScenarioInfo scenario, List<VariantResult> variants) {
        return document("comparison", scenario, variants, null);
    }

    public static String sweep(ScenarioInfo scenario, SweepResult sweep) {
        return document("sweep", scenario, null, sweep);
    }

    private static String document(String kind, ScenarioInfo scenario, List<VariantResult> variants,
                                   SweepResult sweep) {
        JsonWriter w = new JsonWriter().beginObject();
        w.member("format", "tunnelsim-summary").member("format_version", 2)
                .member("tool", "tunnelsim " + io.tunnelsim.sim.ToolVersion.get()).member("kind", kind);
        scenario(w, scenario);
        if (variants != null) {
            w.name("variants").beginArray();
            for (VariantResult v : variants) {
                variant(w, v);
            }
            w.endArray();
        }
        if (sweep != null) {
            sweep(w, sweep);
        }
        return w.endObject().toJson();
    }

    private static void scenario(JsonWriter w, ScenarioInfo s) {
        w.name("scenario").beginObject()
                .member("name", s.name())
                .member("description", s.description())
                .member("seed", s.seed());
        w.name("duration_s").seconds(s.durationNs());
        w.name("probe_interval_s").seconds(s.probeIntervalNs());
        w.name("actions").beginArray();
        for (TimelineAction a : s.actions()) {
            w.beginObject().member("label", a.label()).member("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
            w.name("at_s").seconds(a.atNs());
            w.endObject();
        }
        w.endArray().endObject();
    }

    private static void variant(JsonWriter w, VariantResult v) {
        long lost = 0;
        long inFlight = 0;
        boolean[] flight = ConvergenceAnalyzer.inFlightFlags(v.probes(), v.endNs());
        for (int i = 0; i < flight.length; i++) {
            if (flight[i]) {
                inFlight++;
            } else if (!v.probes().get(i).delivered()) {
                lost++;
            }
        }
        w.beginObject().member("name", v.name());
        w.name("end_s").seconds(v.endNs());
        w.member("events_executed", v.eventsExecuted())
                .member("probes_sent", v.probes().size()).member("probes_lost", lost).member("probes_in_flight", inFlight);
        w.name("flows_never_worked").beginArray();
        for (String f : v.flowsNeverWorked()) {
            w.value(f);
        }
        w.endArray();
        w.name("startup").beginArray();
        for (FlowStartup f : v.startup()) {
            w.beginObject().member("flow", f.flow()).member("probes_sent", f.probesSent()).member("lost", f.lostProbes());
            optSeconds(w.name("first_delivered_s"), f.firstDeliveredNs());
            w.member("never_worked", f.neverWorked()).endObject();
        }
        w.endArray();
        w.name("counters").beginObject();
        for (Map.Entry<String, Long> c : v.counters().entrySet()) {
            w.member(c.getKey(), c.getValue());
        }
        w.endObject();
        w.name("actions").beginArray();
        List<ActionSummary> summaries = ConvergenceAnalyzer.summarize(v.actions());
        for (ActionSummary s : summaries) {
            List<ActionResult> flows = new ArrayList<>();
            for (ActionResult r : v.actions()) {
                if (r.action().equals(s.action())) {
                    flows.add(r);
                }
            }
            ActionResult first = flows.get(0);
            w.beginObject().member("action", s.action());
            w.name("at_s").seconds(s.atNs());
            w.member("outcome", s.outcome().code()).member("recovered", s.recovered());
            optSeconds(w.name("longest_loss_window_s"), s.longestLossWindowNs());
            optSeconds(w.name("time_without_delivery_s"), s.timeWithoutDeliveryNs());
            optSeconds(w.name("recovery_s"), s.recoveryNs());
            optSeconds(w.name("outage_at_least_s"), s.outageAtLeastNs());
            w.member("lost_probes", s.lostProbes()).member("in_flight_probes", s.inFlightProbes())
                    .member("flows_never_worked", s.flowsNeverWorked());
            w.name("window_end_s").seconds(s.windowEndNs());
            w.name("next_action");
            if (s.nextAction().isPresent()) {
                w.value(s.nextAction().get());
            } else {
                w.nullValue();
            }
            optSeconds(w.name("control_plane_s"), s.controlPlaneNs());
            w.name("last_fib_change_by_router_s").beginObject();
            for (Map.Entry<String, Long> e : first.controlPlane().lastFibChangeByRouterNs().entrySet()) {
                w.name(e.getKey()).seconds(e.getValue());
            }
            w.endObject();
            w.name("state_changes").beginArray();
            for (StateChange c : first.controlPlane().stateChanges()) {
                w.beginObject();
                w.name("t_s").seconds(c.timeNs());
                w.member("node", c.node()).member("what", c.what()).member("state", c.state()).endObject();
            }
            w.endArray();
            w.name("flows").beginArray();
            for (ActionResult r : flows) {
                w.beginObject().member("flow", r.flow()).member("outcome", r.outcome().code())
                        .member("probes_sent", r.probesSent()).member("lost", r.lostProbes())
                        .member("in_flight", r.inFlightProbes()).member("recovered", r.recovered());
                optSeconds(w.name("longest_loss_window_s"), r.longestLossWindowNs());
                optSeconds(w.name("time_without_delivery_s"), r.timeWithoutDeliveryNs());
                optSeconds(w.name("recovery_s"), r.recoveryNs());
                optSeconds(w.name("zero_loss_s"), r.timeToZeroLossNs());
                optSeconds(w.name("outage_at_least_s"), r.outageAtLeastNs());
                w.name("loss_windows").beginArray();
                for (LossWindow lw : r.lossWindows()) {
                    w.beginObject();
                    w.name("start_s").seconds(lw.startNs());
                    optSeconds(w.name("end_s"), lw.endNs());
                    w.name("duration_s").seconds(lw.durationNs());
                    w.member("open", lw.open()).member("lost", lw.lost()).endObject();
                }
                w.endArray();
                causes(w.name("causes"), r);
                w.endObject();
            }
            w.endArray().endObject();
        }
        w.endArray().endObject();
    }

    private static void causes(JsonWriter w, ActionResult r) {
        if (r.cause().isEmpty()) {
            w.nullValue();
            return;
        }
        OutageCause c = r.cause().get();
        w.beginObject();
        w.name("path").beginArray();
        for (String n : c.path()) {
            w.value(n);
        }
        w.endArray();
        w.name("detection");
        if (c.detection().isPresent()) {
            Detection d = c.detection().get();
            w.beginObject();
            w.name("t_s").seconds(d.timeNs());
            w.name("after_action_s").seconds(d.timeNs() - r.atNs());
            w.member("node", d.node()).member("kind", d.kind().code()).member("subject", d.subject())
                    .member("detail", d.detail()).member("text", d.describe()).endObject();
        } else {
            w.nullValue();
        }
        w.name("fib_changes").beginArray();
        for (RouteChange f : c.fibChanges()) {
            w.beginObject();
            w.name("t_s").seconds(f.timeNs());
            w.name("after_action_s").seconds(f.timeNs() - r.atNs());
            w.member("node", f.node()).member("prefix", f.prefix()).member("from", f.from()).member("to", f.to()).endObject();
        }
        w.endArray();
        w.name("first_delivered");
        if (c.firstDelivered().isPresent()) {
            ProbeRecord p = c.firstDelivered().get();
            w.beginObject().member("seq", p.seq());
            w.name("sent_s").seconds(p.sentNs());
            w.name("received_s").seconds(p.receivedNs());
            w.endObject();
        } else {
            w.nullValue();
        }
        w.member("lost", c.lost()).member("in_flight", c.inFlight());
        w.name("drops").beginArray();
        for (DropCount d : c.drops()) {
            w.beginObject().member("reason", d.reason()).member("where", d.where()).member("on_link", d.onLink())
                    .member("interface", d.iface()).member("count", d.count()).endObject();
        }
        w.endArray();
        w.member("summary", c.lost() + " lost: " + c.dropSummary());
        w.endObject();
    }

    private static void sweep(JsonWriter w, SweepResult sweep) {
        w.name("sweep").beginArray();
        for (var byVariant : sweep.samples().entrySet()) {
            w.beginObject().member("variant", byVariant.getKey()).member("measure", "longest loss window of the worst flow");
            w.name("actions").beginArray();
            for (Map.Entry<String, List<OutageSample>> byAction : byVariant.getValue().entrySet()) {
                OutageStatistics st = OutageStatistics.of(byAction.getValue());
                w.beginObject().member("action", byAction.getKey()).member("trials", st.trials())
                        .member("not_recovered", st.notRecovered());
                optSeconds(w.name("min_s"), st.minNs());
                optSeconds(w.name("median_s"), st.medianNs());
                optSeconds(w.name("p95_s"), st.p95Ns());
                optSeconds(w.name("max_s"), st.maxNs());
                w.name("samples").beginArray();
                for (OutageSample s : byAction.getValue()) {
                    w.beginObject().member("seed", s.seed());
                    optSeconds(w.name("outage_s"), s.outageNs());
                    w.endObject();
                }
                w.endArray().endObject();
            }
            w.endArray().endObject();
        }
        w.endArray();
    }

    private static void optSeconds(JsonWriter w, OptionalLong v) {
        if (v.isPresent()) {
            w.seconds(v.getAsLong());
        } else {
            w.nullValue();
        }
    }
}
