package io.tunnelsim.bench;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.rip.RipConfig;
import io.tunnelsim.routing.rip.RipProcess;
import io.tunnelsim.sim.SimTime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * RIP on a k × k grid of routers, tunnelsim beside ns-3.37 in the same run.
 *
 * <p>Every router is joined to its right and lower neighbour by a point-to-point Ethernet link
 * (100 Mb/s, 5 ms), link {@code n} numbered {@code 10.0.0.0 + 4n}/30; RIPv2 runs on every
 * interface with RFC 2453's timers (30 s updates, 180 s timeout, 120 s garbage collection) and
 * simple split horizon, for {@code seconds} of simulated time. The ns-3 side is our own program,
 * {@code bench/ns3/rip-grid.cc}, built with g++ against Debian's {@code libns3-dev} when its
 * headers are installed and run as a child process on the same grid and timers; it reports its
 * own simulation wall time and peak RSS (VmHWM). The tunnelsim side runs likewise in a process
 * of its own, a JVM started with {@link #JVM_OPTIONS} on this JVM's class path, and reports the
 * simulation's wall time, events, the GC-measured peak heap and its process's peak RSS
 * ({@code VmHWM}, which includes the JVM itself: code, class metadata, collector). Both report how many routes the corner
 * router holds at the end, to show they did the same work: every one of the {@code 2k(k−1)}
 * link prefixes.
 *
 * <p>Simplifications: the two simulators jitter their updates differently (tunnelsim: up to 5 s
 * less than 30 s from the seed's streams, RFC 2453 §3.8; ns-3: its own random delay), so the
 * packet counts differ a little; the build of each network is excluded from both wall times.
 */
public final class RipGridBenchmark {
    /** The ns-3 program's source, relative to the repository root. */
    static final Path NS3_SOURCE = Path.of("bench", "ns3", "rip-grid.cc");
    static final Path NS3_HEADER = Path.of("/usr/include/ns3/rip-helper.h");
    /**
     * Options of the JVM that runs the tunnelsim side: the serial collector, since the simulation
     * runs on one thread (a parallel or concurrent collector buys nothing there and keeps more
     * memory resident). No heap limit is set: the JVM's defaults size the heap.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC");

    private RipGridBenchmark() {
    }

    /** One side's figures. */
    record Figures(double wallSeconds, long peakRssKib, long routesAtCorner, long events, long peakHeapBytes,
                   long peakLiveHeapBytes, long maxHeapBytes) {
    }

    /** The grid's routers in row-major order and their RIP processes (added as services, not started). */
    record Grid(Node[] routers, RipProcess[] rip) {
    }

    /** The tunnelsim side alone: {@code java -cp tunnelsim.jar io.tunnelsim.bench.RipGridBenchmark K SECONDS}. */
    public static void main(String[] args) throws IOException {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 300;
        Figures f = tunnelsim(k, seconds);
        System.out.printf(Locale.ROOT, "wall_seconds %.3f%npeak_rss_kib %d%nroutes_at_corner %d%nevents %d%n"
                + "peak_heap_bytes %d%npeak_live_heap_bytes %d%nmax_heap_bytes %d%n", f.wallSeconds(), f.peakRssKib(),
                f.routesAtCorner(), f.events(), f.peakHeapBytes(), f.peakLiveHeapBytes(), f.maxHeapBytes());
        System.out.printf(Locale.ROOT, "tunnelsim rip-grid k=%d %d s: wall %.2f s, peak RSS %.0f MiB, peak heap %.0f MiB, peak live %.0f MiB,"
                + " %d events, %d routes at (0,0)%n", k, seconds, f.wallSeconds(), f.peakRssKib() / 1024.0,
                f.peakHeapBytes() / 1048576.0, f.peakLiveHeapBytes() / 1048576.0, f.events(), f.routesAtCorner());
    }

    public static void run(PrintStream out, int k, long seconds) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "RIP grid %d x %d (%d routers, %d links), %d s simulated, RFC 2453 timers, split horizon%n",
                k, k, k * k, 2 * k * (k - 1), seconds);
        out.println("  load average before: " + loadAverage());
        Figures ns3 = ns3(out, k, seconds);
        Figures sim = tunnelsimProcess(k, seconds);
        out.println("  load average after:  " + loadAverage());
        out.printf(Locale.ROOT, "  %-10s %12s %14s %16s %12s%n", "", "wall (s)", "peak RSS (MiB)", "routes at (0,0)", "events");
        out.printf(Locale.ROOT, "  %-10s %12.2f %14.0f %16d %12d   (JVM %s; heap: peak %.0f MiB, peak live %.0f MiB,"
                + " max %.0f MiB by the JVM's default)%n", "tunnelsim", sim.wallSeconds(), sim.peakRssKib() / 1024.0,
                sim.routesAtCorner(), sim.events(), String.join(" ", JVM_OPTIONS), sim.peakHeapBytes() / 1048576.0,
                sim.peakLiveHeapBytes() / 1048576.0, sim.maxHeapBytes() / 1048576.0);
        if (ns3 != null) {
            out.printf(Locale.ROOT, "  %-10s %12.2f %14.0f %16d %12s%n", "ns-3.37", ns3.wallSeconds(), ns3.peakRssKib() / 1024.0,
                    ns3.routesAtCorner(), "-");
            out.printf(Locale.ROOT, "  ratio tunnelsim / ns-3: wall %.2fx, peak RSS %.2fx%n", sim.wallSeconds() / ns3.wallSeconds(),
                    (double) sim.peakRssKib() / ns3.peakRssKib());
        }
    }

    /** The tunnelsim side in a JVM of its own ({@link #JVM_OPTIONS}, this JVM's class path), measured there. */
    static Figures tunnelsimProcess(int k, long seconds) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RipGridBenchmark.class.getName(),
                Integer.toString(k), Long.toString(seconds)));
        Map<String, String> kv = keyValues(exec(command));
        return new Figures(Double.parseDouble(kv.get("wall_seconds")), Long.parseLong(kv.get("peak_rss_kib")),
                Long.parseLong(kv.get("routes_at_corner")), Long.parseLong(kv.get("events")),
                Long.parseLong(kv.get("peak_heap_bytes")), Long.parseLong(kv.get("peak_live_heap_bytes")),
                Long.parseLong(kv.get("max_heap_bytes")));
    }

    /** The {@code key value} lines of a side's output. */
    private static Map<String, String> keyValues(String text) {
        Map<String, String> kv = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] p = line.trim().split(" ");
            if (p.length == 2) {
                kv.put(p[0], p[1]);
            }
        }
        return kv;
    }

    /** Builds and runs the tunnelsim grid; the caller's JVM is the process measured. */
    static Figures tunnelsim(int k, long seconds) throws IOException {
        HeapPeak heap = new HeapPeak();
        Network net = new Network(1);
        Node[] routers = build(net, k).routers();
        net.start();
        long t0 = System.nanoTime();
        net.runUntil(seconds * SimTime.SECOND);
        double wall = (System.nanoTime() - t0) / 1e9;
        long routes = 0;
        for (FibEntry e : routers[0].fib().entries()) {
            if (e.prefix().length() == 30) {
                routes++;
            }
        }
        Figures f = new Figures(wall, vmHwmKib(), routes, net.scheduler().executedEvents(), heap.peakBytes(),
                heap.peakLiveBytes(), HeapPeak.maxHeapBytes());
        heap.close();
        return f;
    }

    /** The grid of {@link RipGridBenchmark} in {@code net}: routers {@code r-row-col}, RIP on every interface. */
    static Grid build(Network net, int k) {
        Node[] routers = new Node[k * k];
        Map<Node, Integer> interfaces = new HashMap<>();
        for (int i = 0; i < k * k; i++) {
            routers[i] = net.addRouter("r-" + (i / k) + "-" + (i % k));
        }
        RipProcess[] rip = new RipProcess[k * k];
        for (int i = 0; i < k * k; i++) {
            rip[i] = new RipProcess(routers[i], RipConfig.defaults());
        }
        int base = Ipv4Address.parse("10.0.0.0").bits();
        int link = 0;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                int self = r * k + c;
                if (c + 1 < k) {
                    join(net, rip, routers, interfaces, self, self + 1, base + 4 * link++);
                }
                if (r + 1 < k) {
                    join(net, rip, routers, interfaces, self, self + k, base + 4 * link++);
                }
            }
        }
        for (int i = 0; i < k * k; i++) {
            routers[i].addService(rip[i]);
        }
        return new Grid(routers, rip);
    }

    private static void join(Network net, RipProcess[] rip, Node[] routers, Map<Node, Integer> interfaces, int a, int b,
                             int subnet) {
        String ia = "eth" + interfaces.merge(routers[a], 1, Integer::sum);
        String ib = "eth" + interfaces.merge(routers[b], 1, Integer::sum);
        EthernetInterface ea = net.addEthernet(routers[a], ia, new Ipv4Prefix(new Ipv4Address(subnet + 1), 30), 1500);
        EthernetInterface eb = net.addEthernet(routers[b], ib, new Ipv4Prefix(new Ipv4Address(subnet + 2), 30), 1500);
        net.connect("l" + (subnet >>> 2 & 0xffff), 100_000_000L, 5 * SimTime.MILLISECOND, 0, 1500, 1000, ea, eb);
        rip[a].enable(ia);
        rip[b].enable(ib);
    }

    /** The first three fields of /proc/loadavg: how busy the machine was, since both sides share it. */
    static String loadAverage() throws IOException {
        Path p = Path.of("/proc/loadavg");
        if (!Files.isReadable(p)) {
            return "unknown";
        }
        String[] f = Files.readString(p, StandardCharsets.US_ASCII).trim().split(" ");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min; " + Runtime.getRuntime().availableProcessors()
                + " cores)" : "unknown";
    }

    /** Peak resident set of this process in KiB, from /proc/self/status (0 where there is none). */
    static long vmHwmKib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** Builds and runs the ns-3 program; null (with the reason printed) when ns-3 is not installed. */
    static Figures ns3(PrintStream out, int k, long seconds) throws IOException, InterruptedException {
        if (!Files.exists(NS3_HEADER) || !Files.exists(NS3_SOURCE)) {
            out.println("  ns-3: not measured (" + (Files.exists(NS3_SOURCE) ? "libns3-dev is not installed: "
                    + "apt-get install libns3-dev" : "run from the repository root, where " + NS3_SOURCE + " is") + ")");
            return null;
        }
        Path binary = Files.createTempDirectory("tunnelsim-ns3").resolve("rip-grid");
        // Debian 12's pkg-config --libs for ns-3 names libgsl, which is not installed with it: link explicitly
        exec(List.of("g++", "-O2", "-std=c++17", "-o", binary.toString(), NS3_SOURCE.toString(), "-lns3-core",
                "-lns3-network", "-lns3-internet", "-lns3-point-to-point"));
        Map<String, String> kv = keyValues(exec(List.of(binary.toString(), Integer.toString(k), Long.toString(seconds))));
        return new Figures(Double.parseDouble(kv.get("wall_seconds")), Long.parseLong(kv.get("peak_rss_kib")),
                Long.parseLong(kv.get("routes_at_corner")), -1, -1, -1, -1);
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + text);
        }
        return text;
    }
}
