package io.tunnelsim.ipsec;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.wire.DropReason;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node's end of an {@link IpsecSession}: the interface the protection is attached to, the
 * local and remote crypto endpoints, the SPD entries naming the protected traffic (outbound
 * local → remote, inbound remote → local), the SAs currently installed and the counters that
 * {@code show crypto ipsec sa} prints.
 *
 * <p>At most one outbound SA is in use at a time; there may be several inbound SAs, the newest
 * last: after a rekey the replaced ones keep accepting packets for the profile's overlap.
 */
public final class IpsecPeer {
    /** How the protection is attached, as routers offer it. */
    public enum Attachment { TUNNEL_PROTECTION, CRYPTO_MAP }

    /** DF bit of the header outside ESP (IOS {@code crypto ipsec df-bit}; default copy). */
    public enum DfBit { COPY, CLEAR, SET }

    /**
     * Where a packet too large once encrypted is fragmented (IOS {@code crypto ipsec
     * fragmentation}; default before encryption, RFC 4301 §8.1's "fragment before").
     */
    public enum Fragmentation { BEFORE_ENCRYPTION, AFTER_ENCRYPTION }

    /** How long a path MTU learned from ICMP is kept (RFC 1191 §6.3: 10 minutes). */
    public static final long PATH_MTU_AGE = 600_000_000_000L;

    private final IpsecEngine engine;
    private final Interface itf;
    private final Attachment attachment;
    private final String keyName;
    private final String mapTag;
    private final Ipv4Address local;
    private final Ipv4Address remote;
    private final SpdEntry outboundPolicy;
    private final SpdEntry inboundPolicy;
    private final IpsecProfile profile;
    private final List<SecurityAssociation> inbound = new ArrayList<>(2);
    private SecurityAssociation outbound;
    IpsecSession session;

    private long encaps;
    private long decaps;
    private long encapBytes;
    private long decapBytes;
    private long selectorMismatches;
    private long cleartextViolations;
    private final long[] drops = new long[EspDropReason.values().length];
    private final byte[] headerScratch = new byte[60];
    private DfBit dfBit = DfBit.COPY;
    private Fragmentation fragmentation = Fragmentation.BEFORE_ENCRYPTION;
    private int pathMtu;
    private long pathMtuAt;

    IpsecPeer(IpsecEngine engine, Interface itf, Attachment attachment, String keyName, String mapTag,
              Ipv4Address local, Ipv4Address remote, SpdEntry outboundPolicy, SpdEntry inboundPolicy,
              IpsecProfile profile) {
        this.engine = engine;
        this.itf = itf;
        this.attachment = attachment;
        this.keyName = keyName;
        this.mapTag = mapTag;
        this.local = local;
        this.remote = remote;
        this.outboundPolicy = outboundPolicy;
        this.inboundPolicy = inboundPolicy;
        this.profile = profile;
    }

    public Node node() {
        return engine.node();
    }

    public IpsecEngine engine() {
        return engine;
    }

    public Interface attachedTo() {
        return itf;
    }

    public Attachment attachment() {
        return attachment;
    }

    /** The name this end contributes to key derivation, e.g. {@code hq:tunnel0}. */
    public String keyName() {
        return keyName;
    }

    /** Crypto map tag and sequence (e.g. {@code VPN 10}), or null for tunnel protection. */
    public String mapTag() {
        return mapTag;
    }

    /** Local crypto endpoint: the outer source address of this end's ESP packets. */
    public Ipv4Address local() {
        return local;
    }

    public Ipv4Address remote() {
        return remote;
    }

    /** PROTECT entry for traffic leaving this end (local ident → remote ident). */
    public SpdEntry outboundPolicy() {
        return outboundPolicy;
    }

    /** The selector decrypted traffic must match (remote ident → local ident), RFC 4301 §5.2. */
    public SpdEntry inboundPolicy() {
        return inboundPolicy;
    }

    public Ipv4Prefix localIdent() {
        return outboundPolicy.source();
    }

    public Ipv4Prefix remoteIdent() {
        return outboundPolicy.destination();
    }

    public IpsecProfile profile() {
        return profile;
    }

    public DfBit dfBit() {
        return dfBit;
    }

    public Fragmentation fragmentation() {
        return fragmentation;
    }

    /** This end's {@code df-bit} and {@code fragmentation} settings. */
    public void setDfPolicy(DfBit df, Fragmentation f) {
        this.dfBit = df;
        this.fragmentation = f;
    }

