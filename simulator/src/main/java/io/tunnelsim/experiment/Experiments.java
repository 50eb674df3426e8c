package io.tunnelsim.experiment;

import io.tunnelsim.report.ConvergenceAnalyzer;
import io.tunnelsim.report.ReportWriter;
import io.tunnelsim.report.TopologyDiagram;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.ComparisonReport;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.RunReport;
import io.tunnelsim.report.model.ScenarioInfo;
import io.tunnelsim.report.model.SweepReport;
import io.tunnelsim.report.model.SweepResult;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.Captures;
import io.tunnelsim.scenario.RunOptions;
import io.tunnelsim.scenario.RunResult;
import io.tunnelsim.scenario.ScenarioRunner;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.RandomStreams;
import io.tunnelsim.sim.SimTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/**
 * The three experiments of the command line: one run, a comparison of every variant, and a
 * sweep that repeats each variant with the failure shifted at random inside one timer period.
 * Output directories receive the files of {@link ReportWriter} plus {@code events.log}.
 */
public final class Experiments {
    /** Sweep shift when the scenario sets none: the default OSPF hello / GRE keepalive period. */
    public static final long DEFAULT_SWEEP_SHIFT = 10 * SimTime.SECOND;

    private Experiments() {
    }

    /** Runs one variant and writes summary.json, events.log, probes.csv, convergence.csv (and pcaps). */
    public static VariantResult run(ScenarioSpec s, VariantSpec v, Path out, boolean capture, long until,
                                    DoubleConsumer progress) throws IOException {
        RunOptions o = RunOptions.DEFAULT.withUntil(until).withProgress(progress);
        if (capture) {
            o = o.withCapture(out.resolve("pcap"));
        }
        RunResult r = ScenarioRunner.run(s, v, o);
        ScenarioInfo info = Results.scenarioInfo(s, r.actionTimes(), s.seed());
        VariantResult vr = Results.variantResult(s, r, info);
        ReportWriter.writeRun(out, new RunReport(info, vr), r.live());
        Results.writeEventLog(out.resolve("events.log"), r.events());
        if (capture) {
            Captures.writeExtras(r, out.resolve("pcap"));
        }
        return vr;
    }

    /**
     * Runs every variant over the same timeline and seed; writes the comparison.
     *
     * @throws IllegalStateException when a variant fails (the others' results are written first)
     */
    public static List<VariantResult> compare(ScenarioSpec s, Path out, int jobs, DoubleConsumer progress) throws IOException {
        Map<String, String> failed = new LinkedHashMap<>();
        List<VariantResult> results = compare(s, out, jobs, progress, failed);
        if (!failed.isEmpty()) {
            throw new IllegalStateException("variant(s) failed: " + failed);
        }
        return results;
    }

    /** File listing the variants of a comparison that failed, one {@code name: reason} a line. */
    public static final String FAILED_VARIANTS_FILE = "failed-variants.txt";

    /**
     * Runs every variant; a variant that fails is recorded in {@code failed} (name → reason) and
     * in {@value #FAILED_VARIANTS_FILE}, and the comparison of the others is still written.
     * When every variant fails nothing is written and the first failure is thrown.
     */
    public static List<VariantResult> compare(ScenarioSpec s, Path out, int jobs, DoubleConsumer progress,
                                              Map<String, String> failed) throws IOException {
        return compare(s, out, jobs, progress, failed, ScenarioRunner::run);
    }

    /** How one variant is run (the scenario runner; tests substitute one that fails). */
    @FunctionalInterface
    public interface VariantRunner {
        RunResult run(ScenarioSpec s, VariantSpec v, RunOptions o) throws IOException;
    }

