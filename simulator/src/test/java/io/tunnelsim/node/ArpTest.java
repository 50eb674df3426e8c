package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Nets;
import io.tunnelsim.wire.ArpCodec;
import io.tunnelsim.wire.ArpPacket;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.EthernetHeader;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ARP (RFC 826, RFC 1122 §2.3.2) on one LAN 10.0.0.0/24 with three hosts h1 (.1), h2 (.2), h3 (.3). */
class ArpTest {
    static final int EXPERIMENTAL = 253;
    static final Ipv4Address A1 = Ipv4Address.parse("10.0.0.1");
    static final Ipv4Address A2 = Ipv4Address.parse("10.0.0.2");
    static final Ipv4Address A3 = Ipv4Address.parse("10.0.0.3");
    static final Ipv4Address NOBODY = Ipv4Address.parse("10.0.0.99");

    record Frame(long time, long dst, long src, int type, byte[] body) {
        ArpPacket arp() throws MalformedPacketException {
            return ArpCodec.decode(body, 0, body.length);
        }
    }

    private Network n;
    private Segment lan;
    private EthernetInterface e1;
    private EthernetInterface e2;
    private EthernetInterface e3;
    private final List<Frame> frames = new ArrayList<>();
    private final List<Long> deliveredAtH2 = new ArrayList<>();

    private void build() {
        n = new Network(1);
        Node h1 = n.addHost("h1");
        Node h2 = n.addHost("h2");
        Node h3 = n.addHost("h3");
        e1 = n.addEthernet(h1, "eth0", Ipv4Prefix.parse("10.0.0.1/24"), 1500);
        e2 = n.addEthernet(h2, "eth0", Ipv4Prefix.parse("10.0.0.2/24"), 1500);
        e3 = n.addEthernet(h3, "eth0", Ipv4Prefix.parse("10.0.0.3/24"), 1500);
        lan = n.connect("lan", Nets.BANDWIDTH, SimTime.MILLISECOND, 0, 1500, 1000, e1, e2, e3);
        lan.addTap((t, b, off, len) -> {
            byte[] body = java.util.Arrays.copyOfRange(b, off + EthernetHeader.LENGTH, off + len);
            frames.add(new Frame(t, MacAddress.readBits(b, off), MacAddress.readBits(b, off + 6), Bytes.u16(b, off + 12), body));
        });
        h2.ipv4().registerIpHandler(EXPERIMENTAL, (in, p, hl) -> deliveredAtH2.add(Bytes.u32(p.array(), p.offset() + hl) & 0xffffffffL));
        n.runUntil(SimTime.seconds(1));
    }

    private void send(EthernetInterface from, Ipv4Address to, int tag) {
        PacketBuffer p = PacketBuffer.allocate(8);
        Bytes.put32(p.array(), p.append(8), tag);
        from.node().ipv4().send(p, 0, to.bits(), EXPERIMENTAL, 64, false);
    }

    private void runFor(long d) {
        n.scheduler().runUntil(n.scheduler().now() + d);
    }

    private List<Frame> arpFrames() {
        return frames.stream().filter(f -> f.type() == EthernetHeader.TYPE_ARP).toList();
    }

    /** Broadcasts an ARP packet from {@code from}'s MAC with the given sender and target fields. */
    private static void inject(EthernetInterface from, int op, MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
        PacketBuffer p = PacketBuffer.allocate(ArpPacket.LENGTH);
        ArpCodec.encode(new ArpPacket(op, senderMac, senderIp, MacAddress.ZERO, targetIp), p.array(), p.append(ArpPacket.LENGTH));
        from.send(p, MacAddress.BROADCAST.bits(), EthernetHeader.TYPE_ARP);
    }

    /**
     * RFC 826 "Packet Generation": the request is broadcast with the sender's pair and the target
     * protocol address, target hardware address empty; "Packet Reception": the target adds the
     * sender's pair and answers with a reply sent to the requester's hardware address; the
     * queued packet then leaves for the learned address. A third station, not the target and with
     * no entry for the sender, adds nothing.
     */
    @Test
    void requestReplyThenTheQueuedPacket() throws Exception {
        build();
        send(e1, A2, 1);
        runFor(SimTime.seconds(1));
        List<Frame> arp = arpFrames();
        assertEquals(2, arp.size(), arp.toString());
        Frame req = arp.get(0);
        assertEquals(MacAddress.BROADCAST.bits(), req.dst());
        ArpPacket q = req.arp();
        assertEquals(ArpPacket.REQUEST, q.operation());
        assertEquals(e1.mac(), q.senderMac());
        assertEquals(A1, q.senderIp());
        assertEquals(MacAddress.ZERO, q.targetMac());
        assertEquals(A2, q.targetIp());
        Frame rep = arp.get(1);
        assertEquals(e1.mac().bits(), rep.dst(), "the reply is unicast to the requester");
        ArpPacket r = rep.arp();
        assertEquals(ArpPacket.REPLY, r.operation());
        assertEquals(e2.mac(), r.senderMac());
        assertEquals(A2, r.senderIp());
        assertEquals(e1.mac(), r.targetMac());
        assertEquals(A1, r.targetIp());
        assertEquals(List.of(1L), deliveredAtH2);
        Frame data = frames.get(frames.size() - 1);
        assertEquals(EthernetHeader.TYPE_IPV4, data.type());
        assertEquals(e2.mac().bits(), data.dst());
        assertEquals(Map.of(A2, e2.mac()), e1.arpTable());
        assertEquals(Map.of(A1, e1.mac()), e2.arpTable());
        assertTrue(e3.arpTable().isEmpty(), e3.arpTable().toString());
        // cached: the next packet needs no request
        send(e1, A2, 2);
        runFor(SimTime.seconds(1));
        assertEquals(2, arpFrames().size());
        assertEquals(List.of(1L, 2L), deliveredAtH2);
        assertEquals(0, e1.node().counters().heldArp);
        assertEquals(0, e1.node().counters().imbalance());
    }

