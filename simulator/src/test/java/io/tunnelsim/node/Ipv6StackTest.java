package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Nets;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.EthernetHeader;
import io.tunnelsim.wire.Icmpv6Codec;
import io.tunnelsim.wire.Icmpv6Header;
import io.tunnelsim.wire.Icmpv6NdpCodec;
import io.tunnelsim.wire.Icmpv6NeighborAdvertisement;
import io.tunnelsim.wire.Icmpv6NeighborSolicitation;
import io.tunnelsim.wire.Ipv6Codec;
import io.tunnelsim.wire.Ipv6Header;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * IPv6 on h1 (2001:db8:1::10) — r1 — h2 (2001:db8:2::10): neighbour discovery (RFC 4861),
 * forwarding errors (RFC 4443) and echo. The r1–h2 link has the IPv6 minimum MTU, 1280.
 */
class Ipv6StackTest {
    static final Ipv6Address H1 = Ipv6Address.parse("2001:db8:1::10");
    static final Ipv6Address R1 = Ipv6Address.parse("2001:db8:1::1");
    static final Ipv6Address H2 = Ipv6Address.parse("2001:db8:2::10");

    record Msg(Ipv6Address src, Icmpv6Header h, byte[] packet) {
    }

    record Frame(long time, long dst, int type, byte[] body) {
    }

    private Network n;
    private Node h1;
    private Node r1;
    private Node h2;
    private EthernetInterface h1e;
    private EthernetInterface r1lan;
    private final List<Msg> atH1 = new ArrayList<>();
    private final List<Frame> lanFrames = new ArrayList<>();

    private void build(boolean defaults) {
        n = new Network(1);
        h1 = n.addHost("h1");
        h2 = n.addHost("h2");
        r1 = n.addRouter("r1");
        h1e = n.addEthernet(h1, "eth0", Ipv4Prefix.parse("10.1.0.10/24"), 1500);
        r1lan = n.addEthernet(r1, "lan0", Ipv4Prefix.parse("10.1.0.1/24"), 1500);
        Segment lan = n.connect("lan1", Nets.BANDWIDTH, SimTime.MILLISECOND, 0, 1500, 1000, h1e, r1lan);
        EthernetInterface far = n.addEthernet(r1, "eth1", Ipv4Prefix.parse("10.2.0.1/24"), 1280);
        EthernetInterface h2e = n.addEthernet(h2, "eth0", Ipv4Prefix.parse("10.2.0.10/24"), 1280);
        n.connect("r1-h2", Nets.BANDWIDTH, SimTime.MILLISECOND, 0, 1280, 1000, far, h2e);
        h1e.addIpv6(Ipv6Prefix.parse("2001:db8:1::10/64"));
        r1lan.addIpv6(Ipv6Prefix.parse("2001:db8:1::1/64"));
        far.addIpv6(Ipv6Prefix.parse("2001:db8:2::1/64"));
        h2e.addIpv6(Ipv6Prefix.parse("2001:db8:2::10/64"));
        if (defaults) {
            h1.ipv6().addStaticRoute(Ipv6Prefix.parse("::/0"), R1, 1);
            h2.ipv6().addStaticRoute(Ipv6Prefix.parse("::/0"), Ipv6Address.parse("2001:db8:2::1"), 1);
        }
        lan.addTap((t, b, off, len) -> lanFrames.add(new Frame(t, MacAddress.readBits(b, off), Bytes.u16(b, off + 12),
                Arrays.copyOfRange(b, off + EthernetHeader.LENGTH, off + len))));
        h1.ipv6().addListener((in, src, h, p) -> atH1.add(new Msg(src, h, p.toByteArray())));
        n.runUntil(SimTime.seconds(1));
    }

    private void settle() {
        n.scheduler().runUntil(n.scheduler().now() + SimTime.seconds(1));
    }

    private PacketBuffer echo(int dataLength, Ipv6Address dst) {
        byte[] data = new byte[dataLength];
        new java.util.Random(dataLength).nextBytes(data);
        return Icmpv6Codec.echo(Icmpv6Header.echoRequest(5, 9), data, 0, dataLength, H1, dst);
    }

    private List<Frame> icmpv6Frames(int type) {
        return lanFrames.stream().filter(f -> f.type() == EthernetHeader.TYPE_IPV6
                && Ipv6Codec.nextHeader(f.body(), 0) == Ipv6Header.ICMPV6 && (f.body()[40] & 0xff) == type).toList();
    }

