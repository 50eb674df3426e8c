package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
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
        assertEquals(null, ((org.jfree.chart.plot.CategoryPlot) bars.getPlot()).getDataset()
                .getValue("rip", "fail isp-a (silent)"), "no bar for a flow that never recovered");

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
}
