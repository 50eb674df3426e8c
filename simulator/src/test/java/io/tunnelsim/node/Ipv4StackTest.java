package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Nets;
import io.tunnelsim.wire.IcmpCodec;
import io.tunnelsim.wire.IcmpMessage;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The IPv4 stack on h1 — r1 — h2: local delivery, forwarding errors (RFC 792, RFC 1812,
 * RFC 1191) and fragmentation at the egress. The r1–h2 link has MTU 576.
 */
class Ipv4StackTest {
    static final long MS = SimTime.MILLISECOND;
    static final int H1 = Ipv4Address.parse("10.1.0.10").bits();
    static final int H2 = Ipv4Address.parse("10.2.0.10").bits();
    static final int R1_LAN = Ipv4Address.parse("10.1.0.1").bits();
    static final int R1_FAR = Ipv4Address.parse("10.2.0.1").bits();
    static final int EXPERIMENTAL = 253; // RFC 3692 protocol number for experiments

    record Icmp(int src, IcmpMessage m) {
    }

    private Network n;
    private Node h1;
    private Node r1;
    private Node h2;
    private final List<Icmp> atH1 = new ArrayList<>();

    private void build() {
        n = new Network(1);
        h1 = n.addHost("h1");
        h2 = n.addHost("h2");
        r1 = n.addRouter("r1");
        Nets.siteLan(n, "lan1", r1, h1, "10.1.0");
        EthernetInterface far = n.addEthernet(r1, "eth1", Ipv4Prefix.parse("10.2.0.1/24"), 576);
        EthernetInterface h2e = n.addEthernet(h2, "eth0", Ipv4Prefix.parse("10.2.0.10/24"), 576);
        n.connect("r1-h2", Nets.BANDWIDTH, MS, 0, 576, 1000, far, h2e);
        Nets.statics(h2, StaticRoute.via("0.0.0.0/0", "10.2.0.1"));
        h1.ipv4().addIcmpListener((in, src, m) -> atH1.add(new Icmp(src, m)));
        n.runUntil(SimTime.seconds(1));
    }

    private void settle() {
        n.scheduler().runUntil(n.scheduler().now() + SimTime.seconds(1));
    }

    static byte[] echoBytes(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return IcmpCodec.toBuffer(IcmpMessage.echo(true, 7, 1, data)).toByteArray();
    }

    /** RFC 791 §3.2 / RFC 1122 §3.2.1: a datagram for this host goes to the protocol named in the header. */
    @Test
    void localDeliveryGoesToTheHandlerOfTheProtocol() {
        build();
        List<byte[]> got = new ArrayList<>();
        List<Integer> ttls = new ArrayList<>();
        h2.ipv4().registerIpHandler(EXPERIMENTAL, (in, p, hl) -> {
            assertEquals(20, hl);
            got.add(Arrays.copyOfRange(p.array(), p.offset() + hl, p.offset() + p.length()));
            ttls.add(Ipv4Codec.ttl(p.array(), p.offset()));
            assertEquals(H1, Ipv4Codec.source(p.array(), p.offset()));
        });
        byte[] payload = new byte[100];
        new Random(1).nextBytes(payload);
        h1.ipv4().send(PacketBuffer.copyOf(payload), 0, H2, EXPERIMENTAL, 64, false);
        settle();
        assertEquals(1, got.size());
        assertArrayEquals(payload, got.get(0));
        // RFC 1812 §5.3.1: the one router on the path decrements the TTL once
        assertEquals(63, ttls.get(0));
        assertEquals(1, h2.counters().delivered);
    }

    /** RFC 1122 §3.2.2.1: a host SHOULD answer an unknown protocol with ICMP protocol unreachable (type 3 code 2). */
    @Test
    void unknownProtocolIsProtocolUnreachable() {
        build();
        h1.ipv4().send(PacketBuffer.copyOf(new byte[8]), 0, H2, EXPERIMENTAL + 1, 64, false);
        settle();
        assertEquals(1, h2.counters().drops("protocol-unreachable"));
        assertEquals(1, atH1.size());
        assertEquals(IcmpMessage.DEST_UNREACHABLE, atH1.get(0).m().type());
        assertEquals(IcmpMessage.CODE_PROTOCOL_UNREACHABLE, atH1.get(0).m().code());
        assertEquals(H2, atH1.get(0).src());
    }