    /**
     * RFC 4861 §7.2.2: the first packet to an unresolved neighbour sends a solicitation to the
     * target's solicited-node group (RFC 4291 §2.7.1, Ethernet 33:33:ff:… per RFC 2464 §7) with
     * hop limit 255 and the sender's link-layer address; §7.2.4: the target answers with a
     * solicited advertisement (S set; R set from a router) carrying its link-layer address.
     * RFC 4443 §4.2: the echo reply carries the request's identifier, sequence and data.
     */
    @Test
    void neighbourDiscoveryThenEchoReply() throws Exception {
        build(true);
        PacketBuffer req = echo(32, H2);
        byte[] reqData = Arrays.copyOfRange(req.toByteArray(), 8, 8 + 32);
        assertTrue(h1.ipv6().send(req, H1, H2, Ipv6Header.ICMPV6, 64));
        settle();
        List<Frame> ns = icmpv6Frames(Icmpv6Header.NEIGHBOR_SOLICITATION);
        // RFC 4861 §7.2.3: r1 learns h1 from the solicitation's source link-layer option, so it
        // sends its advertisement and its part of the echo without soliciting h1 in turn
        assertEquals(1, ns.size(), ns.toString());
        Frame first = ns.get(0);
        Ipv6Address group = R1.solicitedNode();
        assertEquals(Ipv6Address.parse("ff02::1:ff00:1"), group);
        assertEquals(MacAddress.ipv6Multicast(group).bits(), first.dst());
        assertEquals(0x3333ff000001L, first.dst());
        assertEquals(255, Ipv6Codec.hopLimit(first.body(), 0));
        assertEquals(group, Ipv6Address.read(first.body(), 24));
        Icmpv6NeighborSolicitation s = Icmpv6NdpCodec.decodeSolicitation(first.body(), 40, first.body().length - 40, H1, group);
        assertEquals(R1, s.target());
        assertEquals(Optional.of(h1e.mac()), s.sourceLinkLayer());
        List<Frame> na = icmpv6Frames(Icmpv6Header.NEIGHBOR_ADVERTISEMENT);
        Frame adv = na.get(0);
        assertEquals(h1e.mac().bits(), adv.dst(), "the advertisement is unicast to the solicitor");
        Icmpv6NeighborAdvertisement a = Icmpv6NdpCodec.decodeAdvertisement(adv.body(), 40, adv.body().length - 40, R1, H1);
        assertTrue(a.router());
        assertTrue(a.solicited());
        assertEquals(R1, a.target());
        assertEquals(Optional.of(r1lan.mac()), a.targetLinkLayer());
        assertEquals(1, atH1.size());
        Msg reply = atH1.get(0);
        assertEquals(Icmpv6Header.ECHO_REPLY, reply.h().type());
        assertEquals(5, reply.h().identifier());
        assertEquals(9, reply.h().sequence());
        assertEquals(H2, reply.src());
        assertArrayEquals(reqData, Arrays.copyOfRange(reply.packet(), 48, reply.packet().length));
        assertEquals(0, h1.counters().heldNd);
        assertEquals(0, h1.counters().imbalance());
        assertEquals(0, r1.counters().imbalance());
    }

    /** As for ARP (class doc): a solicitation a second, {@link Arp#TRIES} in all, then the queue drops as {@code nd-unresolved}. */
    @Test
    void unresolvedNeighbourIsRetriedThenDropped() {
        build(true);
        Ipv6Address nobody = Ipv6Address.parse("2001:db8:1::99");
        long t0 = n.scheduler().now();
        for (int i = 0; i < Arp.QUEUE + 2; i++) {
            h1.ipv6().send(echo(8, nobody), H1, nobody, Ipv6Header.ICMPV6, 64);
        }
        Counters c = h1.counters();
        assertEquals(Arp.QUEUE, c.heldNd);
        assertEquals(2, c.drops("nd-queue-full"));
        n.scheduler().runUntil(t0 + Arp.TRIES * SimTime.SECOND - 1);
        List<Frame> ns = icmpv6Frames(Icmpv6Header.NEIGHBOR_SOLICITATION);
        assertEquals(Arp.TRIES, ns.size());
        for (int i = 0; i < ns.size(); i++) {
            assertEquals(t0 + i * SimTime.SECOND, ns.get(i).time());
        }
        assertEquals(0, c.drops("nd-unresolved"));
        n.scheduler().runUntil(t0 + Arp.TRIES * SimTime.SECOND);
        assertEquals(Arp.QUEUE, c.drops("nd-unresolved"));
        assertEquals(0, c.heldNd);
        assertEquals(0, c.imbalance());
    }

