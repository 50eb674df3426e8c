package io.tunnelsim.ipsec;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.tunnel.TunnelInterface;
import io.tunnelsim.wire.Ipv4Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Wires IPsec into a built network from plain values: the two ways routers offer it, each set up
 * for both ends at once, and the Wireshark key table of a finished run.
 *
 * <pre>
 *   IpsecSetup.protectTunnel(hqTunnel0, brTunnel0, IpsecProfile.transport(AES_GCM_128_16, NONE), seed)
 *   IpsecSetup.cryptoMap(hqEth0, 10.1.0.0/24, brEth0, 10.2.0.0/24, IpsecProfile.tunnel(...), seed)
 *   IpsecSetup.espSaLines(network)   → pcap/esp_sa
 * </pre>
 * Call before the run starts (or at any time: a session set up on a running network is
 * established at once).
 */
public final class IpsecSetup {
    /** Crypto map tag used by {@link #cryptoMap}. */
    public static final String MAP_TAG = "VPN";

    private IpsecSetup() {
    }

    /**
     * Tunnel protection on both ends of a GRE tunnel with one profile. The crypto endpoints are the
     * tunnels' source addresses; each tunnel's destination must be the other's source. Keys are
     * derived (or taken from the profile) for the names {@code node:interface} of the two ends.
     *
     * @throws IllegalArgumentException when the tunnels do not mirror each other, a source has
     *                                  no address yet, or a tunnel is protected already
     */
    public static IpsecSession protectTunnel(TunnelInterface a, TunnelInterface b, IpsecProfile profile, long seed) {
        return protectTunnel(a, profile, b, profile, seed);
    }

    /**
     * Tunnel protection on both ends, each end with its own profile, as two routers configured
     * separately. When the profiles can agree ({@link IpsecProfile#mismatch} is null) the session
     * runs the agreed profile; otherwise it never establishes: no SA, both ends drop what they
     * would protect ({@code ipsec-no-sa}) and log why.
     *
     * @throws IllegalArgumentException when the tunnels do not mirror each other, a source has
     *                                  no address yet, or a tunnel is protected already
     */
    public static IpsecSession protectTunnel(TunnelInterface a, IpsecProfile aProfile, TunnelInterface b,
                                             IpsecProfile bProfile, long seed) {
        int aSrc = a.sourceAddressBits();
        int bSrc = b.sourceAddressBits();
        if (aSrc == 0 || bSrc == 0) {
            throw new IllegalArgumentException("tunnel protection needs both tunnel sources to have an address: "
                    + a + ", " + b);
        }
        if (a.destinationBits() != bSrc || b.destinationBits() != aSrc) {
            throw new IllegalArgumentException(a + " and " + b + " are not the two ends of one tunnel: "
                    + new Ipv4Address(aSrc) + "->" + a.config().destination() + " vs "
                    + new Ipv4Address(bSrc) + "->" + b.config().destination());
        }
        if (a.protection() != null || b.protection() != null) {
            throw new IllegalArgumentException("tunnel already protected: " + (a.protection() != null ? a : b));
        }
        Ipv4Address la = new Ipv4Address(aSrc);
        Ipv4Address lb = new Ipv4Address(bSrc);
        IpsecPeer pa = tunnelPeer(a, la, lb, aProfile);
        IpsecPeer pb = tunnelPeer(b, lb, la, bProfile);
        String mismatch = IpsecProfile.mismatch(aProfile, bProfile);
        IpsecSession s = mismatch == null
                ? new IpsecSession(pa, pb, IpsecProfile.agreed(aProfile, bProfile), seed)
                : IpsecSession.failing(pa, pb, "no acceptable proposal: " + mismatch);
        attach(a, pa);
        attach(b, pb);
        startIfRunning(s);
        return s;
    }

    /**
     * Tunnel protection on one end only, the far end being plain GRE: no IPsec peer ever answers,
     * so the session never establishes. The protected end drops what it would send
     * ({@code ipsec-no-sa}) and refuses the far end's cleartext GRE as a policy violation
     * ({@code ipsec-cleartext-policy-violation}); the tunnel carries nothing.
     */
    public static IpsecSession protectOneEnd(TunnelInterface t, IpsecProfile profile) {
        int src = t.sourceAddressBits();
        if (src == 0) {
            throw new IllegalArgumentException("tunnel protection needs the tunnel source to have an address: " + t);
        }
        if (t.protection() != null) {
            throw new IllegalArgumentException("tunnel already protected: " + t);
        }
        IpsecPeer p = tunnelPeer(t, new Ipv4Address(src), t.config().destination(), profile);
        IpsecSession s = IpsecSession.failing(p, null, "no IPsec answer from the peer (its end of the tunnel is not protected)");
        attach(t, p);
        startIfRunning(s);
        return s;
    }

    private static void attach(TunnelInterface t, IpsecPeer p) {
        t.setProtection(new IpsecTunnelProtection(t, p));
        headEntries(t, p);
    }

