package io.tunnelsim.ipsec;

import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.node.ProtectedIpHandler;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 *   <li>A packet addressed to this node whose protocol's receiver in the node's registry is a
 *       {@link ProtectedIpHandler} (GRE, for tunnel protection) goes to it as protected, after
 *       reassembly apart from cleartext fragments; any other packet re-enters the receive path
 *       with {@code node.ipv4().receive(p, in, false)} (no second pass through the interface's
 *       crypto map). IPsec names no protocol above it.</li>
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
    private boolean started;
    private long unknownSpi;
    /** Reassembly of decrypted fragments for protected delivery, apart from the node's cleartext one. */
    private final io.tunnelsim.node.Reassembly protectedFragments;

    private IpsecEngine(Node node) {
        this.node = node;
        this.protectedFragments = new io.tunnelsim.node.Reassembly(node, true);
        node.ipv4().registerIpHandler(Esp.IP_PROTOCOL, this::receive);
        node.ipv4().addIcmpListener(this::icmp);
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
        sad.addInbound(sa, peer);
    }

    void unbindInbound(SecurityAssociation sa) {
        sad.removeInbound(sa);
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
        int i = sad.find(Esp.readSpi(b, ipOff + hl));
        if (i < 0) {
            unknownSpi++;
            node.counters().drop(EspDropReason.UNKNOWN_SPI, p, in);
            return;
        }
        SecurityAssociation sa = sad.inboundAt(i);
        IpsecPeer peer = sad.ownerAt(i);
        p.pull(hl);
        int nextHeader = peer.open(sa, p);
        if (nextHeader < 0) {
            return;
        }
        if (nextHeader == Esp.NEXT_HEADER_NONE) {
            node.counters().drop(IpsecDrop.ESP_DUMMY);
            return;
        }
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
        } else {
            if (nextHeader != Esp.NEXT_HEADER_IPV4) {
                node.counters().drop(IpsecDrop.ESP_UNSUPPORTED_NEXT_HEADER);
                return;
            }
            int total;
            try {
                total = Ipv4Codec.validate(b, p.offset(), p.length());
            } catch (MalformedPacketException e) {
                node.counters().drop(e.dropReason());
                return;
            }
            if (total < p.length()) {
                p.truncate(total);
            }
        }
        int off = p.offset();
        int src = Ipv4Codec.source(b, off);
        int dst = Ipv4Codec.destination(b, off);
        int proto = Ipv4Codec.protocol(b, off);
        if (!peer.inboundPolicy().matches(src, dst, proto, PortRange.NO_PORT, PortRange.NO_PORT)) {
            peer.countSelectorMismatch(p);
            return;
        }
        if (node.ipv4().isLocalAddress(dst) && node.ipv4().ipHandler(proto) instanceof ProtectedIpHandler h) {
            if (Ipv4Codec.isFragment(b, off)) {
                // fragmented before encryption: reassembled here, so the packet stays protected
                p = protectedFragments.add(p);
                if (p == null) {
                    return;
                }
            }
            h.receiveProtected(in, p, Ipv4Codec.headerLength(p.array(), p.offset()));
            return;
        }
        node.ipv4().receive(p, in, false);
    }
}