    /**
     * RFC 4861 §5.1 keeps the neighbour cache per interface: r1's eth1 going down forgets eth1's
     * neighbours only, so r1 still reaches h1 on lan0 without soliciting it again, and a packet
     * r1 holds for discovery on eth1 is dropped as {@code interface-down} at once (as ARP's are)
     * instead of waiting out the {@link Arp#TRIES} solicitations.
     */
    @Test
    void anInterfaceGoingDownForgetsOnlyItsOwnNeighbours() {
        build(true);
        assertTrue(h1.ipv6().send(echo(16, H2), H1, H2, Ipv6Header.ICMPV6, 64));
        settle();
        int solicitationsBefore = icmpv6Frames(Icmpv6Header.NEIGHBOR_SOLICITATION).size();
        int repliesBefore = (int) atH1.stream().filter(m -> m.h().type() == Icmpv6Header.ECHO_REPLY).count();
        assertEquals(1, repliesBefore, "h1 reached h2 through r1");

        // a packet for an unknown neighbour on eth1 waits there for discovery
        Ipv6Address nobody = Ipv6Address.parse("2001:db8:2::99");
        assertTrue(h1.ipv6().send(echo(8, nobody), H1, nobody, Ipv6Header.ICMPV6, 64));
        n.scheduler().runUntil(n.scheduler().now() + SimTime.MILLISECOND * 10);
        Counters c = r1.counters();
        assertEquals(1, c.heldNd, "held on eth1 for discovery");
        long downBefore = c.drops("interface-down");
        EthernetInterface eth1 = (EthernetInterface) r1.interfaceNamed("eth1");
        eth1.setAdminUp(false);
        assertEquals(0, c.heldNd);
        assertEquals(downBefore + 1, c.drops("interface-down"), "the held packet goes with its interface");
        n.scheduler().runUntil(n.scheduler().now() + Arp.TRIES * SimTime.SECOND);
        assertEquals(0, c.drops("nd-unresolved"), "no solicitation left running on the downed interface");

        // r1 answers h1 on lan0 from its cache: no new solicitation on the LAN
        assertTrue(h1.ipv6().send(echo(16, R1), H1, R1, Ipv6Header.ICMPV6, 64));
        settle();
        assertEquals(solicitationsBefore, icmpv6Frames(Icmpv6Header.NEIGHBOR_SOLICITATION).size(),
                "lan0's neighbour entry survived eth1 going down");
        assertEquals(2, atH1.stream().filter(m -> m.h().type() == Icmpv6Header.ECHO_REPLY).count());
        assertEquals(0, c.imbalance());
        assertEquals(0, h1.counters().imbalance());
    }

    /**
     * RFC 4443 §3.3: a router that would forward a packet with hop limit 1 discards it and sends
     * time exceeded, code 0; §2.4(c): the message quotes as much of the invoking packet as fits
     * in 1280 octets — here all of it, hop limit as received.
     */
    @Test
    void hopLimitExpiryIsTimeExceededQuotingThePacket() {
        build(true);
        PacketBuffer req = echo(40, H2);
        assertTrue(h1.ipv6().send(req, H1, H2, Ipv6Header.ICMPV6, 1));
        byte[] sent = req.toByteArray();
        settle();
        assertEquals(1, r1.counters().drops("ipv6-hop-limit-exceeded"));
        assertEquals(1, atH1.size());
        Msg m = atH1.get(0);
        assertEquals(Icmpv6Header.TIME_EXCEEDED, m.h().type());
        assertEquals(Icmpv6Header.HOP_LIMIT_EXCEEDED, m.h().code());
        assertEquals(R1, m.src(), "RFC 4443 §2.2: from the router's address on the arrival link");
        assertArrayEquals(sent, Arrays.copyOfRange(m.packet(), 48, m.packet().length));
        assertEquals(1, Ipv6Codec.hopLimit(m.packet(), 48));
        assertEquals(0, h2.counters().received);
    }

