package io.tunnelsim.cli;

import io.tunnelsim.bench.EspBenchmark;
import io.tunnelsim.bench.KernelBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunnelsim bench kernel|esp}: the documented benchmarks (wall-clock, outside any simulation). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark: kernel (event queue hold model vs java.util.PriorityQueue), esp (ESP seal/open vs bare cipher),"
                + " ospf (1000-router single-area OSPF to full adjacency), scale (failover on a generated hub-and-spoke network:"
                + " wall time, events/s, peak heap), scaling (the scale run at several sizes, each in a fresh JVM: scaling.csv and"
                + " scaling.png), rip-grid (RIP on a k x k grid beside ns-3.37 in the same run).")
final class BenchCommand implements Callable<Integer> {
    /** The routings of the scale and scaling benchmarks ({@code ScaleBenchmark.routings()}): help and completion. */
    static final class Routings implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return io.tunnelsim.bench.ScaleBenchmark.routings().iterator();
        }
    }

    @Parameters(paramLabel = "WHICH", description = "kernel, esp, ospf, scale, scaling or rip-grid")
    String which;

    @Option(names = "--rounds", description = "Rounds (kernel) or seconds (esp); default 5.")
    int rounds = 5;

    @Option(names = "--routers", description = "Routers for the ospf benchmark (default 1000).")
    int routers = 1000;

    @Option(names = "--spokes", description = "Spokes for the scale benchmark (default 1000).")
    int spokes = 1000;

    @Option(names = "--routing", completionCandidates = Routings.class,
            description = "Routing for the scale benchmark: ${COMPLETION-CANDIDATES}"
            + " (static-summary: spokes route one summary to the hubs; ospf-areas: spokes in totally stubby OSPF"
            + " areas of 100; default static).")
    String routing = "static";

    @Option(names = "--sizes", split = ",", paramLabel = "N[,N...]",
            description = "Spokes of each point of the scaling benchmark (default 100,300,1000).")
    List<Integer> sizes = List.of(100, 300, 1000);

    @Option(names = "--routings", split = ",", paramLabel = "R[,R...]", completionCandidates = Routings.class,
            description = "Routings of the scaling benchmark: ${COMPLETION-CANDIDATES} (default static,ospf);"
                    + " ROUTING:N runs it up to N spokes only.")
    List<String> routings = List.of("static", "ospf");

    @Option(names = "--time-limit", paramLabel = "TIME",
            description = "Wall-clock limit of one scaling point (default 30min); a point over it is recorded as such.")
    String timeLimit = "30min";

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the scaling benchmark's files (default reports/benchmarks).")
    Path out = Path.of("reports", "benchmarks");

    @Option(names = "--k", description = "Grid side for the rip-grid benchmark (default 30: 900 routers).")
    int k = 30;

    @Option(names = "--seconds", description = "Simulated seconds for the rip-grid benchmark (default 300).")
    long seconds = 300;

    @Override
    public Integer call() throws Exception {
        switch (which) {
            case "kernel" -> KernelBenchmark.run(System.out, rounds);
            case "esp" -> EspBenchmark.run(System.out, rounds);
            case "ospf" -> io.tunnelsim.bench.OspfScaleBenchmark.main(new String[] {Integer.toString(routers)});
            case "scale" -> {
                if (!io.tunnelsim.bench.ScaleBenchmark.knows(routing)) {
                    throw new BadInputException("unknown routing '" + routing + "' (" + routingWords() + ")");
                }
                if (spokes < 1 || spokes > 10_000) {
                    throw new BadInputException("--spokes: " + spokes + " spokes is outside 1 to 10000");
                }
                io.tunnelsim.bench.ScaleBenchmark.run(System.out, spokes, routing);
            }
            case "scaling" -> {
                for (String r : routings) {
                    String name;
                    try {
                        name = io.tunnelsim.bench.ScalingBenchmark.Routing.parse(r).name();
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("--routings: " + e.getMessage());
                    }
                    if (!io.tunnelsim.bench.ScaleBenchmark.knows(name)) {
                        throw new BadInputException("unknown routing '" + name + "' in --routings (" + routingWords() + ")");
                    }
                }
                for (int n : sizes) {
                    if (n < 1 || n > 10_000) {
                        throw new BadInputException("--sizes: " + n + " spokes is outside 1 to "
                                + "10000");
                    }
                }
                long limit = Inputs.time(timeLimit, "--time-limit");
                io.tunnelsim.bench.ScalingBenchmark.run(System.out, sizes, routings,
                        Math.max(1, limit / io.tunnelsim.sim.SimTime.SECOND), out);
            }
            case "rip-grid" -> {
                if (k < 2 || k > 200 || seconds < 1 || seconds > 86_400) {
                    throw new BadInputException("rip-grid needs --k from 2 to 200 and --seconds from 1 to 86400");
                }
                io.tunnelsim.bench.RipGridBenchmark.run(System.out, k, seconds);
            }
            default -> throw new BadInputException("unknown benchmark '" + which + "' (kernel, esp, ospf, scale, scaling or rip-grid)");
        }
        return 0;
    }

    private static String routingWords() {
        return String.join(", ", io.tunnelsim.bench.ScaleBenchmark.routings());
    }
}
