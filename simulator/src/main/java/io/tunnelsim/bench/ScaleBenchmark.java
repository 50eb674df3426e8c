package io.tunnelsim.bench;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.experiment.Experiments;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologyGenerator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Scale benchmark: a generated dual-hub hub-and-spoke network with N spokes runs a failover
 * scenario to the end (silent failure of hub1's provider link at 40 s, 120 s in all, probes
 * between spokes and towards the hubs). Reports wall time, simulation events, events per
 * second and peak heap (GC-measured, see {@link HeapPeak}). Wall-clock time is read here only, outside the simulation.
 */
public final class ScaleBenchmark {
    /** Starts the one machine-readable line of the output (read by {@link ScalingBenchmark}). */
    static final String RESULT_TAG = "result:";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int spokes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        RoutingProtocol routing = args.length > 1 ? RoutingProtocol.byName().get(args[1]) : RoutingProtocol.STATIC;
        run(System.out, spokes, routing);
    }

    public static void run(PrintStream out, int spokes, RoutingProtocol routing) throws Exception {
        Path dir = Files.createTempDirectory("tunnelsim-scale");
        Files.writeString(dir.resolve("topology.yaml"), TopologyGenerator.hubAndSpoke(spokes, 2, routing));
        Files.writeString(dir.resolve("scenario.yaml"), String.join("\n",
                "name: scale-" + spokes + "-" + routing.yamlName(),
                "topology: topology.yaml",
                "duration: 120s",
                "seed: 1",
                "probes:",
                "  - {name: spoke1-to-spoke2, from: spoke1-pc, to: spoke2-pc, interval: 1s}",
                "  - {name: spoke" + spokes + "-to-hub2, from: spoke" + spokes + "-pc, to: hub2-pc, interval: 1s}",
                "timeline:",
                "  - {at: 40s, action: silent-failure, link: \"hub1:eth0\"}",
                "variants:",
                "  - {name: " + routing.yamlName() + ", routing: " + routing.yamlName() + "}",
                ""));
        HeapPeak heap = new HeapPeak();
        long t0 = System.nanoTime();
        ScenarioSpec s = ScenarioLoader.load(dir.resolve("scenario.yaml"));
        long t1 = System.nanoTime();
        VariantResult r = Experiments.run(s, s.variants().get(0), dir.resolve("out"), false, -1, null);
        long t2 = System.nanoTime();
        double wall = (t2 - t1) / 1e9;
        out.printf(Locale.ROOT, "hub-and-spoke, 2 hubs, %d spokes (%d nodes), routing %s, 120 s simulated%n",
                spokes, 2 * (spokes + 2) + 1, routing.yamlName());
        out.printf(Locale.ROOT, "  load YAML        %8.2f s%n", (t1 - t0) / 1e9);
        out.printf(Locale.ROOT, "  build + run      %8.2f s wall%n", wall);
        out.printf(Locale.ROOT, "  events           %,d (%,.0f events/s)%n", r.eventsExecuted(), r.eventsExecuted() / wall);
        out.printf(Locale.ROOT, "  peak heap        %,d MiB (GC-measured: in use before the fullest of %d collections)%n",
                heap.peakBytes() / (1024 * 1024), heap.collections());
        out.printf(Locale.ROOT, "  peak live heap   %,d MiB (after a collection)%n", heap.peakLiveBytes() / (1024 * 1024));
        out.printf(Locale.ROOT, "  maximum heap     %,d MiB (-Xmx)%n", HeapPeak.maxHeapBytes() / (1024 * 1024));
        out.printf(Locale.ROOT, "  %s wall_s=%.3f events=%d peak_heap_mib=%.1f peak_live_mib=%.1f%n", RESULT_TAG, wall,
                r.eventsExecuted(), heap.peakBytes() / 1048576.0, heap.peakLiveBytes() / 1048576.0);
        heap.close();
        for (ActionResult a : r.actions()) {
            out.printf(Locale.ROOT, "  %s, flow %s: %s, lost %d%n", a.action(), a.flow(),
                    io.tunnelsim.report.Human.outcome(a), a.lostProbes());
        }
    }
}
