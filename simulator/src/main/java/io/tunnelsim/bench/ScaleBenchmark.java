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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scale benchmark: a generated dual-hub hub-and-spoke network with N spokes runs a failover
 * scenario to the end (silent failure of hub1's provider link at 40 s, 120 s in all, probes
 * between spokes and towards the hubs). Reports wall time, simulation events, events per
 * second and peak heap (GC-measured, see {@link HeapPeak}). Wall-clock time is read here only, outside the simulation.
 *
 * <p>Routing {@value #STATIC_SUMMARY} is static routing as large hub-and-spoke networks configure
 * it: spokes route one summary to the hubs, the hubs route each spoke (the generator's
 * {@code spokeSummary} option, a {@code routing: none} variant). A spoke's routing state is then
 * constant and the network's grows linearly, where the {@code static} choice gives every site a
 * route to every other site's LAN (quadratic: 10 000 spokes would need 2·10<sup>8</sup> routes).
 *
 * <p>Routing {@value #OSPF_AREAS} is OSPF as large hub-and-spoke networks configure it: spokes in
 * totally stubby areas of {@value #SPOKES_PER_AREA}, the hubs area border routers sending a default
 * route into each (the generator's {@code spokesPerArea} option, a {@code routing: none} variant).
 * A spoke's database then holds its own area only, where the {@code ospf} choice puts every router
 * in area 0 and every router's table holds every prefix.
 */
public final class ScaleBenchmark {
    /** Starts the one machine-readable line of the output (read by {@link ScalingBenchmark}). */
    static final String RESULT_TAG = "result:";
    /** The routing name of the summarised static network. */
    public static final String STATIC_SUMMARY = "static-summary";
    /** The routing name of the OSPF network in totally stubby spoke areas. */
    public static final String OSPF_AREAS = "ospf-areas";
    /** Spokes per area of {@value #OSPF_AREAS}. */
    public static final int SPOKES_PER_AREA = 100;

    private ScaleBenchmark() {
    }

    /** One point of {@link ScalingBenchmark} in a JVM of its own; a network the model refuses exits 2 with the reason. */
    public static void main(String[] args) throws Exception {
        int spokes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try {
            run(System.out, spokes, args.length > 1 ? args[1] : "static");
        } catch (io.tunnelsim.topology.SpecException e) {
            System.out.println(e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The routings this benchmark runs, as help and messages list them: the topology's routing
     * words after {@code none} ({@code static}, then the protocol modules' choices), then
     * {@value #STATIC_SUMMARY} and {@value #OSPF_AREAS}.
     */
    public static List<String> routings() {
        List<String> out = new ArrayList<>();
        for (String word : RoutingProtocol.byName().keySet()) {
            if (!RoutingProtocol.NONE.is(word)) {
                out.add(word);
            }
        }
        out.add(STATIC_SUMMARY);
        out.add(OSPF_AREAS);
        return out;
    }

    /** Whether {@code name} is a routing this benchmark runs: one of {@link #routings()} ({@code none} routes nothing). */
    public static boolean knows(String name) {
        return routings().contains(name);
    }

    /** Runs the benchmark with routing {@code name} (see {@link #knows(String)}). */
    public static void run(PrintStream out, int spokes, String name) throws Exception {
        boolean summary = name.equals(STATIC_SUMMARY);
        boolean areas = name.equals(OSPF_AREAS);
        RoutingProtocol routing = summary ? RoutingProtocol.STATIC
                : areas ? RoutingProtocol.named("ospf") : RoutingProtocol.byName().get(name);
        Path dir = Files.createTempDirectory("tunnelsim-scale");
        Files.writeString(dir.resolve("topology.yaml"), TopologyGenerator.hubAndSpoke(spokes, 2, routing,
                new TopologyGenerator.Options(false, false, summary, areas ? SPOKES_PER_AREA : 0)));
        Files.writeString(dir.resolve("scenario.yaml"), String.join("\n",
                "name: scale-" + spokes + "-" + name,
                "topology: topology.yaml",
                "duration: 120s",
                "seed: 1",
                "probes:",
                "  - {name: spoke1-to-spoke2, from: spoke1-pc, to: spoke2-pc, interval: 1s}",
                "  - {name: spoke" + spokes + "-to-hub2, from: spoke" + spokes + "-pc, to: hub2-pc, interval: 1s}",
                "timeline:",
                "  - {at: 40s, action: silent-failure, link: \"hub1:eth0\"}",
                "variants:",
                "  - {name: " + name + ", routing: " + (summary || areas ? "none" : routing.yamlName()) + "}",
                ""));
        HeapPeak heap = new HeapPeak();
        long t0 = System.nanoTime();
        ScenarioSpec s = ScenarioLoader.load(dir.resolve("scenario.yaml"));
        long t1 = System.nanoTime();
        VariantResult r = Experiments.run(s, s.variants().get(0), dir.resolve("out"), false, -1, null);
        long t2 = System.nanoTime();
        double wall = (t2 - t1) / 1e9;
        out.printf(Locale.ROOT, "hub-and-spoke, 2 hubs, %d spokes (%d nodes), routing %s, 120 s simulated%n",
                spokes, 2 * (spokes + 2) + 1, summary ? name + " (configured summary routes)"
                        : areas ? name + " (configured, " + SPOKES_PER_AREA + " spokes per totally stubby area)" : name);
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
