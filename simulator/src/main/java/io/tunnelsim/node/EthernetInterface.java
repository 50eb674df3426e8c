package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.node.event.InterfaceStateChanged;
import io.tunnelsim.sim.Event;
import io.tunnelsim.wire.ArpCodec;
import io.tunnelsim.wire.ArpPacket;
import io.tunnelsim.wire.EthernetCodec;
import io.tunnelsim.wire.EthernetHeader;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Ethernet interface attached to a {@link Segment}: MAC filtering, ARP (RFC 826) with a
 * cache and a queue of packets waiting for resolution, and the transmitter's output queue.
 *
 * <p>Simplifications: ARP entries do not age during a run (router defaults are hours, longer
 * than typical scenarios) but are flushed when the line protocol goes down or the node
 * crashes; an unresolved address is retried every second, three times, then its queued
 * packets are dropped as {@code arp-unresolved}; no proxy ARP.
 *
 * <p>Counters (docs/model.md, "Counters"): a frame handed to the segment is sent; a packet in
 * the ARP queue is held until it is sent or dropped; ARP requests and replies are originated
 * and sent, received ARP packets are delivered to ARP ({@link Counters#arpDelivered}); frames that carry no IP (ARP,
 * truncated, unknown EtherType) are counted as received here, IP ones by the node.
 */
public final class EthernetInterface extends Interface {
    static final long ARP_RETRY = io.tunnelsim.sim.SimTime.SECOND;
    static final int ARP_TRIES = 3;
    static final int ARP_QUEUE = 16;

    private final MacAddress mac;
    private final long macBits;
    private Segment segment;
    private final Map<Integer, Long> arpCache = new HashMap<>();
    private final Map<Integer, Pending> pending = new HashMap<>();
    long txBusyUntil;
    private long[] txEnds = new long[16];
    private int txHead;
    private int txCount;

    private static final class Pending {
        final List<PacketBuffer> queue = new ArrayList<>(2);
        int tries;
        Event retry;
    }

    public EthernetInterface(Node node, String name, MacAddress mac, int mtu) {
        super(node, name, mtu);
        this.mac = mac;
        this.macBits = mac.bits();
    }

    public MacAddress mac() {
        return mac;
    }

    public Segment segment() {
        return segment;
    }

    /** Plugs the interface into a segment; the line comes up when the segment has carrier. */
    public void attach(Segment s) {
        if (segment != null) {
            throw new IllegalStateException(this + " is already attached to " + segment);
        }
        segment = s;
        s.attach(this);
        if (bandwidthBps() == 0) {
            setBandwidthBps(s.bandwidthBps());
        }
        carrierChanged();
    }

    /** {@code shutdown} / {@code no shutdown}; on a point-to-point cable the far end's carrier follows. */
    @Override
    public void setAdminUp(boolean up) {
        boolean was = isAdminUp();
        super.setAdminUp(up);
        if (segment != null && was != up) {
            segment.portAdminChanged(this);
        }
    }

    void carrierChanged() {
        boolean up = segment != null && segment.hasCarrierFor(this);
        if (!up) {
            flushArp();
        }
        if (up != isLineUp()) {
            if (isAdminUp() && !node.isCrashed()) {
                node.publish(new InterfaceStateChanged(node.now(), node.name(), displayName(), up, InterfaceStateChanged.Cause.CARRIER));
            }
            setLineUp(up);
        }
    }

    /** Number of frames still queued or being serialized at {@code now}. */
    int queuedFrames(long now) {
        while (txCount > 0 && txEnds[txHead] <= now) {
            txHead = (txHead + 1) & (txEnds.length - 1);
            txCount--;
        }
        return txCount;
    }

    void enqueueTx(long end) {
        if (txCount == txEnds.length) {
            long[] n = new long[txEnds.length * 2];
            for (int i = 0; i < txCount; i++) {
                n[i] = txEnds[(txHead + i) & (txEnds.length - 1)];
            }
            txEnds = n;
            txHead = 0;
        }
        txEnds[(txHead + txCount) & (txEnds.length - 1)] = end;
        txCount++;
        txBusyUntil = end;
    }

    @Override
    public void outputIpv4(PacketBuffer p, int nextHop) {
        if (!isUp()) {
            node.counters().drop(NodeDrop.INTERFACE_DOWN, p, this);
            return;
        }
        if (Ipv4Address.BROADCAST.bits() == nextHop || (ipv4() != null && ipv4().length() < 31 && ipv4().broadcast().bits() == nextHop)) {
            send(p, MacAddress.BROADCAST.bits(), EthernetHeader.TYPE_IPV4);
            return;
        }
        if ((nextHop >>> 28) == 0xE) {
            send(p, MacAddress.ipv4Multicast(new Ipv4Address(nextHop)).bits(), EthernetHeader.TYPE_IPV4);
            return;
        }
        Long dst = arpCache.get(nextHop);
        if (dst != null) {
            send(p, dst, EthernetHeader.TYPE_IPV4);
            return;
        }
        Pending w = pending.get(nextHop);
        if (w == null) {
            w = new Pending();
            pending.put(nextHop, w);
            sendArpRequest(nextHop, w);
        }
        if (w.queue.size() >= ARP_QUEUE) {
            node.counters().drop(NodeDrop.ARP_QUEUE_FULL, p, this);
            return;
        }
        w.queue.add(p);
        node.counters().heldArp++;
    }

    @Override
    public void outputIpv6(PacketBuffer p, Ipv6Address nextHop) {
        node.ipv6().output(this, p, nextHop);
    }

    /** Sends an IPv6 packet to a resolved MAC (used by neighbour discovery). */
    public void sendIpv6Frame(PacketBuffer p, long dstMac) {
        send(p, dstMac, EthernetHeader.TYPE_IPV6);
    }

    private void sendArpRequest(int target, Pending w) {
        w.tries++;
        node.counters().originated++;
        ArpPacket req = new ArpPacket(ArpPacket.REQUEST, mac, new Ipv4Address(ipv4Bits()), MacAddress.ZERO, new Ipv4Address(target));
        PacketBuffer p = PacketBuffer.allocate(ArpPacket.LENGTH);
        ArpCodec.encode(req, p.array(), p.append(ArpPacket.LENGTH));
        send(p, MacAddress.BROADCAST.bits(), EthernetHeader.TYPE_ARP);
        w.retry = node.scheduler().scheduleIn(ARP_RETRY, () -> arpRetry(target));
    }

    private void arpRetry(int target) {
        Pending w = pending.get(target);
        if (w == null) {
            return;
        }
        if (w.tries >= ARP_TRIES || !isUp()) {
            pending.remove(target);
            node.counters().heldArp -= w.queue.size();
            for (int i = 0; i < w.queue.size(); i++) {
                node.counters().drop(NodeDrop.ARP_UNRESOLVED, w.queue.get(i), this);
            }
            return;
        }
        sendArpRequest(target, w);
    }

    private void flushArp() {
        arpCache.clear();
        for (Pending w : pending.values()) {
            if (w.retry != null) {
                w.retry.cancel();
            }
            node.counters().heldArp -= w.queue.size();
            for (int i = 0; i < w.queue.size(); i++) {
                node.counters().drop(NodeDrop.INTERFACE_DOWN, w.queue.get(i), this);
            }
        }
        pending.clear();
    }

    @Override
    protected void onNodeCrash() {
        flushArp();
        txBusyUntil = 0;
        txCount = 0;
    }

    /** Pushes the Ethernet header and hands the frame to the segment. */
    void send(PacketBuffer p, long dstMac, int etherType) {
        EthernetCodec.pushWithPadding(p, dstMac, macBits, etherType);
        int len = p.length();
        if (!segment.transmit(this, p)) {
            node.counters().drop(NodeDrop.OUTPUT_QUEUE_FULL, p, this);
            return;
        }
        node.counters().sent++;
        outPackets++;
        outBytes += len;
    }

    void receiveFrame(PacketBuffer frame) {
        if (!isUp()) {
            if (frame.trace() != 0 && frame.length() >= EthernetHeader.LENGTH
                    && EthernetCodec.destination(frame.array(), frame.offset()) == macBits) {
                node.traceLoss(node.isCrashed() ? NodeDrop.NODE_DOWN : NodeDrop.INTERFACE_DOWN, frame, this);
            }
            return;
        }
        byte[] b = frame.array();
        int off = frame.offset();
        Counters c = node.counters();
        if (frame.length() < EthernetHeader.LENGTH) {
            c.received++;
            c.drop(NodeDrop.ETH_TRUNCATED);
            return;
        }
        long dst = EthernetCodec.destination(b, off);
        if (dst != macBits && (dst & 0x0100_0000_0000L) == 0) {
            return; // unicast for another station on a shared segment: filtered, not a drop
        }
        inPackets++;
        inBytes += frame.length();
        int type = EthernetCodec.etherType(b, off);
        frame.pull(EthernetHeader.LENGTH);
        switch (type) {
            case EthernetHeader.TYPE_IPV4 -> node.receiveIpv4(frame, this);
            case EthernetHeader.TYPE_ARP -> {
                c.received++;
                receiveArp(frame);
            }
            case EthernetHeader.TYPE_IPV6 -> node.receiveIpv6(frame, this);
            default -> {
                c.received++;
                c.drop(NodeDrop.UNKNOWN_ETHERTYPE);
            }
        }
    }

    private void receiveArp(PacketBuffer p) {
        ArpPacket a;
        try {
            a = ArpCodec.decode(p.array(), p.offset(), p.length());
        } catch (MalformedPacketException e) {
            node.counters().drop(e.reason());
            return;
        }
        node.counters().arpDelivered++;
        int mine = ipv4Bits();
        int sender = a.senderIp().bits();
        boolean forMe = mine != 0 && a.targetIp().bits() == mine;
        if (forMe || arpCache.containsKey(sender)) {
            learn(sender, a.senderMac().bits());
        }
        if (forMe && a.operation() == ArpPacket.REQUEST) {
            ArpPacket reply = new ArpPacket(ArpPacket.REPLY, mac, a.targetIp(), a.senderMac(), a.senderIp());
            PacketBuffer r = PacketBuffer.allocate(ArpPacket.LENGTH);
            ArpCodec.encode(reply, r.array(), r.append(ArpPacket.LENGTH));
            node.counters().originated++;
            send(r, a.senderMac().bits(), EthernetHeader.TYPE_ARP);
        }
    }

    private void learn(int ip, long macAddr) {
        arpCache.put(ip, macAddr);
        Pending w = pending.remove(ip);
        if (w != null) {
            if (w.retry != null) {
                w.retry.cancel();
            }
            node.counters().heldArp -= w.queue.size();
            for (PacketBuffer q : w.queue) {
                send(q, macAddr, EthernetHeader.TYPE_IPV4);
            }
        }
    }

    /** {@code show arp} rows: address → MAC, sorted by address. */
    public Map<Ipv4Address, MacAddress> arpTable() {
        TreeMap<Ipv4Address, MacAddress> m = new TreeMap<>();
        arpCache.forEach((k, v) -> m.put(new Ipv4Address(k), new MacAddress(v)));
        return m;
    }
}
