package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ComparisonReport;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.ScenarioInfo;
import io.tunnelsim.report.model.SweepReport;
import io.tunnelsim.report.model.SweepResult;
import io.tunnelsim.report.model.TimelineAction;
import io.tunnelsim.report.model.VariantResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static void assertPng(byte[] bytes) throws IOException {
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(img, "ImageIO decodes the file");
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        assertEquals(0xFFFFFFFF, img.getRGB(2, 2), "white background");
        assertTrue(!new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("tIME"),
                "no timestamp chunk");
    }

    private byte[] render(JFreeChart chart, String name) throws IOException {
        Path f = dir.resolve(name);
        Charts.save(chart, f);
        return Files.readAllBytes(f);
    }

    @Test
    void comparisonChartsAreValidPngsOfTheFixedSize() throws IOException {
        ComparisonReport c = SampleData.comparison();
        assertPng(render(Charts.outageBars(c.scenario(), c.variants()), "bars.png"));
        assertPng(render(Charts.timeline(c.scenario(), c.variants()), "timeline.png"));
    }

    @Test
    void sweepChartsAreValidPngsOfTheFixedSize() throws IOException {
        SweepReport s = SampleData.sweep();
        assertPng(render(Charts.outageBoxes(s.scenario(), s.sweep()), "box.png"));
        assertPng(render(Charts.outageCdf(s.scenario(), s.sweep()), "cdf.png"));
    }

    @Test
    void renderingTwiceGivesIdenticalBytes() throws IOException {
        ComparisonReport c = SampleData.comparison();
        byte[] a = render(Charts.timeline(c.scenario(), c.variants()), "a.png");
        byte[] b = render(Charts.timeline(SampleData.comparison().scenario(), SampleData.comparison().variants()), "b.png");
        assertArrayEquals(a, b);
        SweepReport s = SampleData.sweep();
        assertArrayEquals(render(Charts.outageCdf(s.scenario(), s.sweep()), "c.png"),
                render(Charts.outageCdf(s.scenario(), s.sweep()), "d.png"));
    }

    @Test
    void neverRecoveredIsNamedInTheSubtitle() {
        ComparisonReport c = SampleData.comparison();
        JFreeChart bars = Charts.outageBars(c.scenario(), c.variants());
        String subtitle = ((TextTitle) bars.getSubtitle(bars.getSubtitleCount() - 1)).getText();
        assertTrue(subtitle.contains("not recovered before the next action") && subtitle.contains("rip"), subtitle);
        assertEquals(null, barData(bars).getValue("rip", "fail isp-a (silent)"), "no bar for a flow that never recovered");

        SweepReport s = SampleData.sweep();
        JFreeChart cdf = Charts.outageCdf(s.scenario(), s.sweep());
        String cdfSubtitle = ((TextTitle) cdf.getSubtitle(cdf.getSubtitleCount() - 1)).getText();
        assertTrue(cdfSubtitle.contains("rip 2 of 20"), cdfSubtitle);
    }

    @Test
    void sweepWithSeveralActionsAndAnAllUnrecoveredCellRenders() throws IOException {
        long s = 1_000_000_000L;
        Map<String, Map<String, List<OutageSample>>> samples = new LinkedHashMap<>();
        Map<String, List<OutageSample>> ospf = new LinkedHashMap<>();
        ospf.put("fail", List.of(OutageSample.of(1, 35 * s), OutageSample.of(2, 38 * s)));
        ospf.put("restore", List.of(OutageSample.of(1, s / 2), OutageSample.of(2, 0)));
        Map<String, List<OutageSample>> rip = new LinkedHashMap<>();
        rip.put("fail", List.of(OutageSample.notRecovered(1), OutageSample.notRecovered(2)));
        rip.put("restore", List.of(OutageSample.of(1, s), OutageSample.of(2, 2 * s)));
        samples.put("ospf", ospf);
        samples.put("rip", rip);
        SweepResult sweep = new SweepResult(samples);
        ScenarioInfo scenario = SampleData.scenario();
        assertPng(render(Charts.outageBoxes(scenario, sweep), "box2.png"));
        JFreeChart cdf = Charts.outageCdf(scenario, sweep);
        assertPng(render(cdf, "cdf2.png"));
        assertEquals("rip / fail", ((org.jfree.chart.plot.XYPlot) cdf.getPlot()).getDataset().getSeriesKey(2));
    }

    @Test
    void emptyComparisonStillRenders() throws IOException {
        ScenarioInfo scenario = new ScenarioInfo("empty", "", 1, 10_000_000_000L, 1_000_000_000L, List.of());
        VariantResult v = new VariantResult("static", List.of(), List.of(), List.of(), new TreeMap<>(), 0, List.of(), 10_000_000_000L);
        assertPng(render(Charts.outageBars(scenario, List.of(v)), "e1.png"));
        assertPng(render(Charts.timeline(scenario, List.of(v)), "e2.png"));
    }

    @ParameterizedTest
    @CsvSource({
        "200000000,120000000000,1000000000",  // 0.2 s probes, 2 min: 1 s bins (0.25 and 0.5 s do not divide)
        "100000000,10000000000,100000000",    // 0.1 s probes, 10 s: one probe per bin
        "1000000000,3600000000000,10000000000", // 1 s probes, 1 h: 10 s bins keep it under 400
        "300000000,60000000000,300000000",    // 0.3 s probes: no nice bin divides, use the interval
    })
    void timelineBinsAreMultiplesOfTheProbeInterval(long interval, long duration, long expected) {
        ScenarioInfo s = new ScenarioInfo("s", "", 1, duration, interval,
                List.of(new TimelineAction("x", 0, ActionKind.OTHER)));
        long bin = Charts.timelineBinNs(s);
        assertEquals(expected, bin);
        assertEquals(0, bin % interval);
        assertTrue(duration / bin <= 400);
    }

    @Test
    void timelineGrowsWithTheNumberOfVariantsSoEveryStripKeepsItsLabel() throws IOException {
        assertEquals(Charts.HEIGHT, Charts.timelineHeight(1));
        assertEquals(Charts.HEIGHT, Charts.timelineHeight(3));
        assertEquals(700, Charts.timelineHeight(5));
        var c = SampleData.comparison();
        Path f = dir.resolve("tall.png");
        Charts.save(Charts.timeline(c.scenario(), c.variants()), f, Charts.timelineHeight(5));
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(700, img.getHeight());
    }

    /** The bars' dataset, from the chart or (axis broken) from its first panel. */
    static org.jfree.data.category.CategoryDataset barData(JFreeChart bars) {
        CategoryPlot p = (CategoryPlot) bars.getPlot();
        if (p instanceof CombinedDomainCategoryPlot c) {
            p = (CategoryPlot) c.getSubplots().get(0);
        }
        return p.getDataset();
    }

    private static String lastSubtitle(JFreeChart chart) {
        return ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
    }

    private static ScenarioInfo scenarioWithOneFailure() {
        ScenarioInfo base = SampleData.scenario();
        return new ScenarioInfo(base.name(), "", 1, base.durationNs(), base.probeIntervalNs(), List.of(base.actions().get(0)));
    }

    private static VariantResult variant(String name, long outageNs) {
        return SampleData.variant(name, outageNs, 0, List.of(), List.of(), List.of());
    }

    @Test
    void allZeroBarsKeepAZeroToOneAxisAndSaySo() throws IOException {
        ComparisonReport c = SampleData.comparison();
        JFreeChart bars = Charts.outageBars(c.scenario(), List.of(variant("a", 0), variant("b", 0)));
        CategoryPlot p = (CategoryPlot) bars.getPlot();
        assertFalse(p instanceof CombinedDomainCategoryPlot);
        assertEquals(0.0, p.getRangeAxis().getLowerBound(), "no negative axis (no '-0' tick)");
        assertEquals(1.0, p.getRangeAxis().getUpperBound());
        assertTrue(lastSubtitle(bars).contains("every bar is 0 s"), lastSubtitle(bars));
        assertEquals("0.00 s", p.getRenderer().getDefaultItemLabelGenerator().generateLabel(p.getDataset(), 0, 0),
                "a zero bar is labelled, so it reads as 'no loss' and not as a missing bar");
        assertPng(render(bars, "zero.png"));
    }

    @Test
    void oneLongBarBreaksTheAxisSoShortBarsStayReadable() throws IOException {
        ScenarioInfo one = scenarioWithOneFailure();
        List<VariantResult> vs = List.of(variant("fast", 2 * S), variant("medium", 4 * S), variant("slow", 45 * S));
        JFreeChart bars = Charts.outageBars(one, vs);
        CombinedDomainCategoryPlot p = assertInstanceOf(CombinedDomainCategoryPlot.class, bars.getPlot());
        CategoryPlot upper = (CategoryPlot) p.getSubplots().get(0);
        CategoryPlot lower = (CategoryPlot) p.getSubplots().get(1);
        double fourSeconds = barData(bars).getValue("medium", "fail isp-a (silent)").doubleValue();
        double slow = barData(bars).getValue("slow", "fail isp-a (silent)").doubleValue();
        assertTrue(lower.getRangeAxis().getUpperBound() >= fourSeconds && lower.getRangeAxis().getUpperBound() < slow / 2,
                "lower panel: the short bars fill it: " + lower.getRangeAxis().getRange());
        assertTrue(upper.getRangeAxis().getLowerBound() > fourSeconds && upper.getRangeAxis().getUpperBound() > slow,
                "upper panel: the long bar " + upper.getRangeAxis().getRange());
        // each bar labelled once: in the panel where it ends
        assertEquals(null, lower.getRenderer().getDefaultItemLabelGenerator().generateLabel(lower.getDataset(), 2, 0));
        assertTrue(upper.getRenderer().getDefaultItemLabelGenerator().generateLabel(upper.getDataset(), 2, 0).endsWith(" s"));
        assertEquals(null, upper.getRenderer().getDefaultItemLabelGenerator().generateLabel(upper.getDataset(), 0, 0));
        assertTrue(lastSubtitle(bars).startsWith("Axis broken between"), lastSubtitle(bars));
        assertEquals(3, bars.getPlot().getLegendItems().getItemCount(), "one legend entry per variant, not per panel");
        assertPng(render(bars, "broken.png"));

        JFreeChart close = Charts.outageBars(one, List.of(variant("a", 2 * S), variant("b", 3 * S), variant("c", 4 * S)));
        assertFalse(close.getPlot() instanceof CombinedDomainCategoryPlot, "2-4 s: one linear axis");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0, 2.06, 3.86, 34.26, 35.06, 196.46; 3.86; 34.26",  // the reference comparison
        "2, 3, 4; -1; -1",                                     // no break
        "0, 0, 0; -1; -1",                                     // all zero: nothing to break
        "0.4, 31.4, 40.6; 0.4; 31.4",
    })
    void axisBreaksAtTheLargestGapBetweenConsecutiveBars(String values, double low, double high) {
        List<Double> v = Arrays.stream(values.split(",")).map(String::trim).map(Double::valueOf).toList();
        double[] split = Charts.axisBreak(v);
        if (low < 0) {
            assertEquals(null, split);
        } else {
            assertArrayEquals(new double[] {low, high}, split);
        }
    }

    @Test
    void timelineWritesEachVariantNameInsideItsStripWhateverItsLength() throws IOException {
        String longName = "static-routes-with-gre-keepalives-every-ten-seconds-and-three-retries";
        ComparisonReport c = SampleData.comparison();
        List<VariantResult> vs = List.of(variant(longName, 4 * S), variant("ospf", 2 * S));
        JFreeChart t = Charts.timeline(c.scenario(), vs);
        List<?> strips = ((CombinedDomainXYPlot) t.getPlot()).getSubplots();
        for (int i = 0; i < strips.size(); i++) {
            XYPlot strip = (XYPlot) strips.get(i);
            assertEquals(Charts.STRIP_AXIS_LABEL, strip.getRangeAxis().getLabel(), "short axis label: nothing to overlap");
            String name = strip.getAnnotations().stream().filter(a -> a instanceof XYTitleAnnotation)
                    .map(a -> ((TextTitle) ((XYTitleAnnotation) a).getTitle()).getText()).findFirst().orElse(null);
            assertEquals(vs.get(i).name(), name);
        }
        Path f = dir.resolve("long.png");
        Charts.save(t, f, Charts.timelineHeight(2));
        assertEquals(Charts.WIDTH, ImageIO.read(f.toFile()).getWidth());
    }

    @Test
    void cdfShowsAnAllZeroCurveAndNamesCurvesThatCoincide() {
        Map<String, Map<String, List<OutageSample>>> samples = new LinkedHashMap<>();
        List<OutageSample> same = List.of(OutageSample.of(1, 3 * S), OutageSample.of(2, 4 * S));
        samples.put("ospf", Map.of("fail", same));
        samples.put("ospf-copy", Map.of("fail", same));
        samples.put("static", Map.of("fail", List.of(OutageSample.of(1, 0), OutageSample.of(2, 0))));
        JFreeChart cdf = Charts.outageCdf(SampleData.scenario(), new SweepResult(samples));
        XYPlot p = (XYPlot) cdf.getPlot();
        assertTrue(p.getDomainAxis().getLowerBound() < 0, "the step of an all-zero curve at x = 0 is off the axis line");
        assertTrue(lastSubtitle(cdf).contains("ospf = ospf-copy"), lastSubtitle(cdf));
        assertFalse(lastSubtitle(cdf).contains("static ="), lastSubtitle(cdf));
        float first = ((BasicStroke) p.getRenderer().getSeriesStroke(0)).getLineWidth();
        float second = ((BasicStroke) p.getRenderer().getSeriesStroke(1)).getLineWidth();
        assertTrue(first > second, "the curve drawn first is wider, so a curve on top of it leaves its edges visible");
    }

    @Test
    void boxPlotsCarryTheirMedianFigure() {
        SweepReport s = SampleData.sweep();
        JFreeChart box = Charts.outageBoxes(s.scenario(), s.sweep());
        CategoryPlot p = (CategoryPlot) box.getPlot();
        assertInstanceOf(Charts.MedianLabelRenderer.class, p.getRenderer());
        var data = (org.jfree.data.statistics.BoxAndWhiskerCategoryDataset) p.getDataset();
        List<OutageSample> ospf = s.sweep().samples().get("ospf").values().iterator().next();
        long[] sorted = OutageStatistics.finiteSorted(ospf);
        double median = Seconds.toDouble(OutageStatistics.percentile(sorted, sorted.length, 50).getAsLong());
        assertEquals(median, data.getMedianValue("ospf", "fail isp-a (silent)").doubleValue());
        assertEquals("35.20", Charts.medianLabel(35.2));
        assertTrue(lastSubtitle(box).contains("line and figure: median"));
    }

    @Test
    void everySecondsAxisUsesTheSameDecimals() {
        ComparisonReport c = SampleData.comparison();
        SweepReport s = SampleData.sweep();
        java.text.NumberFormat expected = new java.text.DecimalFormat(Charts.SECONDS_AXIS,
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        List<NumberAxis> axes = new java.util.ArrayList<>();
        JFreeChart bars = Charts.outageBars(c.scenario(), c.variants());
        if (bars.getPlot() instanceof CombinedDomainCategoryPlot cp) {
            cp.getSubplots().forEach(sp -> axes.add((NumberAxis) ((CategoryPlot) sp).getRangeAxis()));
        } else {
            axes.add((NumberAxis) ((CategoryPlot) bars.getPlot()).getRangeAxis());
        }
        axes.add((NumberAxis) ((CategoryPlot) Charts.outageBoxes(s.scenario(), s.sweep()).getPlot()).getRangeAxis());
        axes.add((NumberAxis) ((XYPlot) Charts.outageCdf(s.scenario(), s.sweep()).getPlot()).getDomainAxis());
        axes.add((NumberAxis) ((CombinedDomainXYPlot) Charts.timeline(c.scenario(), c.variants()).getPlot()).getDomainAxis());
        for (NumberAxis a : axes) {
            assertEquals(expected, a.getNumberFormatOverride(), a.getLabel());
        }
    }

    private static final long S = 1_000_000_000L;
}
