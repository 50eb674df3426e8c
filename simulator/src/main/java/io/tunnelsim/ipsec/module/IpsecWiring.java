package io.tunnelsim.ipsec.module;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.ipsec.IpsecProfile;
import io.tunnelsim.ipsec.IpsecSession;
import io.tunnelsim.ipsec.IpsecSetup;
import io.tunnelsim.ipsec.SecurityAssociation;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Network;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NetworkInstall;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connects the topology's IPsec profiles to built interfaces: {@code protection:} on a tunnel
 * protects the tunnel pair (GRE over IPsec, transport mode by default), {@code crypto-map:} on
 * an Ethernet interface protects the profile's local/remote LANs towards its peer (tunnel
 * mode). Each pair is wired once, from the end that comes first in the file; with manual keys
 * the {@code -out} keys of that end are its outbound direction. Each end runs its own profile:
 * protection on one end only, or profiles the two ends cannot agree on, give a session that never
 * establishes (see {@link IpsecSetup#protectOneEnd} and {@link IpsecProfile#mismatch}).
 */
final class IpsecWiring {
    private IpsecWiring() {
    }

    static void install(NetworkInstall ctx) {
        TopologySpec spec = ctx.spec();
        Set<String> done = new HashSet<>();
        for (NodeSpec ns : spec.nodes().values()) {
            for (InterfaceSpec is : ns.interfaces().values()) {
                IpsecInterface use = IpsecModule.of(is);
                if (use.protection().isPresent()) {
                    protect(ctx, ns, is, use.protection().get(), done);
                }
                if (use.cryptoMap().isPresent()) {
                    cryptoMap(ctx, ns, is, use.cryptoMap().get(), done);
                }
            }
        }
    }

    private static void protect(NetworkInstall ctx, NodeSpec ns, InterfaceSpec is, String profileName, Set<String> done) {
        TopologySpec spec = ctx.spec();
        String key = ns.name() + ":" + is.name();
        if (done.contains(key)) {
            return;
        }
        IpsecProfiles profiles = IpsecModule.profiles(spec);
        // the far end: the tunnel mirroring this one, and with the same key when several do
        Optional<Endpoint> edge = ctx.overlayPeer(ns.name(), is.name());
        if (edge.isPresent()) {
            String peer = edge.get().node();
            var key0 = is.tunnel().get().key();
            int mySource = is.tunnel().get().sourceAddress().map(x -> x.bits())
                    .orElseGet(() -> addressOf(spec, ns.name(), is.tunnel().get().sourceInterface()));
            for (InterfaceSpec pt : spec.node(peer).interfaces().values()) {
                if (pt.tunnel().isPresent() && pt.tunnel().get().destination().bits() == mySource
                        && pt.tunnel().get().key().equals(key0)) {
                    edge = Optional.of(new Endpoint(peer, pt.name()));
                    break;
                }
            }
        }
        String where = "nodes/" + ns.name() + "/interfaces/" + is.name() + "/protection";
        if (edge.isEmpty()) {
            throw ctx.buildError(spec.locations().of(where), "tunnel " + key + " is protected by '" + profileName
                    + "' but no tunnel of another node mirrors it (its destination must be our source and vice versa)");
        }
        Endpoint e = edge.get();
        done.add(key);
        TunnelInterface a = ctx.tunnel(ns.name(), is.name()).orElseThrow();
        TunnelInterface b = ctx.tunnel(e.node(), e.iface()).orElseThrow();
        Optional<String> peerProfile = IpsecModule.of(spec.node(e.node()).interfaces().get(e.iface())).protection();
        IpsecProfileSpec mineSpec = profiles.get(profileName);
        IpsecProfile mine = mineSpec.toProfile(IpsecProfileSpec.Mode.TRANSPORT);
        try {
            if (peerProfile.isEmpty()) {
                // each router runs its own configuration: the far end sends and expects cleartext GRE
                IpsecSetup.protectOneEnd(a, mine).a().setDfPolicy(mineSpec.dfBit(), mineSpec.fragmentation());
                ctx.notes().add(ns.name() + ": " + is.name() + " tunnel protection ipsec profile " + profileName + " (peer "
                        + e.node() + " has no protection: no SA, the tunnel carries nothing)");
                return;
            }
            done.add(e.node() + ":" + e.iface());
            IpsecProfileSpec theirsSpec = profiles.get(peerProfile.get());
            IpsecProfile theirs = theirsSpec.toProfile(IpsecProfileSpec.Mode.TRANSPORT);
            IpsecSession s = IpsecSetup.protectTunnel(a, mine, b, theirs, ctx.seed());
            // df-bit and fragmentation are each router's own
            s.a().setDfPolicy(mineSpec.dfBit(), mineSpec.fragmentation());
            s.b().setDfPolicy(theirsSpec.dfBit(), theirsSpec.fragmentation());
            ctx.notes().add(ns.name() + ": " + is.name() + " tunnel protection ipsec profile " + profileName + " (peer "
                    + e.node() + (s.failure() == null ? ")" : ": " + s.failure() + ")"));
        } catch (IllegalArgumentException ex) {
            throw ctx.buildError(spec.locations().of(where), "cannot protect " + key + " with '" + profileName + "': "
                    + ex.getMessage());
        }
    }

    private static void cryptoMap(NetworkInstall ctx, NodeSpec ns, InterfaceSpec is, String profileName, Set<String> done) {
        TopologySpec spec = ctx.spec();
        Network net = ctx.network();
        String key = ns.name() + ":" + is.name();
        if (done.contains(key)) {
            return;
        }
        IpsecProfileSpec p = IpsecModule.profiles(spec).get(profileName);
        String where = "nodes/" + ns.name() + "/interfaces/" + is.name() + "/crypto-map";
        if (p.peer().isEmpty() || p.local().isEmpty() || p.remote().isEmpty()) {
            throw ctx.buildError(spec.locations().of("ipsec/" + profileName),
                    "crypto map profile '" + profileName + "' needs peer, local and remote");
        }
        String peerNode = ownerOf(spec, p.peer().get());
        String peerIf = null;
        if (peerNode != null) {
            for (InterfaceSpec pi : spec.node(peerNode).interfaces().values()) {
                if (pi.address().isPresent() && pi.address().get().address().equals(p.peer().get())) {
                    peerIf = pi.name();
                }
            }
        }
        if (peerIf == null) {
            throw ctx.buildError(spec.locations().of(where), "crypto map peer " + p.peer().get() + " of '" + profileName
                    + "' is no interface address of the topology");
        }
        done.add(key);
        done.add(peerNode + ":" + peerIf);
        Interface a = net.node(ns.name()).interfaceNamed(is.name());
        Interface b = net.node(peerNode).interfaceNamed(peerIf);
        Ipv4Prefix aLan = p.local().get().network();
        Ipv4Prefix bLan = p.remote().get().network();
        try {
            IpsecSession s = IpsecSetup.cryptoMap(a, aLan, b, bLan,
                    p.toProfile(IpsecProfileSpec.Mode.TUNNEL).withMode(SecurityAssociation.Mode.TUNNEL), ctx.seed());
            s.a().setDfPolicy(p.dfBit(), p.fragmentation());
            s.b().setDfPolicy(p.dfBit(), p.fragmentation());
        } catch (IllegalArgumentException ex) {
            throw ctx.buildError(spec.locations().of(where), "cannot apply crypto map '" + profileName + "': "
                    + ex.getMessage());
        }
        ctx.notes().add(ns.name() + ": " + is.name() + " crypto map " + profileName + " " + aLan + " <-> " + bLan
                + " peer " + p.peer().get());
    }

    /** The address bits of {@code node}'s interface {@code iface}, 0 when it has none. */
    private static int addressOf(TopologySpec spec, String node, String iface) {
        NodeSpec n = spec.node(node);
        if (n == null) {
            return 0;
        }
        InterfaceSpec i = n.interfaces().get(iface);
        return i == null || i.address().isEmpty() ? 0 : i.address().get().address().bits();
    }

    /** The node one of whose interfaces has address {@code a}, or null. */
    private static String ownerOf(TopologySpec spec, Ipv4Address a) {
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                if (i.address().isPresent() && i.address().get().address().equals(a)) {
                    return n.name();
                }
            }
        }
        return null;
    }
}
