package io.tunnelsim.tunnel;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.node.Route;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.sim.Timer;
import io.tunnelsim.wire.GreCodec;
import io.tunnelsim.wire.GreHeader;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;

/**
 * A GRE tunnel interface (RFC 2784, RFC 2890) that behaves as a router's does: a virtual
 * point-to-point link carrying IPv4 and IPv6 passengers — unicast, multicast and broadcast —
 * inside unicast IPv4.
 *
 * <p><b>Line protocol</b> is up when the interface is enabled, the tunnel source interface is
 * up with an address, the FIB holds a route to the destination that does not point into this
 * tunnel, no recursive-routing hold-down is running and, with keepalives on, the peer answers.
 * It is re-evaluated whenever the FIB or an interface of the node changes.
 *
 * <p><b>Send path</b>: passenger → GRE header (key, sequence, checksum as configured) → outer
 * IPv4 (source = tunnel source address, destination = tunnel destination, protocol 47, TTL
 * 255) → optional protection (IPsec) → FIB lookup of the destination → egress interface. A
 * passenger larger than the tunnel MTU was already fragmented or refused by the node (the tunnel
 * is an egress interface like any other); an outer packet larger than the egress MTU is
 * fragmented by the node and reassembled by the far end.
 *
 * <p><b>Receive check</b> ({@link GreDemux}): a GRE packet belongs to this tunnel when its outer
 * destination is this tunnel's source address and its outer source is this tunnel's
 * destination, and the key matches when one is set.
 *
 * <p><b>Keepalives</b> (Cisco mechanics): every period the tunnel sends a GRE packet whose
 * passenger is the reply, already built — an IPv4 packet from the peer to us carrying a GRE
 * header with protocol type 0. The peer only decapsulates and forwards it, so keepalives work
 * even when the far end has none configured. Each send counts one unanswered keepalive; a
 * reply resets the count and brings the line protocol up; when {@code retries} keepalives are
 * unanswered at the next period the line protocol goes down. The first keepalive leaves at a
 * seeded random point of the first period, so that many tunnels of one router do not send in
 * lockstep (which would overflow its output queue every period).
 *
 * <p><b>Recursive routing</b>: when the best route to the destination points into the tunnel
 * itself, directly or through a chain of other tunnels (tunnel0's destination routed via
 * tunnel1 and tunnel1's via tunnel0), the tunnel logs {@code %TUN-5-RECURDOWN} and stays down
 * for the configured hold time. At most {@link #MAX_NESTING} tunnels may be nested on one node.
 *
 * <p>Keepalive replies carry the key but no sequence number and are never checked against the
 * sequence space; a shut-down tunnel reflects no keepalives (IOS); the transmit sequence counter
 * restarts at 0 when the node boots.
 *
 * <p><b>DF and path-MTU discovery</b>: by default the outer header never sets DF (IOS), so a
 * provider link narrower than the path fragments the outer packet and the far end reassembles it.
 * With {@code df: inherit} (Linux {@code nopmtudisc}) the outer header takes an IPv4 passenger's
 * DF bit. With {@code path-mtu-discovery} (IOS {@code tunnel path-mtu-discovery}) it does too, and
 * an ICMP fragmentation-needed about an outer packet (RFC 1191 §4, matched by the quoted outer
 * header: our source, our destination, GRE or ESP) lowers the tunnel MTU to the reported next-hop
 * MTU minus the encapsulation (exact ESP arithmetic under protection), never below
 * {@code min-mtu}; only decreases are taken (RFC 1191 §6.3) and the learned value is forgotten
 * after the age timer (IOS default 10 minutes). An error that gives no next-hop MTU (an
 * RFC 792 router) is read with RFC 1191 §7's plateau table. Passengers then too large meet the
 * node's MTU check at the tunnel: fragmented, or refused with ICMP fragmentation-needed carrying
 * the tunnel MTU to their sender when they have DF set.
 *
 * <p><b>Keepalives under protection</b>: {@code keepalive-protection: supported} (default) accepts
 * the reflected replies, which the peer protects where they leave (Cisco doc 118370: the reply
 * is handled like any GRE data packet); {@code unsupported} drops them as
 * {@code gre-keepalive-under-protection} (Cisco doc 64565), so a protected tunnel with
 * keepalives goes down and stays down.
 *
 * <p>Simplifications: TOS is copied from the passenger; an IPv6 passenger's outer header never
 * sets DF; with sequence numbers, packets not newer than the last accepted
 * one (serial-number comparison) are dropped (RFC 2890 §2.2 without a reordering buffer).
 */
