package io.tunnelsim.cli;

import io.tunnelsim.report.OutageStatistics;
import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunnelsim sweep SCENARIO --trials N}: failure time shifted at random, per variant statistics. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Repeat each variant with the timeline shifted at random inside one timer period (seeded);"
                + " writes sweep.csv, summary.json, convergence.png, cdf.png and report.html. The result does not depend on --jobs.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per variant (default: the scenario's sweep.runs).")
    Integer trials;

    @Option(names = "--jobs", paramLabel = "J", description = "Trials run in parallel (default: number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: reports/<scenario-name>-sweep/).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    Inputs.PathOptions paths = new Inputs.PathOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        ScenarioSpec s = Inputs.scenario(scenario, spec.commandLine().getErr(), false, paths.allowOutside);
        Inputs.refuseLive(s, "sweep");
        int n = trials != null ? trials : s.sweep().runs();
        if (n < 1) {
            throw new BadInputException("--trials must be at least 1");
        }
        Path dir = this.out != null ? this.out : Path.of("reports", s.name() + "-sweep");
        io.tunnelsim.report.model.SweepResult result;
        try (OutputFolder o = OutputFolder.prepare(dir); Progress p = new Progress("sweep " + s.name(), quiet)) {
            result = Experiments.sweep(s, o.dir(), n, Math.max(1, jobs), p.orNull());
            o.commit();
        }
        // after the bar's closing newline, never on the bar's line
        result.samples().forEach((variant, byAction) -> byAction.forEach((action, samples) ->
                out.println(variant + "  " + action + ": longest loss window " + describe(OutageStatistics.of(samples)))));
        out.println("report: " + dir.resolve("report.html"));
        return 0;
    }

    private static String describe(OutageStatistics st) {
        return "trials " + st.trials() + ", not recovered " + st.notRecovered() + ", min " + fmt(st.minNs()) + ", median "
                + fmt(st.medianNs()) + ", p95 " + fmt(st.p95Ns()) + ", max " + fmt(st.maxNs());
    }

    private static String fmt(java.util.OptionalLong v) {
        return v.isPresent() ? io.tunnelsim.report.Human.duration(v.getAsLong()) : "-";
    }
}
