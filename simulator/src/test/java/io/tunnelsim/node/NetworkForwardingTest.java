package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.IcmpCodec;
import io.tunnelsim.wire.IcmpMessage;
import io.tunnelsim.wire.Ipv4Header;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * h1 — r1 — r2 — r3 — h2 with static routes: forwarding, ARP, TTL, ICMP errors,
 * fragmentation and reassembly, carrier loss, silent failure and queue limits.
 */
class NetworkForwardingTest {
    static final long MS = SimTime.MILLISECOND;

    /** Builds the line network; {@code mtuMiddle} is the MTU of the r2–r3 link. */
    static Network line(long seed, int mtuMiddle) {
        Network n = new Network(seed);
        Host h1 = n.addHost("h1");
        Host h2 = n.addHost("h2");
        Router r1 = n.addRouter("r1");
        Router r2 = n.addRouter("r2");
        Router r3 = n.addRouter("r3");
        long bw = 100_000_000L;
        n.connect("h1-r1", bw, MS, 0, 1500, 100,
                n.addEthernet(h1, "eth0", Ipv4Prefix.parse("10.1.0.10/24"), 1500),
                n.addEthernet(r1, "lan0", Ipv4Prefix.parse("10.1.0.1/24"), 1500));
        n.connect("r1-r2", bw, 5 * MS, 0, 1500, 100,
                n.addEthernet(r1, "eth0", Ipv4Prefix.parse("192.0.2.1/30"), 1500),
                n.addEthernet(r2, "eth0", Ipv4Prefix.parse("192.0.2.2/30"), 1500));
        n.connect("r2-r3", bw, 5 * MS, 0, mtuMiddle, 100,
                n.addEthernet(r2, "eth1", Ipv4Prefix.parse("192.0.2.5/30"), mtuMiddle),
                n.addEthernet(r3, "eth0", Ipv4Prefix.parse("192.0.2.6/30"), mtuMiddle));
        n.connect("r3-h2", bw, MS, 0, 1500, 100,
                n.addEthernet(r3, "lan0", Ipv4Prefix.parse("10.2.0.1/24"), 1500),
                n.addEthernet(h2, "eth0", Ipv4Prefix.parse("10.2.0.10/24"), 1500));
        statics(h1, StaticRoute.via("0.0.0.0/0", "10.1.0.1"));
        statics(h2, StaticRoute.via("0.0.0.0/0", "10.2.0.1"));
        statics(r1, StaticRoute.via("10.2.0.0/24", "192.0.2.2"), StaticRoute.via("192.0.2.4/30", "192.0.2.2"));
        statics(r2, StaticRoute.via("10.2.0.0/24", "192.0.2.6"), StaticRoute.via("10.1.0.0/24", "192.0.2.1"));
        statics(r3, StaticRoute.via("10.1.0.0/24", "192.0.2.5"), StaticRoute.via("192.0.2.0/30", "192.0.2.5"));
        return n;
    }

    static void statics(Node node, StaticRoute... routes) {
        io.tunnelsim.testutil.Nets.statics(node, routes);
    }

    /** Pings until {@code stop}; probes sent at or after it are not sent. */
    static ProbeFlow ping(Network n, String from, String to, long interval, int size, long stop) {
        ProbeFlow f = new ProbeFlow(from + "-" + to, 1, n.node(from), Ipv4Address.parse(to), ProbeFlow.Type.ICMP,
                interval, size, 0, stop, 0);
        n.node(from).addService(f);
        return f;
    }

    @Test
    void pingAcrossThreeRoutersWithExpectedRoundTrip() {
        Network n = line(1, 1500);
        ProbeFlow f = ping(n, "h1", "10.2.0.10", 100 * MS, 100, SimTime.seconds(2));
        n.runUntil(SimTime.seconds(3));
        assertEquals(20, f.count());
        // The first probe waits for ARP on every hop; all later ones arrive.
        for (int i = 0; i < f.count(); i++) {
            assertTrue(f.receivedAt(i) > 0, "probe " + i + " lost");
        }
        // Steady-state RTT: 2 × (1 + 5 + 5 + 1) ms propagation plus serialization of 4 hops each way.
        long rtt = f.receivedAt(10) - f.sentAt(10);
        long propagation = 2 * 12 * MS;
        long serialization = 8 * (100 + 14 + 24) * 8L * SimTime.SECOND / 100_000_000L;
        assertEquals(propagation + serialization, rtt);
        assertEquals(0, n.node("r2").counters().totalDrops());
        assertEquals(40, n.node("r2").counters().forwarded);
    }

