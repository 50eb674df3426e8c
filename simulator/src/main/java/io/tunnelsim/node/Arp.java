package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.sim.Event;
import io.tunnelsim.wire.ArpCodec;
import io.tunnelsim.wire.ArpPacket;
import io.tunnelsim.wire.EthernetHeader;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ARP (RFC 826) of one Ethernet interface: the cache and the queue of packets waiting for
 * resolution. IPv4 ({@link Ipv4Stack}) hands packets to the interface, which resolves their
 * next hop here; neighbour discovery, its IPv6 counterpart, lives in {@link Ipv6Stack}.
 *
 * <p>Simplifications: ARP entries do not age during a run (router defaults are hours, longer
 * than typical scenarios) but are flushed when the line protocol goes down or the node
 * crashes; an unresolved address is retried every second, three times, then its queued
 * packets are dropped as {@code arp-unresolved}; no proxy ARP.
 *
 * <p>Counters (docs/model.md, "Counters"): a packet in the ARP queue is held until it is sent
 * or dropped; ARP requests and replies are originated and sent, received ARP packets are
 * delivered to ARP ({@link Counters#arpDelivered}).
 */
final class Arp {
    /** An unresolved address is asked for again after a second, {@link #TRIES} times in all. */
    static final long RETRY = io.tunnelsim.sim.SimTime.SECOND;
    static final int TRIES = 3;
    /** Packets queued per unresolved address. */
    static final int QUEUE = 16;

    private final EthernetInterface itf;
    private final Node node;
    private final Map<Integer, Long> cache = new HashMap<>();
    private final Map<Integer, Pending> pending = new HashMap<>();

    private static final class Pending {
        final List<PacketBuffer> queue = new ArrayList<>(2);
        int tries;
        Event retry;
    }

    Arp(EthernetInterface itf, Node node) {
        this.itf = itf;
        this.node = node;
    }

    /** Sends IPv4 packet {@code p} to {@code nextHop} on the link, or queues it while ARP resolves the address. */
    void output(PacketBuffer p, int nextHop) {
        Long dst = cache.get(nextHop);
        if (dst != null) {
            itf.send(p, dst, EthernetHeader.TYPE_IPV4);
            return;
        }
        Pending w = pending.get(nextHop);
        if (w == null) {
            w = new Pending();
            pending.put(nextHop, w);
            sendRequest(nextHop, w);
        }
        if (w.queue.size() >= QUEUE) {
            node.counters().drop(NodeDrop.ARP_QUEUE_FULL, p, itf);
            return;
        }
        w.queue.add(p);
        node.counters().heldArp++;
    }

    private void sendRequest(int target, Pending w) {
        w.tries++;
        node.counters().originated++;
        ArpPacket req = new ArpPacket(ArpPacket.REQUEST, itf.mac(), new Ipv4Address(itf.ipv4Bits()), MacAddress.ZERO, new Ipv4Address(target));
        PacketBuffer p = PacketBuffer.allocate(ArpPacket.LENGTH);
        ArpCodec.encode(req, p.array(), p.append(ArpPacket.LENGTH));
        itf.send(p, MacAddress.BROADCAST.bits(), EthernetHeader.TYPE_ARP);
        w.retry = node.scheduler().scheduleIn(RETRY, () -> retry(target));
    }

    private void retry(int target) {
        Pending w = pending.get(target);
        if (w == null) {
            return;
        }
        if (w.tries >= TRIES || !itf.isUp()) {
            pending.remove(target);
            node.counters().heldArp -= w.queue.size();
            for (int i = 0; i < w.queue.size(); i++) {
                node.counters().drop(NodeDrop.ARP_UNRESOLVED, w.queue.get(i), itf);
            }
            return;
        }
        sendRequest(target, w);
    }

    /** Forgets the cache; queued packets are dropped as {@code interface-down}. */
    void flush() {
        cache.clear();
        for (Pending w : pending.values()) {
            if (w.retry != null) {
                w.retry.cancel();
            }
            node.counters().heldArp -= w.queue.size();
            for (int i = 0; i < w.queue.size(); i++) {
                node.counters().drop(NodeDrop.INTERFACE_DOWN, w.queue.get(i), itf);
            }
        }
        pending.clear();
    }

    /** An ARP packet (at {@code p.offset()}) arrived on the interface. */
    void receive(PacketBuffer p) {
        ArpPacket a;
        try {
            a = ArpCodec.decode(p.array(), p.offset(), p.length());
        } catch (MalformedPacketException e) {
            node.counters().drop(e.dropReason());
            return;
        }
        node.counters().arpDelivered++;
        int mine = itf.ipv4Bits();
        int sender = a.senderIp().bits();
        boolean forMe = mine != 0 && a.targetIp().bits() == mine;
        if (forMe || cache.containsKey(sender)) {
            learn(sender, a.senderMac().bits());
        }
        if (forMe && a.operation() == ArpPacket.REQUEST) {
            ArpPacket reply = new ArpPacket(ArpPacket.REPLY, itf.mac(), a.targetIp(), a.senderMac(), a.senderIp());
            PacketBuffer r = PacketBuffer.allocate(ArpPacket.LENGTH);
            ArpCodec.encode(reply, r.array(), r.append(ArpPacket.LENGTH));
            node.counters().originated++;
            itf.send(r, a.senderMac().bits(), EthernetHeader.TYPE_ARP);
        }
    }

    private void learn(int ip, long macAddr) {
        cache.put(ip, macAddr);
        Pending w = pending.remove(ip);
        if (w != null) {
            if (w.retry != null) {
                w.retry.cancel();
            }
            node.counters().heldArp -= w.queue.size();
            for (PacketBuffer q : w.queue) {
                itf.send(q, macAddr, EthernetHeader.TYPE_IPV4);
            }
        }
    }

    /** {@code show arp} rows: address → MAC, sorted by address. */
    Map<Ipv4Address, MacAddress> table() {
        TreeMap<Ipv4Address, MacAddress> m = new TreeMap<>();
        cache.forEach((k, v) -> m.put(new Ipv4Address(k), new MacAddress(v)));
        return m;
    }
}
