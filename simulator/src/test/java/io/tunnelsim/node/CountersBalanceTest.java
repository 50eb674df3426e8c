package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.IcmpCodec;
import io.tunnelsim.wire.IcmpMessage;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.UdpCodec;
import io.tunnelsim.wire.WireDrop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each path of a node's accounting (docs/model.md, "Counters") on the line h1 — r1 — r2 — r3 —
 * h2: every packet that enters leaves exactly once, or is still held.
 */
class CountersBalanceTest {
    static final long S = SimTime.SECOND;
    Network n;

    @BeforeEach
    void converge() {
        n = NetworkForwardingTest.line(1, 1500);
        n.runUntil(S);
    }

    static int addr(String a) {
        return Ipv4Address.parse(a).bits();
    }

    /** An IPv4 packet with {@code payload} zero octets after the header. */
    static PacketBuffer ip(int flagsFrag, int id, int ttl, int protocol, String src, String dst, int payload) {
        PacketBuffer p = PacketBuffer.allocate(payload);
        p.append(payload);
        Ipv4Codec.push(p, 0, id, flagsFrag, ttl, protocol, addr(src), addr(dst));
        return p;
    }

    static void assertBalanced(Node node) {
        assertEquals(0, node.counters().imbalance(), node.name() + ": " + node.counters().balanceLine());
    }

    void assertAllBalanced() {
        for (Node node : n.nodes()) {
            assertBalanced(node);
        }
    }

    @Test
    void ownIcmpErrorThatFindsNoRouteIsOriginatedBeforeItIsDropped() {
        Node r2 = n.node("r2");
        Counters c = r2.counters();
        long originated = c.originated;
        // TTL 1 from a source r2 has no route to: the time-exceeded cannot go back
        r2.ipv4().receive(ip(0, 7, 1, Ipv4Header.PROTO_ICMP, "172.16.0.1", "10.2.0.10", 8), r2.interfaceNamed("eth0"));
        assertEquals(1, c.drops(NodeDrop.TTL_EXPIRED));
        assertEquals(1, c.drops(NodeDrop.NO_ROUTE), "the ICMP error finds no route");
        assertEquals(originated + 1, c.originated, "the ICMP error is one of r2's own packets");
        assertBalanced(r2);
        // and for a packet that itself has no route: two no-route drops, one of them the error's
        r2.ipv4().receive(ip(0, 8, 64, Ipv4Header.PROTO_ICMP, "172.16.0.1", "172.31.0.1", 8), r2.interfaceNamed("eth0"));
        assertEquals(3, c.drops(NodeDrop.NO_ROUTE));
        assertEquals(originated + 2, c.originated);
        assertBalanced(r2);
    }

    @Test
    void ownPacketWithoutRouteIsOriginatedThenDropped() {
        Node r3 = n.node("r3");
        long originated = r3.counters().originated;
        IcmpMessage echo = IcmpMessage.echo(true, 1, 1, new byte[8]);
        assertFalse(r3.ipv4().send(IcmpCodec.toBuffer(echo), 0, addr("172.31.0.1"), Ipv4Header.PROTO_ICMP, 64, false));
        assertEquals(originated + 1, r3.counters().originated);
        assertEquals(1, r3.counters().drops(NodeDrop.NO_ROUTE));
        assertBalanced(r3);
    }

    @Test
    void ownPacketOnADownInterfaceIsOriginatedThenDropped() {
        Node r1 = n.node("r1");
        Interface eth0 = r1.interfaceNamed("eth0");
        eth0.setAdminUp(false);
        long originated = r1.counters().originated;
        PacketBuffer p = PacketBuffer.allocate(8);
        p.append(8);
        r1.ipv4().sendOn(eth0, p, 0, addr("224.0.0.9"), 253, 1);
        assertEquals(originated + 1, r1.counters().originated);
        assertEquals(1, r1.counters().drops(NodeDrop.INTERFACE_DOWN));
        assertBalanced(r1);
    }

    @Test
    void suppressedUnreachableIsOriginatedAndDropped() {
        Node r2 = n.node("r2");
        Interface eth0 = r2.interfaceNamed("eth0");
        eth0.setSendsUnreachables(false);
        long originated = r2.counters().originated;
        r2.ipv4().receive(ip(0, 9, 64, Ipv4Header.PROTO_ICMP, "10.1.0.10", "172.31.0.1", 8), eth0);
        assertEquals(1, r2.counters().drops(NodeDrop.NO_ROUTE));
        assertEquals(1, r2.counters().drops(NodeDrop.ICMP_UNREACHABLE_SUPPRESSED));
        assertEquals(originated + 1, r2.counters().originated, "the suppressed error counts as built, then dropped");
        assertBalanced(r2);
    }