    /** RFC 1122 §2.3.2.2: packets queued during resolution are all sent, in order, once the reply arrives. */
    @Test
    void packetsQueuedDuringResolutionLeaveInOrder() {
        build();
        for (int i = 1; i <= 5; i++) {
            send(e1, A2, i);
        }
        assertEquals(5, e1.node().counters().heldArp);
        runFor(SimTime.seconds(1));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), deliveredAtH2);
        assertEquals(1, arpFrames().stream().filter(f -> f.dst() == MacAddress.BROADCAST.bits()).count(),
                "one request for the five packets");
        assertEquals(0, e1.node().counters().heldArp);
    }

    /**
     * Documented limits (class doc): {@link Arp#QUEUE} packets queued per address, beyond that
     * {@code arp-queue-full}; a request every {@link Arp#RETRY} (RFC 1122 §2.3.2.1: at most one
     * per second per address), {@link Arp#TRIES} in all, then the queue is dropped as
     * {@code arp-unresolved}, one drop per packet.
     */
    @Test
    void unresolvedAddressIsRetriedThenItsQueueDropped() throws Exception {
        build();
        long t0 = n.scheduler().now();
        Counters c = e1.node().counters();
        for (int i = 0; i < Arp.QUEUE + 4; i++) {
            send(e1, NOBODY, i);
        }
        assertEquals(Arp.QUEUE, c.heldArp);
        assertEquals(4, c.drops("arp-queue-full"));
        n.scheduler().runUntil(t0 + Arp.TRIES * Arp.RETRY - 1);
        List<Frame> requests = arpFrames();
        assertEquals(Arp.TRIES, requests.size());
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(t0 + i * Arp.RETRY, requests.get(i).time(), "request " + i);
            assertEquals(NOBODY, requests.get(i).arp().targetIp());
        }
        assertEquals(Arp.QUEUE, c.heldArp);
        assertEquals(0, c.drops("arp-unresolved"));
        n.scheduler().runUntil(t0 + Arp.TRIES * Arp.RETRY);
        assertEquals(Arp.QUEUE, c.drops("arp-unresolved"));
        assertEquals(0, c.heldArp);
        assertEquals(Arp.TRIES, arpFrames().size(), "no fourth request");
        assertEquals(0, c.imbalance());
        // a later packet starts a new resolution
        send(e1, NOBODY, 99);
        assertEquals(Arp.TRIES + 1, arpFrames().size());
    }

    /**
     * RFC 826 "Packet Reception" (merge flag): a station updates an entry it already has from any
     * ARP packet, but adds a new one only when it is the target. A gratuitous ARP (sender = target
     * = the announcer's address, RFC 5227 §3) therefore moves h1's existing entry for 10.0.0.2 to
     * the new MAC and adds none for an address h1 never asked for.
     */
    @Test
    void gratuitousArpUpdatesAnExistingEntryOnly() {
        build();
        send(e1, A2, 1);
        runFor(SimTime.seconds(1));
        assertEquals(Map.of(A2, e2.mac()), e1.arpTable());
        // h3 announces 10.0.0.3 for itself: h1 has no entry for it, adds none
        inject(e3, ArpPacket.REQUEST, e3.mac(), A3, A3);
        runFor(SimTime.seconds(1));
        assertEquals(Map.of(A2, e2.mac()), e1.arpTable());
        // 10.0.0.2 moves to h3's MAC (a failover of the address): h1 updates its entry
        inject(e3, ArpPacket.REQUEST, e3.mac(), A2, A2);
        runFor(SimTime.seconds(1));
        assertEquals(Map.of(A2, e3.mac()), e1.arpTable());
        // and the next packet for 10.0.0.2 goes to h3, which is not 10.0.0.2 and does not forward
        send(e1, A2, 2);
        runFor(SimTime.seconds(1));
        assertEquals(List.of(1L), deliveredAtH2);
        assertEquals(1, e3.node().counters().drops("not-for-this-host"));
    }

    /** Documented (class doc): the cache is flushed when the line protocol goes down; queued packets drop as {@code interface-down}. */
    @Test
    void carrierLossFlushesCacheAndQueue() {
        build();
        send(e1, A2, 1);
        runFor(SimTime.seconds(1));
        send(e1, NOBODY, 2);
        send(e1, NOBODY, 3);
        Counters c = e1.node().counters();
        assertEquals(2, c.heldArp);
        lan.setCarrier(false);
        assertTrue(e1.arpTable().isEmpty());
        assertEquals(2, c.drops("interface-down"));
        assertEquals(0, c.heldArp);
        runFor(SimTime.seconds(5));
        assertEquals(0, c.drops("arp-unresolved"), "the cancelled retries do not fire");
        assertEquals(0, c.imbalance());
    }
}
