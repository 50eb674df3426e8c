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

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: reports/<scenario-name>-run/<variant>/).")
    Path out;

    @Option(names = "--capture", description = "Write one pcap per link into DIR/pcap/ and the ESP SA table pcap/esp_sa.")
    boolean capture;

    @Option(names = "--until", paramLabel = "TIME", description = "Stop at this simulated time (e.g. 90s).")
    String until;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        ScenarioSpec s = Inputs.scenario(scenario, spec.commandLine().getErr());
        VariantSpec v = Inputs.variant(s, variant);
        long end = until == null ? -1 : Inputs.time(until, "--until");
        if (end > s.durationNs()) {
            throw new BadInputException("--until " + until + " is after the end of the run (" + SimTime.formatShort(s.durationNs())
                    + "); raise the scenario's duration instead");
        }
        // not the comparison's folder: a run must never overwrite a comparison's results
        Path dir = this.out != null ? this.out : java.nio.file.Paths.get("reports", s.name() + "-run", v.name());
        VariantResult r;
        try (Progress p = new Progress(s.name() + "/" + v.name(), quiet)) {
            r = Experiments.run(s, v, dir, capture, end, p.orNull());
        }
        out.printf(Locale.ROOT, "%s, variant %s: %d events, %d probes, results in %s%n", s.name(), v.name(), r.eventsExecuted(),
                r.probes().size(), dir);
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