    /**
     * RFC 1812 §5.3.1: a router that would forward a packet with TTL 1 discards it and sends
     * time exceeded (type 11, code 0). RFC 792: the message quotes the internet header and the
     * first 64 bits of the original data, as received (TTL still 1). The source is the address
     * of the interface the packet arrived on (class doc, "Simplifications").
     */
    @Test
    void ttlExpiryQuotesHeaderAndFirst64Bits() {
        build();
        byte[] echo = echoBytes(32);
        h1.ipv4().send(PacketBuffer.copyOf(echo), 0, H2, Ipv4Header.PROTO_ICMP, 1, false);
        settle();
        assertEquals(1, r1.counters().drops("ttl-expired"));
        assertEquals(1, atH1.size());
        IcmpMessage m = atH1.get(0).m();
        assertEquals(IcmpMessage.TIME_EXCEEDED, m.type());
        assertEquals(0, m.code());
        assertEquals(0, m.rest(), "RFC 792: the second word is unused, zero");
        assertEquals(R1_LAN, atH1.get(0).src());
        byte[] q = m.data();
        assertEquals(20 + 8, q.length);
        assertEquals(H1, Ipv4Codec.source(q, 0));
        assertEquals(H2, Ipv4Codec.destination(q, 0));
        assertEquals(1, Ipv4Codec.ttl(q, 0));
        assertEquals(Ipv4Header.PROTO_ICMP, Ipv4Codec.protocol(q, 0));
        assertEquals(20 + echo.length, Ipv4Codec.totalLength(q, 0));
        assertArrayEquals(Arrays.copyOf(echo, 8), Arrays.copyOfRange(q, 20, 28));
        assertEquals(0, h2.counters().delivered, "the expired packet went no further");
    }

    /** RFC 1812 §5.3.1: the TTL is checked only when forwarding; a router's own address takes TTL 1. */
    @Test
    void ttlOneToTheRouterItselfIsDelivered() {
        build();
        h1.ipv4().send(PacketBuffer.copyOf(echoBytes(16)), 0, R1_FAR, Ipv4Header.PROTO_ICMP, 1, false);
        settle();
        assertEquals(0, r1.counters().drops("ttl-expired"));
        assertEquals(1, atH1.size());
        assertEquals(IcmpMessage.ECHO_REPLY, atH1.get(0).m().type());
        assertEquals(R1_FAR, atH1.get(0).src(), "RFC 792: the reply comes from the address asked");
    }

    /** RFC 1812 §5.2.7.1: no route → destination unreachable, code 0 (net), from the router, quoting the header. */
    @Test
    void noRouteIsNetUnreachableFromTheRouter() {
        build();
        int nowhere = Ipv4Address.parse("172.16.5.5").bits();
        h1.ipv4().send(PacketBuffer.copyOf(echoBytes(16)), 0, nowhere, Ipv4Header.PROTO_ICMP, 64, false);
        settle();
        assertEquals(1, r1.counters().drops("no-route"));
        assertEquals(1, atH1.size());
        IcmpMessage m = atH1.get(0).m();
        assertEquals(IcmpMessage.DEST_UNREACHABLE, m.type());
        assertEquals(IcmpMessage.CODE_NET_UNREACHABLE, m.code());
        assertEquals(R1_LAN, atH1.get(0).src());
        assertEquals(nowhere, Ipv4Codec.destination(m.data(), 0));
    }

    /**
     * RFC 1191 §4: DF set and larger than the next-hop MTU → fragmentation needed (type 3 code 4)
     * with the next-hop MTU in the low 16 bits of the second word; counted {@code frag-needed-df-set}.
     */
    @Test
    void dontFragmentOverSmallerMtuIsFragNeededWithNextHopMtu() {
        build();
        h1.ipv4().send(PacketBuffer.copyOf(echoBytes(1000)), 0, H2, Ipv4Header.PROTO_ICMP, 64, true);
        settle();
        assertEquals(1, r1.counters().drops("frag-needed-df-set"));
        assertEquals(1, atH1.size());
        IcmpMessage m = atH1.get(0).m();
        assertEquals(IcmpMessage.CODE_FRAGMENTATION_NEEDED, m.code());
        assertEquals(576, m.nextHopMtu());
        assertEquals(576, m.rest() & 0xffff);
        assertEquals(0, h2.counters().received);
    }