public final class TunnelInterface extends Interface implements NodeService {
    /** Default tunnel bandwidth used by routing metrics, as routers assume (100 kbit/s). */
    public static final long DEFAULT_BANDWIDTH = 100_000L;
    /** Default tunnel delay for metrics, in microseconds (50 ms). */
    public static final long DEFAULT_DELAY_US = 50_000L;
    /**
     * Deepest chain of tunnels one packet may be encapsulated into on one node (GRE in GRE in
     * …): the transmit recursion limit of the Linux kernel (XMIT_RECURSION_LIMIT, 8). A packet
     * that would go deeper is dropped as {@code tunnel-recursion}.
     */
    public static final int MAX_NESTING = 8;

    private final TunnelConfig config;
    /** The interface {@code config.sourceInterface()} names, once found. */
    private Interface namedSource;
    private final GreDemux demux;
    private TunnelProtection protection;
    private final Timer keepaliveTimer;
    private final Timer recursionTimer;
    private final java.util.SplittableRandom keepalivePhase;
    private int unanswered;
    private boolean keepaliveDown;
    private boolean recursionHold;
    private long txSequence;
    private long rxSequence = -1;
    private boolean running;
    private boolean evaluating;
    private boolean reevaluate;
    public long keepalivesSent;
    public long keepalivesReceived;
    /** Path MTU learned from ICMP fragmentation-needed (0: none), forgotten when the age timer fires. */
    private int learnedPathMtu;
    private final Timer pmtuAgeTimer;

    public TunnelInterface(Node node, String name, TunnelConfig config) {
        super(node, name, 1500);
        this.config = config;
        this.keepaliveTimer = node.scheduler().timer(this::keepaliveTick);
        this.recursionTimer = node.scheduler().timer(this::recursionHoldExpired);
        this.pmtuAgeTimer = node.scheduler().timer(this::pathMtuAged);
        this.keepalivePhase = node.network().random().stream("keepalive/" + node.name() + "/" + name);
        setBandwidthBps(DEFAULT_BANDWIDTH);
        setDelayMicros(DEFAULT_DELAY_US);
        this.demux = GreDemux.of(node);
        demux.add(this);
        node.addFibListener((n, prefix, before, after) -> {
            if (running && prefixCoversDestination(prefix)) {
                evaluate();
            }
        });
    }

    /** Creates the tunnel, registers it with the node and returns it. */
    public static TunnelInterface create(Node node, String name, TunnelConfig config) {
        TunnelInterface t = new TunnelInterface(node, name, config);
        node.addInterface(t);
        node.addService(t);
        return t;
    }

    public TunnelConfig config() {
        return config;
    }

    public void setProtection(TunnelProtection p) {
        this.protection = p;
    }

    public TunnelProtection protection() {
        return protection;
    }

    private boolean prefixCoversDestination(io.tunnelsim.addr.Ipv4Prefix prefix) {
        return prefix.contains(config.destination());
    }

    /**
     * The source interface, or null when the source is an address no interface owns. A named
     * source is looked up once it exists and kept (a node never loses an interface): the GRE
     * demultiplexer asks every tunnel of the node for its source on every received packet.
     */
    public Interface sourceInterface() {
        if (config.sourceInterface() != null) {
            Interface s = namedSource;
            if (s == null) {
                s = node.interfaceNamed(config.sourceInterface());
                namedSource = s;
            }
            return s;
        }
        for (Interface i : node.interfaces()) {
            if (i.ipv4Bits() == config.sourceAddress().bits()) {
                return i;
            }
        }
        return null;
    }

    /** Outer source address: the configured address or the source interface's. */
    public int sourceAddressBits() {
        if (config.sourceAddress() != null) {
            return config.sourceAddress().bits();
        }
        Interface s = sourceInterface();
        return s == null ? 0 : s.ipv4Bits();
    }

    public int destinationBits() {
        return config.destination().bits();
    }

