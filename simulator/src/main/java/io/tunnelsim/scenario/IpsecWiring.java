package io.tunnelsim.scenario;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.ipsec.IpsecProfile;
import io.tunnelsim.ipsec.IpsecSession;
import io.tunnelsim.ipsec.IpsecSetup;
import io.tunnelsim.ipsec.SecurityAssociation;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Network;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.IpsecProfileSpec;
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

    static void install(TopologySpec spec, RoutingPlan plan, Network net, long seed, List<String> notes) {
        Set<String> done = new HashSet<>();
        for (NodeSpec ns : spec.nodes().values()) {
            for (InterfaceSpec is : ns.interfaces().values()) {
                if (is.protection().isPresent()) {
                    protect(spec, plan, net, seed, ns, is, done, notes);
                }
                if (is.cryptoMap().isPresent()) {
                    cryptoMap(spec, net, seed, ns, is, done, notes);
                }
            }
        }
    }

    private static void protect(TopologySpec spec, RoutingPlan plan, Network net, long seed, NodeSpec ns, InterfaceSpec is,
                                Set<String> done, List<String> notes) {
        String key = ns.name() + ":" + is.name();
        if (done.contains(key)) {
            return;
        }
        String profileName = is.protection().get();
        // the far end: the tunnel mirroring this one, and with the same key when several do
        var mirrors = plan.overlay().getOrDefault(ns.name(), List.of()).stream()
                .filter(e -> e.tunnel().equals(is.name())).toList();
        Optional<RoutingPlan.OverlayEdge> edge = mirrors.stream().findFirst();
        if (edge.isPresent()) {
            String peer = edge.get().peer();
            var key0 = is.tunnel().get().key();
            int mySource = is.tunnel().get().sourceAddress().map(x -> x.bits())
                    .orElseGet(() -> NetworkBuilder.addressOf(spec, ns.name(), is.tunnel().get().sourceInterface()));
            for (InterfaceSpec pt : spec.node(peer).interfaces().values()) {
                if (pt.tunnel().isPresent() && pt.tunnel().get().destination().bits() == mySource
                        && pt.tunnel().get().key().equals(key0)) {
                    edge = Optional.of(new RoutingPlan.OverlayEdge(ns.name(), is.name(), peer, pt.name(), edge.get().cost()));
                    break;
                }
            }
        }
        String where = "nodes/" + ns.name() + "/interfaces/" + is.name() + "/protection";
        if (edge.isEmpty()) {
            throw new BuildException(spec.locations().of(where), "tunnel " + key + " is protected by '" + profileName
                    + "' but no tunnel of another node mirrors it (its destination must be our source and vice versa)");
        }
        var e = edge.get();
        done.add(key);
        TunnelInterface a = (TunnelInterface) net.node(ns.name()).interfaceNamed(is.name());
        TunnelInterface b = (TunnelInterface) net.node(e.peer()).interfaceNamed(e.peerTunnel());
        Optional<String> peerProfile = spec.node(e.peer()).interfaces().get(e.peerTunnel()).protection();
        IpsecProfile mine = profile(spec.ipsec().get(profileName), IpsecProfileSpec.Mode.TRANSPORT);
        try {
            if (peerProfile.isEmpty()) {
                // each router runs its own configuration: the far end sends and expects cleartext GRE
                IpsecSetup.protectOneEnd(a, mine).a().setDfPolicy(spec.ipsec().get(profileName).dfBit(),
                        spec.ipsec().get(profileName).fragmentation());
                notes.add(ns.name() + ": " + is.name() + " tunnel protection ipsec profile " + profileName + " (peer "
                        + e.peer() + " has no protection: no SA, the tunnel carries nothing)");
                return;
            }
            done.add(e.peer() + ":" + e.peerTunnel());
            IpsecProfile theirs = profile(spec.ipsec().get(peerProfile.get()), IpsecProfileSpec.Mode.TRANSPORT);
            IpsecSession s = IpsecSetup.protectTunnel(a, mine, b, theirs, seed);
            // df-bit and fragmentation are each router's own
            s.a().setDfPolicy(spec.ipsec().get(profileName).dfBit(), spec.ipsec().get(profileName).fragmentation());
            s.b().setDfPolicy(spec.ipsec().get(peerProfile.get()).dfBit(), spec.ipsec().get(peerProfile.get()).fragmentation());
            notes.add(ns.name() + ": " + is.name() + " tunnel protection ipsec profile " + profileName + " (peer " + e.peer()
                    + (s.failure() == null ? ")" : ": " + s.failure() + ")"));
        } catch (IllegalArgumentException ex) {
            throw new BuildException(spec.locations().of(where), "cannot protect " + key + " with '" + profileName + "': " + ex.getMessage());
        }
    }

    private static void cryptoMap(TopologySpec spec, Network net, long seed, NodeSpec ns, InterfaceSpec is, Set<String> done,
                                  List<String> notes) {
        String key = ns.name() + ":" + is.name();
        if (done.contains(key)) {
            return;
        }
        String profileName = is.cryptoMap().get();
        IpsecProfileSpec p = spec.ipsec().get(profileName);
        String where = "nodes/" + ns.name() + "/interfaces/" + is.name() + "/crypto-map";
        if (p.peer().isEmpty() || p.local().isEmpty() || p.remote().isEmpty()) {
            throw new BuildException(spec.locations().of("ipsec/" + profileName),
                    "crypto map profile '" + profileName + "' needs peer, local and remote");
        }
        String peerNode = ScenarioRunner.ownerOf(spec, p.peer().get());
        String peerIf = null;
        if (peerNode != null) {
            for (InterfaceSpec pi : spec.node(peerNode).interfaces().values()) {
                if (pi.address().isPresent() && pi.address().get().address().equals(p.peer().get())) {
                    peerIf = pi.name();
                }
            }
        }
        if (peerIf == null) {
            throw new BuildException(spec.locations().of(where), "crypto map peer " + p.peer().get() + " of '" + profileName
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
                    profile(p, IpsecProfileSpec.Mode.TUNNEL).withMode(SecurityAssociation.Mode.TUNNEL), seed);
            s.a().setDfPolicy(p.dfBit(), p.fragmentation());
            s.b().setDfPolicy(p.dfBit(), p.fragmentation());
        } catch (IllegalArgumentException ex) {
            throw new BuildException(spec.locations().of(where), "cannot apply crypto map '" + profileName + "': " + ex.getMessage());
        }
        notes.add(ns.name() + ": " + is.name() + " crypto map " + profileName + " " + aLan + " <-> " + bLan + " peer " + p.peer().get());
    }

    static IpsecProfile profile(IpsecProfileSpec p, IpsecProfileSpec.Mode defaultMode) {
        return p.toProfile(defaultMode);
    }

    static List<String> espSaLines(Network net) {
        return IpsecSetup.espSaLines(net);
    }
}
