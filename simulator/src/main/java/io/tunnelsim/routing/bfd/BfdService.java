package io.tunnelsim.routing.bfd;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.UdpHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The BFD daemon of one node (FRR's bfdd, the IOS BFD process): the sessions its clients (OSPF
 * interfaces, static routes, tracks, configured peers) ask for, their UDP transport and the
 * demultiplexing of received Control packets.
 *
 * <p><b>Sessions</b>: one per {@link BfdPeer}, shared by every client that asks for it and
 * removed when the last dynamic client releases it (an OSPF neighbour that left). A session's
 * timers are the peer's own configuration if any, else its interface's, else the node's
 * ({@code bfd:} section), else FRR's defaults 300 ms / 300 ms × 3. Local discriminators are
 * drawn, non-zero and unique, from the node's seeded stream; source ports are taken in order
 * from 49152 (RFC 5881 §4).
 *
 * <p><b>Transport</b>: single-hop packets go out of the session's interface to the peer, UDP
 * destination port 3784, TTL 255 (RFC 5881 §4–5) — on a GRE tunnel interface they are the
 * tunnel's passenger, so the session is single hop on the tunnel. Multihop packets go from the
 * configured local address through the FIB to port 4784, TTL 255 (RFC 5883 §5). While a
 * single-hop session's interface is down the session is Down (diagnostic 5, Path Down) and
 * silent.
 *
 * <p><b>Reception</b> (RFC 5880 §6.8.6, RFC 5881 §5, RFC 5883 §5), each failure a counted drop
 * ({@link BfdDrop}):
 * single hop with TTL other than 255 ({@code bfd-ttl-not-255}) or a source port outside
 * 49152–65535 ({@code bfd-bad-source-port}); multihop with TTL below the session's minimum TTL
 * (FRR {@code minimum-ttl}, default 254: {@code bfd-ttl-below-minimum}); the codec's checks; a
 * Your Discriminator that names no session ({@code bfd-unknown-discriminator}) or names a
 * session of the other kind or interface ({@code bfd-session-mismatch}); Your Discriminator 0
 * with no session for the interface and source ({@code bfd-no-session}).
 *
 * <p>Every change to Up, Down and AdminDown is published as a {@link BfdSessionChanged} event,
 * logged as {@code %BFD-6-BFD_SESS_UP}, {@code %BFD-6-BFD_SESS_DOWN} or
 * {@code %BFD-6-BFD_SESS_ADMIN_DOWN}.
 *
 * <p>Simplifications: no echo function, no authentication, no demand mode; sessions are always
 * Active; IPv4 only.
 */
public final class BfdService implements NodeService {
    /** FRR bfdd {@code minimum-ttl} default for multihop sessions: at most one hop between the systems. */
    public static final int DEFAULT_MINIMUM_TTL = 254;

    /** A client of a session: hears its state changes. */
    public interface Client extends BfdSession.Listener {
    }

    private final class Entry {
        final BfdPeer key;
        final BfdSession session;
        final int sourcePort;
        final int minimumTtl;
        final List<BfdSession.Listener> persistent = new ArrayList<>(1);
        final List<BfdSession.Listener> dynamic = new ArrayList<>(1);
        final boolean configured;
        Interface itf;

        Entry(BfdPeer key, BfdTimers timers, int minimumTtl, boolean configured) {
            this.key = key;
            this.minimumTtl = minimumTtl;
            this.configured = configured;
            this.sourcePort = nextPort();
            this.session = new BfdSession(node.scheduler(), random, this::transmit, newDiscriminator(), timers);
            session.addListener(this::changed);
        }

        void transmit(BfdSession s, PacketBuffer p) {
            if (key.multihop()) {
                node.ipv4().sendUdp(p, key.local().bits(), key.peer().bits(), sourcePort, BfdCodec.MULTIHOP_PORT, BfdCodec.TTL);
            } else {
                node.ipv4().sendUdpOn(itf, p, key.peer().bits(), sourcePort, BfdCodec.SINGLE_HOP_PORT, BfdCodec.TTL);
            }
        }

