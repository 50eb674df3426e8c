package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.ExternalPort;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.node.Segment;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile frames on every link of a shipped example while it runs: frames the routers sent,
 * replayed unchanged (ESP replays, GRE out of order, stale OSPF), with bits flipped, cut short,
 * padded with garbage, or with a random payload behind a real Ethernet header. Whatever the
 * nodes make of them, their counters still balance (docs/model.md, "Counters"), at every
 * injection and at the end.
 */
class HostileFramesBalanceTest {
    static final long MS = SimTime.MILLISECOND;

    @ParameterizedTest
    @CsvSource({"ipsec-multicast.yaml, gre-over-ipsec, 1", "ipsec-multicast.yaml, crypto-map, 2",
        "ospf-over-gre.yaml, , 3", "mtu-blackhole.yaml, , 4"})
    void countersBalanceUnderHostileFrames(String example, String variantName, long seed) throws Exception {
        ScenarioSpec s = ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples").resolve(example));
        VariantSpec v = variantName == null ? s.variants().get(0)
                : s.variants().stream().filter(x -> x.name().equals(variantName)).findFirst().orElseThrow();
        Network net = NetworkBuilder.build(v.topology(), v, s.seed()).network();
        SplittableRandom rnd = new SplittableRandom(seed);

        List<Segment> segments = new ArrayList<>(net.segments());
        List<ExternalPort> ports = new ArrayList<>();
        List<List<byte[]>> heard = new ArrayList<>();
        for (Segment seg : segments) {
            List<byte[]> frames = new ArrayList<>();
            heard.add(frames);
            ports.add(seg.attachExternal("hostile", (b, off, len) -> {
                if (frames.size() < 400) {
                    frames.add(java.util.Arrays.copyOfRange(b, off, off + len));
                } else {
                    frames.set(rnd.nextInt(frames.size()), java.util.Arrays.copyOfRange(b, off, off + len));
                }
            }));
        }
        // LAN-to-LAN traffic beside the routing protocols, so that there is data to replay
        Node from = net.nodes().stream().filter(n -> !n.isRouter()).findFirst().orElseThrow();
        Node to = net.nodes().stream().filter(n -> !n.isRouter() && n != from).findFirst().orElseThrow();
        int dst = to.interfaces().stream().mapToInt(Interface::ipv4Bits).filter(a -> a != 0).findFirst().orElseThrow();
        ProbeFlow probe = new ProbeFlow("p", 1, from, new Ipv4Address(dst), ProbeFlow.Type.ICMP, 50 * MS, 1300, 0,
                SimTime.seconds(60), 0);
        from.addService(probe);

        net.start();
        long injected = 0;
        String firstUnbalanced = null;
        for (long t = SimTime.seconds(5); t < SimTime.seconds(60); t += 2 * MS) {
            net.scheduler().runUntil(t);
            // the balance holds between any two events, not only at the end
            for (Node n : net.nodes()) {
                if (firstUnbalanced == null && n.counters().imbalance() != 0) {
                    firstUnbalanced = SimTime.formatShort(t) + " " + n.name() + ": " + n.counters().balanceLine();
                }
            }
            int i = rnd.nextInt(segments.size());
            List<byte[]> frames = heard.get(i);
            if (frames.isEmpty()) {
                continue;
            }
            byte[] f = mutate(frames.get(rnd.nextInt(frames.size())), rnd);
            ports.get(i).inject(f, 0, f.length);
            injected++;
        }
        net.scheduler().runUntil(SimTime.seconds(100));

        long drops = 0;
        List<String> bad = new ArrayList<>();
        for (Node n : net.nodes()) {
            drops += n.counters().totalDrops();
            if (n.counters().imbalance() != 0) {
                bad.add(n.name() + ": " + n.counters().balanceLine() + " " + n.counters().networkDropsByReason());
            }
        }
        assertTrue(injected > 10_000, "frames injected: " + injected);
        assertTrue(drops > 1_000, "the hostile frames were refused somewhere: " + drops);
        assertEquals(null, firstUnbalanced, "counters that did not balance during the run");
        assertEquals(List.of(), bad, "counters that do not balance after " + injected + " hostile frames");
    }

    /** One hostile variation of a frame a node sent (at least an Ethernet header long). */
    static byte[] mutate(byte[] frame, SplittableRandom rnd) {
        byte[] f = frame.clone();
        switch (rnd.nextInt(5)) {
            case 0 -> {
                return f; // replay
            }
            case 1 -> {
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    int at = 12 + rnd.nextInt(f.length - 12);
                    f[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                return f;
            }
            case 2 -> {
                return java.util.Arrays.copyOf(f, 14 + rnd.nextInt(f.length - 13));
            }
            case 3 -> {
                byte[] g = java.util.Arrays.copyOf(f, f.length + 1 + rnd.nextInt(200));
                for (int i = f.length; i < g.length; i++) {
                    g[i] = (byte) rnd.nextInt(256);
                }
                return g;
            }
            default -> {
                for (int i = 14 + rnd.nextInt(Math.max(1, Math.min(40, f.length - 14))); i < f.length; i++) {
                    f[i] = (byte) rnd.nextInt(256);
                }
                return f;
            }
        }
    }
}