    /** Encapsulation overhead: outer IPv4 + GRE (+ protection). */
    public int overhead() {
        return Ipv4Header.MIN_LENGTH + config.greHeaderLength() + (protection == null ? 0 : protection.overhead());
    }

    @Override
    public int mtu() {
        int configured = configuredMtu();
        return learnedPathMtu == 0 ? configured : Math.min(configured, mtuFor(learnedPathMtu));
    }

    /** The age timer ran out: back to the configured MTU until the next ICMP. */
    private void pathMtuAged() {
        learnedPathMtu = 0;
        node.log("TUN-5-PMTU", displayName() + " path MTU aged out, ip mtu " + mtu());
    }

    private int configuredMtu() {
        if (config.mtu() > 0) {
            return config.mtu();
        }
        Interface s = sourceInterface();
        int base = s == null ? 1500 : s.mtu();
        if (protection != null) {
            // exact ESP arithmetic (padding to the cipher block), as the router reports it
            return protection.largestGrePacket(base) - config.greHeaderLength();
        }
        return base - overhead();
    }

    /** The tunnel MTU a path MTU allows, never below the configured minimum. */
    private int mtuFor(int pathMtu) {
        int m = protection != null ? protection.largestGrePacket(pathMtu) - config.greHeaderLength()
                : pathMtu - Ipv4Header.MIN_LENGTH - config.greHeaderLength();
        return Math.max(config.pmtu().minMtu(), m);
    }

    /** The path MTU learned from ICMP, or 0 when none is held. */
    public int learnedPathMtu() {
        return learnedPathMtu;
    }

    /** RFC 1191 §7 plateaus, for a fragmentation-needed message without a next-hop MTU. */
    private static final int[] PLATEAUS = {32000, 17914, 8166, 4352, 2002, 1492, 1006, 508, 296, 68};

    /**
     * An ICMP fragmentation-needed about one of our outer packets ({@code quotedLength} its total
     * length, {@code nextHopMtu} the reported MTU, 0 when the router gave none). Counted and
     * ignored without path-MTU discovery.
     */
    void fragmentationNeeded(int nextHopMtu, int quotedLength, int from) {
        if (!config.pmtu().discover()) {
            node.counters().drop(TunnelDrop.TUNNEL_PMTU_IGNORED);
            return;
        }
        int mtu = nextHopMtu;
        if (mtu == 0) {
            mtu = 68;
            for (int p : PLATEAUS) {
                if (p < quotedLength) {
                    mtu = p;
                    break;
                }
            }
        }
        if (mtu < 68 || (learnedPathMtu != 0 && mtu >= learnedPathMtu) || mtuFor(mtu) >= configuredMtu()) {
            return; // RFC 1191 §6.3: never below 68, only decreases
        }
        learnedPathMtu = mtu;
        if (config.pmtu().ageNs() > 0) {
            pmtuAgeTimer.start(config.pmtu().ageNs());
        }
        node.log("TUN-5-PMTU", displayName() + " path MTU " + mtu + " from " + new Ipv4Address(from) + ", ip mtu "
                + mtu());
    }

    // ------------------------------------------------------------------ NodeService

    @Override
    public void start() {
        running = true;
        unanswered = 0;
        keepaliveDown = false;
        recursionHold = false;
        // a (re)booted router numbers its datagrams from 0, has no receive edge and no path MTU yet
        txSequence = 0;
        rxSequence = -1;
        learnedPathMtu = 0;
        evaluate();
        if (config.keepalivePeriod() > 0) {
            // tunnels configured at different moments keep different phases: the first
            // keepalive goes out at a seeded random point of the first period
            keepaliveTimer.start(1 + keepalivePhase.nextLong(config.keepalivePeriod()));
        }
    }

    @Override
    public void stop() {
        running = false;
        keepaliveTimer.cancel();
        recursionTimer.cancel();
        pmtuAgeTimer.cancel();
        setLineUp(false);
    }

    @Override
    public void interfaceChanged(Interface itf) {
        // only the source interface bears on the line protocol (routes come through the FIB
        // listener); re-evaluating every tunnel on every change is quadratic on a hub
        if (itf != this && running && (config.sourceInterface() == null || itf.name().equals(config.sourceInterface()))) {
            evaluate();
        }
    }