    /** DF of the outside header for an inner packet with DF {@code innerDf}. */
    boolean outerDf(boolean innerDf) {
        return switch (dfBit) {
            case COPY -> innerDf;
            case CLEAR -> false;
            case SET -> true;
        };
    }

    /** The path MTU towards the peer learned from ICMP (RFC 1191), or 0 when none (or aged out). */
    public int pathMtu() {
        if (pathMtu != 0 && node().scheduler().now() - pathMtuAt >= PATH_MTU_AGE) {
            pathMtu = 0;
        }
        return pathMtu;
    }

    /** ICMP fragmentation-needed about one of our ESP packets: keep the smaller path MTU. */
    void learnPathMtu(int mtu) {
        if (mtu >= 68 && (pathMtu() == 0 || mtu < pathMtu)) {
            pathMtu = mtu;
            pathMtuAt = node().scheduler().now();
            node().log("CRYPTO-6-PMTU", "Peer " + remote + " on " + itf.displayName() + ": path MTU " + mtu);
        }
    }

    /** The largest cleartext IPv4 packet whose ESP form fits in {@code mtu}. */
    public int largestInnerPacket(int mtu) {
        return profile.largestGrePacket(mtu) + 20;
    }

    public IpsecSession session() {
        return session;
    }

    /** The SA used for sending, or null before the session is established. */
    public SecurityAssociation outboundSa() {
        return outbound;
    }

    /** Installed inbound SAs, oldest first; the last is the current one. */
    public List<SecurityAssociation> inboundSas() {
        return Collections.unmodifiableList(inbound);
    }

    /** The newest inbound SA, or null. */
    public SecurityAssociation currentInboundSa() {
        return inbound.isEmpty() ? null : inbound.get(inbound.size() - 1);
    }

    public long encaps() {
        return encaps;
    }

    public long decaps() {
        return decaps;
    }

    public long encapBytes() {
        return encapBytes;
    }

    public long decapBytes() {
        return decapBytes;
    }

    /** ESP drops of this end's SAs under {@code reason}. */
    public long drops(EspDropReason reason) {
        return drops[reason.ordinal()];
    }

    /** Decrypted packets whose addresses did not match the inbound selector. */
    public long selectorMismatches() {
        return selectorMismatches;
    }

    /** Cleartext packets that matched the inbound PROTECT selector and were dropped. */
    public long cleartextViolations() {
        return cleartextViolations;
    }

    // ------------------------------------------------------------------ SA installation

    void installInbound(SecurityAssociation sa) {
        engine.bindInbound(sa, this);
        inbound.add(sa);
        published(sa, true);
    }

    void installOutbound(SecurityAssociation sa) {
        outbound = sa;
        engine.sad().bindOutbound(outboundPolicy, sa);
        published(sa, false);
    }

    private void published(SecurityAssociation sa, boolean in) {
        Node n = node();
        if (n.network().events().wants(SaInstalled.class)) {
            n.publish(new SaInstalled(n.now(), n.name(), attachedTo().displayName(), remote, sa.spi(), in));
        }
    }

    /** Removes a replaced inbound SA (end of the overlap); a no-op when it is already gone. */
    void retireInbound(SecurityAssociation sa) {
        if (inbound.remove(sa)) {
            engine.unbindInbound(sa);
        }
    }

    /** Forgets every SA (node crash). */
    void clear() {
        for (SecurityAssociation sa : inbound) {
            engine.unbindInbound(sa);
        }
        inbound.clear();
        outbound = null;
        engine.sad().unbindOutbound(outboundPolicy);
    }

    // ------------------------------------------------------------------ per packet

    /**
     * Seals the bytes of {@code p} with the current outbound SA. Returns false when the packet was
     * dropped (no SA yet, counter exhausted, hard lifetime), after counting it on the node.
     */
    boolean seal(PacketBuffer p, int nextHeader) {
        SecurityAssociation sa = outbound;
        if (sa == null) {
            node().counters().drop(IpsecDrop.NO_SA, p, null);
            return false;
        }
        sa.checkLifetime(node().scheduler().now());
        int payload = p.length();
        try {
            EspProcessor.seal(sa, p, nextHeader);
        } catch (MalformedPacketException e) {
            countDrop(e.dropReason(), p);
            return false;
        }
        encaps++;
        encapBytes += payload;
        // the cleartext leaves the node's accounting inside the ESP packet the node originates
        node().counters().encapsulated++;
        node().counters().originated++;
        if (sa.lifetimeState() != SecurityAssociation.LifetimeState.ALIVE) {
            session.lifetimeReached(sa, "volume");
        }
        return true;
    }