        void changed(BfdSession s, BfdState old, BfdState now, BfdDiagnostic diag, boolean remoteAdminDown) {
            String where = key.multihop() ? "multihop from " + key.local() : "on " + itf.displayName();
            boolean logged = now == BfdState.UP || now == BfdState.ADMIN_DOWN
                    || (now == BfdState.DOWN && old != BfdState.ADMIN_DOWN);
            if (logged) {
                node.publish(new BfdSessionChanged(node.now(), node.name(), s.localDiscriminator(),
                        s.remoteDiscriminator(), key.peer().toString(), where, old, now, diag, remoteAdminDown));
            }
            for (BfdSession.Listener l : List.copyOf(persistent)) {
                l.stateChanged(s, old, now, diag, remoteAdminDown);
            }
            for (BfdSession.Listener l : List.copyOf(dynamic)) {
                l.stateChanged(s, old, now, diag, remoteAdminDown);
            }
        }

        boolean canRun() {
            if (!running) {
                return false;
            }
            if (key.multihop()) {
                return true;
            }
            if (itf == null) {
                itf = node.interfaceNamed(key.interfaceName());
            }
            return itf != null && itf.isUp() && itf.ipv4Bits() != 0;
        }

        void refresh() {
            if (canRun()) {
                session.start();
            } else {
                session.stop(BfdDiagnostic.PATH_DOWN);
            }
        }
    }

    private final Node node;
    private final SplittableRandom random;
    private final LinkedHashMap<BfdPeer, Entry> sessions = new LinkedHashMap<>();
    private final HashMap<Long, Entry> byDiscriminator = new HashMap<>();
    private final Map<String, BfdTimers> interfaceTimers = new HashMap<>();
    private final Map<BfdPeer, BfdTimers> peerTimers = new HashMap<>();
    private final Map<BfdPeer, Integer> peerMinimumTtl = new HashMap<>();
    private BfdTimers nodeTimers = BfdTimers.DEFAULT;
    private boolean running;
    private int nextPort = BfdCodec.SOURCE_PORT_MIN;
    private long badPackets;
    /** The OSPF process's client state, when OSPF uses BFD on some interface. */
    BfdOspfClient ospfClient;

    private BfdService(Node node) {
        this.node = node;
        this.random = node.network().random().stream("bfd/" + node.name());
        node.ipv4().registerUdp(BfdCodec.SINGLE_HOP_PORT, (in, p, hl) -> receive(in, p, hl, false));
        node.ipv4().registerUdp(BfdCodec.MULTIHOP_PORT, (in, p, hl) -> receive(in, p, hl, true));
    }

    /** The node's BFD service, created and registered on first use. */
    public static BfdService of(Node node) {
        BfdService s = node.service(BfdService.class);
        if (s == null) {
            s = new BfdService(node);
            node.addService(s);
        }
        return s;
    }

    public Node node() {
        return node;
    }

    // ------------------------------------------------------------------ configuration

    /** Timers of every session not configured more specifically ({@code bfd:} of the node). */
    public void setNodeTimers(BfdTimers t) {
        nodeTimers = t;
        retime();
    }

    /** Timers of the single-hop sessions on {@code interfaceName} (IOS {@code bfd interval} on it). */
    public void setInterfaceTimers(String interfaceName, BfdTimers t) {
        interfaceTimers.put(interfaceName, t);
        retime();
    }

    /** Sessions created before their configuration was read take it now. */
    private void retime() {
        for (Entry e : sessions.values()) {
            BfdTimers t = timersFor(e.key);
            if (!t.equals(e.session.timers())) {
                e.session.setTimers(t);
            }
        }
    }

    /**
     * A configured peer (FRR {@code bfd} / {@code peer ...}): its session runs whether or not a
     * client uses it; {@code timers} null for the interface's or node's.
     */
    public BfdSession configurePeer(BfdPeer peer, BfdTimers timers, int minimumTtl) {
        if (timers != null) {
            peerTimers.put(peer, timers);
        }
        peerMinimumTtl.put(peer, minimumTtl);
        Entry e = sessions.get(peer);
        if (e != null && !e.configured) {
            // a client asked first: the configured peer replaces that entry with its own settings
            sessions.remove(peer);
            byDiscriminator.remove(e.session.localDiscriminator());
            Entry c = entry(peer, true);
            c.persistent.addAll(e.persistent);
            c.dynamic.addAll(e.dynamic);
            return c.session;
        }
        Entry c = entry(peer, true);
        retime();
        return c.session;
    }