    /** Re-derives the line protocol from the rules in the class comment. */
    void evaluate() {
        if (!running) {
            return;
        }
        if (evaluating) {
            reevaluate = true;
            return;
        }
        evaluating = true;
        try {
            int rounds = 0;
            do {
                reevaluate = false;
                setLineUp(computeUp());
            } while (reevaluate && ++rounds < 4);
        } finally {
            evaluating = false;
        }
    }

    private boolean computeUp() {
        if (recursionHold || keepaliveDown) {
            return false;
        }
        Interface s = sourceInterface();
        if (s == null || !s.isUp() || sourceAddressBits() == 0) {
            return false;
        }
        FibEntry e = node.fib().lookup(destinationBits());
        if (e == null) {
            return false;
        }
        if (routesIntoItself(e)) {
            recursiveRouting();
            return false;
        }
        return true;
    }

    /**
     * Whether the outer packets would come back into this tunnel: directly (the route to the
     * destination points into it) or through a chain of other tunnels (tunnel0's destination
     * routed via tunnel1 whose destination is routed via tunnel0), or whether the chain of
     * tunnels is deeper than {@link #MAX_NESTING}. Control path only (line-protocol evaluation).
     */
    private boolean routesIntoItself(FibEntry first) {
        boolean viaTunnel = false;
        for (int i = 0; i < first.pathCount(); i++) {
            viaTunnel |= first.path(i).egress() instanceof TunnelInterface;
        }
        if (!viaTunnel) {
            return false; // the usual case: the outer packets leave by a physical interface
        }
        java.util.ArrayDeque<FibEntry> work = new java.util.ArrayDeque<>();
        java.util.Set<TunnelInterface> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        work.add(first);
        while (!work.isEmpty()) {
            FibEntry e = work.poll();
            for (int i = 0; i < e.pathCount(); i++) {
                if (!(e.path(i).egress() instanceof TunnelInterface t)) {
                    continue;
                }
                if (t == this || seen.size() >= MAX_NESTING) {
                    return true;
                }
                if (seen.add(t)) {
                    FibEntry next = node.fib().lookup(t.destinationBits());
                    if (next != null) {
                        work.add(next);
                    }
                }
            }
        }
        return false;
    }

    private void recursiveRouting() {
        if (recursionHold) {
            return;
        }
        recursionHold = true;
        node.publish(new TunnelRecursionDown(node.now(), node.name(), displayName()));
        recursionTimer.start(config.recursionHold());
        setLineUp(false);
    }

    private void recursionHoldExpired() {
        recursionHold = false;
        evaluate();
    }

    public boolean isRecursionHeld() {
        return recursionHold;
    }

    // ------------------------------------------------------------------ keepalives

    private void keepaliveTick() {
        if (!running) {
            return;
        }
        if (unanswered >= config.keepaliveRetries() && !keepaliveDown) {
            keepaliveDown = true;
            node.publish(new TunnelKeepaliveExpired(node.now(), node.name(), name(), unanswered, config.keepalivePeriod()));
            evaluate();
        }
        sendKeepalive();
        unanswered++;
        keepaliveTimer.start(config.keepalivePeriod());
    }

    private void sendKeepalive() {
        int src = sourceAddressBits();
        if (src == 0 || !isAdminUp()) {
            return;
        }
        // The reply, built here: IPv4 from the peer to us carrying GRE with protocol type 0.
        PacketBuffer p = PacketBuffer.allocate(64);
        GreCodec.push(p, keepaliveReplyHeader());
        Ipv4Codec.push(p, 0, node.ipv4().nextIpId(), 0, 255, Ipv4Header.PROTO_GRE, destinationBits(), src);
        keepalivesSent++;
        node.counters().originated++;
        encapsulateAndSend(p, GreHeader.IPV4);
    }

    private void keepaliveReply() {
        keepalivesReceived++;
        unanswered = 0;
        if (keepaliveDown) {
            keepaliveDown = false;
            evaluate();
        }
    }

    public int unansweredKeepalives() {
        return unanswered;
    }

    // ------------------------------------------------------------------ send path

    @Override
    public void outputIpv4(PacketBuffer p, int nextHop) {
        if (!isUp()) {
            node.counters().drop(TunnelDrop.TUNNEL_DOWN, p, this);
            return;
        }
        outPackets++;
        outBytes += p.length();
        encapsulateAndSend(p, GreHeader.IPV4);
    }

