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
 * Definitions of every figure are in {@link ConvergenceAnalyzer}.
 *
 * <ul>
 *   <li>{@code probes.csv}: {@code flow,seq,sent_s,received_s,status}, in the order given;
 *       status is {@code delivered}, {@code lost} or {@code in-flight}</li>
 *   <li>{@code convergence.csv}: {@code variant,action,at_s,flow,outcome,loss_windows,
 *       longest_loss_window_s,time_without_delivery_s,recovery_s,zero_loss_s,outage_at_least_s,
 *       lost,in_flight,control_plane_s} — one row per variant, action and flow</li>
 *   <li>{@code comparison.csv}: {@code variant,action,at_s,outcome,longest_loss_window_s,
 *       time_without_delivery_s,recovery_s,outage_at_least_s,lost_probes,in_flight_probes,
 *       flows_never_worked,control_plane_s} — one row per variant and action, worst flow (flows
 *       that never worked left out of the figures)</li>
 *   <li>{@code sweep.csv}: {@code variant,action,trials,min_s,median_s,p95_s,max_s,not_recovered} —
 *       nearest-rank statistics of the worst flow's longest loss window, see {@link OutageStatistics}</li>
 * </ul>
 * {@code outcome} is one of {@code no-loss}, {@code recovered}, {@code not-recovered-before-next-action},
 * {@code not-recovered-by-end-of-run}, {@code never-worked}, {@code not-run}.
 */
public final class Tables {

    private Tables() {
    }

    public static String probes(List<ProbeRecord> probes, long runEndNs) {
        boolean[] inFlight = ConvergenceAnalyzer.inFlightFlags(probes, runEndNs);
        CsvWriter csv = new CsvWriter("flow", "seq", "sent_s", "received_s", "status");
        for (int i = 0; i < probes.size(); i++) {
            ProbeRecord p = probes.get(i);
            csv.row(p.flow(), Long.toString(p.seq()), Seconds.format(p.sentNs()),
                    p.delivered() ? Seconds.format(p.receivedNs()) : "",
                    p.delivered() ? "delivered" : inFlight[i] ? "in-flight" : "lost");
        }
        return csv.toCsv();
    }

    public static String convergence(List<VariantResult> variants) {
        CsvWriter csv = new CsvWriter("variant", "action", "at_s", "flow", "outcome", "loss_windows",
                "longest_loss_window_s", "time_without_delivery_s", "recovery_s", "zero_loss_s", "outage_at_least_s",
                "lost", "in_flight", "control_plane_s");
        for (VariantResult v : variants) {
            for (ActionResult r : v.actions()) {
                csv.row(v.name(), r.action(), Seconds.format(r.atNs()), r.flow(), r.outcome().code(),
                        Integer.toString(r.lossWindows().size()), opt(r.longestLossWindowNs()),
                        opt(r.timeWithoutDeliveryNs()), opt(r.recoveryNs()), opt(r.timeToZeroLossNs()),
                        opt(r.outageAtLeastNs()), Integer.toString(r.lostProbes()), Integer.toString(r.inFlightProbes()),
                        opt(r.controlPlane().lastFibChangeNs()));
            }
        }
        return csv.toCsv();
    }

    public static String comparison(List<VariantResult> variants) {
        CsvWriter csv = new CsvWriter("variant", "action", "at_s", "outcome", "longest_loss_window_s",
                "time_without_delivery_s", "recovery_s", "outage_at_least_s", "lost_probes", "in_flight_probes",
                "flows_never_worked", "control_plane_s");
        for (VariantResult v : variants) {
            for (ActionSummary s : ConvergenceAnalyzer.summarize(v.actions())) {
                csv.row(v.name(), s.action(), Seconds.format(s.atNs()), s.outcome().code(), opt(s.longestLossWindowNs()),
                        opt(s.timeWithoutDeliveryNs()), opt(s.recoveryNs()), opt(s.outageAtLeastNs()),
                        Long.toString(s.lostProbes()), Long.toString(s.inFlightProbes()),
                        Integer.toString(s.flowsNeverWorked()), opt(s.controlPlaneNs()));
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