    @Test
    void fragmentsHeldAtTheEndAreHeldThenTimeOutOneDropPerFragment() {
        Node h2 = n.node("h2");
        Counters c = h2.counters();
        Interface eth0 = h2.interfaceNamed("eth0");
        // fragments 1 and 3 of a three-fragment datagram: 16 + 16 + 16 octets
        h2.ipv4().receive(ip(Ipv4Codec.FLAG_MF, 77, 64, 253, "10.1.0.10", "10.2.0.10", 16), eth0);
        h2.ipv4().receive(ip(4, 77, 64, 253, "10.1.0.10", "10.2.0.10", 16), eth0);
        assertEquals(2, c.heldFragments);
        assertBalanced(h2);
        n.runUntil(n.scheduler().now() + Reassembly.TIMEOUT + S);
        assertEquals(2, c.drops(NodeDrop.REASSEMBLY_TIMEOUT), "one drop per fragment held");
        assertEquals(0, c.heldFragments);
        assertBalanced(h2);
    }

    @Test
    void completedDatagramCountsItsFragmentsAndOneReassembledDelivery() {
        Node h2 = n.node("h2");
        Counters c = h2.counters();
        Interface eth0 = h2.interfaceNamed("eth0");
        long delivered = c.delivered;
        h2.ipv4().receive(ip(Ipv4Codec.FLAG_MF, 78, 64, 253, "10.1.0.10", "10.2.0.10", 16), eth0);
        h2.ipv4().receive(ip(4, 78, 64, 253, "10.1.0.10", "10.2.0.10", 16), eth0);
        h2.ipv4().receive(ip(Ipv4Codec.FLAG_MF | 2, 78, 64, 253, "10.1.0.10", "10.2.0.10", 16), eth0);
        assertEquals(3, c.fragmentsReassembled);
        assertEquals(1, c.reassembled);
        assertEquals(0, c.heldFragments);
        assertEquals(delivered + 1, c.delivered);
        // protocol 253 has no handler: refused by the local stage, outside the balance
        assertEquals(1, c.localDropsByReason().get(NodeDrop.PROTOCOL_UNREACHABLE.label()));
        assertBalanced(h2);
    }

    @Test
    void crashDropsHeldFragmentsAsNodeCrashed() {
        Node h2 = n.node("h2");
        Interface eth0 = h2.interfaceNamed("eth0");
        h2.ipv4().receive(ip(Ipv4Codec.FLAG_MF, 79, 64, 253, "10.1.0.10", "10.2.0.10", 16), eth0);
        h2.crash();
        assertEquals(1, h2.counters().drops(NodeDrop.NODE_CRASHED));
        assertEquals(0, h2.counters().heldFragments);
        assertBalanced(h2);
    }

    @Test
    void packetWaitingForArpAtTheEndIsHeldThenDroppedAsUnresolved() {
        Node h1 = n.node("h1");
        Counters c = h1.counters();
        IcmpMessage echo = IcmpMessage.echo(true, 1, 1, new byte[8]);
        h1.ipv4().send(IcmpCodec.toBuffer(echo), 0, addr("10.1.0.99"), Ipv4Header.PROTO_ICMP, 64, false);
        assertEquals(1, c.heldArp, "waiting for an ARP reply from 10.1.0.99");
        assertBalanced(h1);
        n.runUntil(n.scheduler().now() + (EthernetInterface.ARP_TRIES + 1) * EthernetInterface.ARP_RETRY);
        assertEquals(1, c.drops(NodeDrop.ARP_UNRESOLVED));
        assertEquals(0, c.heldArp);
        assertBalanced(h1);
    }

    @Test
    void packetWaitingForNeighbourDiscoveryIsHeldThenDroppedAsUnresolved() {
        Node h1 = n.node("h1");
        Counters c = h1.counters();
        h1.interfaceNamed("eth0").addIpv6(Ipv6Prefix.parse("2001:db8:1::10/64"));
        long originated = c.originated;
        assertTrue(h1.ipv6().sendEcho(Ipv6Address.parse("2001:db8:1::99"), 1, 1, 8));
        assertEquals(1, c.heldNd);
        assertEquals(originated + 2, c.originated, "the echo request and the neighbour solicitation");
        assertBalanced(h1);
        n.runUntil(n.scheduler().now() + 4 * S);
        assertEquals(1, c.drops(NodeDrop.ND_UNRESOLVED));
        assertEquals(0, c.heldNd);
        assertBalanced(h1);
        // no IPv6 route at all: the echo request is originated, then dropped
        assertFalse(h1.ipv6().sendEcho(Ipv6Address.parse("2001:db8:9::1"), 1, 2, 8));
        assertEquals(1, c.drops(NodeDrop.IPV6_NO_ROUTE));
        assertBalanced(h1);
    }