    @Override
    public void outputIpv6(PacketBuffer p, Ipv6Address nextHop) {
        if (!isUp()) {
            node.counters().drop(TunnelDrop.TUNNEL_DOWN, p, this);
            return;
        }
        outPackets++;
        outBytes += p.length();
        encapsulateAndSend(p, GreHeader.IPV6);
    }

    private GreHeader greHeader(int protocolType) {
        return new GreHeader(config.checksum(), config.hasKey(), config.sequence(), protocolType,
                config.hasKey() ? config.key() : 0, config.sequence() ? (txSequence++ & 0xffff_ffffL) : 0);
    }

    /**
     * The inner GRE header of a keepalive, the one the reply arrives with: protocol type 0, the
     * key (so the reply passes our receive check) and no sequence number. The reply is built by
     * us and only forwarded by the peer, so numbering it from our counter would put our own
     * numbers into the peer's sequence space on the way back.
     */
    private GreHeader keepaliveReplyHeader() {
        return new GreHeader(config.checksum(), config.hasKey(), false, 0, config.hasKey() ? config.key() : 0, 0);
    }

    private void encapsulateAndSend(PacketBuffer p, int protocolType) {
        // the passenger leaves the node's accounting wrapped in a GRE packet that the node originates
        node.counters().encapsulated++;
        node.counters().originated++;
        boolean ipv4 = protocolType == GreHeader.IPV4 && p.length() >= Ipv4Header.MIN_LENGTH;
        int tos = ipv4 ? p.getU8(1) : 0;
        // IOS: DF clear; df: inherit and path-mtu-discovery copy the passenger's DF
        int flags = ipv4 && config.pmtu().copyDf() && Ipv4Codec.dontFragment(p.array(), p.offset()) ? Ipv4Codec.FLAG_DF : 0;
        GreCodec.push(p, greHeader(protocolType));
        int src = sourceAddressBits();
        int dst = destinationBits();
        Ipv4Codec.push(p, tos, node.ipv4().nextIpId(), flags, 255, Ipv4Header.PROTO_GRE, src, dst);
        FibEntry e = node.fib().lookup(dst);
        if (e == null) {
            node.counters().drop(TunnelDrop.TUNNEL_NO_ROUTE, p, this);
            return;
        }
        Route r = e.select(src, dst);
        if (r.egress() == this || (r.egress() instanceof TunnelInterface && demux.nesting >= MAX_NESTING)) {
            node.counters().drop(TunnelDrop.TUNNEL_RECURSION, p, this);
            recursiveRouting();
            return;
        }
        int nextHop = r.hasNextHop() ? r.nextHop() : dst;
        if (protection != null) {
            int pieces = protection.fragmentBefore(p, r.egress().mtu());
            if (pieces > 0) {
                // fragmentation before encryption: each fragment travels in its own ESP packet
                java.util.List<PacketBuffer> fragments = io.tunnelsim.node.Fragmenter.fragment(p, pieces);
                node.ipv4().countFragmentation(fragments.size());
                for (PacketBuffer f : fragments) {
                    if (protection.protect(f)) {
                        send(r.egress(), f, nextHop);
                    }
                }
                return;
            }
            if (!protection.protect(p)) {
                return;
            }
        }
        send(r.egress(), p, nextHop);
    }

    private void send(Interface egress, PacketBuffer p, int nextHop) {
        demux.nesting++;
        try {
            node.ipv4().transmit(egress, p, nextHop, null);
        } finally {
            demux.nesting--;
        }
    }

    // ------------------------------------------------------------------ receive path

