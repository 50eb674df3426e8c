package io.tunnelsim.report;

import io.tunnelsim.report.model.ComparisonReport;
import io.tunnelsim.report.model.RunReport;
import io.tunnelsim.report.model.SweepReport;
import io.tunnelsim.report.model.VariantResult;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the output files of {@code run}, {@code compare} and {@code sweep}. Every file is a
 * function of its input alone: the same report gives the same bytes. Text files are UTF-8.
 *
 * <table>
 *   <caption>Files per command</caption>
 *   <tr><th>method</th><th>files in {@code dir}</th></tr>
 *   <tr><td>{@link #writeRun}</td><td>summary.json, probes.csv, convergence.csv</td></tr>
 *   <tr><td colspan="2">comparison and sweep also write topology.png when given a {@link TopologyDiagram}</td></tr>
 *   <tr><td>{@link #writeComparison}</td><td>summary.json, convergence.csv, comparison.csv,
 *       convergence.png, timeline.png, report.html, and {@code <variant>/} with the
 *       {@link #writeRun} files of each variant</td></tr>
 *   <tr><td>{@link #writeSweep}</td><td>summary.json, sweep.csv, convergence.png, cdf.png,
 *       report.html</td></tr>
 * </table>
 * Column definitions are in {@link Tables}, the JSON layout in {@link SummaryJson}, chart content
 * in {@link Charts}. The directory is created when missing; existing files are replaced.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes the files of a single run and returns their paths in writing order. */
    public static List<Path> writeRun(Path dir, RunReport report) throws IOException {
        return writeRun(dir, report, null);
    }

    /** As {@link #writeRun(Path, RunReport)}; a live run's summary.json also carries {@code live} figures. */
    public static List<Path> writeRun(Path dir, RunReport report, io.tunnelsim.live.LiveStats live) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        VariantResult v = report.variant();
        written.add(text(dir.resolve("summary.json"), live == null ? SummaryJson.run(report.scenario(), v)
                : SummaryJson.run(report.scenario(), v, live)));
        written.add(text(dir.resolve("probes.csv"), Tables.probes(v.probes(), v.endNs())));
        written.add(text(dir.resolve("convergence.csv"), Tables.convergence(List.of(v))));
        return written;
    }

    /** Writes the files of a comparison and returns their paths in writing order. */
    public static List<Path> writeComparison(Path dir, ComparisonReport report) throws IOException {
        return writeComparison(dir, report, null);
    }

    /**
     * As {@link #writeComparison(Path, ComparisonReport)}, plus {@code topology.png} drawn from
     * {@code diagram} (null: none) and shown in report.html after the verdict.
     */
    public static List<Path> writeComparison(Path dir, ComparisonReport report, TopologyDiagram diagram)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (VariantResult v : report.variants()) {
            written.addAll(writeRun(dir.resolve(v.name()), new RunReport(report.scenario(), v)));
        }
        written.add(text(dir.resolve("summary.json"), SummaryJson.comparison(report.scenario(), report.variants())));
        written.add(text(dir.resolve("convergence.csv"), Tables.convergence(report.variants())));
        written.add(text(dir.resolve("comparison.csv"), Tables.comparison(report.variants())));
        List<Figure> figures = new ArrayList<>();
        figures.add(png(dir, "convergence.png", "Longest loss window of the worst flow after each action, per variant",
                Charts.outageBars(report.scenario(), report.variants()), written));
        figures.add(png(dir, "timeline.png", "Probes delivered per interval, with failures and restorations marked",
                Charts.timeline(report.scenario(), report.variants()), Charts.timelineHeight(report.variants().size()),
                written));
        Figure topology = diagram(dir, diagram, written);
        written.add(text(dir.resolve("report.html"), HtmlReport.comparison(report, figures, topology)));
        return written;
    }

    /** Writes the files of a sweep and returns their paths in writing order. */
    public static List<Path> writeSweep(Path dir, SweepReport report) throws IOException {
        return writeSweep(dir, report, null);
    }

    /** As {@link #writeSweep(Path, SweepReport)}, plus {@code topology.png} (null: none). */
    public static List<Path> writeSweep(Path dir, SweepReport report, TopologyDiagram diagram) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(text(dir.resolve("summary.json"), SummaryJson.sweep(report.scenario(), report.sweep())));
        written.add(text(dir.resolve("sweep.csv"), Tables.sweep(report.sweep())));
        List<Figure> figures = new ArrayList<>();
        figures.add(png(dir, "convergence.png", "Spread of the outage over the trials, per variant and action",
                Charts.outageBoxes(report.scenario(), report.sweep()), written));
        figures.add(png(dir, "cdf.png", "Empirical CDF of the outage over the trials",
                Charts.outageCdf(report.scenario(), report.sweep()), written));
        Figure topology = diagram(dir, diagram, written);
        written.add(text(dir.resolve("report.html"), HtmlReport.sweep(report, figures, topology)));
        return written;
    }

    private static Figure diagram(Path dir, TopologyDiagram diagram, List<Path> written) throws IOException {
        if (diagram == null) {
            return null;
        }
        byte[] png = diagram.png();
        Path file = dir.resolve("topology.png");
        Files.write(file, png);
        written.add(file);
        String failed = diagram.highlights().describe();
        return new Figure("topology.png", failed.isEmpty() ? "The topology (links solid, GRE tunnels dashed)"
                : "The topology; failed by the timeline, in red: " + failed, png);
    }

    private static Path text(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Figure png(Path dir, String name, String caption, JFreeChart chart, List<Path> written)
            throws IOException {
        return png(dir, name, caption, chart, Charts.HEIGHT, written);
    }

    private static Figure png(Path dir, String name, String caption, JFreeChart chart, int height, List<Path> written)
            throws IOException {
        Path file = dir.resolve(name);
        Charts.save(chart, file, height);
        written.add(file);
        return new Figure(name, caption, Files.readAllBytes(file));
    }
}
