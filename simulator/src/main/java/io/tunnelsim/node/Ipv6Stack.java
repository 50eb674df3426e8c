package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.sim.Event;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Icmpv6Codec;
import io.tunnelsim.wire.Icmpv6Header;
import io.tunnelsim.wire.Icmpv6NdpCodec;
import io.tunnelsim.wire.Icmpv6NeighborAdvertisement;
import io.tunnelsim.wire.Icmpv6NeighborSolicitation;
import io.tunnelsim.wire.Ipv6Codec;
import io.tunnelsim.wire.Ipv6Header;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.WireDrop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IPv6 on a node, enough to carry IPv6 between sites as a tunnel passenger: addresses on
 * interfaces, connected and static routes, forwarding with hop limit and ICMPv6 errors
 * (RFC 4443: time exceeded, no route, packet too big), echo, and neighbour discovery on
 * Ethernet (RFC 4861 NS/NA to the solicited-node group).
 *
 * <p>Simplifications: no router advertisements or SLAAC (addresses and routes are
 * configured); no duplicate address detection; no extension headers (a packet whose next
 * header is not ICMPv6, UDP or a registered handler is dropped as {@code ipv6-unsupported-next-header});
 * the route table is a list searched longest-prefix first, sized for passenger networks of a
 * few prefixes per node; neighbour entries never age during a run. The neighbour cache is kept per
 * interface (RFC 4861 §5.1) and, as ARP's, forgotten when its interface goes down: packets
 * waiting there for discovery are dropped as {@code interface-down}; the other interfaces keep
 * theirs.
 *
 * <p>Counters as for IPv4 (docs/model.md, "Counters"): a packet of ours is originated before
 * its route lookup, neighbour solicitations and advertisements are originated too, a packet
 * waiting for neighbour discovery is held.
 */
public final class Ipv6Stack {
    public static final Ipv6Address ALL_NODES = Ipv6Address.parse("ff02::1");
    static final int NEXT_HEADER_UDP = 17;

    private final Node node;
    private final List<Ipv6Route> configured = new ArrayList<>();
    private final List<Ipv6Route> table = new ArrayList<>();
    /** Neighbour discovery state per Ethernet interface, in the order the interfaces were first used. */
    private final Map<EthernetInterface, Neighbors> neighbors = new LinkedHashMap<>();
    private final List<Icmpv6Listener> listeners = new ArrayList<>(1);

    /** Receives ICMPv6 messages other than echo requests and neighbour discovery. */
    public interface Icmpv6Listener {
        void icmpv6(Interface in, Ipv6Address src, Icmpv6Header h, PacketBuffer message);
    }

    /** One interface's neighbour cache and the addresses being resolved there. */
    private static final class Neighbors {
        final Map<Ipv6Address, Long> cache = new HashMap<>();
        final Map<Ipv6Address, Pending> pending = new HashMap<>();
    }

    private static final class Pending {
        final List<PacketBuffer> queue = new ArrayList<>(2);
        EthernetInterface out;
        int tries;
        Event retry;
    }

    Ipv6Stack(Node node) {
        this.node = node;
    }

    public void addListener(Icmpv6Listener l) {
        listeners.add(l);
    }

    /** Adds a static route; {@code nextHop} null means on-link through {@code egress}. */
    public void addStaticRoute(Ipv6Prefix prefix, Ipv6Address nextHop, Interface egress, int distance) {
        configured.add(new Ipv6Route(prefix, nextHop, egress, distance, RouteSource.STATIC));
        rebuild();
    }

    /** Adds a static route through a next hop on a connected subnet (the egress is found from it). */
    public void addStaticRoute(Ipv6Prefix prefix, Ipv6Address nextHop, int distance) {
        configured.add(new Ipv6Route(prefix, nextHop, null, distance, RouteSource.STATIC));
        rebuild();
    }

    /** Active routes, longest prefix first. */
    public List<Ipv6Route> routes() {
        return java.util.Collections.unmodifiableList(table);
    }

