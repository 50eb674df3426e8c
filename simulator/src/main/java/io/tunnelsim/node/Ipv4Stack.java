package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.wire.IcmpCodec;
import io.tunnelsim.wire.IcmpMessage;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.UdpCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IPv4 on a node: the receive path, local delivery to protocol handlers, forwarding (routers
 * only), ICMP errors, fragmentation at egress and reassembly at the destination. Routers and
 * hosts share it; a host simply does not forward. ARP is per Ethernet interface ({@link Arp}).
 *
 * <p>Receive path: frame → {@link #receive} validates the header (malformed packets are
 * counted drops under the codec's reason) → local address, subnet broadcast or joined
 * multicast group → reassembly if fragmented → the handler registered for the IP protocol;
 * otherwise forwarding: TTL check, FIB longest-prefix match, TTL decrement with incremental
 * checksum, egress MTU check, then the egress interface ({@link Interface#outputIpv4}).
 *
 * <p>Counters ({@link Counters}, docs/model.md "Counters"): every packet entering the node
 * (received, originated — counted before its route lookup, so an ICMP error of ours that finds
 * no route is originated, then dropped as {@code no-route}) leaves it once: sent, encapsulated,
 * delivered, dropped, fragmented, reassembled, or still held. Local delivery runs in the local
 * stage, where a protocol's refusals are counted apart; receiving and originating reset it.
 *
 * <p>Simplifications: IP options are carried but not processed; ICMP errors are not rate
 * limited; the source of an ICMP error is the address of the interface the offending packet
 * arrived on.
 */
public final class Ipv4Stack {
    public static final int DEFAULT_TTL = 64;

    private final Node node;
    private final Network network;
    private final Counters counters;
    private final Rib rib;
    private final boolean forwarding;
    private final IpHandler[] ipHandlers = new IpHandler[256];
    private final Map<Integer, UdpListener> udpListeners = new HashMap<>();
    private final List<IcmpListener> icmpListeners = new ArrayList<>(1);
    private int[] multicastGroups = new int[0];
    private int[] localAddresses = new int[0];
    private final Reassembly reassembly;
    private int nextIpId;

    /** Receives ICMP messages other than echo requests (echo replies for probes, errors). */
    public interface IcmpListener {
        void icmp(Interface in, int src, IcmpMessage m);
    }

    Ipv4Stack(Node node, boolean forwarding) {
        this.node = node;
        this.network = node.network();
        this.counters = node.counters();
        this.rib = node.rib();
        this.forwarding = forwarding;
        this.reassembly = new Reassembly(node);
        ipHandlers[Ipv4Header.PROTO_ICMP] = this::receiveIcmp;
        ipHandlers[Ipv4Header.PROTO_UDP] = this::receiveUdp;
    }

    /** Registers the receiver of an IP protocol (one per protocol). */
    public void registerIpHandler(int protocol, IpHandler h) {
        ipHandlers[protocol] = h;
    }

    /** The receiver registered for IP protocol {@code protocol}, or null. */
    public IpHandler ipHandler(int protocol) {
        return ipHandlers[protocol];
    }

    public void registerUdp(int port, UdpListener l) {
        udpListeners.put(port, l);
    }

    public void addIcmpListener(IcmpListener l) {
        icmpListeners.add(l);
    }

    /** Joins an IPv4 multicast group on all interfaces (e.g. 224.0.0.5 for OSPF). */
    public void joinGroup(Ipv4Address group) {
        for (int g : multicastGroups) {
            if (g == group.bits()) {
                return;
            }
        }
        multicastGroups = java.util.Arrays.copyOf(multicastGroups, multicastGroups.length + 1);
        multicastGroups[multicastGroups.length - 1] = group.bits();
    }

    /** A crash: datagrams in reassembly are lost. */
    void crash() {
        reassembly.clear();
    }

    // ---------------------------------------------------------------- receive path

    /** True when {@code addr} is one of this node's interface addresses. */
    public boolean isLocalAddress(int addr) {
        return addr != 0 && java.util.Arrays.binarySearch(localAddresses, addr) >= 0;
    }

    /** Rebuilds the sorted array of interface addresses (addresses change rarely, packets often). */
    void refreshLocalAddresses() {
        Interface[] interfaceArray = node.interfaceArray();
        int[] a = new int[interfaceArray.length];
        int n = 0;
        for (Interface itf : interfaceArray) {
            if (itf.ipv4Bits() != 0) {
                a[n++] = itf.ipv4Bits();
            }
        }
        a = java.util.Arrays.copyOf(a, n);
        java.util.Arrays.sort(a);
        localAddresses = a;
    }

    private boolean isLocalDestination(int dst, Interface in) {
        if (dst == -1) {
            return true;
        }
        if ((dst >>> 28) == 0xE) {
            for (int g : multicastGroups) {
                if (g == dst) {
                    return true;
                }
            }
            return false;
        }
        if (isLocalAddress(dst)) {
            return true;
        }
        Ipv4Prefix a = in.ipv4();
        return a != null && a.length() < 31 && a.broadcast().bits() == dst;
    }

    /**
     * Receive path entry: an IPv4 packet (header at {@code p.offset()}) arrived on {@code in};
     * {@code applyHook} is false for a packet that an interface policy has already processed
     * (the cleartext of a decrypted ESP packet).
     */
    public void receive(PacketBuffer p, Interface in, boolean applyHook) {
        if (node.isCrashed()) {
            node.traceLoss(NodeDrop.NODE_DOWN, p, in);
            return;
        }
        boolean stage = counters.enterNetwork();
        try {
            counters.received++;
            if (p.trace() != 0) {
                network.probeVisited(node, p.trace());
            }
            receiveChecked(p, in, applyHook);
        } finally {
            counters.restoreStage(stage);
        }
    }

    private void receiveChecked(PacketBuffer p, Interface in, boolean applyHook) {
        byte[] b = p.array();
        int off = p.offset();
        int total;
        try {
            total = Ipv4Codec.validate(b, off, p.length());
        } catch (MalformedPacketException e) {
            counters.drop(e.dropReason());
            return;
        }
        if (total < p.length()) {
            p.truncate(total);
        }
        PacketHook hook = in.hook();
        if (applyHook && hook != null && !hook.inbound(in, p)) {
            return;
        }
        int dst = Ipv4Codec.destination(b, off);
        if (isLocalDestination(dst, in)) {
            deliverLocally(p, in);
            return;
        }
        if ((dst >>> 28) == 0xE) {
            counters.drop(NodeDrop.MULTICAST_NOT_JOINED);
            return;
        }
        if (!forwarding) {
            counters.drop(NodeDrop.NOT_FOR_THIS_HOST);
            return;
        }
        forward(p, in);
    }

    private void forward(PacketBuffer p, Interface in) {
        byte[] b = p.array();
        int off = p.offset();
        if (Ipv4Codec.ttl(b, off) <= 1) {
            counters.drop(NodeDrop.TTL_EXPIRED, p, in);
            sendIcmpError(p, in, IcmpMessage.TIME_EXCEEDED, 0, 0);
            return;
        }
        int dst = Ipv4Codec.destination(b, off);
        FibEntry e = rib.fib().lookup(dst);
        if (e == null) {
            counters.drop(NodeDrop.NO_ROUTE, p, in);
            sendIcmpError(p, in, IcmpMessage.DEST_UNREACHABLE, IcmpMessage.CODE_NET_UNREACHABLE, 0);
            return;
        }
        Route r = e.select(Ipv4Codec.source(b, off), dst);
        Ipv4Codec.decrementTtl(b, off);
        counters.forwarded++;
        transmit(r.egress(), p, r.hasNextHop() ? r.nextHop() : dst, in);
    }

    private void deliverLocally(PacketBuffer p, Interface in) {
        byte[] b = p.array();
        int off = p.offset();
        if (Ipv4Codec.isFragment(b, off)) {
            p = reassembly.add(p);
            if (p == null) {
                return;
            }
            b = p.array();
            off = p.offset();
        }
        counters.delivered++;
        int proto = Ipv4Codec.protocol(b, off);
        IpHandler h = ipHandlers[proto];
        // from here on the packet is the local protocol's: its refusals are local-stage drops
        boolean stage = counters.enterLocal();
        try {
            if (h == null) {
                counters.drop(NodeDrop.PROTOCOL_UNREACHABLE);
                if (!isBroadcastOrMulticast(Ipv4Codec.destination(b, off))) {
                    sendIcmpError(p, in, IcmpMessage.DEST_UNREACHABLE, IcmpMessage.CODE_PROTOCOL_UNREACHABLE, 0);
                }
                return;
            }
            h.receive(in, p, Ipv4Codec.headerLength(b, off));
        } finally {
            counters.restoreStage(stage);
        }
    }

    private static boolean isBroadcastOrMulticast(int a) {
        return a == -1 || (a >>> 28) == 0xE;
    }

    // ---------------------------------------------------------------- send path

    /**
     * Sends an IPv4 packet that has its header: MTU check (fragment, or ICMP
     * fragmentation-needed when DF is set) then the egress interface.
     *
     * @param in the interface the packet arrived on (for ICMP errors), or null when local
     */
    public void transmit(Interface egress, PacketBuffer p, int nextHop, Interface in) {
        PacketHook hook = egress.hook();
        if (hook != null && !hook.outbound(egress, p, nextHop)) {
            return;
        }
        transmitDirect(egress, p, nextHop, in);
    }

    /** {@link #transmit} without the egress interface's hook (for packets the hook produced). */
    public void transmitDirect(Interface egress, PacketBuffer p, int nextHop, Interface in) {
        int mtu = egress.mtu();
        if (p.length() <= mtu) {
            egress.outputIpv4(p, nextHop);
            return;
        }
        byte[] b = p.array();
        int off = p.offset();
        if (Ipv4Codec.dontFragment(b, off)) {
            counters.drop(NodeDrop.FRAG_NEEDED_DF_SET, p, egress);
            sendIcmpError(p, in, IcmpMessage.DEST_UNREACHABLE, IcmpMessage.CODE_FRAGMENTATION_NEEDED, mtu);
            return;
        }
        List<PacketBuffer> pieces = Fragmenter.fragment(p, mtu);
        countFragmentation(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            egress.outputIpv4(pieces.get(i), nextHop);
        }
    }

    /** Counts one packet cut into {@code pieces} fragments (the balance's fragmented and fragments terms). */
    public void countFragmentation(int pieces) {
        counters.fragmented++;
        counters.fragments += pieces;
    }

    public int nextIpId() {
        nextIpId = (nextIpId + 1) & 0xffff;
        return nextIpId;
    }

    /**
     * Originates a packet: FIB lookup, source address from the egress interface when
     * {@code src} is 0, IPv4 header, transmit. Returns false when there is no route.
     */
    public boolean send(PacketBuffer payload, int src, int dst, int protocol, int ttl, boolean dontFragment) {
        if (node.isCrashed()) {
            return false;
        }
        boolean stage = counters.enterNetwork();
        try {
            return originate(payload, src, dst, protocol, ttl, dontFragment);
        } finally {
            counters.restoreStage(stage);
        }
    }

    private boolean originate(PacketBuffer payload, int src, int dst, int protocol, int ttl, boolean dontFragment) {
        // counted before the route lookup: a packet of ours that finds no route is originated, then dropped
        counters.originated++;
        if (isLocalAddress(dst)) {
            int s = src != 0 ? src : dst;
            Ipv4Codec.push(payload, 0, nextIpId(), dontFragment ? Ipv4Codec.FLAG_DF : 0, ttl, protocol, s, dst);
            // sent on the loopback now, received from it at once
            counters.sent++;
            PacketBuffer local = payload;
            node.scheduler().scheduleIn(0, () -> receive(local, loopbackOrFirst(), true));
            return true;
        }
        FibEntry e = rib.fib().lookup(dst);
        if (e == null) {
            counters.drop(NodeDrop.NO_ROUTE, payload, null);
            return false;
        }
        Route r = e.select(src, dst);
        int s = src != 0 ? src : r.egress().ipv4Bits();
        if (s == 0) {
            s = anyAddress();
        }
        Ipv4Codec.push(payload, 0, nextIpId(), dontFragment ? Ipv4Codec.FLAG_DF : 0, ttl, protocol, s, dst);
        transmit(r.egress(), payload, r.hasNextHop() ? r.nextHop() : dst, null);
        return true;
    }

    /** Originates a packet out of a given interface (multicast hellos, link-local traffic), with the DF bit set when asked. */
    public void sendOn(Interface out, PacketBuffer payload, int src, int dst, int protocol, int ttl, boolean dontFragment) {
        boolean stage = counters.enterNetwork();
        try {
            counters.originated++;
            if (node.isCrashed() || !out.isUp()) {
                counters.drop(NodeDrop.INTERFACE_DOWN);
                return;
            }
            int s = src != 0 ? src : out.ipv4Bits();
            Ipv4Codec.push(payload, 0xc0, nextIpId(), dontFragment ? Ipv4Codec.FLAG_DF : 0, ttl, protocol, s, dst);
            transmit(out, payload, dst, null);
        } finally {
            counters.restoreStage(stage);
        }
    }

    /** Sends a UDP datagram from {@code srcPort} to {@code dst}:{@code dstPort} via the FIB, with the DF bit as given. */
    public boolean sendUdp(PacketBuffer payload, int src, int dst, int srcPort, int dstPort, int ttl, boolean dontFragment) {
        FibEntry e = isLocalAddress(dst) ? null : rib.fib().lookup(dst);
        int s = src;
        if (s == 0) {
            s = e != null ? e.select(0, dst).egress().ipv4Bits() : anyAddress();
        }
        UdpCodec.push(payload, srcPort, dstPort, s, dst);
        return send(payload, s, dst, Ipv4Header.PROTO_UDP, ttl, dontFragment);
    }

    /** Sends a UDP datagram out of one interface (e.g. RIP to 224.0.0.9), with the DF bit set when asked. */
    public void sendUdpOn(Interface out, PacketBuffer payload, int dst, int srcPort, int dstPort, int ttl, boolean dontFragment) {
        int s = out.ipv4Bits();
        UdpCodec.push(payload, srcPort, dstPort, s, dst);
        sendOn(out, payload, s, dst, Ipv4Header.PROTO_UDP, ttl, dontFragment);
    }

    private int anyAddress() {
        Interface[] interfaceArray = node.interfaceArray();
        for (Interface itf : interfaceArray) {
            if (itf instanceof LoopbackInterface && itf.ipv4Bits() != 0) {
                return itf.ipv4Bits();
            }
        }
        for (Interface itf : interfaceArray) {
            if (itf.ipv4Bits() != 0 && itf.isUp()) {
                return itf.ipv4Bits();
            }
        }
        return 0;
    }

    private Interface loopbackOrFirst() {
        Interface[] interfaceArray = node.interfaceArray();
        for (Interface itf : interfaceArray) {
            if (itf instanceof LoopbackInterface) {
                return itf;
            }
        }
        return interfaceArray[0];
    }

    // ---------------------------------------------------------------- ICMP and UDP

    /**
     * Sends an ICMP error about {@code offending} (IPv4 header at its offset) to its source,
     * per RFC 1812 §4.3.2.7: never about ICMP errors, broadcast or multicast, or non-first
     * fragments.
     */
    public void sendIcmpError(PacketBuffer offending, Interface in, int type, int code, int mtu) {
        boolean stage = counters.enterNetwork();
        try {
            icmpError(offending, in, type, code, mtu);
        } finally {
            counters.restoreStage(stage);
        }
    }

    private void icmpError(PacketBuffer offending, Interface in, int type, int code, int mtu) {
        byte[] b = offending.array();
        int off = offending.offset();
        int src = Ipv4Codec.source(b, off);
        int dst = Ipv4Codec.destination(b, off);
        if (src == 0 || isBroadcastOrMulticast(src) || isBroadcastOrMulticast(dst)) {
            return;
        }
        if ((Ipv4Codec.flagsFragment(b, off) & 0x1fff) != 0) {
            return;
        }
        if (type == IcmpMessage.DEST_UNREACHABLE && in != null && !in.sendsUnreachables()) {
            // no ip unreachables: the error is never sent (how an ICMP-filtering provider black-holes PMTUD);
            // it counts as one of ours, originated and dropped
            counters.originated++;
            counters.drop(NodeDrop.ICMP_UNREACHABLE_SUPPRESSED);
            return;
        }
        int hl = Ipv4Codec.headerLength(b, off);
        if (Ipv4Codec.protocol(b, off) == Ipv4Header.PROTO_ICMP && offending.length() > hl) {
            int t = b[off + hl] & 0xff;
            if (t != IcmpMessage.ECHO_REQUEST && t != IcmpMessage.ECHO_REPLY) {
                return;
            }
        }
        int quoted = Math.min(offending.length(), hl + 8);
        byte[] data = java.util.Arrays.copyOfRange(b, off, off + quoted);
        IcmpMessage m = new IcmpMessage(type, code, mtu & 0xffff, data);
        int from = in != null && in.ipv4Bits() != 0 ? in.ipv4Bits() : 0;
        send(IcmpCodec.toBuffer(m), from, src, Ipv4Header.PROTO_ICMP, 255, false);
    }

    private void receiveIcmp(Interface in, PacketBuffer p, int hl) {
        byte[] b = p.array();
        int off = p.offset();
        IcmpMessage m;
        try {
            m = IcmpCodec.decode(b, off + hl, p.length() - hl);
        } catch (MalformedPacketException e) {
            counters.drop(e.dropReason());
            return;
        }
        int src = Ipv4Codec.source(b, off);
        int dst = Ipv4Codec.destination(b, off);
        if (m.type() == IcmpMessage.ECHO_REQUEST) {
            if (isBroadcastOrMulticast(dst)) {
                return;
            }
            IcmpMessage reply = new IcmpMessage(IcmpMessage.ECHO_REPLY, 0, m.rest(), m.data());
            PacketBuffer rb = IcmpCodec.toBuffer(reply);
            rb.setTrace(p.trace()); // the reply to a probe is the same probe on its way back
            send(rb, dst, src, Ipv4Header.PROTO_ICMP, DEFAULT_TTL, false);
            return;
        }
        for (IcmpListener l : icmpListeners) {
            l.icmp(in, src, m);
        }
    }

    private void receiveUdp(Interface in, PacketBuffer p, int hl) {
        byte[] b = p.array();
        int off = p.offset();
        int port;
        try {
            port = UdpCodec.decode(b, off + hl, p.length() - hl, Ipv4Codec.source(b, off), Ipv4Codec.destination(b, off))
                    .destinationPort();
        } catch (MalformedPacketException e) {
            counters.drop(e.dropReason());
            return;
        }
        UdpListener l = udpListeners.get(port);
        if (l == null) {
            counters.drop(NodeDrop.UDP_PORT_UNREACHABLE);
            if (!isBroadcastOrMulticast(Ipv4Codec.destination(b, off))) {
                sendIcmpError(p, in, IcmpMessage.DEST_UNREACHABLE, IcmpMessage.CODE_PORT_UNREACHABLE, 0);
            }
            return;
        }
        l.receive(in, p, hl);
    }

    /** {@link #receive(PacketBuffer, Interface, boolean)} with the interface hook applied. */
    public void receive(PacketBuffer p, Interface in) {
        receive(p, in, true);
    }

    /** Originates a packet out of a given interface (multicast hellos, link-local traffic), DF clear. */
    public void sendOn(Interface out, PacketBuffer payload, int src, int dst, int protocol, int ttl) {
        sendOn(out, payload, src, dst, protocol, ttl, false);
    }

    /** Sends a UDP datagram from {@code srcPort} to {@code dst}:{@code dstPort} via the FIB, DF clear. */
    public boolean sendUdp(PacketBuffer payload, int src, int dst, int srcPort, int dstPort, int ttl) {
        return sendUdp(payload, src, dst, srcPort, dstPort, ttl, false);
    }

    /** Sends a UDP datagram out of one interface (RIP to 224.0.0.9), DF clear. */
    public void sendUdpOn(Interface out, PacketBuffer payload, int dst, int srcPort, int dstPort, int ttl) {
        sendUdpOn(out, payload, dst, srcPort, dstPort, ttl, false);
    }
}
