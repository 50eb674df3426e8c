package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.TopologyDiagram;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunnelsim draw} and the diagram in the comparison's report.html. */
class DrawCommandTest {
    @Test
    void drawsATopologyAndAScenarioWithItsFailure(@TempDir Path dir) throws Exception {
        Path topo = dir.resolve("t.png");
        CliTest.Result r = CliTest.run("draw", "--allow-outside", CliTest.ROOT.resolve("topologies/two-site-dual-isp.yaml").toString(),
                "-o", topo.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("6 nodes, 6 links"), r.out());
        BufferedImage img = ImageIO.read(topo.toFile());
        assertEquals(TopologyDiagram.WIDTH, img.getWidth());
        assertEquals(TopologyDiagram.HEIGHT, img.getHeight());

        Path scen = dir.resolve("s.png");
        assertEquals(0, CliTest.run("draw", "--allow-outside", CliTest.ROOT.resolve("examples/failover-static-vs-dynamic.yaml").toString(),
                "-o", scen.toString()).code());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(topo), Files.readAllBytes(scen)), "the failure is drawn");
        Path again = dir.resolve("again.png");
        CliTest.run("draw", "--allow-outside", CliTest.ROOT.resolve("examples/failover-static-vs-dynamic.yaml").toString(), "-o", again.toString());
        assertArrayEquals(Files.readAllBytes(scen), Files.readAllBytes(again));
    }

    @Test
    void unknownHighlightAndNonPngOutputAreBadInput(@TempDir Path dir) {
        String t = CliTest.ROOT.resolve("topologies/two-site-dual-isp.yaml").toString();
        CliTest.Result r = CliTest.run("draw", "--allow-outside", t, "-o", dir.resolve("x.png").toString(), "--highlight", "isp-c");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no node or link 'isp-c'") && r.err().contains("did you mean"), r.err());
        CliTest.Result svg = CliTest.run("draw", "--allow-outside", t, "-o", dir.resolve("x.svg").toString());
        assertEquals(2, svg.code());
        assertTrue(svg.err().contains("*.png"), svg.err());
        assertEquals(2, CliTest.run("draw", "--allow-outside", t).code(), "-o is required");
    }

    @Test
    void comparisonReportEmbedsTheDiagramAfterTheVerdict(@TempDir Path dir) throws Exception {
        CliTest.Result r = CliTest.run("compare", "--allow-outside", CliTest.ROOT.resolve("examples/quickstart.yaml").toString(),
                "--out", dir.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(dir.resolve("topology.png")) > 5_000);
        String html = Files.readString(dir.resolve("report.html"));
        int verdict = html.indexOf("<h2>Verdict</h2>");
        int topology = html.indexOf("<h2>Topology</h2>");
        int timeline = html.indexOf("<h2>Timeline</h2>");
        assertTrue(verdict >= 0 && verdict < topology && topology < timeline, "verdict, topology, timeline");
        assertTrue(html.contains("failed by the timeline, in red: link r2-r3 (link-down at"), html.substring(topology, timeline));
        assertTrue(html.contains("width=\"900\" height=\"560\""), "the diagram keeps its own size");
        String keyEvents = html.substring(html.indexOf("<h2>Key events</h2>"));
        assertFalse(keyEvents.contains("0.000000000 r1 %LINEPROTO-5-UPDOWN"), "no interface-up noise at t = 0");
        assertTrue(keyEvents.contains("changed state to down"), "the failure's interface events stay");
        assertTrue(Files.readString(dir.resolve("default/events.log")).contains("     0.000000000 r1 %LINEPROTO-5-UPDOWN"),
                "events.log keeps every line");
    }
}