    void interfaceChanged(Interface itf) {
        if (!itf.ipv6().isEmpty() || !configured.isEmpty() || !table.isEmpty()) {
            rebuild();
        }
        if (!itf.isUp() && itf instanceof EthernetInterface e) {
            Neighbors n = neighbors.remove(e);
            if (n != null) {
                n.cache.clear();
                flush(n, e);
            }
        }
    }

    private void rebuild() {
        table.clear();
        for (Interface itf : node.interfaces()) {
            if (itf.isUp()) {
                for (Ipv6Prefix p : itf.ipv6()) {
                    table.add(new Ipv6Route(p, null, itf, 0, RouteSource.CONNECTED));
                }
            }
        }
        int connected = table.size();
        for (Ipv6Route c : configured) {
            Ipv6Route r = c;
            if (r.egress() == null) {
                r = null;
                for (int i = 0; i < connected; i++) {
                    if (table.get(i).prefix().contains(c.nextHop())) {
                        r = new Ipv6Route(c.prefix(), c.nextHop(), table.get(i).egress(), c.distance(), c.source());
                        break;
                    }
                }
                if (r == null) {
                    continue;
                }
            }
            if (!r.egress().isUp()) {
                continue;
            }
            Ipv6Route chosen = r;
            boolean shadowed = false;
            for (Ipv6Route t : table) {
                if (t.prefix().equals(r.prefix()) && t.distance() <= r.distance()) {
                    shadowed = true;
                }
            }
            if (!shadowed) {
                table.removeIf(t -> t.prefix().equals(chosen.prefix()));
                table.add(chosen);
            }
        }
        table.sort((a, b) -> Integer.compare(b.prefix().length(), a.prefix().length()));
    }

    public Ipv6Route lookup(Ipv6Address dst) {
        for (int i = 0; i < table.size(); i++) {
            Ipv6Route r = table.get(i);
            if (r.prefix().contains(dst)) {
                return r;
            }
        }
        return null;
    }