    private static IpsecPeer tunnelPeer(TunnelInterface t, Ipv4Address local, Ipv4Address remote, IpsecProfile profile) {
        Ipv4Prefix l = new Ipv4Prefix(local, 32);
        Ipv4Prefix r = new Ipv4Prefix(remote, 32);
        String name = t.displayName();
        SpdEntry out = SpdEntry.of(name + " out", l, r, Ipv4Header.PROTO_GRE, SpdAction.PROTECT);
        SpdEntry in = SpdEntry.of(name + " in", r, l, Ipv4Header.PROTO_GRE, SpdAction.PROTECT);
        return IpsecEngine.of(t.node()).addPeer(t, IpsecPeer.Attachment.TUNNEL_PROTECTION, keyName(t), null,
                local, remote, out, in, profile);
    }

    /**
     * The tunnel's policy applied where its outer packets leave and arrive, as a router's
     * {@code TunnelN-head-0} map: on every physical interface of the node, since routing decides
     * which one carries GRE to the peer (a loopback-sourced tunnel leaves by an Ethernet
     * interface, never by the loopback). GRE between the two endpoints that the router forwards
     * rather than originates — the reflected reply to the peer's keepalive — is then protected
     * whichever way it leaves, and cleartext GRE from the peer is refused wherever it arrives.
     */
    private static void headEntries(TunnelInterface t, IpsecPeer p) {
        for (Interface itf : t.node().interfaces()) {
            if (itf instanceof EthernetInterface) {
                CryptoMap.of(itf, t.displayName() + "-head-0").add(p);
            }
        }
    }

    /**
     * A crypto map entry on each of two physical interfaces protecting LAN-to-LAN traffic
     * ({@code aLan} ↔ {@code bLan}, any protocol) in tunnel mode between the interfaces'
     * addresses. Further calls on the same interface add entries (sequence 20, 30, …).
     *
     * @throws IllegalArgumentException for a transport-mode profile, an interface without an
     *                                  address, or overlapping LANs
     */
    public static IpsecSession cryptoMap(Interface a, Ipv4Prefix aLan, Interface b, Ipv4Prefix bLan,
                                         IpsecProfile profile, long seed) {
        if (profile.mode() != SecurityAssociation.Mode.TUNNEL) {
            throw new IllegalArgumentException("a crypto map between LANs needs tunnel mode");
        }
        if (a.ipv4() == null || b.ipv4() == null) {
            throw new IllegalArgumentException("crypto map interfaces need addresses: " + a + ", " + b);
        }
        Ipv4Prefix la = aLan.network();
        Ipv4Prefix lb = bLan.network();
        if (la.overlaps(lb)) {
            throw new IllegalArgumentException("protected LANs " + la + " and " + lb + " overlap");
        }
        IpsecPeer pa = mapPeer(a, la, b.ipv4().address(), lb, profile);
        IpsecPeer pb = mapPeer(b, lb, a.ipv4().address(), la, profile);
        IpsecSession s = new IpsecSession(pa, pb, profile, seed);
        startIfRunning(s);
        return s;
    }

    private static IpsecPeer mapPeer(Interface itf, Ipv4Prefix localLan, Ipv4Address peer, Ipv4Prefix remoteLan,
                                     IpsecProfile profile) {
        CryptoMap map = CryptoMap.of(itf, MAP_TAG);
        int seq = map.nextSequence();
        String tag = map.tag() + " " + seq;
        SpdEntry out = SpdEntry.of(tag + " out", localLan, remoteLan, SpdEntry.ANY_PROTOCOL, SpdAction.PROTECT);
        SpdEntry in = SpdEntry.of(tag + " in", remoteLan, localLan, SpdEntry.ANY_PROTOCOL, SpdAction.PROTECT);
        IpsecPeer p = IpsecEngine.of(itf.node()).addPeer(itf, IpsecPeer.Attachment.CRYPTO_MAP,
                keyName(itf) + ":" + localLan, tag, itf.ipv4().address(), peer, out, in, profile);
        map.add(p);
        return p;
    }

    private static String keyName(Interface itf) {
        return itf.node().name() + ":" + itf.name();
    }

    private static void startIfRunning(IpsecSession s) {
        if (s.a().node().network().isStarted()) {
            s.start();
        }
    }

    /** Every session of the network, in node order, each once. */
    public static List<IpsecSession> sessions(Network network) {
        Set<IpsecSession> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<IpsecSession> out = new ArrayList<>();
        for (Node n : network.nodes()) {
            IpsecEngine e = n.service(IpsecEngine.class);
            if (e == null) {
                continue;
            }
            for (IpsecPeer p : e.peers()) {
                if (seen.add(p.session())) {
                    out.add(p.session());
                }
            }
        }
        return out;
    }

    /**
     * Wireshark's {@code esp_sa} table for the network: one line per SA ever installed, both
     * directions, every generation, in session and installation order. Lines are those of
     * {@link WiresharkEspSa#line(SecurityAssociation)}; pass each to tshark as
     * {@code -o uat:esp_sa:<line>} or save them as the {@code esp_sa} file of a profile.
     */
    public static List<String> espSaLines(Network network) {
        List<String> lines = new ArrayList<>();
        for (IpsecSession s : sessions(network)) {
            for (SecurityAssociation sa : s.history()) {
                lines.add(WiresharkEspSa.line(sa));
            }
        }
        return lines;
    }

    /** Writes {@link #espSaLines} to {@code file}, one line each, creating parent directories. */
    public static void writeEspSa(Network network, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        StringBuilder sb = new StringBuilder();
        for (String l : espSaLines(network)) {
            sb.append(l).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
