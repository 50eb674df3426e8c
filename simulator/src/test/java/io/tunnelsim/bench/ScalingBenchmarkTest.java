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
}
