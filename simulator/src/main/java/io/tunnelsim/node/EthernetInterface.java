package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.node.event.InterfaceStateChanged;
import io.tunnelsim.wire.EthernetCodec;
import io.tunnelsim.wire.EthernetHeader;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.WireDrop;
import java.util.Map;

/**
 * An Ethernet interface attached to a {@link Segment}: MAC filtering, ARP ({@link Arp}, RFC 826)
 * for its IPv4 next hops, and the transmitter's output queue.
 *
 * <p>Counters (docs/model.md, "Counters"): a frame handed to the segment is sent; ARP counts its
 * own packets ({@link Arp}); frames that carry no IP (ARP,
 * truncated, unknown EtherType) are counted as received here, IP ones by the node.
 */
public final class EthernetInterface extends Interface {
    static final long ARP_RETRY = Arp.RETRY;
    static final int ARP_TRIES = Arp.TRIES;
    static final int ARP_QUEUE = Arp.QUEUE;

    private final MacAddress mac;
    private final long macBits;
    private Segment segment;
    private final Arp arp;
    long txBusyUntil;
    private long[] txEnds = new long[16];
    private int txHead;
    private int txCount;

    public EthernetInterface(Node node, String name, MacAddress mac, int mtu) {
        super(node, name, mtu);
        this.mac = mac;
        this.macBits = mac.bits();
        this.arp = new Arp(this, node);
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
            arp.flush();
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
        arp.output(p, nextHop);
    }

    @Override
    public void outputIpv6(PacketBuffer p, Ipv6Address nextHop) {
        node.ipv6().output(this, p, nextHop);
    }

    /** Sends an IPv6 packet to a resolved MAC (used by neighbour discovery). */
    public void sendIpv6Frame(PacketBuffer p, long dstMac) {
        send(p, dstMac, EthernetHeader.TYPE_IPV6);
    }

    @Override
    protected void onNodeCrash() {
        arp.flush();
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
            c.drop(WireDrop.ETH_TRUNCATED);
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
            case EthernetHeader.TYPE_IPV4 -> node.ipv4().receive(frame, this);
            case EthernetHeader.TYPE_ARP -> {
                c.received++;
                arp.receive(frame);
            }
            case EthernetHeader.TYPE_IPV6 -> node.receiveIpv6(frame, this);
            default -> {
                c.received++;
                c.drop(NodeDrop.UNKNOWN_ETHERTYPE);
            }
        }
    }

    /** {@code show arp} rows: address → MAC, sorted by address. */
    public Map<Ipv4Address, MacAddress> arpTable() {
        return arp.table();
    }
}