    private boolean isLocal(Ipv6Address a) {
        if (a.equals(ALL_NODES)) {
            return true;
        }
        for (Interface itf : node.interfaces()) {
            for (Ipv6Prefix p : itf.ipv6()) {
                if (p.address().equals(a) || p.address().solicitedNode().equals(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Ipv6Address sourceFor(Interface egress) {
        if (!egress.ipv6().isEmpty()) {
            return egress.ipv6().get(0).address();
        }
        for (Interface itf : node.interfaces()) {
            if (!itf.ipv6().isEmpty()) {
                return itf.ipv6().get(0).address();
            }
        }
        return Ipv6Address.UNSPECIFIED;
    }

    // ----------------------------------------------------------------- send

    /** Originates an IPv6 packet: route lookup, header, egress. Returns false without a route. */
    public boolean send(PacketBuffer payload, Ipv6Address src, Ipv6Address dst, int nextHeader, int hopLimit) {
        if (node.isCrashed()) {
            return false;
        }
        Counters c = node.counters();
        boolean stage = c.enterNetwork();
        try {
            c.originated++;
            Ipv6Route r = lookup(dst);
            if (r == null) {
                c.drop(NodeDrop.IPV6_NO_ROUTE, payload, null);
                return false;
            }
            Ipv6Address s = src != null ? src : sourceFor(r.egress());
            Ipv6Codec.push(payload, Ipv6Header.of(payload.length(), nextHeader, hopLimit, s, dst));
            transmit(r, payload, dst);
            return true;
        } finally {
            c.restoreStage(stage);
        }
    }

    /** Sends an ICMPv6 echo request (used by probes). */
    public boolean sendEcho(Ipv6Address dst, int identifier, int sequence, int dataLength) {
        return sendEcho(dst, identifier, sequence, dataLength, 0);
    }

    /** As {@link #sendEcho(Ipv6Address, int, int, int)}, the packet carrying trace tag {@code trace} ({@link PacketBuffer#trace()}). */
    public boolean sendEcho(Ipv6Address dst, int identifier, int sequence, int dataLength, long trace) {
        Ipv6Route r = lookup(dst);
        if (r == null) {
            if (!node.isCrashed()) {
                // the echo request of ours that finds no route: originated, then dropped
                PacketBuffer tagged = null;
                if (trace != 0) {
                    tagged = PacketBuffer.allocate(0); // only the tag: the drop event names the probe
                    tagged.setTrace(trace);
                }
                node.counters().originated++;
                node.counters().drop(NodeDrop.IPV6_NO_ROUTE, tagged, null);
            }
            return false;
        }
        Ipv6Address s = sourceFor(r.egress());
        PacketBuffer p = Icmpv6Codec.echo(Icmpv6Header.echoRequest(identifier, sequence), new byte[dataLength], 0, dataLength, s, dst);
        p.setTrace(trace);
        return send(p, s, dst, Ipv6Header.ICMPV6, 64);
    }

    private void transmit(Ipv6Route r, PacketBuffer p, Ipv6Address dst) {
        if (p.length() > r.egress().mtu()) {
            node.counters().drop(NodeDrop.IPV6_PACKET_TOO_BIG, p, r.egress());
            sendError(p, Icmpv6Header.packetTooBig(r.egress().mtu()));
            return;
        }
        r.egress().outputIpv6(p, r.nextHop() != null ? r.nextHop() : dst);
    }

    /** Ethernet egress: neighbour discovery, then the frame. */
    void output(EthernetInterface out, PacketBuffer p, Ipv6Address nextHop) {
        if (!out.isUp()) {
            node.counters().drop(NodeDrop.INTERFACE_DOWN, p, out);
            return;
        }
        if (nextHop.isMulticast()) {
            out.sendIpv6Frame(p, MacAddress.ipv6Multicast(nextHop).bits());
            return;
        }
        Neighbors n = neighbors.computeIfAbsent(out, k -> new Neighbors());
        Long mac = n.cache.get(nextHop);
        if (mac != null) {
            out.sendIpv6Frame(p, mac);
            return;
        }
        Pending w = n.pending.get(nextHop);
        if (w == null) {
            w = new Pending();
            w.out = out;
            n.pending.put(nextHop, w);
            solicit(n, nextHop, w);
        }
        if (w.queue.size() >= Arp.QUEUE) {
            node.counters().drop(NodeDrop.ND_QUEUE_FULL, p, out);
            return;
        }
        w.queue.add(p);
        node.counters().heldNd++;
    }

    /** A crash: packets waiting for neighbour discovery are dropped as {@code interface-down}, as ARP's are. */
    void flushPending() {
        for (Neighbors n : neighbors.values()) {
            for (Pending w : n.pending.values()) {
                w.retry.cancel();
                node.counters().heldNd -= w.queue.size();
                for (int i = 0; i < w.queue.size(); i++) {
                    node.counters().drop(NodeDrop.INTERFACE_DOWN);
                }
            }
            n.pending.clear();
        }
    }

    /** Interface {@code e} went down: its waiting packets are dropped as {@code interface-down}. */
    private void flush(Neighbors n, EthernetInterface e) {
        for (Pending w : n.pending.values()) {
            w.retry.cancel();
            node.counters().heldNd -= w.queue.size();
            for (int i = 0; i < w.queue.size(); i++) {
                node.counters().drop(NodeDrop.INTERFACE_DOWN, w.queue.get(i), e);
            }
        }
        n.pending.clear();
    }

    private void solicit(Neighbors n, Ipv6Address target, Pending w) {
        w.tries++;
        Ipv6Address src = sourceFor(w.out);
        Ipv6Address group = target.solicitedNode();
        Icmpv6NeighborSolicitation ns = new Icmpv6NeighborSolicitation(target, Optional.of(w.out.mac()));
        PacketBuffer p = Icmpv6NdpCodec.toBuffer(ns, src, group);
        Ipv6Codec.push(p, Ipv6Header.of(p.length(), Ipv6Header.ICMPV6, Icmpv6NdpCodec.HOP_LIMIT, src, group));
        node.counters().originated++;
        w.out.sendIpv6Frame(p, MacAddress.ipv6Multicast(group).bits());
        w.retry = node.scheduler().scheduleIn(SimTime.SECOND, () -> {
            if (n.pending.get(target) != w) {
                return;
            }
            if (w.tries >= Arp.TRIES) {
                n.pending.remove(target);
                node.counters().heldNd -= w.queue.size();
                for (int i = 0; i < w.queue.size(); i++) {
                    node.counters().drop(NodeDrop.ND_UNRESOLVED, w.queue.get(i), w.out);
                }
            } else {
                solicit(n, target, w);
            }
        });
    }

    // ----------------------------------------------------------------- receive

    void receive(PacketBuffer p, Interface in) {
        byte[] b = p.array();
        int off = p.offset();
        Ipv6Header h;
        try {
            h = Ipv6Codec.decode(b, off, p.length());
        } catch (MalformedPacketException e) {
            node.counters().drop(e.dropReason());
            return;
        }
        int total = Ipv6Codec.HEADER_LENGTH + h.payloadLength();
        if (total < p.length()) {
            p.truncate(total);
        }
        if (isLocal(h.destination())) {
            node.counters().delivered++;
            // from here on the packet is the local protocol's: its refusals are local-stage drops
            boolean stage = node.counters().enterLocal();
            try {
                deliver(p, in, h);
            } finally {
                node.counters().restoreStage(stage);
            }
            return;
        }
        if (h.destination().isMulticast()) {
            node.counters().drop(NodeDrop.IPV6_MULTICAST_NOT_JOINED);
            return;
        }
        if (!node.isRouter()) {
            node.counters().drop(NodeDrop.NOT_FOR_THIS_HOST);
            return;
        }
        if (h.hopLimit() <= 1) {
            node.counters().drop(NodeDrop.IPV6_HOP_LIMIT_EXCEEDED, p, in);
            sendError(p, Icmpv6Header.timeExceeded(Icmpv6Header.HOP_LIMIT_EXCEEDED));
            return;
        }
        Ipv6Route r = lookup(h.destination());
        if (r == null) {
            node.counters().drop(NodeDrop.IPV6_NO_ROUTE, p, in);
            sendError(p, Icmpv6Header.destinationUnreachable(Icmpv6Header.UNREACHABLE_NO_ROUTE));
            return;
        }
        Ipv6Codec.decrementHopLimit(b, off);
        node.counters().forwarded++;
        transmit(r, p, h.destination());
    }

    private void deliver(PacketBuffer p, Interface in, Ipv6Header h) {
        if (h.nextHeader() != Ipv6Header.ICMPV6) {
            node.counters().drop(NodeDrop.IPV6_UNSUPPORTED_NEXT_HEADER);
            return;
        }
        byte[] b = p.array();
        int at = p.offset() + Ipv6Codec.HEADER_LENGTH;
        int len = h.payloadLength();
        if (len < Icmpv6Codec.HEADER_LENGTH || !Icmpv6Codec.checksumValid(b, at, len, h.source(), h.destination())) {
            node.counters().drop(WireDrop.ICMPV6_BAD_CHECKSUM);
            return;
        }
        int type = Icmpv6Codec.type(b, at);
        try {
            switch (type) {
                case Icmpv6Header.ECHO_REQUEST -> {
                    Icmpv6Header req = Icmpv6Codec.decode(b, at, len, h.source(), h.destination());
                    Ipv6Address src = h.destination().isMulticast() ? sourceFor(in) : h.destination();
                    PacketBuffer reply = Icmpv6Codec.echo(Icmpv6Header.echoReply(req.identifier(), req.sequence()),
                            b, at + 8, len - 8, src, h.source());
                    reply.setTrace(p.trace()); // the reply to a probe is the same probe on its way back
                    send(reply, src, h.source(), Ipv6Header.ICMPV6, 64);
                }
                case Icmpv6Header.NEIGHBOR_SOLICITATION -> {
                    Icmpv6NeighborSolicitation ns = Icmpv6NdpCodec.decodeSolicitation(b, at, len, h.source(), h.destination());
                    if (!(in instanceof EthernetInterface e) || !isLocal(ns.target())) {
                        return;
                    }
                    ns.sourceLinkLayer().ifPresent(m -> learn(e, h.source(), m.bits()));
                    Icmpv6NeighborAdvertisement na = new Icmpv6NeighborAdvertisement(node.isRouter(), true, true,
                            ns.target(), Optional.of(e.mac()));
                    PacketBuffer r = Icmpv6NdpCodec.toBuffer(na, ns.target(), h.source());
                    Ipv6Codec.push(r, Ipv6Header.of(r.length(), Ipv6Header.ICMPV6, Icmpv6NdpCodec.HOP_LIMIT, ns.target(), h.source()));
                    long mac = ns.sourceLinkLayer().map(MacAddress::bits).orElse(MacAddress.ipv6Multicast(ALL_NODES).bits());
                    boolean stage = node.counters().enterNetwork();
                    try {
                        node.counters().originated++;
                        e.sendIpv6Frame(r, mac);
                    } finally {
                        node.counters().restoreStage(stage);
                    }
                }
                case Icmpv6Header.NEIGHBOR_ADVERTISEMENT -> {
                    Icmpv6NeighborAdvertisement na = Icmpv6NdpCodec.decodeAdvertisement(b, at, len, h.source(), h.destination());
                    // RFC 4861 §7.2.5: an advertisement for a target without an entry (on the
                    // interface it arrived on) is discarded
                    Neighbors n = in instanceof EthernetInterface e ? neighbors.get(e) : null;
                    if (n != null && (n.cache.containsKey(na.target()) || n.pending.containsKey(na.target()))) {
                        na.targetLinkLayer().ifPresent(m -> learn((EthernetInterface) in, na.target(), m.bits()));
                    }
                }
                default -> {
                    Icmpv6Header m = Icmpv6Codec.decode(b, at, len, h.source(), h.destination());
                    for (Icmpv6Listener l : listeners) {
                        l.icmpv6(in, h.source(), m, p);
                    }
                }
            }
        } catch (MalformedPacketException ex) {
            node.counters().drop(ex.dropReason());
        }
    }

    private void learn(EthernetInterface on, Ipv6Address a, long mac) {
        Neighbors n = neighbors.computeIfAbsent(on, k -> new Neighbors());
        n.cache.put(a, mac);
        Pending w = n.pending.remove(a);
        if (w != null) {
            w.retry.cancel();
            // the waiting packets leave in the network stage, though ND is handled in the local one
            Counters c = node.counters();
            boolean stage = c.enterNetwork();
            c.heldNd -= w.queue.size();
            for (int i = 0; i < w.queue.size(); i++) {
                w.out.sendIpv6Frame(w.queue.get(i), mac);
            }
            c.restoreStage(stage);
        }
    }

    /** Sends an ICMPv6 error about {@code offending} back to its source (never about errors or multicast). */
    private void sendError(PacketBuffer offending, Icmpv6Header h) {
        byte[] b = offending.array();
        int off = offending.offset();
        Ipv6Address src = Ipv6Address.read(b, off + 8);
        Ipv6Address dst = Ipv6Address.read(b, off + 24);
        if (src.isMulticast() || src.equals(Ipv6Address.UNSPECIFIED) || dst.isMulticast()) {
            return;
        }
        if (Ipv6Codec.nextHeader(b, off) == Ipv6Header.ICMPV6 && offending.length() > 40 && (b[off + 40] & 0x80) == 0) {
            return;
        }
        Ipv6Route back = lookup(src);
        if (back == null) {
            return;
        }
        Ipv6Address me = sourceFor(back.egress());
        PacketBuffer e = Icmpv6Codec.error(h, b, off, offending.length(), me, src);
        send(e, me, src, Ipv6Header.ICMPV6, 64);
    }
}
