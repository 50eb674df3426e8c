package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ComparisonReport;
import io.tunnelsim.report.model.FibChange;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.ScenarioInfo;
import io.tunnelsim.report.model.StateChange;
import io.tunnelsim.report.model.SweepReport;
import io.tunnelsim.report.model.SweepResult;
import io.tunnelsim.report.model.TimelineAction;
import io.tunnelsim.report.model.VariantResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic but plausible results for a dual-ISP hub-and-spoke failover: the primary provider
 * fails silently at 30 s and is restored at 80 s. Static routes with GRE keepalives (10 s × 3),
 * RIP (180 s timeout: does not recover before the restore) and OSPF (40 s dead interval).
 *
 * <p>{@code main(dir)} renders a full comparison and sweep for visual inspection.
 */
final class SampleData {

    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;
    static final long INTERVAL = 200 * MS;
    static final long DURATION = 120 * S;
    static final List<String> FLOWS = List.of("site-a->hq", "site-b->hq");

    private SampleData() {
    }

    static ScenarioInfo scenario() {
        return new ScenarioInfo("dual-isp-silent-failure",
                "Two spokes reach the hub over GRE tunnels through ISP A (primary) and ISP B (backup). "
                        + "ISP A silently drops all transit traffic at 30 s & comes back at 80 s.",
                42, DURATION, INTERVAL, List.of(
                        new TimelineAction("fail isp-a (silent)", 30 * S, ActionKind.FAILURE),
                        new TimelineAction("restore isp-a", 80 * S, ActionKind.RESTORATION)));
    }

    /** Probes for one variant: lost in [30 s, 30 s + outage) and in [80 s, 80 s + blip). */
    static List<ProbeRecord> probes(long outageNs, long blipNs, long phaseNs) {
        List<ProbeRecord> out = new ArrayList<>();
        for (int f = 0; f < FLOWS.size(); f++) {
            String flow = FLOWS.get(f);
            long seq = 0;
            for (long t = phaseNs + f * 50 * MS; t < DURATION; t += INTERVAL) {
                boolean lost = (t >= 30 * S && t < 30 * S + outageNs) || (t >= 80 * S && t < 80 * S + blipNs);
                out.add(lost ? ProbeRecord.lost(flow, seq, t) : new ProbeRecord(flow, seq, t, t + 12 * MS + f * MS));
                seq++;
            }
        }
        return out;
    }

    static VariantResult variant(String name, long outageNs, long blipNs, List<FibChange> fib,
                                 List<StateChange> states, List<String> events) {
        List<ProbeRecord> probes = probes(outageNs, blipNs, 0);
        List<ActionResult> results = ConvergenceAnalyzer.analyze(probes, scenario().actions(), DURATION, fib, states);
        Map<String, Long> counters = new TreeMap<>();
        counters.put("hq.drop.no_route", 3L);
        counters.put("isp-a.drop.silent_failure", probes.stream().filter(p -> !p.delivered()).count());
        return new VariantResult(name, results, probes, events, new TreeMap<>(counters), 123_456L + outageNs % 1000,
                ConvergenceAnalyzer.startup(probes, scenario().actions(), DURATION), DURATION);
    }

