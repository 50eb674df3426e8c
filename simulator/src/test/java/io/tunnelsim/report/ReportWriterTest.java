package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.model.ComparisonReport;
import io.tunnelsim.report.model.RunReport;
import io.tunnelsim.report.model.VariantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class ReportWriterTest {

    @TempDir
    Path tmp;

    private static List<String> names(Path base, List<Path> files) {
        return files.stream().map(p -> base.relativize(p).toString().replace('\\', '/')).toList();
    }

    @Test
    void runWritesTheContractFiles() throws IOException {
        ComparisonReport c = SampleData.comparison();
        List<Path> files = ReportWriter.writeRun(tmp, new RunReport(c.scenario(), c.variants().get(2)));
        assertEquals(List.of("summary.json", "probes.csv", "convergence.csv"), names(tmp, files));
        String probes = Files.readString(tmp.resolve("probes.csv"));
        assertTrue(probes.startsWith("flow,seq,sent_s,received_s,status\n"));
        assertEquals(1 + 1200, probes.split("\n").length);
        assertFalse(probes.contains("\r"));
    }

    @Test
    void comparisonWritesTablesChartsReportAndPerVariantRuns() throws IOException {
        List<Path> files = ReportWriter.writeComparison(tmp, SampleData.comparison());
        List<String> n = names(tmp, files);
        for (String expected : List.of("static-keepalive/probes.csv", "rip/summary.json", "ospf/convergence.csv",
                "summary.json", "convergence.csv", "comparison.csv", "convergence.png", "timeline.png", "report.html")) {
            assertTrue(n.contains(expected), expected + " in " + n);
        }
        String comparison = Files.readString(tmp.resolve("comparison.csv"));
        assertTrue(comparison.contains("rip,fail isp-a (silent),30.000000000,not-recovered-before-next-action,,,,50.000000000,500,0,0,\n"), comparison);
    }

    @Test
    void sweepWritesItsFiles() throws IOException {
        List<Path> files = ReportWriter.writeSweep(tmp, SampleData.sweep());
        assertEquals(List.of("summary.json", "sweep.csv", "convergence.png", "cdf.png", "report.html"), names(tmp, files));
    }

    @Test
    void htmlIsSelfContainedAndEscapesEventLines() throws IOException {
        ReportWriter.writeComparison(tmp, SampleData.comparison());
        String html = Files.readString(tmp.resolve("report.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains("http://"), "no external http reference");
        assertFalse(html.contains("https://"), "no external https reference");
        assertFalse(html.toLowerCase().contains("<script"), "no scripts");
        assertFalse(html.toLowerCase().contains("<link"), "no linked resources");
        assertFalse(html.contains("url("), "no CSS URLs");
        // every src attribute is a data URI
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), src.group(1));
            images++;
        }
        assertEquals(2, images);
        assertTrue(html.contains("note: a line with &lt;html&gt; &amp; &quot;quotes&quot; is escaped"));
        assertFalse(html.contains("<html> &"), "raw event text must not appear");
        assertTrue(html.contains("ISP A silently drops all transit traffic at 30 s &amp; comes back"));
        assertTrue(html.contains("not recovered before the next action (restore isp-a at 80.00 s)"));
        assertTrue(html.contains("<h2>Verdict</h2>"));
        assertTrue(html.indexOf("<h2>Verdict</h2>") < html.indexOf("<h2>Timeline</h2>"), "the verdict comes first");
        assertTrue(html.contains("<h2>Results per flow</h2>"));
        assertTrue(html.contains("<h2>Definitions</h2>"));
        assertTrue(html.contains("Seed</th><td>42<"));
    }

    @Test
    void embeddedImagesAreTheWrittenPngs() throws IOException {
        ReportWriter.writeSweep(tmp, SampleData.sweep());
        String html = Files.readString(tmp.resolve("report.html"));
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<byte[]> embedded = new ArrayList<>();
        while (m.find()) {
            embedded.add(Base64.getDecoder().decode(m.group(1)));
        }
        assertEquals(2, embedded.size());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("convergence.png")), embedded.get(0));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("cdf.png")), embedded.get(1));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(embedded.get(1)));
        assertEquals(900, img.getWidth());
        assertEquals(500, img.getHeight());
        assertTrue(html.contains("Nearest rank"));
    }

    @Test
    void sameInputTwiceGivesIdenticalBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        List<Path> fa = ReportWriter.writeComparison(a, SampleData.comparison());
        List<Path> fb = ReportWriter.writeComparison(b, SampleData.comparison());
        fa = new ArrayList<>(fa);
        fa.addAll(ReportWriter.writeSweep(a.resolve("sweep"), SampleData.sweep()));
        fb = new ArrayList<>(fb);
        fb.addAll(ReportWriter.writeSweep(b.resolve("sweep"), SampleData.sweep()));
        assertEquals(names(a, fa), names(b, fb));
        for (int i = 0; i < fa.size(); i++) {
            assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)), fa.get(i).toString());
        }
    }

    @Test
    void variantNamesMustBeSafeDirectoryNames() {
        for (String bad : List.of("..", "a/b", "a b", "", "x\\y")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new VariantResult(bad, List.of(), List.of(), List.of(), new TreeMap<>(), 0, List.of(), 1), bad);
        }
    }

    @Test
    void duplicateVariantsRejected() {
        VariantResult v = SampleData.comparison().variants().get(0);
        assertThrows(IllegalArgumentException.class,
                () -> new ComparisonReport(SampleData.scenario(), List.of(v, v)));
    }

    @Test
    void escapeCoversHtmlSpecials() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlReport.escape("<a href=\"x\">&'"));
        assertEquals("plain", HtmlReport.escape("plain"));
    }
}