    /**
     * Transport mode in place on the IPv4 packet at {@code p.offset()} (RFC 4303 §3.1.1): the
     * header stays in front with protocol 50, new total length and checksum; its former payload
     * is sealed with the original protocol as next header. Returns false when dropped.
     */
    boolean sealTransport(PacketBuffer p) {
        byte[] b = p.array();
        int off = p.offset();
        int hl = Ipv4Codec.headerLength(b, off);
        boolean df = outerDf(Ipv4Codec.dontFragment(b, off));
        System.arraycopy(b, off, headerScratch, 0, hl);
        p.pull(hl);
        if (!seal(p, Ipv4Codec.protocol(headerScratch, 0))) {
            return false;
        }
        int at = p.push(hl);
        b = p.array();
        System.arraycopy(headerScratch, 0, b, at, hl);
        b[at + Ipv4Codec.OFF_PROTOCOL] = (byte) Esp.IP_PROTOCOL;
        b[at + Ipv4Codec.OFF_TOTAL_LENGTH] = (byte) (p.length() >>> 8);
        b[at + Ipv4Codec.OFF_TOTAL_LENGTH + 1] = (byte) p.length();
        int ff = io.tunnelsim.wire.Bytes.u16(b, at + Ipv4Codec.OFF_FLAGS_FRAG);
        io.tunnelsim.wire.Bytes.put16(b, at + Ipv4Codec.OFF_FLAGS_FRAG, df ? ff | Ipv4Codec.FLAG_DF : ff & ~Ipv4Codec.FLAG_DF);
        Ipv4Codec.updateChecksum(b, at);
        return true;
    }

    /**
     * Tunnel mode on the IPv4 packet at {@code p.offset()}: the whole packet is sealed (next
     * header 4) and a new header from {@code outerSource} to the peer is pushed (TOS copied, DF
     * as {@link #dfBit()} says). Returns false when dropped.
     */
    boolean sealTunnel(PacketBuffer p, int outerSource, int ttl) {
        int tos = p.array()[p.offset() + 1] & 0xff;
        boolean df = outerDf(Ipv4Codec.dontFragment(p.array(), p.offset()));
        if (!seal(p, Esp.NEXT_HEADER_IPV4)) {
            return false;
        }
        Ipv4Codec.push(p, tos, node().ipv4().nextIpId(), df ? Ipv4Codec.FLAG_DF : 0, ttl, Esp.IP_PROTOCOL, outerSource,
                remote.bits());
        return true;
    }

    /**
     * Opens the ESP packet at {@code p.offset()} with {@code sa} (one of this end's inbound SAs).
     * Returns the next header, or -1 when the packet was dropped and counted.
     */
    int open(SecurityAssociation sa, PacketBuffer p) {
        sa.checkLifetime(node().scheduler().now());
        int nextHeader;
        try {
            nextHeader = EspProcessor.open(sa, p);
        } catch (MalformedPacketException e) {
            countDrop(e.dropReason(), p);
            return -1;
        }
        decaps++;
        decapBytes += p.length();
        if (sa.lifetimeState() != SecurityAssociation.LifetimeState.ALIVE) {
            session.lifetimeReached(sa, "volume");
        }
        return nextHeader;
    }

    /**
     * Counts a drop of ESP processing on the node; an {@link EspDropReason} also on this end, and
     * a probe packet {@code p} (null: unknown) is then reported lost here.
     */
    void countDrop(DropReason reason, PacketBuffer p) {
        node().counters().drop(reason);
        if (reason instanceof EspDropReason r) {
            drops[r.ordinal()]++;
            if (p != null) {
                node().traceLoss(r, p, attachedTo());
            }
        }
    }

    void countSelectorMismatch(PacketBuffer p) {
        selectorMismatches++;
        node().counters().drop(IpsecDrop.INBOUND_SELECTOR_MISMATCH, p, attachedTo());
    }

    void countCleartextViolation(PacketBuffer p) {
        cleartextViolations++;
        node().counters().drop(IpsecDrop.CLEARTEXT_POLICY_VIOLATION, p, attachedTo());
    }

    @Override
    public String toString() {
        return "IpsecPeer[" + node().name() + " " + itf.displayName() + " " + local + "->" + remote + "]";
    }
}
