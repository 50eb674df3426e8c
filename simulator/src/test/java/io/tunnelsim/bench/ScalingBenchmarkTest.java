package io.tunnelsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaling benchmark measures each point in its own JVM and records what it measured: a row per
 * point with the node count of the generated network, events that grow with the network, a heap
 * figure, the child's own output, and a chart; a point over its time limit is recorded as such
 * instead of stopping the others.
 */
class ScalingBenchmarkTest {

    @Test
    void everyPointRunsInItsOwnJvmAndIsRecorded(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<ScalingBenchmark.Point> points = ScalingBenchmark.run(new PrintStream(buf, true, StandardCharsets.UTF_8),
                List.of(2, 8), List.of("static"), 300, dir);
        assertEquals(2, points.size());
        for (ScalingBenchmark.Point p : points) {
            assertEquals("ok", p.status(), p.toString());
            assertTrue(p.wallSeconds() > 0 && p.peakHeapMiB() > 0 && p.peakLiveMiB() > 0, p.toString());
        }
        // four times the spokes: more tunnels, keepalives and routes, so more events
        assertTrue(points.get(1).events() > points.get(0).events(), points.toString());
        List<String> csv = Files.readAllLines(dir.resolve("scaling.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("static,2,9,ok,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("static,8,21,ok,"), csv.get(2));
        String log = Files.readString(dir.resolve("scaling.txt"));
        assertTrue(log.contains("# static, 2 spokes: ok") && log.contains("# static, 8 spokes: ok"), log);
        assertTrue(log.contains("hub-and-spoke, 2 hubs, 8 spokes (21 nodes)"), log);
        BufferedImage png = ImageIO.read(dir.resolve("scaling.png").toFile());
        assertEquals(900, png.getWidth());
        assertEquals(700, png.getHeight());
    }

    @Test
    void aPointOverItsTimeLimitIsRecordedAndTheOthersStillRun(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        // one second is far below the JVM start plus a 300-spoke OSPF run
        List<ScalingBenchmark.Point> points = ScalingBenchmark.run(new PrintStream(buf, true, StandardCharsets.UTF_8),
                List.of(300), List.of("ospf"), 1, dir);
        assertEquals("time limit (1 s)", points.get(0).status());
        assertTrue(Files.readString(dir.resolve("scaling.csv")).contains("ospf,300,605,time limit (1 s),"));
        assertTrue(Files.exists(dir.resolve("scaling.png")));
    }

    @Test
    void aRoutingStopsAtItsLargestSizeAndAfterAPointThatDidNotFinish(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        // static up to 4 spokes: the 8-spoke point is not run
        List<ScalingBenchmark.Point> capped = ScalingBenchmark.run(new PrintStream(buf, true, StandardCharsets.UTF_8),
                List.of(2, 8), List.of("static:4"), 300, dir.resolve("a"));
        assertEquals(List.of("static,2,ok"), rows(capped));
        // 300-spoke OSPF cannot finish in 1 s, so the larger size is skipped without a JVM of its own
        List<ScalingBenchmark.Point> stopped = ScalingBenchmark.run(new PrintStream(buf, true, StandardCharsets.UTF_8),
                List.of(300, 600), List.of("ospf"), 1, dir.resolve("b"));
        assertEquals(List.of("ospf,300,time limit (1 s)", "ospf,600,skipped (300 spokes did not finish)"), rows(stopped));
        String log = Files.readString(dir.resolve("b/scaling.txt"));
        assertTrue(!log.contains("# ospf, 600 spokes"), "a skipped point starts no JVM: " + log);
        assertTrue(Files.readString(dir.resolve("b/scaling.csv")).contains("ospf,600,1205,skipped (300 spokes did not finish),"));
        assertEquals(new ScalingBenchmark.Routing("ospf", 600), ScalingBenchmark.Routing.parse("ospf:600"));
        assertEquals(Integer.MAX_VALUE, ScalingBenchmark.Routing.parse("ospf").maxSpokes());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ScalingBenchmark.Routing.parse("ospf:x"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ScalingBenchmark.Routing.parse("ospf:0"));
    }

    private static List<String> rows(List<ScalingBenchmark.Point> points) {
        return points.stream().map(p -> p.routing() + "," + p.spokes() + "," + p.status()).toList();
    }
}
