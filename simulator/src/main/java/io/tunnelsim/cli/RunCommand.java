package io.tunnelsim.cli;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.Experiments;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunnelsim run SCENARIO}: one variant, result files in the output directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one variant of a scenario; writes summary.json, events.log, probes.csv, convergence.csv (and pcap/ with --capture).")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant to run (default: the first).")
    String variant;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: reports/<scenario-name>/).")
    Path out;

    @Option(names = "--capture", description = "Write one pcap per link into DIR/pcap/ and the ESP SA table pcap/esp_sa.")
    boolean capture;

    @Option(names = "--until", paramLabel = "TIME", description = "Stop at this simulated time (e.g. 90s).")
    String until;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--live", paramLabel = "SEGMENT=TAPDEV[,...]",
            description = "Live mode: bridge each named link to a TAP device and run in real time (docs/live.md).")
    String live;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        ScenarioSpec s = Inputs.scenario(scenario, spec.commandLine().getErr());
        if (live != null) {
            s = s.withLive(s.live().with(Inputs.liveSegments(live, s)));
        }
        VariantSpec v = Inputs.variant(s, variant);
        long end = until == null ? -1 : Inputs.time(until, "--until");
        Path dir = Inputs.outDir(this.out, s);
        VariantResult r;
        try (Progress p = new Progress(s.name() + "/" + v.name(), quiet)) {
            r = Experiments.run(s, v, dir, capture, end, p.orNull());
        }
        out.printf(Locale.ROOT, "%s, variant %s: %d events, %d probes, results in %s%n", s.name(), v.name(), r.eventsExecuted(),
                r.probes().size(), dir);
        if (s.live().enabled()) {
            out.println("  live run (not deterministic): lag figures in summary.json");
        }
        printActions(out, r);
        return 0;
    }

    static void printActions(java.io.PrintWriter out, VariantResult r) {
        for (ActionResult a : r.actions()) {
            String outage = a.outageNs().isPresent() ? SimTime.formatShort(a.outageNs().getAsLong()) : "never recovered";
            String cp = a.controlPlane().lastFibChangeNs().isPresent()
                    ? SimTime.formatShort(a.controlPlane().lastFibChangeNs().getAsLong()) : "-";
            out.printf(Locale.ROOT, "  %-40s %-16s outage %-16s lost %4d  control plane %s%n", a.action() + " @" + SimTime.formatShort(a.atNs()),
                    a.flow(), outage, a.lostProbes(), cp);
        }
    }
}