    /**
     * A GRE packet that passed this tunnel's receive check. {@code p.offset()} is the outer
     * IPv4 header of length {@code hl}; {@code protectedPacket} tells whether it arrived inside
     * ESP.
     */
    void receiveGre(PacketBuffer p, int hl, boolean protectedPacket) {
        if (protection != null && !protectedPacket) {
            node.counters().drop(TunnelDrop.TUNNEL_UNPROTECTED, p, this);
            return;
        }
        byte[] b = p.array();
        int greOff = p.offset() + hl;
        int greLen = p.length() - hl;
        GreHeader h;
        try {
            h = GreCodec.decode(b, greOff, greLen);
        } catch (io.tunnelsim.wire.MalformedPacketException ex) {
            node.counters().drop(ex.dropReason());
            return;
        }
        int type = h.protocolType();
        if (type == 0) {
            if (protection != null && !config.keepaliveUnderProtection()) {
                // keepalive-protection: unsupported (Cisco doc 64565): the reply is not accepted
                node.counters().drop(TunnelDrop.GRE_KEEPALIVE_UNDER_PROTECTION);
                return;
            }
            // our own keepalive coming back: never judged against, nor moving, the peer's sequence space
            keepaliveReply();
            return;
        }
        if (h.sequencePresent()) {
            // RFC 2890 §2.2 with serial-number comparison (RFC 1982): not newer than the last accepted ⇒ drop
            if (rxSequence >= 0 && (int) (h.sequence() - rxSequence) <= 0) {
                node.counters().drop(TunnelDrop.GRE_OUT_OF_ORDER);
                return;
            }
            rxSequence = h.sequence();
        }
        p.pull(hl + h.length());
        if (type == GreHeader.IPV4) {
            // an administratively shut tunnel decapsulates nothing, not even the peer's keepalive (IOS)
            if (!isUp() && !(isAdminUp() && isKeepaliveToReflect(p))) {
                node.counters().drop(TunnelDrop.TUNNEL_DOWN, p, this);
                return;
            }
            inPackets++;
            inBytes += p.length();
            node.ipv4().receive(p, this);
        } else if (type == GreHeader.IPV6) {
            if (!isUp()) {
                node.counters().drop(TunnelDrop.TUNNEL_DOWN);
                return;
            }
            inPackets++;
            inBytes += p.length();
            node.receiveIpv6(p, this);
        } else {
            node.counters().drop(TunnelDrop.GRE_UNSUPPORTED_PROTOCOL);
        }
    }

    /**
     * A peer's keepalive (an IPv4 GRE packet addressed back to the peer) is reflected while the
     * line protocol is down, but not when the tunnel is shut down.
     */
    private static boolean isKeepaliveToReflect(PacketBuffer p) {
        return p.length() >= Ipv4Header.MIN_LENGTH && (p.getU8(0) >>> 4) == 4
                && Ipv4Codec.protocol(p.array(), p.offset()) == Ipv4Header.PROTO_GRE;
    }

    /** Lines of {@code show interfaces TunnelN} beyond the status line. */
    public String details() {
        StringBuilder sb = new StringBuilder();
        sb.append("  Tunnel source ").append(new Ipv4Address(sourceAddressBits()));
        Interface s = sourceInterface();
        if (s != null) {
            sb.append(" (").append(s.displayName()).append(')');
        }
        sb.append(", destination ").append(config.destination()).append('\n');
        sb.append("  Tunnel protocol/transport GRE/IP");
        if (config.hasKey()) {
            sb.append(", key 0x").append(Long.toHexString(config.key()));
        }
        sb.append('\n');
        sb.append("  Tunnel TTL 255, ip mtu ").append(mtu());
        if (config.sequence()) {
            sb.append(", sequencing");
        }
        if (config.checksum()) {
            sb.append(", checksumming");
        }
        sb.append('\n');
        if (config.pmtu().discover()) {
            long age = config.pmtu().ageNs();
            sb.append("  Path MTU Discovery, ager ").append(age == 0 ? "infinite"
                    : age % SimTime.MINUTE == 0 ? (age / SimTime.MINUTE) + " mins" : SimTime.formatShort(age))
                    .append(", min MTU ").append(config.pmtu().minMtu()).append('\n');
            if (learnedPathMtu > 0) {
                sb.append("  Path destination ").append(config.destination()).append(": MTU ").append(learnedPathMtu)
                        .append('\n');
            }
        }
        if (config.pmtu().copyDf()) {
            sb.append("  Tunnel outer DF copied from the passenger\n");
        }
        if (config.keepalivePeriod() > 0) {
            sb.append("  Keepalive set (").append(SimTime.formatShort(config.keepalivePeriod())).append("), retries ")
                    .append(config.keepaliveRetries()).append(", unanswered ").append(unanswered).append('\n');
        } else {
            sb.append("  Keepalive not set\n");
        }
        if (protection != null) {
            sb.append("  Tunnel protection via IPsec\n");
        }
        return sb.toString();
    }
}
