package io.tunnelsim.bench;

import io.tunnelsim.report.Charts;
import io.tunnelsim.report.Charts.ScalingPoint;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Scaling curve: the {@link ScaleBenchmark} hub-failure run at several network sizes and
 * routings, each point in a fresh JVM (so one point's heap cannot inflate the next one's, and a
 * point that exhausts the heap or its time limit costs only itself). The child JVM gets the same
 * JVM options as this one (so {@code TUNNELSIM_JAVA_OPTS=-Xmx…} applies to every point) after the
 * launcher's defaults. Writes {@code scaling.txt} (every child's output), {@code scaling.csv}
 * and {@code scaling.png} (wall time and peak heap against spokes, log–log). Wall-clock time is
 * read here only, outside the simulation.
 *
 * <p>A routing may carry the largest size it runs at ({@code ospf:3000}): larger sizes are not
 * run for it. Once a point of a routing does not finish (time limit, heap, failure), its larger
 * sizes are recorded as skipped rather than run, since they cost more.
 */
public final class ScalingBenchmark {
    /** What became of one point. */
    public record Point(String routing, int spokes, String status, double wallSeconds, long events,
                        double peakHeapMiB, double peakLiveMiB) {
        boolean measured() {
            return status.equals("ok");
        }
    }

    /** A routing of {@code --routings} and the largest size it runs at. */
    public record Routing(String name, int maxSpokes) {
        /** {@code NAME} or {@code NAME:MAX}; throws IllegalArgumentException when MAX is not a positive number. */
        public static Routing parse(String word) {
            int colon = word.indexOf(':');
            if (colon < 0) {
                return new Routing(word, Integer.MAX_VALUE);
            }
            String max = word.substring(colon + 1);
            try {
                int m = Integer.parseInt(max);
                if (m < 1) {
                    throw new NumberFormatException();
                }
                return new Routing(word.substring(0, colon), m);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + word + "': the largest size after ':' must be a positive number of spokes");
            }
        }
    }

    private ScalingBenchmark() {
    }

    public static List<Point> run(PrintStream out, List<Integer> spokes, List<String> routings, long timeoutSeconds,
                                  Path outDir) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        StringBuilder log = new StringBuilder();
        List<Point> points = new ArrayList<>();
        out.printf(Locale.ROOT, "%-14s %7s %8s %12s %12s %11s %11s  %s%n",
                "routing", "spokes", "nodes", "wall (s)", "events", "peak MiB", "live MiB", "status");
        for (String word : routings) {
            Routing r = Routing.parse(word);
            String routing = r.name();
            int unfinished = Integer.MAX_VALUE;
            for (int n : spokes) {
                if (n > r.maxSpokes()) {
                    continue;
                }
                Point p = n > unfinished
                        ? new Point(routing, n, "skipped (" + unfinished + " spokes did not finish)", 0, 0, 0, 0)
                        : point(routing, n, timeoutSeconds, log);
                if (!p.measured()) {
                    unfinished = Math.min(unfinished, n);
                }
                points.add(p);
                out.printf(Locale.ROOT, "%-14s %7d %8d %12.2f %,12d %,11.0f %,11.0f  %s%n", routing, n, 2 * (n + 2) + 1,
                        p.wallSeconds(), p.events(), p.peakHeapMiB(), p.peakLiveMiB(), p.status());
            }
        }
        StringBuilder csv = new StringBuilder("routing,spokes,nodes,status,wall_s,events,events_per_s,peak_heap_mib,peak_live_mib\n");
        for (Point p : points) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%.3f,%d,%.0f,%.1f,%.1f%n", p.routing(), p.spokes(),
                    2 * (p.spokes() + 2) + 1, p.status(), p.wallSeconds(), p.events(),
                    p.wallSeconds() > 0 ? p.events() / p.wallSeconds() : 0, p.peakHeapMiB(), p.peakLiveMiB()));
        }
        write(outDir.resolve("scaling.txt"), log.toString());
        write(outDir.resolve("scaling.csv"), csv.toString());
        List<ScalingPoint> measured = points.stream().filter(Point::measured)
                .map(p -> new ScalingPoint(p.routing(), p.spokes(), p.wallSeconds(), p.peakHeapMiB())).toList();
        Path png = outDir.resolve("scaling.png.tmp");
        Charts.save(Charts.scaling("Hub failure on a dual-hub network: cost against size", "spokes", measured), png, 700);
        Files.move(png, outDir.resolve("scaling.png"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println("wrote " + outDir.resolve("scaling.csv") + ", scaling.png, scaling.txt");
        return points;
    }

    private static Point point(String routing, int spokes, long timeoutSeconds, StringBuilder log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList();
        for (String launcherDefault : List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")) {
            if (!inherited.contains(launcherDefault)) {
                cmd.add(launcherDefault);
            }
        }
        cmd.addAll(inherited);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ScaleBenchmark.class.getName());
        cmd.add(Integer.toString(spokes));
        cmd.add(routing);
        Path outFile = Files.createTempFile("tunnelsim-scaling", ".txt");
        try {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(outFile.toFile()).start();
            String status;
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                proc.destroyForcibly().waitFor();
                status = "time limit (" + timeoutSeconds + " s)";
            } else if (proc.exitValue() == 3) {
                status = "heap exhausted";
            } else if (proc.exitValue() == 2) {
                status = "refused (see scaling.txt)";
            } else if (proc.exitValue() != 0) {
                status = "failed (exit " + proc.exitValue() + ")";
            } else {
                status = "ok";
            }
            String text = Files.readString(outFile, StandardCharsets.UTF_8);
            log.append("# ").append(routing).append(", ").append(spokes).append(" spokes: ").append(status).append('\n')
                    .append(text).append('\n');
            for (String line : text.split("\n")) {
                String l = line.trim();
                if (l.startsWith(ScaleBenchmark.RESULT_TAG) && status.equals("ok")) {
                    return new Point(routing, spokes, status, value(l, "wall_s"), (long) value(l, "events"),
                            value(l, "peak_heap_mib"), value(l, "peak_live_mib"));
                }
            }
            return new Point(routing, spokes, status.equals("ok") ? "no result line" : status, 0, 0, 0, 0);
        } finally {
            Files.deleteIfExists(outFile);
        }
    }

    private static double value(String line, String key) {
        for (String f : line.split(" ")) {
            if (f.startsWith(key + "=")) {
                return Double.parseDouble(f.substring(key.length() + 1));
            }
        }
        throw new IllegalStateException("no " + key + " in '" + line + "'");
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
