package io.tunnelsim.cli;

import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunnelsim compare SCENARIO}: every variant over the same timeline and seed. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run every variant; writes comparison.csv, convergence.csv, summary.json, convergence.png, timeline.png and report.html.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: reports/<scenario-name>/).")
    Path out;

    @Option(names = "--jobs", paramLabel = "J", description = "Variants run in parallel (default: number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--strict", description = "Treat warnings (e.g. cross-end mismatches) as errors: exit 2 before simulating.")
    boolean strict;

    @picocli.CommandLine.Mixin
    Inputs.PathOptions paths = new Inputs.PathOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        ScenarioSpec s = Inputs.scenario(scenario, spec.commandLine().getErr(), strict, paths.allowOutside);
        Inputs.refuseLive(s, "compare");
        Path dir = Inputs.outDir(this.out, s);
        List<VariantResult> results;
        java.util.Map<String, String> failed = new java.util.LinkedHashMap<>();
        try (OutputFolder o = OutputFolder.prepare(dir); Progress p = new Progress("compare " + s.name(), quiet)) {
            results = Experiments.compare(s, o.dir(), Math.max(1, jobs), p.orNull(), failed);
            o.commit();
        }
        for (VariantResult r : results) {
            out.println(r.name() + ":");
            RunCommand.printActions(out, r);
        }
        out.println("report: " + dir.resolve("report.html"));
        for (var f : failed.entrySet()) {
            spec.commandLine().getErr().println("tunnelsim: variant " + f.getKey() + " failed: " + f.getValue()
                    + " (the other variants' results are written; see " + dir.resolve(Experiments.FAILED_VARIANTS_FILE) + ")");
        }
        return failed.isEmpty() ? 0 : Main.EXIT_FAILURE;
    }
}