    public static List<VariantResult> compare(ScenarioSpec s, Path out, int jobs, DoubleConsumer progress,
                                       Map<String, String> failed, VariantRunner runner) throws IOException {
        List<VariantSpec> variants = s.variants();
        double[] done = new double[variants.size()];
        RuntimeException[] errors = new RuntimeException[variants.size()];
        List<RunResult> all = parallel(variants.size(), jobs, i -> {
            DoubleConsumer p = progress == null ? null : f -> {
                synchronized (done) {
                    done[i] = f;
                    double sum = 0;
                    for (double d : done) {
                        sum += d;
                    }
                    progress.accept(sum / done.length);
                }
            };
            try {
                return runner.run(s, variants.get(i), RunOptions.DEFAULT.withProgress(p));
            } catch (RuntimeException e) {
                errors[i] = e;
                return null;
            }
        });
        List<RunResult> runs = new ArrayList<>();
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) != null) {
                runs.add(all.get(i));
            } else {
                String reason = errors[i].getMessage() != null ? errors[i].getMessage() : errors[i].getClass().getSimpleName();
                failed.put(variants.get(i).name(), reason);
                failures.append(variants.get(i).name()).append(": ").append(reason.replace('\n', ' ')).append('\n');
            }
        }
        if (runs.isEmpty()) {
            throw errors[0];
        }
        ScenarioInfo info = Results.scenarioInfo(s, runs.get(0).actionTimes(), s.seed());
        List<VariantResult> results = new ArrayList<>();
        for (RunResult r : runs) {
            results.add(Results.variantResult(s, r, info));
        }
        ReportWriter.writeComparison(out, new ComparisonReport(info, results), TopologyDiagram.of(s.topology(), FailureHighlights.of(s)));
        for (RunResult r : runs) {
            Results.writeEventLog(out.resolve(r.variant()).resolve("events.log"), r.events());
        }
        if (failures.length() > 0) {
            java.nio.file.Files.writeString(out.resolve(FAILED_VARIANTS_FILE), failures.toString(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return results;
    }

    /** Repeats each variant {@code trials} times with the timeline shifted at random; writes the sweep. */
    public static SweepResult sweep(ScenarioSpec s, Path out, int trials, int jobs, DoubleConsumer progress) throws IOException {
        long shiftMax = s.sweep().shiftNs().orElse(DEFAULT_SWEEP_SHIFT);
        RandomStreams streams = new RandomStreams(s.seed());
        long[] shifts = new long[trials];
        long[] seeds = new long[trials];
        for (int t = 0; t < trials; t++) {
            shifts[t] = streams.stream("sweep/shift/" + t).nextLong(Math.max(1, shiftMax));
            seeds[t] = streams.derive("sweep/trial/" + t);
        }
        List<VariantSpec> variants = s.variants();
        int total = trials * variants.size();
        AtomicInteger finished = new AtomicInteger();
        List<List<ActionSummary>> summaries = parallel(total, jobs, k -> {
            VariantSpec v = variants.get(k / trials);
            int t = k % trials;
            RunResult r = ScenarioRunner.run(s, v, RunOptions.DEFAULT.withShift(shifts[t], seeds[t]).withoutCauses());
            ScenarioInfo info = Results.scenarioInfo(s, r.actionTimes(), seeds[t]);
            VariantResult vr = Results.variantResult(s, r, info);
            if (progress != null) {
                progress.accept(finished.incrementAndGet() / (double) total);
            }
            return ConvergenceAnalyzer.summarize(vr.actions());
        });
        Map<String, Map<String, List<OutageSample>>> samples = new LinkedHashMap<>();
        for (int k = 0; k < total; k++) {
            VariantSpec v = variants.get(k / trials);
            long seed = seeds[k % trials];
            Map<String, List<OutageSample>> byAction = samples.computeIfAbsent(v.name(), x -> new LinkedHashMap<>());
            for (ActionSummary a : summaries.get(k)) {
                byAction.computeIfAbsent(a.action(), x -> new ArrayList<>()).add(a.longestLossWindowNs().isPresent()
                        ? OutageSample.of(seed, a.longestLossWindowNs().getAsLong()) : OutageSample.notRecovered(seed));
            }
        }
        SweepResult result = new SweepResult(samples);
        List<Long> baseTimes = new ArrayList<>();
        s.timeline().forEach(a -> baseTimes.add(a.atNs()));
        ReportWriter.writeSweep(out, new SweepReport(Results.scenarioInfo(s, baseTimes, s.seed()), result),
                TopologyDiagram.of(s.topology(), FailureHighlights.of(s)));
        return result;
    }

    /** A task that may fail with an I/O error. */
    @FunctionalInterface
    interface Task<T> {
        T run(int index) throws IOException;
    }

    /** Runs {@code n} independent tasks on {@code jobs} threads; results in index order. */
    static <T> List<T> parallel(int n, int jobs, Task<T> task) throws IOException {
        int threads = Math.max(1, Math.min(jobs, n));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tunnelsim-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    try {
                        return task.run(index);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            List<T> out = new ArrayList<>(n);
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof UncheckedIOException u) {
                        throw u.getCause();
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err; // out of memory or stack: reported by the command line as such
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
