package io.tunnelsim.ipsec;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.tunnel.GreDemux;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A node's IPsec: its {@link Sad}, the {@link IpsecPeer}s attached to its interfaces, and the
 * receiver of IP protocol 50 (RFC 4303 §3.4). One per node, created on first use by {@link #of}.
 *
 * <p>Inbound processing of an ESP packet addressed to the node:
 * <ol>
 *   <li>SAD lookup by SPI (§4.1 of RFC 4301, unicast: the SPI alone); none ⇒ drop
 *       {@code esp-unknown-spi}.</li>
 *   <li>Replay check, ICV, decryption, padding ({@link EspProcessor}); failures are dropped under
 *       their {@link EspDropReason} names, counted on the node and on the peer.</li>
 *   <li>Transport mode: the outer IPv4 header is moved up to the payload and gets the next header
 *       as protocol, a new total length and checksum. Tunnel mode (next header 4): the inner IPv4
 *       packet is validated. Next header 59 (dummy packet) is discarded as {@code esp-dummy}.</li>
 *   <li>The resulting packet must match the peer's inbound selector (RFC 4301 §5.2 step 4), else
 *       {@code ipsec-inbound-selector-mismatch}.</li>
 *   <li>GRE addressed to this node goes to {@link GreDemux#receive} marked as protected; any other
 *       packet re-enters the receive path with {@code Node.receiveIpv4(p, in, false)} (no second
 *       pass through the interface's crypto map).</li>
 * </ol>
 *
 * <p>As a {@link NodeService}, a crash makes the node forget its SAs and a restart re-establishes
 * its sessions ({@link IpsecSession}).
 */
public final class IpsecEngine implements NodeService {
    /** Drop reason: decrypted packet outside the SA's selectors. */
    public static final String DROP_SELECTOR_MISMATCH = IpsecDrop.INBOUND_SELECTOR_MISMATCH.label();
    /** Drop reason: cleartext packet that policy says must arrive protected (RFC 4301 §5.2). */
    public static final String DROP_CLEARTEXT = IpsecDrop.CLEARTEXT_POLICY_VIOLATION.label();
    /** Drop reason: ESP dummy packet (next header 59), discarded as RFC 4303 §2.6 asks. */
    public static final String DROP_DUMMY = IpsecDrop.ESP_DUMMY.label();
    /** Drop reason: decrypted payload of a protocol the mode cannot carry. */
    public static final String DROP_NEXT_HEADER = IpsecDrop.ESP_UNSUPPORTED_NEXT_HEADER.label();

    private final Node node;
    private final Sad sad = new Sad();
    private final List<IpsecPeer> peers = new ArrayList<>(2);
    // Per-packet SPI index beside the SAD: sorted SPIs, binary search, no boxing.
    private long[] spis = new long[4];
    private SecurityAssociation[] inboundBySpi = new SecurityAssociation[4];
    private IpsecPeer[] ownerBySpi = new IpsecPeer[4];
    private int inboundCount;
    private boolean started;
    private long unknownSpi;
    /** Reassembly of decrypted GRE fragments, apart from the node's cleartext one. */
    private final io.tunnelsim.node.Reassembly protectedFragments;

    private IpsecEngine(Node node) {
        this.node = node;
        this.protectedFragments = new io.tunnelsim.node.Reassembly(node);
        node.registerIpHandler(Esp.IP_PROTOCOL, this::receive);
        node.addIcmpListener(this::icmp);
    }

    /**
     * ICMP fragmentation-needed (RFC 1191 §4) quoting one of our ESP packets to a crypto-map
     * peer: that peer's path MTU (tunnel protection learns through its tunnel instead).
     */
    private void icmp(Interface in, int from, io.tunnelsim.wire.IcmpMessage m) {
        if (m.type() != io.tunnelsim.wire.IcmpMessage.DEST_UNREACHABLE
                || m.code() != io.tunnelsim.wire.IcmpMessage.CODE_FRAGMENTATION_NEEDED) {
            return;
        }
        byte[] q = m.data();
        if (q.length < Ipv4Header.MIN_LENGTH || Ipv4Codec.protocol(q, 0) != Esp.IP_PROTOCOL) {
            return;
        }
        int src = Ipv4Codec.source(q, 0);
        int dst = Ipv4Codec.destination(q, 0);
        for (IpsecPeer p : peers) {
            if (p.attachment() == IpsecPeer.Attachment.CRYPTO_MAP && p.remote().bits() == dst && p.local().bits() == src) {
                p.learnPathMtu(m.nextHopMtu());
                return;
            }
        }
    }

    /** The node's engine, created (and its protocol 50 handler registered) on first use. */
    public static IpsecEngine of(Node node) {
        IpsecEngine e = node.service(IpsecEngine.class);
        if (e == null) {
            e = new IpsecEngine(node);
            node.addService(e);
        }
        return e;
    }

    public Node node() {
        return node;
    }

    public Sad sad() {
        return sad;
    }

    /** Peers in the order they were attached. */
    public List<IpsecPeer> peers() {
        return Collections.unmodifiableList(peers);
    }

    /** ESP packets whose SPI matched no inbound SA. */
    public long unknownSpiDrops() {
        return unknownSpi;
    }

    IpsecPeer addPeer(Interface itf, IpsecPeer.Attachment attachment, String keyName, String mapTag,
                      io.tunnelsim.addr.Ipv4Address local, io.tunnelsim.addr.Ipv4Address remote,
                      SpdEntry outboundPolicy, SpdEntry inboundPolicy, IpsecProfile profile) {
        IpsecPeer p = new IpsecPeer(this, itf, attachment, keyName, mapTag, local, remote, outboundPolicy,
                inboundPolicy, profile);
        peers.add(p);
        return p;
    }

    void bindInbound(SecurityAssociation sa, IpsecPeer peer) {
        sad.addInbound(sa);
        int i = -(Arrays.binarySearch(spis, 0, inboundCount, sa.spi()) + 1);
        if (inboundCount == spis.length) {
            spis = Arrays.copyOf(spis, inboundCount * 2);
            inboundBySpi = Arrays.copyOf(inboundBySpi, inboundCount * 2);
            ownerBySpi = Arrays.copyOf(ownerBySpi, inboundCount * 2);
        }
        int tail = inboundCount - i;
        System.arraycopy(spis, i, spis, i + 1, tail);
        System.arraycopy(inboundBySpi, i, inboundBySpi, i + 1, tail);
        System.arraycopy(ownerBySpi, i, ownerBySpi, i + 1, tail);
        spis[i] = sa.spi();
        inboundBySpi[i] = sa;
        ownerBySpi[i] = peer;
        inboundCount++;
    }

    void unbindInbound(SecurityAssociation sa) {
        int i = Arrays.binarySearch(spis, 0, inboundCount, sa.spi());
        if (i < 0 || inboundBySpi[i] != sa) {
            return;
        }
        sad.removeInbound(sa.spi());
        int tail = inboundCount - i - 1;
        System.arraycopy(spis, i + 1, spis, i, tail);
        System.arraycopy(inboundBySpi, i + 1, inboundBySpi, i, tail);
        System.arraycopy(ownerBySpi, i + 1, ownerBySpi, i, tail);
        inboundCount--;
        inboundBySpi[inboundCount] = null;
        ownerBySpi[inboundCount] = null;
    }

    // ------------------------------------------------------------------ NodeService

    @Override
    public void start() {
        started = true;
        for (IpsecPeer p : peers) {
            p.session().start(p);
        }
    }

    @Override
    public void stop() {
        started = false;
        protectedFragments.clear();
        for (IpsecPeer p : peers) {
            p.session().stop(p);
        }
    }

    boolean isStarted() {
        return started;
    }

    @Override
    public void interfaceChanged(Interface itf) {
    }

    // ------------------------------------------------------------------ receive path

    /** The IP protocol 50 handler; {@code p.offset()} is the outer IPv4 header of length {@code hl}. */
    void receive(Interface in, PacketBuffer p, int hl) {
        byte[] b = p.array();
        int ipOff = p.offset();
        if (p.length() - hl < Esp.HEADER_LENGTH) {
            node.counters().drop(EspDropReason.TRUNCATED);
            return;
        }
        int i = Arrays.binarySearch(spis, 0, inboundCount, Esp.readSpi(b, ipOff + hl));
        if (i < 0) {
            unknownSpi++;
            node.counters().drop(EspDropReason.UNKNOWN_SPI, p, in);
            return;
        }
        SecurityAssociation sa = inboundBySpi[i];
        IpsecPeer peer = ownerBySpi[i];
        p.pull(hl);
        int nextHeader = peer.open(sa, p);
        if (nextHeader < 0) {
            return;
        }
        if (nextHeader == Esp.NEXT_HEADER_NONE) {
            node.counters().drop(IpsecDrop.ESP_DUMMY);
            return;
        }
        int innerHl;
        if (sa.mode() == SecurityAssociation.Mode.TRANSPORT) {
            if (nextHeader == Esp.NEXT_HEADER_IPV4) {
                node.counters().drop(IpsecDrop.ESP_UNSUPPORTED_NEXT_HEADER);
                return;
            }
            // put the original IPv4 header back in front of the payload (overlapping copy is safe)
            int payloadOff = p.offset();
            System.arraycopy(b, ipOff, b, payloadOff - hl, hl);
            int at = p.push(hl);
            b = p.array();
            b[at + Ipv4Codec.OFF_PROTOCOL] = (byte) nextHeader;
            b[at + Ipv4Codec.OFF_TOTAL_LENGTH] = (byte) (p.length() >>> 8);
            b[at + Ipv4Codec.OFF_TOTAL_LENGTH + 1] = (byte) p.length();
            Ipv4Codec.updateChecksum(b, at);
            innerHl = hl;
        } else {
            if (nextHeader != Esp.NEXT_HEADER_IPV4) {
                node.counters().drop(IpsecDrop.ESP_UNSUPPORTED_NEXT_HEADER);
                return;
            }
            int total;
            try {
                total = Ipv4Codec.validate(b, p.offset(), p.length());
            } catch (MalformedPacketException e) {
                node.counters().drop(e.reason());
                return;
            }
            if (total < p.length()) {
                p.truncate(total);
            }
            innerHl = Ipv4Codec.headerLength(b, p.offset());
        }
        int off = p.offset();
        int src = Ipv4Codec.source(b, off);
        int dst = Ipv4Codec.destination(b, off);
        int proto = Ipv4Codec.protocol(b, off);
        if (!peer.inboundPolicy().matches(src, dst, proto, PortRange.NO_PORT, PortRange.NO_PORT)) {
            peer.countSelectorMismatch(p);
            return;
        }
        if (proto == Ipv4Header.PROTO_GRE && node.isLocalAddress(dst)) {
            if (Ipv4Codec.isFragment(b, off)) {
                // fragmented before encryption: reassembled here, so the GRE packet stays protected
                p = protectedFragments.add(p);
                if (p == null) {
                    return;
                }
            }
            GreDemux.of(node).receive(p, innerHl, true);
            return;
        }
        node.receiveIpv4(p, in, false);
    }

    // ------------------------------------------------------------------ show

    /**
     * The node's {@code show crypto ipsec sa}: per interface and peer the protected idents, the
     * crypto endpoints, packet and drop counters, and the inbound and outbound SAs with their
     * transforms and remaining lifetimes.
     */
    public String showCryptoIpsecSa() {
        StringBuilder sb = new StringBuilder();
        long now = node.scheduler().now();
        for (IpsecPeer p : peers) {
            sb.append('\n').append("interface: ").append(p.attachedTo().displayName()).append('\n');
            if (p.mapTag() != null) {
                sb.append("    Crypto map tag: ").append(p.mapTag()).append(", local addr ").append(p.local()).append('\n');
            } else {
                sb.append("    Crypto map tag: ").append(p.attachedTo().displayName()).append("-head-0, local addr ")
                        .append(p.local()).append('\n');
            }
            sb.append('\n');
            sb.append("   local  ident (addr/mask/prot/port): ").append(ident(p.localIdent(), p.outboundPolicy())).append('\n');
            sb.append("   remote ident (addr/mask/prot/port): ").append(ident(p.remoteIdent(), p.outboundPolicy())).append('\n');
            sb.append("   current_peer ").append(p.remote()).append(" port 500\n");
            sb.append("    #pkts encaps: ").append(p.encaps()).append(", #pkts encrypt: ").append(p.encaps())
                    .append(", #pkts digest: ").append(p.encaps()).append('\n');
            sb.append("    #pkts decaps: ").append(p.decaps()).append(", #pkts decrypt: ").append(p.decaps())
                    .append(", #pkts verify: ").append(p.decaps()).append('\n');
            sb.append("    #pkts drops:");
            String sep = " ";
            for (EspDropReason r : EspDropReason.values()) {
                sb.append(sep).append(r.reason()).append(' ').append(p.drops(r));
                sep = ", ";
            }
            sb.append('\n');
            sb.append("    #pkts policy drops: ").append(DROP_CLEARTEXT).append(' ').append(p.cleartextViolations())
                    .append(", ").append(DROP_SELECTOR_MISMATCH).append(' ').append(p.selectorMismatches()).append('\n');
            sb.append('\n');
            sb.append("     local crypto endpt.: ").append(p.local()).append(", remote crypto endpt.: ")
                    .append(p.remote()).append('\n');
            sb.append("     current outbound spi: ").append(spiText(p.outboundSa())).append('\n');
            sb.append("     rekeys: ").append(p.session().rekeys()).append(", generation ")
                    .append(p.session().generation()).append('\n');
            sb.append('\n').append("     inbound esp sas:\n");
            List<SecurityAssociation> in = p.inboundSas();
            for (int i = in.size() - 1; i >= 0; i--) {
                appendSa(sb, in.get(i), now, i == in.size() - 1 ? "ACTIVE" : "STANDBY (overlap)");
            }
            sb.append('\n').append("     outbound esp sas:\n");
            if (p.outboundSa() != null) {
                appendSa(sb, p.outboundSa(), now, "ACTIVE");
            }
        }
        if (unknownSpi > 0) {
            sb.append('\n').append("ESP packets with unknown SPI: ").append(unknownSpi).append('\n');
        }
        return sb.toString();
    }

    private static String ident(Ipv4Prefix prefix, SpdEntry e) {
        int proto = e.protocol() == SpdEntry.ANY_PROTOCOL ? 0 : e.protocol();
        return "(" + prefix.network().address() + "/" + prefix.mask() + "/" + proto + "/0)";
    }

    private static String spiText(SecurityAssociation sa) {
        return sa == null ? "0x0(0)" : String.format(Locale.ROOT, "0x%X(%d)", sa.spi(), sa.spi());
    }

    private static void appendSa(StringBuilder sb, SecurityAssociation sa, long now, String status) {
        sb.append("      spi: ").append(spiText(sa)).append('\n');
        sb.append("        transform: ").append(transformName(sa)).append(" ,\n");
        sb.append("        in use settings ={").append(sa.mode() == SecurityAssociation.Mode.TUNNEL ? "Tunnel" : "Transport")
                .append(", }\n");
        SaLifetime l = sa.lifetime();
        String kb = l.hardBytes() == 0 ? "unlimited" : Long.toString(Math.max(0, l.hardBytes() - sa.bytes()) / 1000);
        String sec = sa.hardExpiryTime() == Long.MAX_VALUE ? "unlimited"
                : Long.toString(Math.max(0, sa.hardExpiryTime() - now) / 1_000_000_000L);
        sb.append("        sa timing: remaining key lifetime (k/sec): (").append(kb).append('/').append(sec).append(")\n");
        sb.append("        packets ").append(sa.packets()).append(", bytes ").append(sa.bytes()).append('\n');
        sb.append("        replay detection support: ").append(sa.antiReplay() ? "Y" : "N")
                .append(", window ").append(sa.replayWindow().size()).append('\n');
        sb.append("        Status: ").append(status).append('\n');
    }

    /** The transform-set spelling of an SA's algorithms, e.g. {@code esp-aes esp-sha256-hmac}. */
    public static String transformName(SecurityAssociation sa) {
        String enc = switch (sa.encryption()) {
            case NULL -> "esp-null";
            case AES_CBC_128 -> "esp-aes";
            case AES_CBC_256 -> "esp-aes 256";
            case AES_GCM_128_16 -> "esp-gcm";
            case AES_GCM_256_16 -> "esp-gcm 256";
        };
        String auth = switch (sa.integrity()) {
            case NONE -> "";
            case HMAC_SHA1_96 -> " esp-sha-hmac";
            case HMAC_SHA256_128 -> " esp-sha256-hmac";
        };
        return enc + auth;
    }
}