    private BfdTimers timersFor(BfdPeer peer) {
        BfdTimers t = peerTimers.get(peer);
        if (t == null && !peer.multihop()) {
            t = interfaceTimers.get(peer.interfaceName());
        }
        return t != null ? t : nodeTimers;
    }

    // ------------------------------------------------------------------ clients

    /**
     * A client that lasts as long as the configuration (a static route, a track): its session is
     * created now and kept across crashes.
     */
    public BfdSession register(BfdPeer peer, int minimumTtl, BfdSession.Listener client) {
        peerMinimumTtl.putIfAbsent(peer, minimumTtl);
        Entry e = entry(peer, false);
        e.persistent.add(client);
        return e.session;
    }

    /** A client of protocol state (an OSPF neighbour): released by {@link #release} or on crash. */
    public BfdSession attach(BfdPeer peer, BfdSession.Listener client) {
        Entry e = entry(peer, false);
        if (!e.dynamic.contains(client)) {
            e.dynamic.add(client);
        }
        return e.session;
    }

    /** Ends a dynamic client's interest; a session nobody uses any more is deleted. */
    public void release(BfdPeer peer, BfdSession.Listener client) {
        Entry e = sessions.get(peer);
        if (e == null) {
            return;
        }
        e.dynamic.remove(client);
        deleteIfUnused(e);
    }

    private void deleteIfUnused(Entry e) {
        if (e.dynamic.isEmpty() && e.persistent.isEmpty() && !e.configured) {
            sessions.remove(e.key);
            byDiscriminator.remove(e.session.localDiscriminator());
            e.session.stop(BfdDiagnostic.ADMINISTRATIVELY_DOWN);
        }
    }

