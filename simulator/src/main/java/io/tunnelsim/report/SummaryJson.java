package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
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
 * value that does not exist (outage of a flow that never recovered, no FIB change) is
 * {@code null} and comes with an explicit {@code "recovered": false}.
 *
 * <pre>
 * {
 *   "format": "tunnelsim-summary",
 *   "format_version": 1,
 *   "tool": "tunnelsim 0.1.0",
 *   "kind": "run" | "comparison" | "sweep",
 *   "scenario": { "name", "description", "seed", "duration_s", "probe_interval_s",
 *                 "actions": [ { "label", "kind", "at_s" } ] },
 *   "variants": [ { "name", "events_executed", "probes_sent", "probes_lost", "counters": { },
 *                   "actions": [ { "action", "at_s", "recovered", "worst_outage_s", "lost_probes",
 *                                  "control_plane_s", "last_fib_change_by_router_s": { },
 *                                  "state_changes": [ { "t_s", "node", "what", "state" } ],
 *                                  "flows": [ { "flow", "probes_sent", "lost", "recovered",
 *                                               "outage_s", "zero_loss_s" } ] } ] } ],
 *   "sweep": [ { "variant", "actions": [ { "action", "trials", "not_recovered", "min_s",
 *                "median_s", "p95_s", "max_s", "samples": [ { "seed", "outage_s" } ] } ] } ]
 * }
 * </pre>
 * {@code variants} is absent for a sweep, {@code sweep} for a run or a comparison.
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
        w.member("format", "tunnelsim-summary").member("format_version", 1)
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
        for (ProbeRecord p : v.probes()) {
            if (!p.delivered()) {
                lost++;
            }
        }
        w.beginObject().member("name", v.name()).member("events_executed", v.eventsExecuted())
                .member("probes_sent", v.probes().size()).member("probes_lost", lost);
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
            w.member("recovered", s.recovered());
            optSeconds(w.name("worst_outage_s"), s.worstOutageNs());
            w.member("lost_probes", s.lostProbes());
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
                w.beginObject().member("flow", r.flow()).member("probes_sent", r.probesSent())
                        .member("lost", r.lostProbes()).member("recovered", r.recovered());
                optSeconds(w.name("outage_s"), r.outageNs());
                optSeconds(w.name("zero_loss_s"), r.timeToZeroLossNs());
                w.endObject();
            }
            w.endArray().endObject();
        }
        w.endArray().endObject();
    }

    private static void sweep(JsonWriter w, SweepResult sweep) {
        w.name("sweep").beginArray();
        for (var byVariant : sweep.samples().entrySet()) {
            w.beginObject().member("variant", byVariant.getKey());
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