    /** RFC 4443 §3.1: no route at the router → destination unreachable code 0; counted {@code ipv6-no-route}. */
    @Test
    void noRouteAtTheRouterIsUnreachableAndCounted() {
        build(true);
        Ipv6Address nowhere = Ipv6Address.parse("2001:db8:99::1");
        assertTrue(h1.ipv6().send(echo(8, nowhere), H1, nowhere, Ipv6Header.ICMPV6, 64));
        settle();
        assertEquals(1, r1.counters().drops("ipv6-no-route"));
        assertEquals(1, atH1.size());
        assertEquals(Icmpv6Header.DESTINATION_UNREACHABLE, atH1.get(0).h().type());
        assertEquals(Icmpv6Header.UNREACHABLE_NO_ROUTE, atH1.get(0).h().code());
        assertEquals(nowhere, Ipv6Address.read(atH1.get(0).packet(), 48 + 24));
    }

    /** docs/model.md "Counters": a packet of ours that finds no route is originated, then dropped as {@code ipv6-no-route}. */
    @Test
    void noRouteAtTheSourceIsOriginatedThenDropped() {
        build(false);
        assertFalse(h1.ipv6().send(echo(8, H2), H1, H2, Ipv6Header.ICMPV6, 64));
        assertFalse(h1.ipv6().sendEcho(H2, 1, 1, 8));
        assertEquals(2, h1.counters().originated);
        assertEquals(2, h1.counters().drops("ipv6-no-route"));
        assertEquals(0, h1.counters().imbalance());
        assertTrue(lanFrames.isEmpty());
    }

    /**
     * RFC 4443 §3.2: a packet larger than the next link's MTU is dropped and answered with packet
     * too big carrying that MTU; §2.4(c): the error, quoted packet included, fits 1280 octets.
     */
    @Test
    void packetTooBigCarriesTheMtu() {
        build(true);
        assertTrue(h1.ipv6().send(echo(1400, H2), H1, H2, Ipv6Header.ICMPV6, 64));
        settle();
        assertEquals(1, r1.counters().drops("ipv6-packet-too-big"));
        assertEquals(1, atH1.size());
        Msg m = atH1.get(0);
        assertEquals(Icmpv6Header.PACKET_TOO_BIG, m.h().type());
        assertEquals(1280, m.h().mtu());
        assertEquals(Ipv6Codec.MINIMUM_MTU, m.packet().length);
    }

    /** RFC 4443 §2.4(e.1): no error message is sent about an ICMPv6 error message. */
    @Test
    void noErrorAboutAnError() {
        build(true);
        PacketBuffer err = Icmpv6Codec.error(Icmpv6Header.destinationUnreachable(Icmpv6Header.UNREACHABLE_PORT),
                new byte[48], 0, 48, H1, H2);
        assertTrue(h1.ipv6().send(err, H1, H2, Ipv6Header.ICMPV6, 1));
        settle();
        assertEquals(1, r1.counters().drops("ipv6-hop-limit-exceeded"));
        assertTrue(atH1.isEmpty(), atH1.toString());
    }

    /**
     * RFC 4861 §7.2.5: an advertisement for a target with no neighbour cache entry SHOULD be
     * silently discarded ("the recipient has apparently not initiated any communication with the
     * target"; Linux: accept_untracked_na = 0). So after an unsolicited advertisement of r1,
     * h1's first packet via r1 still solicits it.
     */
    @Test
    void unsolicitedAdvertisementCreatesNoEntry() {
        build(true);
        Icmpv6NeighborAdvertisement na = new Icmpv6NeighborAdvertisement(true, false, true, R1, Optional.of(r1lan.mac()));
        PacketBuffer p = Icmpv6NdpCodec.toBuffer(na, R1, Ipv6Stack.ALL_NODES);
        Ipv6Codec.push(p, Ipv6Header.of(p.length(), Ipv6Header.ICMPV6, Icmpv6NdpCodec.HOP_LIMIT, R1, Ipv6Stack.ALL_NODES));
        r1lan.sendIpv6Frame(p, MacAddress.ipv6Multicast(Ipv6Stack.ALL_NODES).bits());
        settle();
        assertTrue(h1.ipv6().send(echo(8, H2), H1, H2, Ipv6Header.ICMPV6, 64));
        settle();
        long fromH1 = icmpv6Frames(Icmpv6Header.NEIGHBOR_SOLICITATION).stream()
                .filter(f -> Ipv6Address.read(f.body(), 8).equals(H1)).count();
        assertEquals(1, fromH1, "h1 solicits r1 though it heard the advertisement");
        assertEquals(1, atH1.size(), "and the echo is answered");
    }
}