    /**
     * The shortest detection time this node's sessions run with when each peer has the same
     * timers ({@link BfdTimers#symmetricDetectionTime()}): over every session, and every
     * interface where OSPF will ask for sessions once neighbours reach 2-Way. 0 when there is
     * neither. The live driver keeps its lag well below it.
     */
    public long shortestDetectionTime() {
        long min = Long.MAX_VALUE;
        for (Entry e : sessions.values()) {
            min = Math.min(min, e.session.timers().symmetricDetectionTime());
        }
        if (ospfClient != null) {
            for (String itf : ospfClient.interfaces()) {
                min = Math.min(min, interfaceTimers.getOrDefault(itf, nodeTimers).symmetricDetectionTime());
            }
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    /** The session for {@code peer}, or null. */
    public BfdSession session(BfdPeer peer) {
        Entry e = sessions.get(peer);
        return e == null ? null : e.session;
    }

    public List<BfdSession> sessions() {
        List<BfdSession> out = new ArrayList<>(sessions.size());
        for (Entry e : sessions.values()) {
            out.add(e.session);
        }
        return out;
    }

    private Entry entry(BfdPeer peer, boolean configured) {
        Entry e = sessions.get(peer);
        if (e != null) {
            return e;
        }
        e = new Entry(peer, timersFor(peer), peerMinimumTtl.getOrDefault(peer, DEFAULT_MINIMUM_TTL), configured);
        sessions.put(peer, e);
        byDiscriminator.put(e.session.localDiscriminator(), e);
        e.refresh();
        return e;
    }

    private long newDiscriminator() {
        while (true) {
            long d = random.nextLong(1, 0x1_0000_0000L);
            if (!byDiscriminator.containsKey(d)) {
                return d;
            }
        }
    }

    private int nextPort() {
        int p = nextPort;
        nextPort = p == BfdCodec.SOURCE_PORT_MAX ? BfdCodec.SOURCE_PORT_MIN : p + 1;
        return p;
    }

    // ------------------------------------------------------------------ NodeService

    @Override
    public void start() {
        running = true;
        for (Entry e : sessions.values()) {
            e.refresh();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (ospfClient != null) {
            ospfClient.forget();
        }
        for (Entry e : List.copyOf(sessions.values())) {
            e.session.stop(BfdDiagnostic.PATH_DOWN);
            e.dynamic.clear();
            deleteIfUnused(e);
        }
    }

    @Override
    public void interfaceChanged(Interface itf) {
        if (!running) {
            return;
        }
        for (Entry e : sessions.values()) {
            if (!e.key.multihop() && e.key.interfaceName().equals(itf.name())) {
                e.refresh();
            }
        }
    }

    // ------------------------------------------------------------------ reception

    private void receive(Interface in, PacketBuffer p, int hl, boolean multihop) {
        byte[] b = p.array();
        int ip = p.offset();
        if (!running) {
            node.counters().drop(BfdDrop.NOT_RUNNING);
            return;
        }
        int ttl = Ipv4Codec.ttl(b, ip);
        int udp = ip + hl;
        int srcPort = Bytes.u16(b, udp);
        if (!multihop && ttl != BfdCodec.TTL) {
            drop(BfdDrop.TTL_NOT_255);
            return;
        }
        if (!multihop && srcPort < BfdCodec.SOURCE_PORT_MIN) {
            drop(BfdDrop.BAD_SOURCE_PORT);
            return;
        }
        int len = Bytes.u16(b, udp + 4) - UdpHeader.LENGTH;
        BfdControlPacket m;
        try {
            m = BfdCodec.decode(b, udp + UdpHeader.LENGTH, len);
        } catch (MalformedPacketException e) {
            badPackets++;
            node.counters().drop(e.dropReason()); // a BfdDrop: the codec's checks
            return;
        }
        int src = Ipv4Codec.source(b, ip);
        Entry e;
        if (m.yourDiscriminator() != 0) {
            e = byDiscriminator.get(m.yourDiscriminator());
            if (e == null) {
                drop(BfdDrop.UNKNOWN_DISCRIMINATOR);
                return;
            }
            if (e.key.multihop() != multihop || (!multihop && e.itf != in)) {
                drop(BfdDrop.SESSION_MISMATCH);
                return;
            }
        } else {
            BfdPeer key = multihop
                    ? BfdPeer.multihop(new Ipv4Address(src), new Ipv4Address(Ipv4Codec.destination(b, ip)))
                    : BfdPeer.singleHop(new Ipv4Address(src), in.name());
            e = sessions.get(key);
            if (e == null) {
                drop(BfdDrop.NO_SESSION);
                return;
            }
        }
        if (multihop && ttl < e.minimumTtl) {
            drop(BfdDrop.TTL_BELOW_MINIMUM);
            return;
        }
        if (!e.session.receive(m)) {
            node.counters().drop(BfdDrop.ADMIN_DOWN);
        }
    }

    private void drop(BfdDrop reason) {
        badPackets++;
        node.counters().drop(reason);
    }

    /** Control packets rejected before reaching a session. */
    public long badPackets() {
        return badPackets;
    }

    // ------------------------------------------------------------------ show

    /** {@code show bfd neighbors}, IOS layout plus the negotiated timers. */
    public String showNeighbors() {
        StringBuilder sb = new StringBuilder();
        sb.append("BFD neighbors of ").append(node.name()).append('\n');
        sb.append(String.format("%-16s %-23s %-11s %-9s %-12s %-18s %s%n", "NeighAddr", "LD/RD", "RH/RS", "State",
                "Int", "TX/RX/Mult", "Detect"));
        for (Entry e : sessions.values()) {
            BfdSession s = e.session;
            BfdTimers t = s.timers();
            String rh = s.remoteDiscriminator() != 0 ? "Up" : "Down";
            sb.append(String.format("%-16s %-23s %-11s %-9s %-12s %-18s %s%n", e.key.peer(),
                    s.localDiscriminator() + "/" + s.remoteDiscriminator(), rh + "/" + s.remoteState().display(),
                    s.state().display(), e.key.multihop() ? "multihop" : e.key.interfaceName(),
                    SimTime.formatShort(t.desiredMinTx()) + "/" + SimTime.formatShort(t.requiredMinRx()) + "/"
                            + t.detectMult(),
                    s.detectionTime() == 0 ? "-" : SimTime.formatShort(s.detectionTime())));
        }
        return sb.toString();
    }
}
