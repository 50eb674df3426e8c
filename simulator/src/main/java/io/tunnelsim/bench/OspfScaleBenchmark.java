package io.tunnelsim.bench;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.ospf.NetworkType;
import io.tunnelsim.routing.ospf.OspfConfig;
import io.tunnelsim.routing.ospf.OspfInterfaceConfig;
import io.tunnelsim.routing.ospf.OspfNeighbor;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.routing.ospf.SpfThrottle;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.LsaHeader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * OSPF at scale: a single area of {@code n} routers (default 1000) joined by point-to-point
 * Ethernet links forming a seeded random sparse graph (a random spanning tree plus
 * {@code n/2} extra links, random costs 1-10), every router with a loopback. All links come up
 * at time 0; the run advances in one-second steps until every adjacency is Full and every
 * router's database holds the same LSA instances (key, sequence number, checksum).
 *
 * <p>Reports the simulated convergence time (first step at which both hold, and the last FIB
 * change before it), wall time, events executed, events per second and peak heap (the JVM's
 * heap in use before the fullest garbage collection, see {@link HeapPeak}; the live heap after
 * collections; and a sample taken each step from {@code Runtime}).
 * Wall-clock timing lives here only, outside the simulation.
 *
 * <p>Run: {@code java -cp simulator/target/tunnelsim-*.jar io.tunnelsim.bench.OspfScaleBenchmark [routers] [seed]}.
 */
