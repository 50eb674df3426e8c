package io.tunnelsim.routing.bfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Router;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Nets;
import io.tunnelsim.wire.PacketBuffer;
import org.junit.jupiter.api.Test;

/**
 * Two routers on one link, the BFD service of each: sessions by interface and peer, packets on
 * the wire, and every rejected packet a counted drop under its reason.
 */
class BfdServiceTest {
    static final long MS = SimTime.MILLISECOND;
    static final Ipv4Address A = Ipv4Address.parse("10.0.0.1");
    static final Ipv4Address B = Ipv4Address.parse("10.0.0.2");

    Network net = new Network(1);
    Router ra = net.addRouter("a");
    Router rb = net.addRouter("b");
    EthernetInterface ea = net.addEthernet(ra, "eth0", Ipv4Prefix.parse("10.0.0.1/30"), 1500);
    EthernetInterface eb = net.addEthernet(rb, "eth0", Ipv4Prefix.parse("10.0.0.2/30"), 1500);

    BfdServiceTest() {
        net.connect("ab", 100_000_000L, MS, 0, 1500, 100, ea, eb);
    }

    BfdSession[] up() {
        BfdSession sa = BfdService.of(ra).configurePeer(BfdPeer.singleHop(B, "eth0"), null, 254);
        BfdSession sb = BfdService.of(rb).configurePeer(BfdPeer.singleHop(A, "eth0"), null, 254);
        net.start();
        net.runUntil(5 * SimTime.SECOND);
        assertTrue(sa.isUp() && sb.isUp());
        return new BfdSession[] {sa, sb};
    }

    /** Sends a hand-made Control packet from a to b (UDP from {@code srcPort} to {@code dstPort}). */
    void inject(BfdControlPacket m, int srcPort, int dstPort, int ttl) {
        PacketBuffer p = BfdCodec.toBuffer(m);
        io.tunnelsim.wire.UdpCodec.push(p, srcPort, dstPort, A.bits(), B.bits());
        io.tunnelsim.wire.Ipv4Codec.push(p, 0, 1, 0, ttl, 17, A.bits(), B.bits());
        ra.ipv4().transmit(ea, p, B.bits(), null);
        net.runUntil(net.scheduler().now() + 10 * MS);
    }

    @Test
    void rejectedPacketsAreCountedDropsWithTheirReason() {
        BfdSession[] s = up();
        long mine = s[0].localDiscriminator();
        long yours = s[1].localDiscriminator();
        BfdControlPacket good = BfdControlPacket.of(BfdDiagnostic.NONE, BfdState.UP, false, false, 3, mine, yours,
                300_000, 300_000);
        inject(good, 49999, BfdCodec.SINGLE_HOP_PORT, 254);
        assertEquals(1, rb.counters().drops("bfd-ttl-not-255"), "GTSM: RFC 5881 §5");
        inject(good, 3784, BfdCodec.SINGLE_HOP_PORT, 255);
        assertEquals(1, rb.counters().drops("bfd-bad-source-port"));
        inject(BfdControlPacket.of(BfdDiagnostic.NONE, BfdState.UP, false, false, 3, mine, 12345, 300_000, 300_000),
                49999, BfdCodec.SINGLE_HOP_PORT, 255);
        assertEquals(1, rb.counters().drops("bfd-unknown-discriminator"));
        inject(BfdControlPacket.of(BfdDiagnostic.NONE, BfdState.DOWN, false, false, 3, 77, 0, 1_000_000, 300_000),
                49999, BfdCodec.MULTIHOP_PORT, 255);
        assertEquals(1, rb.counters().drops("bfd-no-session"), "no multihop session 10.0.0.1 -> 10.0.0.2");
        inject(new BfdControlPacket(2, 0, BfdState.UP, false, false, false, false, false, false, 3, mine, yours,
                300_000, 300_000, 0), 49999, BfdCodec.SINGLE_HOP_PORT, 255);
        assertEquals(1, rb.counters().drops("bfd-bad-version"));
        assertEquals(5, BfdService.of(rb).badPackets());
        net.runUntil(net.scheduler().now() + SimTime.SECOND);
        assertTrue(s[1].isUp(), "the session is not disturbed by rejected packets");
    }

    @Test
    void interfaceDownIsPathDownAndSilent() {
        BfdSession[] s = up();
        ea.setAdminUp(false);
        assertEquals(BfdState.DOWN, s[0].state());
        assertEquals(BfdDiagnostic.PATH_DOWN, s[0].localDiagnostic());
        long sent = s[0].packetsSent();
        net.runUntil(net.scheduler().now() + 2 * SimTime.SECOND);
        assertEquals(sent, s[0].packetsSent(), "nothing sent while the interface is down");
        assertEquals(BfdState.DOWN, s[1].state());
        // the far end of the cable loses carrier too: its interface is down as well
        assertEquals(eb.isUp() ? BfdDiagnostic.CONTROL_DETECTION_TIME_EXPIRED : BfdDiagnostic.PATH_DOWN,
                s[1].localDiagnostic());
        ea.setAdminUp(true);
        net.runUntil(net.scheduler().now() + 4 * SimTime.SECOND);
        assertTrue(s[0].isUp() && s[1].isUp());
    }

    @Test
    void staticRouteIsInstalledOnlyWhileTheSessionIsUp() {
        Nets.statics(ra, StaticRoute.via("192.0.2.0/24", "10.0.0.2"));
        StaticRouting sr = ra.service(StaticRouting.class);
        BfdStaticClient.attach(sr, sr.routes().get(0), BfdPeer.singleHop(B, "eth0"), 254);
        BfdService.of(rb).configurePeer(BfdPeer.singleHop(A, "eth0"), null, 254);
        net.start();
        net.runUntil(100 * MS);
        assertNull(ra.fib().get(Ipv4Prefix.parse("192.0.2.0/24")), "not before the session is Up");
        net.runUntil(5 * SimTime.SECOND);
        assertTrue(ra.fib().get(Ipv4Prefix.parse("192.0.2.0/24")) != null);
        net.segment("ab").setSilentFailure(true);
        long t = net.scheduler().now();
        while (ra.fib().get(Ipv4Prefix.parse("192.0.2.0/24")) != null && net.scheduler().now() < t + 2 * SimTime.SECOND) {
            net.runUntil(net.scheduler().now() + MS);
        }
        long gone = net.scheduler().now() - t;
        assertTrue(gone > 600 * MS - 2 * MS && gone <= 900 * MS + 2 * MS, "withdrawn after " + SimTime.formatShort(gone));
    }

    @Test
    void peerAdminDownKeepsTheStaticRoute() {
        Nets.statics(ra, StaticRoute.via("192.0.2.0/24", "10.0.0.2"));
        StaticRouting sr = ra.service(StaticRouting.class);
        BfdStaticClient.attach(sr, sr.routes().get(0), BfdPeer.singleHop(B, "eth0"), 254);
        BfdSession sb = BfdService.of(rb).configurePeer(BfdPeer.singleHop(A, "eth0"), null, 254);
        net.start();
        net.runUntil(5 * SimTime.SECOND);
        sb.adminDown();
        net.runUntil(8 * SimTime.SECOND);
        assertEquals(BfdState.DOWN, BfdService.of(ra).session(BfdPeer.singleHop(B, "eth0")).state());
        assertTrue(ra.fib().get(Ipv4Prefix.parse("192.0.2.0/24")) != null, "RFC 5882 §3.2: AdminDown is not a failure");
    }
}
