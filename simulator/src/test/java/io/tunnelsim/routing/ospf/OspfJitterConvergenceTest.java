package io.tunnelsim.routing.ospf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.LsaHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded random sparse network (the scale benchmark's topology: a random spanning tree plus
 * n/2 extra point-to-point links) whose routers send jittered hellos, so adjacencies come up
 * and LSAs are originated at scattered times. Every adjacency must reach Full and every
 * database must hold the same LSA instances well within a minute.
 *
 * <p>Seed 6 once left one router with a stale Router-LSA for ever: the router that installed a
 * newer instance flooded it and then cleared it from the retransmission lists again (§13 step
 * 5(c) ran after step 5(b)), so an update discarded downstream (MinLSArrival) was never
 * retransmitted.
 */
class OspfJitterConvergenceTest {
    static final int ROUTERS = 100;
    static final long LIMIT = 60 * SimTime.SECOND;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 6, 9, 12})
    void randomNetworkWithJitteredHellosConverges(long seed) {
        Network net = new Network(seed);
        OspfProcess[] ospf = build(net, ROUTERS, seed);
        long converged = -1;
        String why = "";
        for (long t = SimTime.SECOND; t <= LIMIT; t += SimTime.SECOND) {
            net.runUntil(t);
            why = notConverged(ospf);
            if (why == null) {
                converged = t;
                break;
            }
        }
        assertTrue(converged > 0, "seed " + seed + " not converged within " + SimTime.format(LIMIT) + ": " + why);
    }

    private static OspfProcess[] build(Network net, int n, long seed) {
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
            EthernetInterface ea = net.addEthernet(routers[a], ia, new Ipv4Prefix(new Ipv4Address(subnet + 1), 30),
                    1500);
            EthernetInterface eb = net.addEthernet(routers[b], ib, new Ipv4Prefix(new Ipv4Address(subnet + 2), 30),
                    1500);
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

    /** Null when every neighbour is Full and all databases agree; otherwise the first discrepancy. */
    private static String notConverged(OspfProcess[] ospf) {
        for (int i = 0; i < ospf.length; i++) {
            for (OspfNeighbor nb : ospf[i].neighbors()) {
                if (nb.state() != OspfNeighbor.State.FULL) {
                    return "r" + i + " neighbour " + nb;
                }
            }
        }
        List<LsaHeader> ref = ospf[0].databaseHeaders(Ipv4Address.ANY);
        if (ref.size() != ospf.length) {
            return "r0 holds " + ref.size() + " LSAs";
        }
        for (int i = 1; i < ospf.length; i++) {
            List<LsaHeader> h = ospf[i].databaseHeaders(Ipv4Address.ANY);
            if (h.size() != ref.size()) {
                return "r" + i + " holds " + h.size() + " LSAs";
            }
            for (int k = 0; k < h.size(); k++) {
                LsaHeader a = ref.get(k);
                LsaHeader b = h.get(k);
                if (!a.key().equals(b.key()) || a.sequenceNumber() != b.sequenceNumber()
                        || a.checksum() != b.checksum()) {
                    return "r" + i + " has " + b.key() + " seq " + Long.toHexString(b.sequenceNumber()) + ", r0 has "
                            + a.key() + " seq " + Long.toHexString(a.sequenceNumber());
                }
            }
        }
        return null;
    }
}
