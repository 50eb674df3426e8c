package io.tunnelsim.cli;

import io.tunnelsim.report.CauseText;
import io.tunnelsim.report.Human;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.FlowStartup;
import io.tunnelsim.report.model.Outcome;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.scenario.spec.VariantSpec;
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

    @Option(names = "--strict", description = "Treat warnings (e.g. cross-end mismatches) as errors: exit 2 before simulating.")
    boolean strict;

    @Option(names = "--live", paramLabel = "SEGMENT=TAPDEV[,...]",
            description = "Live mode: bridge each named link to a TAP device and run in real time (docs/live.md).")
    String live;

    @picocli.CommandLine.Mixin
    Inputs.PathOptions paths = new Inputs.PathOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        ScenarioSpec s = Inputs.scenario(scenario, spec.commandLine().getErr(), strict, paths.allowOutside);
        if (live != null) {
            s = s.withLive(s.live().with(Inputs.liveSegments(live, s)));
        }
        VariantSpec v = Inputs.variant(s, variant);
        long end = until == null ? -1 : Inputs.time(until, "--until");
        if (end > s.durationNs()) {
            throw new BadInputException("--until " + until + " is after the end of the run (" + SimTime.formatShort(s.durationNs())
                    + "); raise the scenario's duration instead");
        }
        // not the comparison's folder: a run must never overwrite a comparison's results
        Path dir = this.out != null ? this.out : java.nio.file.Paths.get("reports", s.name() + "-run", v.name());
        VariantResult r;
        try (OutputFolder o = OutputFolder.prepare(dir); Progress p = new Progress(s.name() + "/" + v.name(), quiet)) {
            r = Experiments.run(s, v, o.dir(), capture, end, p.orNull());
            o.commit();
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
        for (String f : r.flowsNeverWorked()) {
            out.printf(Locale.ROOT, "  WARNING: flow %s never worked: no probe was delivered before the first action;"
                    + " check routes and addresses (show route --at), its figures are left out%n", f);
        }
        for (FlowStartup f : r.startup()) {
            if (!f.neverWorked() && f.lostProbes() > 0) {
                out.printf(Locale.ROOT, "  start-up: flow %s lost %d of %d probes before the first action"
                        + " (first delivery at %s), not counted against any action%n", f.flow(), f.lostProbes(),
                        f.probesSent(), Human.at(f.firstDeliveredNs().orElse(0)));
            }
        }
        String current = null;
        for (ActionResult a : r.actions()) {
            if (!a.action().equals(current)) {
                current = a.action();
                out.printf(Locale.ROOT, "  %s at %s%n", a.action(), Human.duration(a.atNs()));
            }
            StringBuilder line = new StringBuilder();
            line.append("    ").append(a.flow()).append(": ").append(Human.outcome(a));
            if (a.outcome() != Outcome.NOT_RUN && a.outcome() != Outcome.NEVER_WORKED) {
                line.append("; lost ").append(a.lostProbes());
                if (a.inFlightProbes() > 0) {
                    line.append(", ").append(a.inFlightProbes()).append(" in flight at the end");
                }
                line.append("; last FIB change ").append(a.controlPlane().lastFibChangeNs().isPresent()
                        ? Human.duration(a.controlPlane().lastFibChangeNs().getAsLong()) + " after the action" : "none");
            }
            out.println(line);
            for (String c : CauseText.lines(a)) {
                out.println("      " + c);
            }
        }
    }
}