    /**
     * RFC 791 §3.2: without DF the router cuts the datagram into fragments of (576 − 20) / 8 × 8 =
     * 552 data octets; h2 rebuilds it and answers (its reply is cut by h2 itself).
     */
    @Test
    void withoutDfTheRouterFragmentsAndTheHostReassembles() {
        build();
        byte[] echo = echoBytes(1000);
        h1.ipv4().send(PacketBuffer.copyOf(echo), 0, H2, Ipv4Header.PROTO_ICMP, 64, false);
        settle();
        int pieces = (echo.length + 551) / 552;
        assertEquals(1, r1.counters().fragmented);
        assertEquals(pieces, r1.counters().fragments);
        assertEquals(pieces, h2.counters().fragmentsReassembled);
        assertEquals(1, h2.counters().reassembled);
        assertEquals(1, h2.counters().fragmented, "the 1028-byte reply leaves over h2's MTU 576");
        assertEquals(1, atH1.size());
        IcmpMessage reply = atH1.get(0).m();
        assertEquals(IcmpMessage.ECHO_REPLY, reply.type());
        assertArrayEquals(Arrays.copyOfRange(echo, 8, echo.length), reply.data());
        assertEquals(0, r1.counters().imbalance());
        assertEquals(0, h2.counters().imbalance());
    }

    /** RFC 1812 §4.3.2.7: no ICMP error is sent about an ICMP error message. */
    @Test
    void noIcmpErrorAboutAnIcmpError() {
        build();
        IcmpMessage unreachable = new IcmpMessage(IcmpMessage.DEST_UNREACHABLE, 1, 0, new byte[28]);
        h1.ipv4().send(IcmpCodec.toBuffer(unreachable), 0, H2, Ipv4Header.PROTO_ICMP, 1, false);
        settle();
        assertEquals(1, r1.counters().drops("ttl-expired"));
        assertTrue(atH1.isEmpty(), atH1.toString());
    }

    /** docs/model.md "Counters": an interface with unreachables off sends none; the error is originated and dropped. */
    @Test
    void unreachablesOffSuppressesFragNeeded() {
        build();
        r1.interfaceNamed("lan0").setSendsUnreachables(false);
        h1.ipv4().send(PacketBuffer.copyOf(echoBytes(1000)), 0, H2, Ipv4Header.PROTO_ICMP, 64, true);
        settle();
        assertTrue(atH1.isEmpty());
        assertEquals(1, r1.counters().drops("icmp-unreachable-suppressed"));
        assertEquals(0, r1.counters().imbalance());
    }

    /** RFC 1122 §4.1.3.1: a datagram to a closed UDP port is answered with port unreachable (type 3 code 3), quoting the UDP header. */
    @Test
    void closedUdpPortIsPortUnreachable() {
        build();
        h1.ipv4().sendUdp(PacketBuffer.copyOf(new byte[12]), 0, H2, 40000, 9, 64);
        settle();
        assertEquals(1, h2.counters().drops("udp-port-unreachable"));
        assertEquals(1, atH1.size());
        IcmpMessage m = atH1.get(0).m();
        assertEquals(IcmpMessage.DEST_UNREACHABLE, m.type());
        assertEquals(IcmpMessage.CODE_PORT_UNREACHABLE, m.code());
        assertEquals(40000, io.tunnelsim.wire.Bytes.u16(m.data(), 20), "quoted source port");
        assertEquals(9, io.tunnelsim.wire.Bytes.u16(m.data(), 22), "quoted destination port");
    }

    /** An ICMP echo with TTL 1 and the given fragment field, sent by h1 straight to r1. */
    private void sendRawTtl1(int flagsFrag) {
        PacketBuffer p = PacketBuffer.copyOf(echoBytes(16));
        Ipv4Codec.push(p, 0, 77, flagsFrag, 1, Ipv4Header.PROTO_ICMP, H1, H2);
        h1.ipv4().transmit(h1.interfaceNamed("eth0"), p, R1_LAN, null);
    }

    /** RFC 1812 §4.3.2.7: no ICMP error about a fragment other than the first; the first one gets it. */
    @Test
    void icmpErrorOnlyAboutTheFirstFragment() {
        build();
        sendRawTtl1(Ipv4Codec.FLAG_MF | 1);
        settle();
        assertEquals(1, r1.counters().drops("ttl-expired"));
        assertTrue(atH1.isEmpty(), atH1.toString());
        sendRawTtl1(Ipv4Codec.FLAG_MF);
        settle();
        assertEquals(2, r1.counters().drops("ttl-expired"));
        assertEquals(1, atH1.size());
        assertEquals(IcmpMessage.TIME_EXCEEDED, atH1.get(0).m().type());
    }
}
