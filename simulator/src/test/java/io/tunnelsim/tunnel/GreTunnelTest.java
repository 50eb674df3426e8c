package io.tunnelsim.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.IcmpCodec;
import io.tunnelsim.wire.IcmpMessage;
import io.tunnelsim.wire.Ipv4Header;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreTunnelTest {
    static final long S = SimTime.SECOND;
    static final long MS = SimTime.MILLISECOND;

    private static long firstLog(TwoSites t, String node, String contains, long after) {
        for (EventLog.Entry e : t.net.log().entries()) {
            if (e.node().equals(node) && e.time() >= after && e.format().contains(contains)) {
                return e.time();
            }
        }
        return -1;
    }

    @Test
    void aNamedSourceAddedAfterTheTunnelIsFoundAndItsAddressFollowed() {
        io.tunnelsim.node.Network net = new io.tunnelsim.node.Network(1);
        Node r = net.addRouter("r");
        TunnelInterface t = TunnelInterface.create(r, "tunnel0", TunnelConfig.basic("eth9", "198.51.100.2"));
        assertNull(t.sourceInterface(), "no eth9 yet");
        assertEquals(0, t.sourceAddressBits());
        var eth9 = net.addEthernet(r, "eth9", Ipv4Prefix.parse("203.0.113.2/30"), 1500);
        assertTrue(t.sourceInterface() == eth9, "eth9 once it exists");
        assertEquals(Ipv4Address.parse("203.0.113.2").bits(), t.sourceAddressBits());
        eth9.setIpv4(Ipv4Prefix.parse("203.0.113.6/30"));
        assertEquals(Ipv4Address.parse("203.0.113.6").bits(), t.sourceAddressBits(), "the interface's address now");
    }

    @Test
    void lineProtocolFollowsSourceInterfaceAndRouteToDestination() {
        TwoSites t = new TwoSites(1, TwoSites.hqDefault(), TwoSites.brDefault());
        assertFalse(t.hqTunnel.isUp(), "down before start");
        t.net.runUntil(S);
        assertTrue(t.hqTunnel.isUp());
        assertTrue(t.brTunnel.isUp());
        // Carrier loss on the source interface: down at once.
        t.net.segment("hq-isp").setCarrier(false);
        assertFalse(t.hqTunnel.isUp());
        assertTrue(firstLog(t, "hq", "Line protocol on Interface tunnel0, changed state to down", 0) >= 0);
        assertNull(t.net.node("hq").fib().get(Ipv4Prefix.parse("10.2.0.0/24")), "route through the tunnel withdrawn");
        t.net.segment("hq-isp").setCarrier(true);
        assertTrue(t.hqTunnel.isUp());
        assertNotNull(t.net.node("hq").fib().get(Ipv4Prefix.parse("10.2.0.0/24")));
        // Without a route to the destination: down (the far end stays up: nothing tells it).
        t.net.node("hq").service(io.tunnelsim.routing.StaticRouting.class).stop();
        assertFalse(t.hqTunnel.isUp());
        assertTrue(t.brTunnel.isUp());
    }

    @Test
    void sendPathAndReceiveCheckCarryPingsBetweenSites() {
        TwoSites t = new TwoSites(1, TwoSites.hqDefault().withKey(100), TwoSites.brDefault().withKey(100));
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 200, 2 * S);
        t.net.runUntil(3 * S);
        for (int i = 1; i < f.count(); i++) {
            assertTrue(f.receivedAt(i) > 0, "probe " + i);
        }
        assertEquals(f.count(), t.brTunnel.inPackets);
        assertEquals(f.count(), t.hqTunnel.inPackets);
        // the provider router forwards GRE, it never sees the inner addresses
        assertEquals(0, t.net.node("isp").counters().totalDrops());
    }

    @Test
    void multicastOutOfTheTunnelBecomesUnicastGre() {
        TwoSites t = new TwoSites(1, TwoSites.hqDefault(), TwoSites.brDefault());
        t.net.runUntil(S);
        Node br = t.net.node("br");
        br.ipv4().joinGroup(Ipv4Address.parse("224.0.0.9"));
        List<Integer> got = new ArrayList<>();
        br.ipv4().registerIpHandler(253, (in, p, hl) -> got.add(in == t.brTunnel ? 1 : 0));
        io.tunnelsim.wire.PacketBuffer payload = io.tunnelsim.wire.PacketBuffer.allocate(8);
        payload.append(8);
        t.net.node("hq").ipv4().sendOn(t.hqTunnel, payload, 0, Ipv4Address.parse("224.0.0.9").bits(), 253, 1);
        t.net.scheduler().runUntil(2 * S);
        assertEquals(List.of(1), got, "delivered once, on the tunnel interface");
    }

    @Test
    void keyMismatchIsDroppedAndCountedWhileBothEndsStayUp() {
        TwoSites t = new TwoSites(1, TwoSites.hqDefault().withKey(100), TwoSites.brDefault().withKey(200));
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        assertTrue(t.hqTunnel.isUp());
        assertTrue(t.brTunnel.isUp());
        for (int i = 0; i < f.count(); i++) {
            assertTrue(f.receivedAt(i) < 0);
        }
        assertEquals(f.count(), t.net.node("br").counters().drops("gre-key-mismatch"));
    }

    /** Gives {@code br} 200 tunnels to other peers, so the demultiplexer has many tunnels to tell apart. */
    private static void manyOtherPeers(TwoSites t, long key) {
        Node br = t.net.node("br");
        for (int i = 1; i <= 200; i++) {
            TunnelInterface.create(br, "tunnel" + i, TunnelConfig.basic("eth0", "192.0.2." + i).withKey(key));
        }
    }

    @Test
    void amongManyTunnelsEachPacketGoesToTheFirstWhoseEndpointsAndKeyMatch() {
        TwoSites t = new TwoSites(1, TwoSites.hqDefault().withKey(7), TwoSites.brDefault().withKey(7));
        manyOtherPeers(t, 7);
        Node br = t.net.node("br");
        TunnelInterface otherKey = TunnelInterface.create(br, "tunnel300", TwoSites.brDefault().withKey(8));
        TunnelInterface later = TunnelInterface.create(br, "tunnel301", TwoSites.brDefault().withKey(7));
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        for (int i = 0; i < f.count(); i++) {
            assertTrue(f.receivedAt(i) >= 0, "ping " + i + " answered");
        }
        assertEquals(f.count(), t.brTunnel.inPackets, "every request decapsulated by tunnel0, the first match");
        assertEquals(0, otherKey.inPackets, "same endpoints, other key");
        assertEquals(0, later.inPackets, "same endpoints and key, configured later");
        assertEquals(0, br.counters().drops("gre-key-mismatch"));
        assertEquals(0, br.counters().drops("gre-no-tunnel"));
    }

    @Test
    void amongManyTunnelsAWrongKeyIsAKeyMismatchAndAnUnknownPeerIsNoTunnel() {
        // br has tunnels to hq with keys 7 and 8; hq sends key 9
        TwoSites t = new TwoSites(1, TwoSites.hqDefault().withKey(9), TwoSites.brDefault().withKey(7));
        manyOtherPeers(t, 9);
        TunnelInterface.create(t.net.node("br"), "tunnel300", TwoSites.brDefault().withKey(8));
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        assertEquals(f.count(), t.net.node("br").counters().drops("gre-key-mismatch"));
        assertEquals(0, t.net.node("br").counters().drops("gre-no-tunnel"));

        // br's only tunnels point elsewhere: hq's packets match no tunnel's endpoints
        TwoSites u = new TwoSites(1, TwoSites.hqDefault().withKey(9), TunnelConfig.basic("eth0", "203.0.113.99").withKey(9));
        manyOtherPeers(u, 9);
        ProbeFlow g = u.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        u.net.runUntil(2 * S);
        assertEquals(g.count(), u.net.node("br").counters().drops("gre-no-tunnel"));
        assertEquals(0, u.net.node("br").counters().drops("gre-key-mismatch"));
    }

    @Test
    void endsThatDoNotMirrorEachOtherDropWhatTheyReceive() {
        // br's tunnel points at an address that is not hq's tunnel source
        TwoSites t = new TwoSites(1, TwoSites.hqDefault(), TunnelConfig.basic("eth0", "203.0.113.99"));
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        assertTrue(t.hqTunnel.isUp());
        assertTrue(t.brTunnel.isUp(), "a mismatched end stays up/up locally");
        assertEquals(f.count(), t.net.node("br").counters().drops("gre-no-tunnel"));
    }

    @Test
    void keepalivesTakeTheTunnelDownOnSilentFailureAndUpOnRecovery() {
        long period = 10 * S;
        int retries = 3;
        TwoSites t = new TwoSites(1, TwoSites.hqDefault().withKeepalive(period, retries), TwoSites.brDefault());
        long failAt = 63 * S;
        long restoreAt = 150 * S;
        t.net.scheduler().schedule(failAt, () -> t.net.segment("isp-br").setSilentFailure(true));
        t.net.scheduler().schedule(restoreAt, () -> t.net.segment("isp-br").setSilentFailure(false));
        t.net.runUntil(200 * S);
        long down = firstLog(t, "hq", "tunnel0, changed state to down", failAt);
        long up = firstLog(t, "hq", "tunnel0, changed state to up", restoreAt);
        assertTrue(down > 0 && up > 0);
        // retries unanswered keepalives, detected at the next period: within (retries, retries + 1] periods
        assertTrue(down - failAt > (retries - 1) * period && down - failAt <= (retries + 1) * period, "down after " + (down - failAt));
        // one answered keepalive brings it back: within one period plus a round trip
        assertTrue(up - restoreAt <= period + 50 * MS, "up after " + (up - restoreAt));
        assertTrue(t.brTunnel.isUp(), "the far end has no keepalives and never noticed");
        assertTrue(t.hqTunnel.keepalivesReceived > 5);
    }

    @Test
    void keepalivesOnBothEndsRecoverTogether() {
        long period = 5 * S;
        TwoSites t = new TwoSites(2, TwoSites.hqDefault().withKeepalive(period, 3), TwoSites.brDefault().withKeepalive(period, 3));
        t.net.scheduler().schedule(30 * S, () -> t.net.segment("isp-br").setSilentFailure(true));
        t.net.scheduler().schedule(80 * S, () -> t.net.segment("isp-br").setSilentFailure(false));
        t.net.runUntil(60 * S);
        assertFalse(t.hqTunnel.isUp());
        assertFalse(t.brTunnel.isUp());
        t.net.scheduler().runUntil(100 * S);
        assertTrue(t.hqTunnel.isUp(), "down ends still reflect each other's keepalives");
        assertTrue(t.brTunnel.isUp());
    }

    @Test
    void recursiveRoutingDisablesTheTunnelForTheHoldTime() {
        TunnelConfig cfg = TwoSites.hqDefault().withRecursionHold(30 * S);
        TwoSites t = new TwoSites(1, cfg, TwoSites.brDefault());
        // A more specific route to the tunnel destination through the tunnel itself.
        TwoSites.statics(t.net.node("hq"), StaticRoute.out("198.51.100.0/24", "tunnel0", 1));
        t.net.runUntil(10 * S);
        long first = firstLog(t, "hq", "%TUN-5-RECURDOWN: tunnel0 temporarily disabled due to recursive routing", 0);
        assertEquals(0, first);
        assertFalse(t.hqTunnel.isUp());
        assertTrue(t.hqTunnel.isRecursionHeld());
        t.net.scheduler().runUntil(29 * S);
        assertFalse(t.hqTunnel.isUp(), "held down");
        t.net.scheduler().runUntil(31 * S);
        // It tried again at 30 s, came up, the route through itself returned, and it went down again.
        long second = firstLog(t, "hq", "RECURDOWN", S);
        assertEquals(30 * S, second);
    }

    @Test
    void passengerOverTunnelMtuIsFragmentedOrRefusedWithTheTunnelMtu() {
        TwoSites t = new TwoSites(1, TwoSites.hqDefault(), TwoSites.brDefault());
        t.net.runUntil(S);
        assertEquals(1500 - 24, t.hqTunnel.mtu());
        Node pc = t.net.node("hq-pc");
        List<IcmpMessage> errors = new ArrayList<>();
        pc.ipv4().addIcmpListener((in, src, m) -> errors.add(m));
        int dst = Ipv4Address.parse("10.2.0.10").bits();
        pc.ipv4().send(IcmpCodec.toBuffer(IcmpMessage.echo(true, 5, 1, new byte[1472])), 0, dst, Ipv4Header.PROTO_ICMP, 64, true);
        pc.ipv4().send(IcmpCodec.toBuffer(IcmpMessage.echo(true, 5, 2, new byte[1472])), 0, dst, Ipv4Header.PROTO_ICMP, 64, false);
        t.net.scheduler().runUntil(2 * S);
        assertEquals(2, errors.size(), errors.toString());
        IcmpMessage fragNeeded = errors.get(0);
        assertEquals(IcmpMessage.CODE_FRAGMENTATION_NEEDED, fragNeeded.code());
        assertEquals(1476, fragNeeded.nextHopMtu());
        assertEquals(IcmpMessage.ECHO_REPLY, errors.get(1).type(), "DF clear: fragmented into the tunnel, answered");
        assertEquals(2, t.brTunnel.inPackets, "two fragments crossed the tunnel");
    }

    @Test
    void outerPacketsLargerThanTheEgressMtuAreFragmentedAndReassembled() {
        TwoSites t = new TwoSites(1, TwoSites.hqDefault().withMtu(1500), TwoSites.brDefault().withMtu(1500));
        t.net.runUntil(S);
        Node pc = t.net.node("hq-pc");
        List<IcmpMessage> replies = new ArrayList<>();
        pc.ipv4().addIcmpListener((in, src, m) -> replies.add(m));
        pc.ipv4().send(IcmpCodec.toBuffer(IcmpMessage.echo(true, 5, 1, new byte[1472])), 0,
                Ipv4Address.parse("10.2.0.10").bits(), Ipv4Header.PROTO_ICMP, 64, false);
        t.net.scheduler().runUntil(2 * S);
        assertEquals(1, replies.size());
        assertEquals(IcmpMessage.ECHO_REPLY, replies.get(0).type());
        assertEquals(1, t.brTunnel.inPackets, "one passenger, carried in two outer fragments");
        assertTrue(t.net.node("br").interfaceNamed("eth0").inPackets >= 2);
    }

    @Test
    void sequenceNumbersAndChecksumsInteroperate() {
        TwoSites t = new TwoSites(1, TwoSites.hqDefault().withOptions(true, true).withKey(7),
                TwoSites.brDefault().withOptions(true, true).withKey(7));
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 50 * MS, 300, S);
        t.net.runUntil(2 * S);
        for (int i = 1; i < f.count(); i++) {
            assertTrue(f.receivedAt(i) > 0);
        }
        assertEquals(0, t.net.node("br").counters().totalDrops());
        assertTrue(t.hqTunnel.details().contains("sequencing"));
    }
}