public final class OspfScaleBenchmark {
    private OspfScaleBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        run(System.out, n, seed);
    }

    public static void run(PrintStream out) {
        run(out, 1000, 1);
    }

    /** Builds, runs and reports; returns the simulated convergence time in nanoseconds (-1 if none). */
    public static long run(PrintStream out, int n, long seed) {
        HeapPeak heap = new HeapPeak();
        long buildStart = System.nanoTime();
        Network net = new Network(seed);
        OspfProcess[] ospf = build(net, n, seed);
        int linkCount = n - 1 + n / 2;
        long[] lastFibChange = {0};
        long[] fibChanges = {0};
        net.addFibListener((node, p, before, after) -> {
            lastFibChange[0] = net.scheduler().now();
            fibChanges[0]++;
        });
        long buildWall = System.nanoTime() - buildStart;

        out.printf(Locale.ROOT, "OSPF scale: %d routers, %d point-to-point links, seed %d, single area, MODERN SPF "
                + "throttle%n", n, linkCount, seed);
        long wallStart = System.nanoTime();
        long peakSampled = 0;
        long converged = -1;
        long limit = 600 * SimTime.SECOND;
        for (long t = SimTime.SECOND; t <= limit; t += SimTime.SECOND) {
            net.runUntil(t);
            Runtime rt = Runtime.getRuntime();
            peakSampled = Math.max(peakSampled, rt.totalMemory() - rt.freeMemory());
            if (t % (5 * SimTime.SECOND) == 0 && allFull(ospf) && consistent(ospf)) {
                converged = t;
                break;
            }
        }
        long wall = System.nanoTime() - wallStart;
        long events = net.scheduler().executedEvents();
        long spfRuns = 0;
        long lsas = ospf[0].databaseSize(Ipv4Address.ANY);
        long[] sent = new long[6];
        for (OspfProcess p : ospf) {
            spfRuns += p.spfRuns();
            for (var oi : p.interfaces()) {
                for (int t = 1; t <= 5; t++) {
                    sent[t] += oi.sent[t];
                }
            }
        }
        out.printf(Locale.ROOT, "  build (wall)                 %10.3f s%n", buildWall / 1e9);
        if (converged < 0) {
            out.printf(Locale.ROOT, "  NOT converged within %s%n", SimTime.format(limit));
        } else {
            out.printf(Locale.ROOT, "  converged (simulated)        %10.3f s (Full + identical LSDBs, checked every 5 s)%n",
                    converged / 1e9);
        }
        out.printf(Locale.ROOT, "  last FIB change (simulated)  %10.3f s  (%d FIB changes)%n", lastFibChange[0] / 1e9,
                fibChanges[0]);
        out.printf(Locale.ROOT, "  LSAs per database            %10d%n", lsas);
        out.printf(Locale.ROOT, "  SPF runs (all routers)       %10d%n", spfRuns);
        out.printf(Locale.ROOT, "  OSPF packets sent            %10d hello, %d DBD, %d LSR, %d LSU, %d LSAck%n", sent[1],
                sent[2], sent[3], sent[4], sent[5]);
        out.printf(Locale.ROOT, "  wall time (simulation)       %10.3f s%n", wall / 1e9);
        out.printf(Locale.ROOT, "  events executed              %10d%n", events);
        out.printf(Locale.ROOT, "  events per second (wall)     %10.0f%n", events / (wall / 1e9));
        out.printf(Locale.ROOT, "  peak heap (GC-measured)      %10.1f MiB (in use before the fullest of %d collections)%n",
                heap.peakBytes() / 1048576.0, heap.collections());
        out.printf(Locale.ROOT, "  peak live heap (after GC)    %10.1f MiB%n", heap.peakLiveBytes() / 1048576.0);
        out.printf(Locale.ROOT, "  peak heap (sampled per step) %10.1f MiB%n", peakSampled / 1048576.0);
        out.printf(Locale.ROOT, "  maximum heap (-Xmx)          %10.1f MiB%n", HeapPeak.maxHeapBytes() / 1048576.0);
        heap.close();
        return converged;
    }

    /**
     * The benchmark's network, built into {@code net}: {@code n} routers with a loopback each, a
     * seeded random spanning tree plus {@code n / 2} extra point-to-point links (1 Gbit/s, 1 ms,
     * cost 1–10), one area, MODERN SPF throttle. Returns the OSPF processes (not yet started).
     */
    public static OspfProcess[] build(Network net, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Node[] routers = new Node[n];
        OspfConfig[] configs = new OspfConfig[n];
        int[] ifCount = new int[n];
        for (int i = 0; i < n; i++) {
            routers[i] = net.addRouter("r" + i);
            Ipv4Address rid = new Ipv4Address(Ipv4Address.parse("172.16.0.0").bits() + i + 1);
            net.addLoopback(routers[i], "lo0", new Ipv4Prefix(rid, 32));
            configs[i] = OspfConfig.of(rid).withSpfThrottle(SpfThrottle.MODERN)
                    .withInterface("lo0", OspfInterfaceConfig.inArea("0"));
        }
        Set<Long> pairs = new HashSet<>();
        List<int[]> links = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int j = rnd.nextInt(i);
            pairs.add(key(i, j));
            links.add(new int[] {j, i});
        }
        while (links.size() < n - 1 + n / 2) {
            int a = rnd.nextInt(n);
            int b = rnd.nextInt(n);
            if (a != b && pairs.add(key(a, b))) {
                links.add(new int[] {a, b});
            }
        }
        int base = Ipv4Address.parse("10.0.0.0").bits();
        for (int k = 0; k < links.size(); k++) {
            int a = links.get(k)[0];
            int b = links.get(k)[1];
            int cost = 1 + rnd.nextInt(10);
            int subnet = base + 4 * k;
            String ia = "eth" + ifCount[a]++;
            String ib = "eth" + ifCount[b]++;
            EthernetInterface ea = net.addEthernet(routers[a], ia, new Ipv4Prefix(new Ipv4Address(subnet + 1), 30), 1500);
            EthernetInterface eb = net.addEthernet(routers[b], ib, new Ipv4Prefix(new Ipv4Address(subnet + 2), 30), 1500);
            net.connect("l" + k, 1_000_000_000L, SimTime.MILLISECOND, 0, 1500, 1000, ea, eb);
            OspfInterfaceConfig c = OspfInterfaceConfig.inArea("0").withNetworkType(NetworkType.POINT_TO_POINT)
                    .withCost(cost);
            configs[a] = configs[a].withInterface(ia, c);
            configs[b] = configs[b].withInterface(ib, c);
        }
        OspfProcess[] ospf = new OspfProcess[n];
        for (int i = 0; i < n; i++) {
            ospf[i] = new OspfProcess(routers[i], configs[i]);
            routers[i].addService(ospf[i]);
        }
        return ospf;
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    private static boolean allFull(OspfProcess[] ospf) {
        for (OspfProcess p : ospf) {
            for (OspfNeighbor nb : p.neighbors()) {
                if (nb.state() != OspfNeighbor.State.FULL) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean consistent(OspfProcess[] ospf) {
        List<LsaHeader> ref = ospf[0].databaseHeaders(Ipv4Address.ANY);
        if (ref.size() != ospf.length) {
            return false;
        }
        for (int i = 1; i < ospf.length; i++) {
            List<LsaHeader> h = ospf[i].databaseHeaders(Ipv4Address.ANY);
            if (h.size() != ref.size()) {
                return false;
            }
            for (int k = 0; k < h.size(); k++) {
                LsaHeader a = ref.get(k);
                LsaHeader b = h.get(k);
                if (!a.key().equals(b.key()) || a.sequenceNumber() != b.sequenceNumber()
                        || a.checksum() != b.checksum()) {
                    return false;
                }
            }
        }
        return true;
    }
}
