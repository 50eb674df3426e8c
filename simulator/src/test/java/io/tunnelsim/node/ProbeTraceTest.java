package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.node.event.FrameLost;
import io.tunnelsim.node.event.PacketDropped;
import io.tunnelsim.node.event.ProbeDropped;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Probe packets carry their trace tag along the path (echo reply included), and their drops and
 * link losses name the probe, the place and the reason.
 */
class ProbeTraceTest {
    static final long MS = SimTime.MILLISECOND;

    @Test
    void aProbeAndItsReplyVisitEveryHop() {
        Network n = NetworkForwardingTest.line(1, 1500);
        ProbeFlow f = NetworkForwardingTest.ping(n, "h1", "10.2.0.10", 100 * MS, 100, SimTime.seconds(1));
        Map<Long, BitSet> visits = new HashMap<>();
        n.traceProbes((node, tag) -> visits.computeIfAbsent(tag, t -> new BitSet()).set(node.index()));
        n.runUntil(SimTime.seconds(2));
        BitSet all = new BitSet();
        for (String name : new String[] {"h1", "h2", "r1", "r2", "r3"}) {
            all.set(n.node(name).index());
        }
        for (int seq = 0; seq < f.count(); seq++) {
            assertTrue(f.receivedAt(seq) > 0);
            assertEquals(all, visits.get(ProbeFlow.traceTag(f.id(), seq)), "probe " + seq);
        }
        assertEquals(f.count(), visits.size(), "only probes are followed");
    }

    @Test
    void aFragmentedProbeKeepsItsTagThroughReassemblyAndItsReply() {
        Network n = NetworkForwardingTest.line(1, 600); // r2-r3 fragments a 1400-byte probe
        ProbeFlow f = NetworkForwardingTest.ping(n, "h1", "10.2.0.10", 100 * MS, 1400, SimTime.seconds(1));
        Map<Long, BitSet> visits = new HashMap<>();
        n.traceProbes((node, tag) -> visits.computeIfAbsent(tag, t -> new BitSet()).set(node.index()));
        n.runUntil(SimTime.seconds(2));
        int seq = f.count() - 1;
        assertTrue(f.receivedAt(seq) > 0);
        // h1 is reached only by the echo reply, built from the reassembled request at h2
        assertTrue(visits.get(ProbeFlow.traceTag(f.id(), seq)).get(n.node("h1").index()));
    }

    @Test
    void dropsAndLinkLossesNameTheProbe() {
        Network n = NetworkForwardingTest.line(1, 1500);
        ProbeFlow f = NetworkForwardingTest.ping(n, "h1", "10.2.0.10", 100 * MS, 100, SimTime.seconds(3));
        List<ProbeDropped> drops = new ArrayList<>();
        List<FrameLost> lost = new ArrayList<>();
        n.events().subscribe(ProbeDropped.class, drops::add);
        n.events().subscribe(FrameLost.class, lost::add);
        assertFalse(n.events().wants(PacketDropped.class), "following probes builds no event for other drops");
        Segment middle = n.segment("r2-r3");
        n.scheduler().schedule(SimTime.seconds(1), () -> middle.setSilentFailure(true));
        n.scheduler().schedule(SimTime.seconds(2), () -> {
            middle.setSilentFailure(false);
            middle.setCarrier(false);
        });
        n.runUntil(SimTime.seconds(4));
        // 1 s .. 2 s: every request vanishes on the silent link (replies in flight at 1 s too)
        for (FrameLost l : lost) {
            assertEquals("r2-r3", l.link());
            assertEquals(LinkDrop.SILENT_FAILURE, l.reason());
            int seq = ProbeFlow.traceSeq(l.probe());
            assertEquals(f.id(), ProbeFlow.traceFlow(l.probe()));
            assertTrue(f.sentAt(seq) >= SimTime.seconds(1) - 20 * MS && f.sentAt(seq) < SimTime.seconds(2), "probe " + seq);
            assertTrue(f.receivedAt(seq) < 0);
        }
        assertEquals(10, lost.size(), "the probes sent from 1 s to 2 s");
        // from 2 s: r2 has no route to 10.2.0.0/24 any more; it drops on the interface it came in by
        List<ProbeDropped> probeDrops = drops;
        assertEquals(10, probeDrops.size());
        for (ProbeDropped d : probeDrops) {
            assertEquals("r2", d.node());
            assertEquals(NodeDrop.NO_ROUTE, d.reason());
            assertEquals("eth0", d.iface());
            assertTrue(f.sentAt(ProbeFlow.traceSeq(d.probe())) >= SimTime.seconds(2));
        }
    }

    @Test
    void countedDropsNameTheirInterfaceAndProbeToo() {
        Network n = NetworkForwardingTest.line(1, 1500);
        ProbeFlow f = NetworkForwardingTest.ping(n, "h1", "10.2.0.10", 100 * MS, 100, SimTime.seconds(2));
        List<PacketDropped> drops = new ArrayList<>();
        n.events().subscribe(PacketDropped.class, drops::add);
        n.scheduler().schedule(SimTime.seconds(1), () -> n.segment("r2-r3").setCarrier(false));
        n.runUntil(SimTime.seconds(3));
        List<PacketDropped> noRoute = drops.stream().filter(d -> d.reason() == NodeDrop.NO_ROUTE).toList();
        assertEquals(10, noRoute.size());
        for (PacketDropped d : noRoute) {
            assertEquals("eth0", d.iface());
            assertEquals(f.id(), ProbeFlow.traceFlow(d.probe()));
        }
        assertEquals(10, n.node("r2").counters().drops(NodeDrop.NO_ROUTE), "counted as before");
    }

    @Test
    void copiesAndFragmentsKeepTheTag() {
        PacketBuffer p = PacketBuffer.allocate(100);
        p.append(100);
        p.setTrace(ProbeFlow.traceTag(7, 42));
        assertEquals(p.trace(), p.copy().trace());
        io.tunnelsim.wire.Ipv4Codec.push(p, 0, 1, 0, 64, 17, 0x0a010001, 0x0a020001);
        List<PacketBuffer> fragments = Fragmenter.fragment(p, 68);
        assertTrue(fragments.size() > 1);
        for (PacketBuffer x : fragments) {
            assertEquals(p.trace(), x.trace());
        }
        assertEquals(0, PacketBuffer.allocate(10).trace(), "other packets are not probes");
        assertEquals(7, ProbeFlow.traceFlow(p.trace()));
        assertEquals(42, ProbeFlow.traceSeq(p.trace()));
    }
}