    @Test
    void runsAreDeterministic() {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (List<Long> out : List.of(a, b)) {
            Network n = line(99, 1500);
            ProbeFlow f = ping(n, "h1", "10.2.0.10", 37 * MS, 300, SimTime.seconds(3));
            n.runUntil(SimTime.seconds(3));
            for (int i = 0; i < f.count(); i++) {
                out.add(f.receivedAt(i));
            }
            out.add(n.scheduler().executedEvents());
        }
        assertEquals(a, b);
    }

    @Test
    void ttlExpiryAndNoRouteProduceIcmpErrors() {
        Network n = line(1, 1500);
        n.start();
        n.scheduler().runUntil(SimTime.seconds(1));
        Node h1 = n.node("h1");
        List<IcmpMessage> got = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        h1.ipv4().addIcmpListener((in, src, m) -> { got.add(m); from.add(src); });
        IcmpMessage echo = IcmpMessage.echo(true, 9, 1, new byte[8]);
        h1.ipv4().send(IcmpCodec.toBuffer(echo), 0, Ipv4Address.parse("10.2.0.10").bits(), Ipv4Header.PROTO_ICMP, 2, false);
        h1.ipv4().send(IcmpCodec.toBuffer(echo), 0, Ipv4Address.parse("172.31.0.1").bits(), Ipv4Header.PROTO_ICMP, 64, false);
        n.scheduler().runUntil(SimTime.seconds(2));
        assertEquals(2, got.size());
        // r1 is closer, so its net-unreachable arrives first, then r2's time-exceeded
        assertEquals(IcmpMessage.DEST_UNREACHABLE, got.get(0).type());
        assertEquals(IcmpMessage.CODE_NET_UNREACHABLE, got.get(0).code());
        assertEquals("10.1.0.1", new Ipv4Address(from.get(0)).toString());
        assertEquals(IcmpMessage.TIME_EXCEEDED, got.get(1).type());
        assertEquals("192.0.2.2", new Ipv4Address(from.get(1)).toString());
        assertEquals(1, n.node("r2").counters().drops("ttl-expired"));
        assertEquals(1, n.node("r1").counters().drops("no-route"));
    }

    @Test
    void largePacketsAreFragmentedAndReassembled() {
        Network n = line(1, 576);
        ProbeFlow f = ping(n, "h1", "10.2.0.10", 200 * MS, 1400, SimTime.seconds(2));
        n.runUntil(SimTime.seconds(2));
        assertTrue(f.receivedAt(5) > 0);
        assertTrue(f.receivedAt(9) > 0);
        // 1400-byte datagrams over a 576 MTU: (576-20)/8*8 = 552 data octets per fragment → 3 fragments each way
        Interface r3in = n.node("r3").interfaceNamed("eth0");
        assertTrue(r3in.inPackets >= 3L * 9, "fragments seen: " + r3in.inPackets);
        assertEquals(0, n.node("h2").counters().totalDrops());
    }

    @Test
    void dontFragmentOverSmallMtuGetsFragmentationNeededWithMtu() {
        Network n = line(1, 576);
        n.runUntil(SimTime.seconds(1));
        Node h1 = n.node("h1");
        List<IcmpMessage> got = new ArrayList<>();
        h1.ipv4().addIcmpListener((in, src, m) -> got.add(m));
        IcmpMessage echo = IcmpMessage.echo(true, 9, 1, new byte[1000]);
        h1.ipv4().send(IcmpCodec.toBuffer(echo), 0, Ipv4Address.parse("10.2.0.10").bits(), Ipv4Header.PROTO_ICMP, 64, true);
        n.scheduler().runUntil(SimTime.seconds(2));
        assertEquals(1, got.size());
        assertEquals(IcmpMessage.CODE_FRAGMENTATION_NEEDED, got.get(0).code());
        assertEquals(576, got.get(0).nextHopMtu());
    }

    @Test
    void carrierLossWithdrawsConnectedAndStaticRoutesAtOnce() {
        Network n = line(1, 1500);
        List<String> changes = new ArrayList<>();
        n.addFibListener((node, p, before, after) -> changes.add(node.name() + " " + p + (after == null ? " removed" : " set")));
        n.runUntil(SimTime.seconds(1));
        Node r1 = n.node("r1");
        assertNotNull(r1.fib().get(Ipv4Prefix.parse("10.2.0.0/24")));
        changes.clear();
        n.segment("r1-r2").setCarrier(false);
        assertNull(r1.fib().get(Ipv4Prefix.parse("10.2.0.0/24")));
        assertNull(r1.fib().get(Ipv4Prefix.parse("192.0.2.0/30")));
        assertTrue(changes.contains("r1 10.2.0.0/24 removed"), changes.toString());
        assertTrue(changes.contains("r2 192.0.2.0/30 removed"), changes.toString());
        assertTrue(n.log().entries().stream().anyMatch(e -> e.format().contains("%LINEPROTO-5-UPDOWN: Line protocol on Interface eth0, changed state to down")));
        n.segment("r1-r2").setCarrier(true);
        assertNotNull(r1.fib().get(Ipv4Prefix.parse("10.2.0.0/24")));
    }

