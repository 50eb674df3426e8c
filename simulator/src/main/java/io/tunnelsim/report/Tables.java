package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.SweepResult;
import io.tunnelsim.report.model.VariantResult;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The CSV tables of the output contract. Times are seconds with nine decimals; an absent value
 * (a lost probe's receive time, an outage that never ended) is an empty field, never a number.
 *
 * <ul>
 *   <li>{@code probes.csv}: {@code flow,seq,sent_s,received_s}, in the order given</li>
 *   <li>{@code convergence.csv}: {@code variant,action,at_s,flow,outage_s,lost,zero_loss_s,recovered,
 *       control_plane_s} — one row per variant, action and flow</li>
 *   <li>{@code comparison.csv}: {@code variant,action,outage_s,lost_probes,control_plane_s,recovered} —
 *       one row per variant and action: worst flow's outage, lost probes of all flows, last FIB
 *       change anywhere; {@code recovered} is {@code false} when any flow never recovered</li>
 *   <li>{@code sweep.csv}: {@code variant,action,trials,min_s,median_s,p95_s,max_s,not_recovered} —
 *       nearest-rank statistics, see {@link OutageStatistics}</li>
 * </ul>
 */
public final class Tables {

    private Tables() {
    }

    public static String probes(List<ProbeRecord> probes) {
        CsvWriter csv = new CsvWriter("flow", "seq", "sent_s", "received_s");
        for (ProbeRecord p : probes) {
            csv.row(p.flow(), Long.toString(p.seq()), Seconds.format(p.sentNs()),
                    p.delivered() ? Seconds.format(p.receivedNs()) : "");
        }
        return csv.toCsv();
    }

    public static String convergence(List<VariantResult> variants) {
        CsvWriter csv = new CsvWriter("variant", "action", "at_s", "flow", "outage_s", "lost", "zero_loss_s",
                "recovered", "control_plane_s");
        for (VariantResult v : variants) {
            for (ActionResult r : v.actions()) {
                csv.row(v.name(), r.action(), Seconds.format(r.atNs()), r.flow(), opt(r.outageNs()),
                        Integer.toString(r.lostProbes()), opt(r.timeToZeroLossNs()), Boolean.toString(r.recovered()),
                        opt(r.controlPlane().lastFibChangeNs()));
            }
        }
        return csv.toCsv();
    }

    public static String comparison(List<VariantResult> variants) {
        CsvWriter csv = new CsvWriter("variant", "action", "outage_s", "lost_probes", "control_plane_s", "recovered");
        for (VariantResult v : variants) {
            for (ActionSummary s : ConvergenceAnalyzer.summarize(v.actions())) {
                csv.row(v.name(), s.action(), opt(s.worstOutageNs()), Long.toString(s.lostProbes()),
                        opt(s.controlPlaneNs()), Boolean.toString(s.recovered()));
            }
        }
        return csv.toCsv();
    }

    public static String sweep(SweepResult sweep) {
        CsvWriter csv = new CsvWriter("variant", "action", "trials", "min_s", "median_s", "p95_s", "max_s",
                "not_recovered");
        for (var byVariant : sweep.samples().entrySet()) {
            for (Map.Entry<String, List<OutageSample>> byAction : byVariant.getValue().entrySet()) {
                OutageStatistics st = OutageStatistics.of(byAction.getValue());
                csv.row(byVariant.getKey(), byAction.getKey(), Integer.toString(st.trials()), opt(st.minNs()),
                        opt(st.medianNs()), opt(st.p95Ns()), opt(st.maxNs()), Integer.toString(st.notRecovered()));
            }
        }
        return csv.toCsv();
    }

    static String opt(OptionalLong v) {
        return v.isPresent() ? Seconds.format(v.getAsLong()) : "";
    }
}
