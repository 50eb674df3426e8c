package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.ScenarioInfo;
import io.tunnelsim.report.model.SweepResult;
import io.tunnelsim.report.model.TimelineAction;
import io.tunnelsim.report.model.VariantResult;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PNG charts of a comparison or a sweep, 900 × 500 pixels, white background.
 *
 * <ul>
 *   <li>{@code convergence.png}: worst-flow outage per variant as bars, grouped by action
 *       ({@link #outageBars}); for a sweep, a box per variant and action (whiskers at min and
 *       max, box from the 25th to the 75th nearest-rank percentile, line at the median;
 *       {@link #outageBoxes}).</li>
 *   <li>{@code timeline.png}: probes delivered per interval over time, one strip per variant,
 *       with a marker at each failure (red) and restoration (green) ({@link #timeline}).</li>
 *   <li>{@code cdf.png}: empirical CDF of the outage over the trials of a sweep
 *       ({@link #outageCdf}).</li>
 * </ul>
 * Outcomes that never recovered are not drawn as a number: bars and boxes omit them and a
 * subtitle names them; a CDF counts them in the denominator, so its curve stops below 1.
 *
 * <p>Output is repeatable: no timestamps, fixed colours and fonts, {@link Locale#ROOT} number
 * formats. The class sets {@code java.awt.headless=true} before any AWT class is touched.
 */
public final class Charts {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xD55E00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };
    private static final Color FAILURE = new Color(0xC0392B);
    private static final Color RESTORATION = new Color(0x1E8449);
    private static final Color OTHER = new Color(0x7F8C8D);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final long[] NICE_BINS_NS = {
        10_000_000L, 20_000_000L, 50_000_000L, 100_000_000L, 200_000_000L, 250_000_000L, 500_000_000L,
        1_000_000_000L, 2_000_000_000L, 5_000_000_000L, 10_000_000_000L, 15_000_000_000L, 30_000_000_000L,
        60_000_000_000L, 120_000_000_000L, 300_000_000_000L, 600_000_000_000L,
    };
    /** Tick labels of every axis in seconds: as many decimals as the tick needs, at most two. */
    static final String SECONDS_AXIS = "0.##";
    /** Every value printed in a chart (bar labels, medians): two decimals, as in the CLI and report. */
    static final String SECONDS_LABEL = "0.00";
    /** Range axis label of every timeline strip (the variant's name is written inside the strip). */
    static final String STRIP_AXIS_LABEL = "probes";
    /** Upper bound on timeline bins, so a step line stays readable at 900 px. */
    private static final int MAX_BINS = 400;

    private Charts() {
    }

    /** Colour of the i-th variant, the same in every chart. */
    static Color variantColor(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** Writes {@code chart} as a {@value #WIDTH} × {@value #HEIGHT} PNG. */
    public static void save(JFreeChart chart, Path file) throws IOException {
        save(chart, file, HEIGHT);
    }

    /** Writes {@code chart} as a {@value #WIDTH}-pixel wide PNG of the given height. */
    public static void save(JFreeChart chart, Path file, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, height);
    }

    /**
     * Height of the timeline chart: one strip per variant, each tall enough for its variant
     * name on the axis ({@value #HEIGHT} pixels up to three variants, 100 more per extra one).
     */
    public static int timelineHeight(int variants) {
        return Math.max(HEIGHT, 200 + 100 * variants);
    }

    /**
     * Bars of the worst flow's longest loss window (how long a site was cut off), one series
     * (colour) per variant, one group per action. Outcomes without a figure (not recovered, never
     * worked, not run) get no bar and are named in the subtitle. An all-zero chart keeps a 0–1 s
     * axis so that "no loss" reads as such.
     */
    public static JFreeChart outageBars(ScenarioInfo scenario, List<VariantResult> variants) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> missing = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (VariantResult v : variants) {
            for (ActionSummary s : ConvergenceAnalyzer.summarize(v.actions())) {
                if (s.recovered()) {
                    double value = Seconds.toDouble(s.longestLossWindowNs().getAsLong());
                    values.add(value);
                    data.addValue(value, v.name(), s.action());
                } else {
                    data.addValue(null, v.name(), s.action());
                    missing.add(v.name() + " after \u201c" + s.action() + "\u201d: " + Human.outcome(s));
                }
            }
        }
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double[] split = axisBreak(values);
        Plot plot;
        String note;
        if (split == null) {
            CategoryPlot p = barPanel(data, variants.size(), 0, max == 0 ? 1 : max * 1.12,
                    "Longest loss window of the worst flow (s)");
            p.setDomainAxis(new CategoryAxis("Timeline action"));
            styleCategoryPlot(p);
            plot = p;
            note = max == 0 && !values.isEmpty() ? "No probe was lost after any action: every bar is 0 s"
                    : "Loss window: from the first lost probe to the first probe delivered after it";
        } else {
            // broken axis: the long bars in the upper panel, the short ones readable in the lower one
            CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(new CategoryAxis("Timeline action"));
            combined.setGap(14);
            CategoryPlot upper = barPanel(data, variants.size(), split[1] * 0.85, max * 1.12, "");
            CategoryPlot lower = barPanel(data, variants.size(), 0, split[0] * 1.25, "Longest loss window (s)");
            combined.add(upper, 1);
            combined.add(lower, 1);
            combined.setFixedLegendItems(upper.getLegendItems()); // once, not once per panel
            styleCategoryPlot(combined);
            plot = combined;
            note = "Axis broken between " + decimal(SECONDS_LABEL).format(split[0] * 1.25) + " s and "
                    + decimal(SECONDS_LABEL).format(split[1] * 0.85) + " s so that short bars stay readable";
        }
        JFreeChart chart = chart("How long each site was cut off \u2014 " + scenario.name(), plot);
        subtitle(chart, missing.isEmpty() ? note : note + "\nNo bar: " + String.join("; ", missing));
        return chart;
    }

    /**
     * Where to break the outage axis: {@code {top of the short bars, bottom of the long bars}},
     * or null when one linear axis shows every bar well. Breaks at the largest ratio between two
     * consecutive non-zero values when it is at least {@value #BREAK_RATIO}.
     */
    static double[] axisBreak(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(x -> x > 0).sorted().toArray();
        double best = 0;
        int at = -1;
        for (int i = 0; i + 1 < v.length; i++) {
            double ratio = v[i + 1] / v[i];
            if (ratio > best) {
                best = ratio;
                at = i;
            }
        }
        return best >= BREAK_RATIO ? new double[] {v[at], v[at + 1]} : null;
    }

    /** Ratio of two consecutive bar heights from which the bar chart breaks its axis. */
    static final double BREAK_RATIO = 4;

    private static CategoryPlot barPanel(DefaultCategoryDataset data, int series, double low, double high, String label) {
        NumberAxis y = new NumberAxis(label);
        styleNumberAxis(y, SECONDS_AXIS);
        y.setRange(low, high);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.12);
        // a label only where the bar ends, so that a bar cut by the axis break is labelled once
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2} s", decimal(SECONDS_LABEL)) {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                Number n = dataset.getValue(row, column);
                return n == null || n.doubleValue() < low || n.doubleValue() > high ? null : super.generateLabel(dataset, row, column);
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(TICK_FONT);
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, variantColor(i));
        }
        CategoryPlot plot = new CategoryPlot(data, null, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    /** Box-and-whisker of sweep outages, one series per variant, one group per action. */
    public static JFreeChart outageBoxes(ScenarioInfo scenario, SweepResult sweep) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        List<String> missing = new ArrayList<>();
        int trials = 0;
        for (var byVariant : sweep.samples().entrySet()) {
            for (Map.Entry<String, List<OutageSample>> byAction : byVariant.getValue().entrySet()) {
                List<OutageSample> samples = byAction.getValue();
                trials = Math.max(trials, samples.size());
                long[] finite = OutageStatistics.finiteSorted(samples);
                int unrecovered = samples.size() - finite.length;
                if (unrecovered > 0) {
                    missing.add(sampleKey(sweep, byVariant.getKey(), byAction.getKey()) + " " + unrecovered
                            + " of " + samples.size());
                }
                data.add(boxItem(finite), byVariant.getKey(), byAction.getKey());
            }
        }
        CategoryAxis x = new CategoryAxis("Timeline action");
        NumberAxis y = new NumberAxis("Longest loss window of the worst flow (s)");
        BoxAndWhiskerRenderer r = new MedianLabelRenderer();
        r.setMeanVisible(false);
        r.setFillBox(true);
        r.setMaximumBarWidth(0.16);
        r.setItemMargin(0.15);
        r.setUseOutlinePaintForWhiskers(true);
        r.setDefaultOutlinePaint(Color.DARK_GRAY);
        int i = 0;
        for (String variant : sweep.samples().keySet()) {
            r.setSeriesPaint(i, variantColor(i));
            r.setSeriesOutlinePaint(i, Color.DARK_GRAY);
            i++;
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        styleCategoryPlot(plot);
        y.setAutoRangeIncludesZero(true);
        JFreeChart chart = chart("Outage over " + trials + " trials \u2014 " + scenario.name(), plot);
        subtitle(chart, "Whiskers: min and max; box: 25th to 75th percentile; line and figure: median (nearest rank)"
                + (missing.isEmpty() ? "" : "\nNever recovered (left out of the boxes): " + String.join("; ", missing)));
        return chart;
    }

    /** Draws each box, then its median in seconds beside the median line. */
    static final class MedianLabelRenderer extends BoxAndWhiskerRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawVerticalItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.category.CategoryItemRendererState state,
                                     java.awt.geom.Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
                                     org.jfree.chart.axis.ValueAxis rangeAxis, org.jfree.data.category.CategoryDataset dataset,
                                     int row, int column) {
            super.drawVerticalItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column);
            Number median = ((org.jfree.data.statistics.BoxAndWhiskerCategoryDataset) dataset).getMedianValue(row, column);
            if (median == null) {
                return;
            }
            // the box's left edge, computed as the renderer places it
            double start = domainAxis.getCategoryStart(column, getColumnCount(), dataArea, plot.getDomainAxisEdge());
            double width = domainAxis.getCategoryEnd(column, getColumnCount(), dataArea, plot.getDomainAxisEdge()) - start;
            int series = getRowCount();
            double x;
            if (series > 1) {
                double gap = dataArea.getWidth() * getItemMargin() / (getColumnCount() * (series - 1));
                double used = state.getBarWidth() * series + gap * (series - 1);
                x = start + (width - used) / 2 + row * (state.getBarWidth() + gap);
            } else {
                x = start + (width - state.getBarWidth()) / 2;
            }
            double y = rangeAxis.valueToJava2D(median.doubleValue(), dataArea, plot.getRangeAxisEdge());
            g2.setFont(TICK_FONT);
            g2.setPaint(Color.BLACK);
            g2.drawString(medianLabel(median.doubleValue()), (float) (x + state.getBarWidth() + 2), (float) (y + 4));
        }
    }

    /** The figure printed beside a box's median line. */
    static String medianLabel(double seconds) {
        return decimal(SECONDS_LABEL).format(seconds);
    }

    private static BoxAndWhiskerItem boxItem(long[] sortedFinite) {
        if (sortedFinite.length == 0) {
            return new BoxAndWhiskerItem(null, null, null, null, null, null, null, null, List.of());
        }
        int n = sortedFinite.length;
        double sum = 0;
        for (long v : sortedFinite) {
            sum += Seconds.toDouble(v);
        }
        double min = Seconds.toDouble(sortedFinite[0]);
        double max = Seconds.toDouble(sortedFinite[n - 1]);
        return new BoxAndWhiskerItem(sum / n, rank(sortedFinite, 50), rank(sortedFinite, 25), rank(sortedFinite, 75),
                min, max, min, max, List.of());
    }

    private static double rank(long[] sorted, int p) {
        return Seconds.toDouble(OutageStatistics.percentile(sorted, sorted.length, p).getAsLong());
    }

    /**
     * Probes delivered per time bin, counted by send time over all flows, one strip per variant
     * sharing the time axis. The bin is a multiple of the probe interval that keeps the run within
     * {@value #MAX_BINS} bins: the smallest round value (10 ms, 20 ms, 50 ms … 10 min) that fits,
     * else the smallest such multiple.
     */
    public static JFreeChart timeline(ScenarioInfo scenario, List<VariantResult> variants) {
        long bin = timelineBinNs(scenario);
        int bins = (int) ((scenario.durationNs() + bin - 1) / bin);
        NumberAxis time = new NumberAxis("Simulated time (s)");
        styleNumberAxis(time, SECONDS_AXIS);
        time.setRange(0, Seconds.toDouble(scenario.durationNs()));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(8);
        LegendItemCollection legend = new LegendItemCollection();
        double maxCount = 1;
        List<XYPlot> strips = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantResult v = variants.get(i);
            long[] counts = new long[bins];
            for (ProbeRecord p : v.probes()) {
                int b = (int) (p.sentNs() / bin);
                if (p.delivered() && b < bins) {
                    counts[b]++;
                }
            }
            XYSeries s = new XYSeries(v.name(), false, true);
            for (int b = 0; b < bins; b++) {
                s.add(Seconds.toDouble(b * bin), counts[b]);
                maxCount = Math.max(maxCount, counts[b]);
            }
            // Close the last step at the end of the run.
            s.add(Seconds.toDouble(scenario.durationNs()), counts[bins - 1]);
            XYStepRenderer r = new XYStepRenderer();
            r.setSeriesPaint(0, variantColor(i));
            r.setSeriesStroke(0, new BasicStroke(2f));
            r.setDefaultShapesVisible(false);
            // the variant's name inside its strip, left, on one line: a name of any length stays readable
            // (as the axis label it was rotated and clipped to the strip's height)
            NumberAxis y = new NumberAxis(STRIP_AXIS_LABEL);
            styleNumberAxis(y, "0");
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            XYPlot strip = new XYPlot(new XYSeriesCollection(s), null, y, r);
            styleXYPlot(strip);
            TextTitle name = new TextTitle(v.name(), new Font(Font.SANS_SERIF, Font.BOLD, 12));
            name.setPaint(variantColor(i));
            name.setBackgroundPaint(new Color(255, 255, 255, 210));
            strip.addAnnotation(new org.jfree.chart.annotations.XYTitleAnnotation(0.005, 0.98, name, RectangleAnchor.TOP_LEFT));
            for (int a = 0; a < scenario.actions().size(); a++) {
                strip.addDomainMarker(marker(scenario.actions().get(a), a, i == 0));
            }
            combined.add(strip, 1);
            strips.add(strip);
            legend.add(new LegendItem(v.name(), null, null, null, new Rectangle(-6, -3, 12, 6), variantColor(i)));
        }
        for (XYPlot strip : strips) {
            // Same scale in every strip, with head room for the marker labels in the first one.
            strip.getRangeAxis().setRange(0, maxCount * 1.45);
        }
        combined.setFixedLegendItems(legend);
        JFreeChart chart = chart("Probes delivered over time \u2014 " + scenario.name(), combined);
        subtitle(chart, "Probes delivered per " + Seconds.format(bin).replaceAll("\\.?0+$", "")
                + " s interval, all flows, counted by send time; red: failure, green: restoration");
        return chart;
    }

    static long timelineBinNs(ScenarioInfo scenario) {
        long interval = scenario.probeIntervalNs();
        long floor = Math.max(interval, (scenario.durationNs() + MAX_BINS - 1) / MAX_BINS);
        // A bin that is not a multiple of the probe interval holds a varying number of probes
        // and draws a comb instead of a flat line. A round bin is preferred unless it is much
        // coarser than needed.
        for (long b : NICE_BINS_NS) {
            if (b >= floor && b % interval == 0 && b <= 5 * floor) {
                return b;
            }
        }
        return (floor + interval - 1) / interval * interval;
    }

    private static ValueMarker marker(TimelineAction action, int index, boolean labelled) {
        Color c = kindColor(action.kind());
        ValueMarker m = new ValueMarker(Seconds.toDouble(action.atNs()), c,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        if (labelled) {
            m.setLabel(action.label());
            m.setLabelFont(MARKER_FONT);
            m.setLabelPaint(c);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            // Stagger labels so that actions close in time do not print over each other.
            m.setLabelOffset(new RectangleInsets(3 + 13 * (index % 3), 3, 3, 3));
        }
        return m;
    }

    /**
     * Empirical CDF of the outage: for x seconds, the fraction of all trials whose outage was at
     * most x. Trials that never recovered stay in the denominator, so the curve ends below 1.
     */
    public static JFreeChart outageCdf(ScenarioInfo scenario, SweepResult sweep) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYStepRenderer r = new XYStepRenderer();
        r.setDefaultShapesVisible(false);
        int seriesTotal = sweep.samples().values().stream().mapToInt(Map::size).sum();
        long xMax = 1;
        for (Map<String, List<OutageSample>> byAction : sweep.samples().values()) {
            for (List<OutageSample> samples : byAction.values()) {
                long[] f = OutageStatistics.finiteSorted(samples);
                if (f.length > 0) {
                    xMax = Math.max(xMax, f[f.length - 1]);
                }
            }
        }
        double right = Seconds.toDouble(xMax) * 1.05;
        List<String> missing = new ArrayList<>();
        Map<String, String> curves = new java.util.LinkedHashMap<>();
        int variantIndex = 0;
        int series = 0;
        for (var byVariant : sweep.samples().entrySet()) {
            int actionIndex = 0;
            for (Map.Entry<String, List<OutageSample>> byAction : byVariant.getValue().entrySet()) {
                List<OutageSample> samples = byAction.getValue();
                long[] f = OutageStatistics.finiteSorted(samples);
                String key = sampleKey(sweep, byVariant.getKey(), byAction.getKey());
                XYSeries s = new XYSeries(key, false, true);
                s.add(0.0, 0.0);
                int n = samples.size();
                for (int k = 0; k < f.length; k++) {
                    s.add(Seconds.toDouble(f[k]), n == 0 ? 0.0 : (k + 1) / (double) n);
                }
                s.add(right, n == 0 ? 0.0 : f.length / (double) n);
                if (f.length < n) {
                    missing.add(key + " " + (n - f.length) + " of " + n);
                }
                data.addSeries(s);
                r.setSeriesPaint(series, variantColor(variantIndex));
                // earlier series are drawn first and wider: a curve another one covers still shows at its edges
                r.setSeriesStroke(series, actionStroke(actionIndex, 1.6f + 1.4f * (seriesTotal - 1 - series)
                        / Math.max(1, seriesTotal - 1)));
                curves.put(key, java.util.Arrays.toString(f) + "/" + n);
                series++;
                actionIndex++;
            }
            variantIndex++;
        }
        NumberAxis x = new NumberAxis("Longest loss window of the worst flow (s)");
        styleNumberAxis(x, SECONDS_AXIS);
        // start left of 0 so that a curve of all-zero outages (a step at x = 0) is not hidden by the axis
        x.setRange(-0.03 * right, right);
        NumberAxis y = new NumberAxis("Fraction of trials with outage \u2264 x");
        styleNumberAxis(y, "0.0");
        y.setRange(0, 1.02);
        y.setTickUnit(new NumberTickUnit(0.1));
        XYPlot plot = new XYPlot(data, x, y, r);
        styleXYPlot(plot);
        JFreeChart chart = chart("Outage distribution over trials \u2014 " + scenario.name(), plot);
        List<String> same = coinciding(curves);
        String text = missing.isEmpty() ? "Empirical CDF: fraction of trials whose outage was at most x seconds"
                : "Empirical CDF; never recovered (the curve ends below 1): " + String.join("; ", missing);
        subtitle(chart, same.isEmpty() ? text : text + "\nSame curve (drawn over each other): " + String.join("; ", same));
        return chart;
    }

    /** Groups of series with identical samples, each as {@code a = b = c}, in series order. */
    static List<String> coinciding(Map<String, String> curves) {
        Map<String, List<String>> byCurve = new java.util.LinkedHashMap<>();
        curves.forEach((key, curve) -> byCurve.computeIfAbsent(curve, c -> new ArrayList<>()).add(key));
        return byCurve.values().stream().filter(k -> k.size() > 1).map(k -> String.join(" = ", k)).toList();
    }

    /** Names a sweep series: the variant, plus the action when the sweep has several. */
    private static String sampleKey(SweepResult sweep, String variant, String action) {
        boolean severalActions = sweep.samples().values().stream().anyMatch(m -> m.size() > 1);
        return severalActions ? variant + " / " + action : variant;
    }

    private static Stroke actionStroke(int index, float width) {
        float[][] dashes = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};
        float[] d = dashes[index % dashes.length];
        return d == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, d, 0f);
    }

    private static JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 8, 6, 12));
        LegendTitle legend = chart.getLegend();
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(LABEL_FONT);
        legend.setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    private static void subtitle(JFreeChart chart, String text) {
        TextTitle t = new TextTitle(text, SUBTITLE_FONT);
        t.setPaint(Color.DARK_GRAY);
        t.setHorizontalAlignment(HorizontalAlignment.CENTER);
        t.setMaximumLinesToDisplay(2);
        t.setPadding(new RectangleInsets(2, 4, 6, 4));
        chart.addSubtitle(t);
    }

    private static void styleCategoryPlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.getDomainAxis().setLabelFont(LABEL_FONT);
        plot.getDomainAxis().setTickLabelFont(LABEL_FONT);
        plot.getDomainAxis().setCategoryMargin(0.25);
        if (plot.getRangeAxis() instanceof NumberAxis y) {
            styleNumberAxis(y, SECONDS_AXIS);
        }
    }

    private static void styleXYPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private static void styleNumberAxis(NumberAxis axis, String pattern) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setNumberFormatOverride(decimal(pattern));
    }

    private static NumberFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    static Color kindColor(ActionKind kind) {
        return switch (kind) {
            case FAILURE -> FAILURE;
            case RESTORATION -> RESTORATION;
            case OTHER -> OTHER;
        };
    }

    /** One measured point of a scaling curve: a workload size and what it cost. */
    public record ScalingPoint(String series, int size, double wallSeconds, double peakHeapMiB) {
    }

    /**
     * Scaling curves: wall time (upper panel) and peak heap (lower panel) against the workload
     * size, one series (colour) per routing, both axes logarithmic so that a straight line is a
     * power law and its slope the exponent.
     */
    public static JFreeChart scaling(String title, String sizeLabel, List<ScalingPoint> points) {
        List<String> names = points.stream().map(ScalingPoint::series).distinct().toList();
        XYSeriesCollection wall = new XYSeriesCollection();
        XYSeriesCollection heap = new XYSeriesCollection();
        for (String n : names) {
            XYSeries w = new XYSeries(n);
            XYSeries h = new XYSeries(n);
            for (ScalingPoint p : points) {
                if (p.series().equals(n)) {
                    w.add(p.size(), Math.max(p.wallSeconds(), 0.01));
                    h.add(p.size(), Math.max(p.peakHeapMiB(), 1));
                }
            }
            wall.addSeries(w);
            heap.addSeries(h);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(logAxis(sizeLabel));
        plot.setGap(14);
        XYPlot wallPanel = scalingPanel(wall, "wall time (s)", names.size());
        plot.add(wallPanel, 1);
        plot.add(scalingPanel(heap, "peak heap (MiB)", names.size()), 1);
        plot.setFixedLegendItems(wallPanel.getLegendItems());
        JFreeChart chart = chart(title, plot);
        subtitle(chart, "each point a fresh JVM; both axes logarithmic");
        return chart;
    }

    private static XYPlot scalingPanel(XYSeriesCollection data, String label, int series) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setAutoPopulateSeriesShape(false);
        r.setDefaultShape(new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, variantColor(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot p = new XYPlot(data, null, logAxis(label), r);
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setRangeGridlinePaint(GRID);
        p.setDomainGridlinePaint(GRID);
        return p;
    }

    private static LogarithmicAxis logAxis(String label) {
        LogarithmicAxis a = new LogarithmicAxis(label);
        a.setAllowNegativesFlag(false);
        a.setStrictValuesFlag(false);
        a.setAutoRangeNextLogFlag(true);
        a.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        a.setLabelFont(LABEL_FONT);
        a.setTickLabelFont(TICK_FONT);
        return a;
    }
}
