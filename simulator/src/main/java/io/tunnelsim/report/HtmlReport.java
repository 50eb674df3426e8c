package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.FlowStartup;
import io.tunnelsim.report.model.Outcome;
import io.tunnelsim.report.model.ComparisonReport;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.ScenarioInfo;
import io.tunnelsim.report.model.SweepReport;
import io.tunnelsim.report.model.TimelineAction;
import io.tunnelsim.report.model.VariantResult;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A self-contained {@code report.html}: inline CSS, charts as {@code data:image/png;base64} URIs,
 * no scripts, no web fonts, no links to anything outside the file. It reads like a design-review
 * handout: scenario facts, the timeline, the result table, charts, key events per variant, and
 * the definitions behind every number.
 *
 * <p>All text from the model (names, descriptions, event lines) is HTML-escaped.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#222;background:#fff;\
            max-width:960px;margin:2em auto;padding:0 1em;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}
            h2{font-size:1.25em;border-bottom:2px solid #0072b2;padding-bottom:.15em;margin-top:2em}
            h3{font-size:1.05em;margin-bottom:.3em}
            p.lead{font-size:1.05em;color:#444;margin-top:0}
            table{border-collapse:collapse;margin:.6em 0 1em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.3em .65em;text-align:left;vertical-align:top}
            th{background:#f0f4f8}
            td.num{text-align:right;font-variant-numeric:tabular-nums;font-family:"DejaVu Sans Mono",monospace}
            table.facts th{background:none;border:none;padding-left:0;color:#555;font-weight:normal}
            table.facts td{border:none;font-weight:bold}
            .bad{color:#b03a2e;font-weight:bold}
            .failure{color:#c0392b}
            .restoration{color:#1e8449}
            figure{margin:1.2em 0}
            figure img{max-width:100%;height:auto;border:1px solid #ddd}
            figcaption{font-size:.9em;color:#555;margin-top:.3em}
            pre{background:#f7f7f7;border:1px solid #e2e2e2;padding:.6em;font-size:.82em;overflow-x:auto;\
            white-space:pre}
            dt{font-weight:bold;margin-top:.6em}
            dd{margin-left:1.2em}
            footer{margin-top:3em;font-size:.8em;color:#777}
            """;

    private HtmlReport() {
    }

    /** The report of a comparison: one run per variant. */
    public static String comparison(ComparisonReport report, List<Figure> figures) {
        return comparison(report, figures, null);
    }

    /** As {@link #comparison(ComparisonReport, List)}, with the topology diagram (null: none) after the verdict. */
    public static String comparison(ComparisonReport report, List<Figure> figures, Figure topology) {
        StringBuilder h = new StringBuilder(1 << 16);
        head(h, report.scenario(), "comparison of " + report.variants().size() + " variants");
        verdict(h, report);
        topology(h, topology);
        timeline(h, report.scenario());
        h.append("<h2>Results per action</h2>\n<table>\n<tr><th>Variant</th><th>Action</th><th>Outcome</th>"
                + "<th>Longest loss window</th><th>Time without delivery</th><th>Full recovery after the action</th>"
                + "<th>Lost probes</th><th>Last FIB change after the action</th></tr>\n");
        for (VariantResult v : report.variants()) {
            for (ActionSummary s : ConvergenceAnalyzer.summarize(v.actions())) {
                h.append("<tr><td>").append(escape(v.name())).append("</td><td>").append(escape(s.action()))
                        .append("</td>");
                outcomeCell(h, s.outcome(), Human.outcome(s), s.flowsNeverWorked());
                humanCell(h, s.longestLossWindowNs());
                humanCell(h, s.timeWithoutDeliveryNs());
                humanCell(h, s.recoveryNs());
                h.append("<td class=\"num\">").append(s.lostProbes()).append("</td>");
                humanCell(h, s.controlPlaneNs());
                h.append("</tr>\n");
            }
        }
        h.append("</table>\n");
        h.append("<h2>Results per flow</h2>\n<table>\n<tr><th>Variant</th><th>Action</th><th>Flow</th>"
                + "<th>Outcome</th><th>Loss windows</th><th>Longest</th><th>Full recovery after the action</th>"
                + "<th>Lost</th><th>Start-up loss</th><th>Why (detection; lost by place and reason)</th></tr>\n");
        for (VariantResult v : report.variants()) {
            for (ActionResult r : v.actions()) {
                h.append("<tr><td>").append(escape(v.name())).append("</td><td>").append(escape(r.action()))
                        .append("</td><td>").append(escape(r.flow())).append("</td>");
                outcomeCell(h, r.outcome(), Human.outcome(r), 0);
                h.append("<td class=\"num\">").append(r.lossWindows().size()).append("</td>");
                humanCell(h, r.longestLossWindowNs());
                humanCell(h, r.recoveryNs());
                h.append("<td class=\"num\">").append(r.lostProbes()).append("</td>");
                FlowStartup st = v.startup().stream().filter(f -> f.flow().equals(r.flow())).findFirst().orElse(null);
                h.append("<td class=\"num\">").append(st == null ? "\u2014" : st.lostProbes() + " of " + st.probesSent())
                        .append("</td><td>").append(r.cause().isEmpty() ? "\u2014"
                                : escape(CauseText.detection(r.cause().get(), r.atNs()) + "; " + r.cause().get().dropSummary()))
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        causes(h, report);
        figures(h, figures);
        h.append("<h2>Key events</h2>\n");
        for (VariantResult v : report.variants()) {
            h.append("<h3>").append(escape(v.name())).append("</h3>\n<pre>");
            if (v.keyEvents().isEmpty()) {
                h.append("(none)");
            }
            for (String line : v.keyEvents()) {
                h.append(escape(line)).append('\n');
            }
            h.append("</pre>\n");
            counters(h, v);
        }
        definitions(h, false);
        return tail(h);
    }

    /** The report of a sweep: the same scenario over many trials (failure time shifted, seed derived per trial). */
    public static String sweep(SweepReport report, List<Figure> figures) {
        return sweep(report, figures, null);
    }

    /** As {@link #sweep(SweepReport, List)}, with the topology diagram (null: none) before the timeline. */
    public static String sweep(SweepReport report, List<Figure> figures, Figure topology) {
        StringBuilder h = new StringBuilder(1 << 16);
        int trials = report.sweep().samples().values().stream().flatMap(m -> m.values().stream())
                .mapToInt(List::size).max().orElse(0);
        head(h, report.scenario(), "sweep over " + trials + " trials");
        topology(h, topology);
        timeline(h, report.scenario());
        h.append("<h2>Results</h2>\n<table>\n<tr><th>Variant</th><th>Action</th><th>Trials</th><th>Min (s)</th>"
                + "<th>Median (s)</th><th>95th pct (s)</th><th>Max (s)</th><th>Not recovered</th></tr>\n");
        for (var byVariant : report.sweep().samples().entrySet()) {
            for (Map.Entry<String, List<OutageSample>> byAction : byVariant.getValue().entrySet()) {
                OutageStatistics st = OutageStatistics.of(byAction.getValue());
                h.append("<tr><td>").append(escape(byVariant.getKey())).append("</td><td>")
                        .append(escape(byAction.getKey())).append("</td><td class=\"num\">").append(st.trials())
                        .append("</td>");
                numCell(h, st.minNs());
                numCell(h, st.medianNs());
                numCell(h, st.p95Ns());
                numCell(h, st.maxNs());
                h.append(st.notRecovered() == 0 ? "<td class=\"num\">" : "<td class=\"num bad\">")
                        .append(st.notRecovered()).append("</td></tr>\n");
            }
        }
        h.append("</table>\n<p>A dash is a statistic whose rank falls on a trial that never recovered.</p>\n");
        figures(h, figures);
        definitions(h, true);
        return tail(h);
    }

    private static void head(StringBuilder h, ScenarioInfo s, String kind) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(s.name())).append(" \u2014 tunnelsim report</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(s.name())).append("</h1>\n");
        if (!s.description().isBlank()) {
            h.append("<p class=\"lead\">").append(escape(s.description())).append("</p>\n");
        }
        h.append("<table class=\"facts\">\n");
        fact(h, "Report", escape(kind));
        fact(h, "Seed", Long.toString(s.seed()));
        fact(h, "Simulated duration", Seconds.formatMillis(s.durationNs()) + " s");
        fact(h, "Probe interval", Seconds.formatMillis(s.probeIntervalNs()) + " s per flow");
        h.append("</table>\n");
    }

    private static void fact(StringBuilder h, String name, String htmlValue) {
        h.append("<tr><th>").append(name).append("</th><td>").append(htmlValue).append("</td></tr>\n");
    }

    private static void timeline(StringBuilder h, ScenarioInfo s) {
        h.append("<h2>Timeline</h2>\n");
        if (s.actions().isEmpty()) {
            h.append("<p>No actions.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>Time (s)</th><th>Kind</th><th>Action</th></tr>\n");
        for (TimelineAction a : s.actions()) {
            String kind = a.kind().name().toLowerCase(Locale.ROOT);
            h.append("<tr><td class=\"num\">").append(Seconds.formatMillis(a.atNs())).append("</td><td class=\"")
                    .append(kind).append("\">").append(kind).append("</td><td>").append(escape(a.label()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void topology(StringBuilder h, Figure f) {
        if (f == null) {
            return;
        }
        h.append("<h2>Topology</h2>\n");
        figure(h, f);
    }

    private static void figures(StringBuilder h, List<Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        h.append("<h2>Charts</h2>\n");
        for (Figure f : figures) {
            figure(h, f);
        }
    }

    /** Width and height from the PNG's IHDR chunk (bytes 16-23), so tall charts keep their proportions. */
    static int[] pngSize(byte[] png) {
        if (png.length < 24) {
            return new int[] {Charts.WIDTH, Charts.HEIGHT};
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png, 16, 8);
        return new int[] {b.getInt(), b.getInt()};
    }

    private static void figure(StringBuilder h, Figure f) {
        int[] size = pngSize(f.png());
        h.append("<figure>\n<img width=\"").append(size[0]).append("\" height=\"").append(size[1])
                .append("\" alt=\"").append(escape(f.caption())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(f.png())).append("\">\n<figcaption>")
                .append(escape(f.caption())).append(" (").append(escape(f.fileName()))
                .append(")</figcaption>\n</figure>\n");
    }

    private static void counters(StringBuilder h, VariantResult v) {
        h.append("<p>").append(v.eventsExecuted()).append(" events executed, ").append(v.probes().size())
                .append(" probes sent.</p>\n");
        if (v.counters().isEmpty()) {
            return;
        }
        h.append("<table>\n<tr><th>Counter</th><th>Value</th></tr>\n");
        for (Map.Entry<String, Long> c : v.counters().entrySet()) {
            h.append("<tr><td>").append(escape(c.getKey())).append("</td><td class=\"num\">").append(c.getValue())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void definitions(StringBuilder h, boolean sweep) {
        h.append("""
                <h2>Definitions</h2>
                <dl>
                <dt>Window of an action</dt>
                <dd>From the action (inclusive) to the next action, or to the end of the run. A probe \
                belongs to the window in which it was sent. Loss before the action is not counted.</dd>
                <dt>Lost probes</dt>
                <dd>Probes sent in the window that never arrived. A probe sent less than 2 s (the IOS ping \
                timeout) before the end of the run, after the last delivered one, is <em>in flight</em>, not lost.</dd>
                <dt>Loss window (\u201ccut off\u201d)</dt>
                <dd>From the sending of the first lost probe of a stretch of consecutive losses to the arrival \
                of the first probe delivered after it: how long the site was cut off. Charts and the verdict \
                use the longest loss window of the worst flow.</dd>
                <dt>Time without delivery</dt>
                <dd>The sum of the loss windows after the action (several when the path flaps).</dd>
                <dt>Full recovery after the action</dt>
                <dd>From the action to the arrival of the first probe delivered after the last lost one. It \
                includes any time the traffic still flowed after the action, before the loss began.</dd>
                <dt>Time to zero loss</dt>
                <dd>From the action to the sending of that same probe: from there on, every probe in the \
                window arrived.</dd>
                <dt>Not recovered before the next action / by the end of the run</dt>
                <dd>Probes were still being lost when the window ended. Only a lower bound exists (\u2265, the \
                open loss window up to the end of the window); charts leave the bar out and say so.</dd>
                <dt>Never worked</dt>
                <dd>The flow delivered no probe before the action: a configuration problem, not an outage. \
                Such flows are left out of the figures and flagged.</dd>
                <dt>Start-up loss</dt>
                <dd>Probes lost before the first action, while routing converged; never counted against an action.</dd>
                <dt>Last FIB change</dt>
                <dd>From the action to the last forwarding-table change on any router within the window: \
                when the control plane settled. A dash when no table changed.</dd>
                """);
        if (sweep) {
            h.append("""
                    <dt>Percentiles</dt>
                    <dd>Nearest rank: with n trials sorted by outage, the p-th percentile is the trial at rank \
                    \u2308p\u00b7n/100\u2309; the median is p = 50. A trial that never recovered ranks above \
                    every finite outage. The CDF counts such trials in its denominator, so it ends below 1.</dd>
                    """);
        }
        h.append("</dl>\n");
    }

    /**
     * The verdict the report opens with: per failure action, the variants ranked by the worst
     * flow's longest loss window (variants without a figure last, by their lower bound), and a
     * warning for every flow that never worked.
     */
    private static void verdict(StringBuilder h, ComparisonReport report) {
        h.append("<h2>Verdict</h2>\n");
        for (VariantResult v : report.variants()) {
            for (String f : v.flowsNeverWorked()) {
                h.append("<p class=\"bad\">Variant ").append(escape(v.name())).append(": flow ").append(escape(f))
                        .append(" never worked (no probe delivered before the first action); its figures are left out.</p>\n");
            }
        }
        for (TimelineAction a : report.scenario().actions()) {
            if (a.kind() != io.tunnelsim.report.model.ActionKind.FAILURE) {
                continue;
            }
            List<Object[]> rows = new ArrayList<>();
            for (VariantResult v : report.variants()) {
                for (ActionSummary s : ConvergenceAnalyzer.summarize(v.actions())) {
                    if (s.action().equals(a.label())) {
                        rows.add(new Object[] {v, s});
                    }
                }
            }
            rows.sort(java.util.Comparator.comparingLong(o -> rank((ActionSummary) o[1])));
            h.append("<p>After <b>").append(escape(a.label())).append("</b> at ").append(escape(Human.duration(a.atNs())))
                    .append(", ranked by how long the worst-off site was cut off (longest loss window). One trial, failure at ")
                    .append(escape(Human.at(a.atNs())))
                    .append("; where the failure falls between hellos and keepalives moves these figures by up to one timer"
                            + " period: <code>tunnelsim sweep</code> gives their spread.</p>\n<table>\n")
                    .append("<tr><th>#</th><th>Variant</th><th>Cut off</th><th>Outcome</th><th>Lost probes</th>"
                            + "<th>First detection</th><th>Reading the figures</th></tr>\n");
            int i = 1;
            for (Object[] row : rows) {
                VariantResult v = (VariantResult) row[0];
                ActionSummary s = (ActionSummary) row[1];
                h.append("<tr><td class=\"num\">").append(i++).append("</td><td>").append(escape(v.name()))
                        .append("</td><td class=\"num").append(s.recovered() ? "" : " bad").append("\">")
                        .append(s.recovered() ? escape(Human.duration(s.longestLossWindowNs().getAsLong()))
                                : s.outageAtLeastNs().isPresent() ? "\u2265 " + escape(Human.duration(s.outageAtLeastNs().getAsLong()))
                                : "\u2014")
                        .append("</td><td>").append(escape(Human.outcome(s))).append("</td><td class=\"num\">")
                        .append(s.lostProbes()).append("</td><td>");
                ActionResult first = v.actions().stream().filter(r -> r.action().equals(s.action())).findFirst().orElse(null);
                ActionResult explained = v.actions().stream().filter(r -> r.action().equals(s.action()) && r.cause().isPresent())
                        .max(java.util.Comparator.comparingLong(HtmlReport::severity)).orElse(null);
                h.append(explained != null ? escape(CauseText.detection(explained.cause().get(), explained.atNs()))
                        : first == null ? "\u2014" : escape(Human.firstDetection(first))).append("</td><td>")
                        .append(first == null ? "" : escape(Human.reading(s, first.controlPlane()))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
    }

    /**
     * Per variant and action, the causal chain of the worst-off flow (longest loss window, else
     * the largest lower bound, else the most probes lost).
     */
    private static void causes(StringBuilder h, ComparisonReport report) {
        h.append("<h2>Why each outage happened</h2>\n<p>For each variant and action, the worst-off flow: what "
                + "detected the change on the flow's path, the forwarding-table changes on that path, the first probe "
                + "delivered after the loss, and where and why every lost probe was dropped. Times are after the action.</p>\n");
        boolean any = false;
        for (VariantResult v : report.variants()) {
            List<ActionResult> worst = new ArrayList<>();
            for (ActionResult r : v.actions()) {
                if (r.cause().isEmpty()) {
                    continue;
                }
                int at = -1;
                for (int i = 0; i < worst.size(); i++) {
                    if (worst.get(i).action().equals(r.action())) {
                        at = i;
                    }
                }
                if (at < 0) {
                    worst.add(r);
                } else if (severity(r) > severity(worst.get(at))) {
                    worst.set(at, r);
                }
            }
            if (worst.isEmpty()) {
                continue;
            }
            any = true;
            h.append("<h3>").append(escape(v.name())).append("</h3>\n");
            for (ActionResult r : worst) {
                h.append("<p><b>").append(escape(r.action())).append("</b> at ").append(escape(Human.duration(r.atNs())))
                        .append(", flow ").append(escape(r.flow())).append(": ").append(escape(Human.outcome(r)))
                        .append("</p>\n<pre>");
                for (String line : CauseText.lines(r)) {
                    h.append(escape(line)).append('\n');
                }
                h.append("</pre>\n");
            }
        }
        if (!any) {
            h.append("<p>No flow lost a probe after an action.</p>\n");
        }
    }

    private static long severity(ActionResult r) {
        if (r.longestLossWindowNs().isPresent()) {
            return r.longestLossWindowNs().getAsLong();
        }
        return r.outageAtLeastNs().orElse(0) + Long.MAX_VALUE / 4;
    }

    private static long rank(ActionSummary s) {
        if (s.recovered()) {
            return s.longestLossWindowNs().getAsLong();
        }
        // no figure: after every figure, by lower bound
        return Long.MAX_VALUE / 2 + s.outageAtLeastNs().orElse(Long.MAX_VALUE / 4);
    }

    private static void outcomeCell(StringBuilder h, Outcome o, String text, int neverWorked) {
        h.append(o.recovered() ? "<td>" : "<td class=\"bad\">").append(escape(text));
        if (neverWorked > 0) {
            h.append("; <span class=\"bad\">").append(neverWorked).append(" flow(s) never worked</span>");
        }
        h.append("</td>");
    }

    private static void humanCell(StringBuilder h, OptionalLong ns) {
        h.append("<td class=\"num\">");
        h.append(ns.isPresent() ? escape(Human.duration(ns.getAsLong())) : "\u2014").append("</td>");
    }

    private static void numCell(StringBuilder h, OptionalLong ns) {
        h.append("<td class=\"num\">");
        h.append(ns.isPresent() ? Seconds.formatMillis(ns.getAsLong()) : "\u2014").append("</td>");
    }

    private static String tail(StringBuilder h) {
        h.append("<footer>Generated by tunnelsim from simulated time only; "
                + "the same inputs and seed give the same report.</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