    @Test
    void silentFailureDropsFramesButKeepsRoutes() {
        Network n = line(1, 1500);
        ProbeFlow f = ping(n, "h1", "10.2.0.10", 100 * MS, 100, SimTime.seconds(3) - MS);
        n.scheduler().schedule(SimTime.seconds(1), () -> n.segment("r2-r3").setSilentFailure(true));
        n.scheduler().schedule(SimTime.seconds(2), () -> n.segment("r2-r3").setSilentFailure(false));
        n.runUntil(SimTime.seconds(4));
        int lost = 0;
        for (int i = 0; i < f.count(); i++) {
            if (f.receivedAt(i) < 0) {
                lost++;
                assertTrue(f.sentAt(i) >= SimTime.seconds(1) - 30 * MS && f.sentAt(i) < SimTime.seconds(2), "lost at " + f.sentAt(i));
            }
        }
        assertTrue(lost >= 9 && lost <= 11, "lost " + lost);
        assertNotNull(n.node("r2").fib().get(Ipv4Prefix.parse("10.2.0.0/24")));
        assertTrue(n.segment("r2-r3").framesSilentlyDropped > 0);
    }

    @Test
    void outputQueueTailDropsBeyondLimit() {
        Network n = new Network(3);
        Router a = n.addRouter("a");
        Router b = n.addRouter("b");
        EthernetInterface ea = n.addEthernet(a, "eth0", Ipv4Prefix.parse("10.0.0.1/30"), 1500);
        n.connect("ab", 1_000_000L, MS, 0, 1500, 5, ea, n.addEthernet(b, "eth0", Ipv4Prefix.parse("10.0.0.2/30"), 1500));
        n.runUntil(SimTime.seconds(1));
        IcmpMessage echo = IcmpMessage.echo(true, 1, 1, new byte[1000]);
        // resolve ARP first
        a.ipv4().send(IcmpCodec.toBuffer(echo), 0, Ipv4Address.parse("10.0.0.2").bits(), Ipv4Header.PROTO_ICMP, 64, false);
        n.scheduler().runUntil(SimTime.seconds(2));
        for (int i = 0; i < 20; i++) {
            a.ipv4().send(IcmpCodec.toBuffer(echo), 0, Ipv4Address.parse("10.0.0.2").bits(), Ipv4Header.PROTO_ICMP, 64, false);
        }
        assertEquals(15, a.counters().drops("output-queue-full"));
        n.scheduler().runUntil(SimTime.seconds(3));
        assertEquals(6, b.counters().delivered);
    }

    @Test
    void udpProbeReachesSinkOneWay() {
        Network n = line(1, 1500);
        UdpSink sink = new UdpSink(n.node("h2"), 5001);
        ProbeFlow f = new ProbeFlow("udp", 7, n.node("h1"), Ipv4Address.parse("10.2.0.10"), ProbeFlow.Type.UDP,
                50 * MS, 200, 0, SimTime.seconds(1), 5001);
        sink.add(f);
        n.node("h1").addService(f);
        n.runUntil(SimTime.seconds(2));
        assertEquals(20, f.count());
        long oneWay = f.receivedAt(5) - f.sentAt(5);
        long serialization = 4 * (200 + 14 + 24) * 8L * SimTime.SECOND / 100_000_000L;
        assertEquals(12 * MS + serialization, oneWay);
    }

    @Test
    void nodeCrashStopsForwardingAndRestoreBringsItBack() {
        Network n = line(1, 1500);
        ProbeFlow f = ping(n, "h1", "10.2.0.10", 100 * MS, 100, SimTime.seconds(4));
        n.scheduler().schedule(SimTime.seconds(1), () -> n.node("r2").crash());
        n.scheduler().schedule(SimTime.seconds(2), () -> n.node("r2").restore());
        n.runUntil(SimTime.seconds(4));
        assertTrue(f.receivedAt(5) > 0);
        assertTrue(f.receivedAt(15) < 0);
        assertTrue(f.receivedAt(35) > 0);
        assertTrue(n.log().entries().stream().anyMatch(e -> e.facility().equals("SYS-5-CRASH")));
    }
}