    @Test
    void crashDropsPacketsWaitingForNeighbourDiscovery() {
        Node h1 = n.node("h1");
        h1.interfaceNamed("eth0").addIpv6(Ipv6Prefix.parse("2001:db8:1::10/64"));
        assertTrue(h1.ipv6().sendEcho(Ipv6Address.parse("2001:db8:1::99"), 1, 1, 8));
        assertEquals(1, h1.counters().heldNd);
        h1.crash();
        assertEquals(0, h1.counters().heldNd);
        assertEquals(1, h1.counters().drops(NodeDrop.INTERFACE_DOWN));
        assertBalanced(h1);
        n.runUntil(n.scheduler().now() + 4 * S);
        assertEquals(0, h1.counters().drops(NodeDrop.ND_UNRESOLVED), "the solicitation retries died with the node");
        assertBalanced(h1);
    }

    @Test
    void refusalByALocalProtocolIsALocalDropOutsideTheBalance() {
        Node h2 = n.node("h2");
        Counters c = h2.counters();
        long delivered = c.delivered;
        long networkDrops = c.networkDrops();
        PacketBuffer p = PacketBuffer.allocate(8);
        p.append(8);
        UdpCodec.push(p, 40000, 9, addr("10.1.0.10"), addr("10.2.0.10"));
        Ipv4Codec.push(p, 0, 80, 0, 64, Ipv4Header.PROTO_UDP, addr("10.1.0.10"), addr("10.2.0.10"));
        h2.ipv4().receive(p, h2.interfaceNamed("eth0"));
        assertEquals(delivered + 1, c.delivered);
        assertEquals(1, c.localDrops());
        assertEquals(networkDrops, c.networkDrops());
        assertEquals(1, c.localDropsByReason().get(NodeDrop.UDP_PORT_UNREACHABLE.label()));
        assertBalanced(h2);
        n.runUntil(n.scheduler().now() + S);
        assertAllBalanced();
    }

    @Test
    void fragmentationCountsOnePacketFragmentedAndEachFragment() {
        n = NetworkForwardingTest.line(1, 576);
        ProbeFlow f = NetworkForwardingTest.ping(n, "h1", "10.2.0.10", 200 * SimTime.MILLISECOND, 1400, 2 * S);
        n.runUntil(3 * S);
        Counters r2 = n.node("r2").counters();
        assertTrue(f.receivedAt(5) > 0);
        // 1400-octet echo requests over a 576 MTU: 3 fragments each
        assertEquals(f.count(), r2.fragmented);
        assertEquals(3L * f.count(), r2.fragments);
        Counters h2 = n.node("h2").counters();
        assertEquals(f.count(), h2.reassembled);
        assertEquals(3L * f.count(), h2.fragmentsReassembled);
        assertAllBalanced();
    }

    @Test
    void ownPacketToOwnAddressIsSentOnTheLoopbackAndReceived() {
        Node r1 = n.node("r1");
        Counters c = r1.counters();
        long sent = c.sent;
        long received = c.received;
        IcmpMessage echo = IcmpMessage.echo(true, 1, 1, new byte[8]);
        assertTrue(r1.ipv4().send(IcmpCodec.toBuffer(echo), 0, addr("10.1.0.1"), Ipv4Header.PROTO_ICMP, 64, false));
        n.runUntil(n.scheduler().now() + S);
        assertTrue(c.sent >= sent + 2, "the request and the reply, on the loopback");
        assertTrue(c.received >= received + 2);
        assertAllBalanced();
    }

    @Test
    void arpFramesAreReceivedAndDeliveredToArp() {
        IcmpMessage echo = IcmpMessage.echo(true, 1, 1, new byte[8]);
        n.node("h1").ipv4().send(IcmpCodec.toBuffer(echo), 0, addr("10.2.0.10"), Ipv4Header.PROTO_ICMP, 64, false);
        n.runUntil(n.scheduler().now() + S);
        Counters c = n.node("r2").counters();
        assertTrue(c.arpDelivered >= 2, "ARP from r1 and r3: " + c.balanceLine());
        assertAllBalanced();
    }

    @Test
    void framesWithoutIpAreReceivedThenDropped() {
        Node r1 = n.node("r1");
        EthernetInterface lan0 = (EthernetInterface) r1.interfaceNamed("lan0");
        Counters c = r1.counters();
        long received = c.received;
        lan0.receiveFrame(PacketBuffer.copyOf(new byte[10]));
        assertEquals(1, c.drops(WireDrop.ETH_TRUNCATED));
        byte[] unknown = new byte[60];
        java.util.Arrays.fill(unknown, 0, 6, (byte) 0xff);
        unknown[12] = (byte) 0x88;
        unknown[13] = (byte) 0xb5; // local experimental EtherType
        lan0.receiveFrame(PacketBuffer.copyOf(unknown));
        assertEquals(1, c.drops(NodeDrop.UNKNOWN_ETHERTYPE));
        byte[] arp = unknown.clone();
        arp[12] = 0x08;
        arp[13] = 0x06; // ARP with hardware type 0: malformed
        lan0.receiveFrame(PacketBuffer.copyOf(arp));
        assertEquals(received + 3, c.received);
        assertEquals(3, c.networkDrops(), c.networkDropsByReason().toString());
        assertBalanced(r1);
    }
}