    static ComparisonReport comparison() {
        VariantResult stat = variant("static-keepalive", 31_400 * MS, 0,
                List.of(new FibChange(61_200 * MS, "site-a", "10.0.0.0/16 via Tunnel1"),
                        new FibChange(61_250 * MS, "site-b", "10.0.0.0/16 via Tunnel1"),
                        new FibChange(80_300 * MS, "site-a", "10.0.0.0/16 via Tunnel0")),
                List.of(new StateChange(61_200 * MS, "site-a", "Tunnel0", "down"),
                        new StateChange(80_300 * MS, "site-a", "Tunnel0", "up")),
                List.of("61.200000 site-a %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down",
                        "80.300000 site-a %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up"));
        VariantResult rip = variant("rip", 50_900 * MS, 0,
                List.of(new FibChange(80_900 * MS, "hq", "10.1.0.0/16 via Tunnel0")),
                List.of(),
                List.of("80.900000 hq RIP: route 10.1.0.0/16 via 172.16.0.2 metric 2 <installed>",
                        "note: a line with <html> & \"quotes\" is escaped"));
        VariantResult ospf = variant("ospf", 40_600 * MS, 400 * MS,
                List.of(new FibChange(70_100 * MS, "hq", "10.1.0.0/16 via Tunnel1"),
                        new FibChange(70_150 * MS, "site-a", "10.0.0.0/16 via Tunnel1"),
                        new FibChange(80_200 * MS, "hq", "10.1.0.0/16 via Tunnel0")),
                List.of(new StateChange(70_000 * MS, "hq", "OSPF nbr 2.2.2.2 on Tunnel0", "DOWN"),
                        new StateChange(80_150 * MS, "hq", "OSPF nbr 2.2.2.2 on Tunnel0", "FULL")),
                List.of("70.000000 hq %OSPF-5-ADJCHG: Process 1, Nbr 2.2.2.2 on Tunnel0 from FULL to DOWN, "
                                + "Neighbor Down: Dead timer expired",
                        "80.150000 hq %OSPF-5-ADJCHG: Process 1, Nbr 2.2.2.2 on Tunnel0 from LOADING to FULL, "
                                + "Loading Done"));
        return new ComparisonReport(scenario(), List.of(stat, rip, ospf));
    }

    static SweepReport sweep() {
        Random random = new Random(7);
        Map<String, Map<String, List<OutageSample>>> samples = new LinkedHashMap<>();
        String action = "fail isp-a (silent)";
        long[][] ranges = {{30_000, 41_000}, {150_000, 185_000}, {30_500, 41_500}};
        String[] names = {"static-keepalive", "rip", "ospf"};
        for (int v = 0; v < names.length; v++) {
            List<OutageSample> list = new ArrayList<>();
            for (int trial = 0; trial < 20; trial++) {
                long ms = ranges[v][0] + (long) (random.nextDouble() * (ranges[v][1] - ranges[v][0]));
                list.add(ms > 180_000 ? OutageSample.notRecovered(1000 + trial) : OutageSample.of(1000 + trial, ms * MS));
            }
            Map<String, List<OutageSample>> byAction = new LinkedHashMap<>();
            byAction.put(action, list);
            samples.put(names[v], byAction);
        }
        ScenarioInfo base = scenario();
        ScenarioInfo longer = new ScenarioInfo(base.name(), base.description(), 1000, 300 * S, INTERVAL,
                List.of(base.actions().get(0)));
        return new SweepReport(longer, new SweepResult(samples));
    }

    /** A sweep over both actions: failure and restoration. */
    static SweepReport sweepBothActions() {
        Random random = new Random(11);
        Map<String, Map<String, List<OutageSample>>> samples = new LinkedHashMap<>();
        String[] names = {"static-keepalive", "rip", "ospf"};
        long[][] fail = {{30_000, 41_000}, {45_000, 60_000}, {30_500, 41_500}};
        for (int v = 0; v < names.length; v++) {
            List<OutageSample> f = new ArrayList<>();
            List<OutageSample> r = new ArrayList<>();
            for (int trial = 0; trial < 15; trial++) {
                long ms = fail[v][0] + (long) (random.nextDouble() * (fail[v][1] - fail[v][0]));
                f.add(ms > 50_000 ? OutageSample.notRecovered(trial) : OutageSample.of(trial, ms * MS));
                r.add(OutageSample.of(trial, (long) (random.nextDouble() * 3000) * MS));
            }
            Map<String, List<OutageSample>> byAction = new LinkedHashMap<>();
            byAction.put("fail isp-a (silent)", f);
            byAction.put("restore isp-a", r);
            samples.put(names[v], byAction);
        }
        return new SweepReport(scenario(), new SweepResult(samples));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/report-sample");
        ReportWriter.writeComparison(dir.resolve("compare"), comparison());
        ReportWriter.writeSweep(dir.resolve("sweep"), sweep());
        ReportWriter.writeSweep(dir.resolve("sweep-both"), sweepBothActions());
    }
}
