package io.tunnelsim.topology;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.PrefixTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks engineers do by hand before a change window, across the two ends of every link and
 * tunnel. Each finding is a warning at one end's position that names the other end's
 * file:line:column; the network still runs, and misbehaves as routers would.
 *
 * <ul>
 *   <li>Each {@link ProtocolModule}'s own checks across the pair ({@link ProtocolModule#checkPair});
 *       for OSPF: timers, area, network type, MTU and authentication; for RIP: authentication.</li>
 *   <li>A GRE tunnel whose far end has no tunnel back (destination and source not mirrored), or
 *       whose pair uses a different key (RFC 2890 §2.1: a packet with another key is dropped).</li>
 *   <li>A tunnel whose outer packets, by the router's own connected and static routes, leave by
 *       another interface than its source: the "backup tunnel follows the default route into the
 *       dead provider" trap. Real routers need a front-door VRF or policy routing for it.</li>
 * </ul>
 *
 * <p>Simplifications: the outer-egress check resolves the tunnel destination against connected
 * subnets and static routes only (longest prefix, then distance, tracks assumed up); a
 * destination reached only through a dynamic protocol is not checked.
 *
 * <p>Each node's interfaces, tunnels and static routes are indexed once on first use, so a hub
 * with thousands of tunnels is checked in time proportional to its tunnels, not to their square.
 */
public final class CrossEndChecks {

    private final TopologySpec spec;
    private final SourceLocations loc;
    private final Diagnostics out = new Diagnostics();
    /** Address to owning node, built on first use. */
    private java.util.Map<Ipv4Address, NodeSpec> owners;
    /** Per-node look-up structures, built on first use. */
    private final Map<NodeSpec, NodeIndex> indexes = new IdentityHashMap<>();

    /** One node's interfaces and static routes, indexed for the checks' look-ups. */
    private static final class NodeIndex {
        /** Ethernet interfaces that are up and addressed: the connected subnets, in file order. */
        final List<InterfaceSpec> connected = new ArrayList<>();
        /** Addressed interfaces that are not tunnels (a static route's next hop resolves over these), in file order. */
        final List<InterfaceSpec> addressed = new ArrayList<>();
        /** Tunnels by destination, each list in file order. */
        final Map<Ipv4Address, List<InterfaceSpec>> tunnelsTo = new HashMap<>();
        /** Static route positions by prefix (network, length), each list in file order. */
        final PrefixTable<List<Integer>> routes = new PrefixTable<>(4);
        /** Whether some static route has prefix length {@code i}. */
        final boolean[] routeLengths = new boolean[33];

        NodeIndex(NodeSpec n) {
            for (InterfaceSpec j : n.interfaces().values()) {
                if (j.kind() == InterfaceSpec.Kind.ETHERNET && !j.shutdown() && j.address().isPresent()) {
                    connected.add(j);
                }
                if (j.kind() != InterfaceSpec.Kind.TUNNEL && j.address().isPresent()) {
                    addressed.add(j);
                }
                if (j.tunnel().isPresent() && j.tunnel().get().destination() != null) {
                    tunnelsTo.computeIfAbsent(j.tunnel().get().destination(), k -> new ArrayList<>(1)).add(j);
                }
            }
            for (int k = 0; k < n.staticRoutes().size(); k++) {
                Ipv4Prefix p = n.staticRoutes().get(k).prefix();
                long key = PrefixTable.key(p);
                List<Integer> at = routes.get(key);
                if (at == null) {
                    at = new ArrayList<>(1);
                    routes.put(key, at);
                }
                at.add(k);
                routeLengths[p.length()] = true;
            }
        }
    }

    private NodeIndex index(NodeSpec n) {
        return indexes.computeIfAbsent(n, NodeIndex::new);
    }

    public CrossEndChecks(TopologySpec spec) {
        this.spec = spec;
        this.loc = spec.locations();
    }

    /** Runs every check; warnings in file order. */
    public List<Diagnostic> check() {
        for (LinkSpec l : spec.links()) {
            List<Endpoint> ends = l.endpoints();
            if (ends.size() != 2) {
                continue;
            }
            modules(ends.get(0), ends.get(1), "link '" + l.name() + "'", false);
        }
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                if (i.tunnel().isPresent()) {
                    tunnel(n, i);
                }
            }
        }
        return out.sorted();
    }

    private Location ifLoc(Endpoint e) {
        return loc.of("nodes/" + e.node() + "/interfaces/" + e.iface());
    }

    private void warn(Location at, Location other, String message) {
        out.warning(at, message + " (other end: " + other + ")");
    }

    private void modules(Endpoint a, Endpoint b, String what, boolean tunnel) {
        if (spec.iface(a).isEmpty() || spec.iface(b).isEmpty()) {
            return;
        }
        EndPair pair = new EndPair(spec, a, b, what, tunnel, out);
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            m.checkPair(pair);
        }
    }

    private void tunnel(NodeSpec n, InterfaceSpec i) {
        TunnelSpec t = i.tunnel().get();
        Endpoint self = new Endpoint(n.name(), i.name());
        String base = "nodes/" + n.name() + "/interfaces/" + i.name() + "/tunnel";
        Optional<Ipv4Address> src = sourceAddress(n, t);
        egress(n, i, t, base);
        if (src.isEmpty() || t.destination() == null) {
            return;
        }
        Optional<NodeSpec> far = owner(t.destination());
        if (far.isEmpty() || far.get().isHost()) {
            return; // TopologyGraph warns about a destination that no interface owns
        }
        InterfaceSpec back = null;
        InterfaceSpec wrongSource = null;
        for (InterfaceSpec j : index(far.get()).tunnelsTo.getOrDefault(src.get(), List.of())) {
            if (sourceAddress(far.get(), j.tunnel().get()).filter(t.destination()::equals).isPresent()) {
                back = j;
                break;
            }
            wrongSource = j;
        }
        if (back == null) {
            if (wrongSource != null) {
                String jbase = "nodes/" + far.get().name() + "/interfaces/" + wrongSource.name() + "/tunnel/source";
                warn(loc.of(base + "/destination"), loc.of(jbase), "tunnel " + self + " goes to " + t.destination()
                        + ", but the tunnel back, " + far.get().name() + ":" + wrongSource.name() + ", is sourced from "
                        + sourceAddress(far.get(), wrongSource.tunnel().get()).map(Object::toString).orElse("?")
                        + "; its packets arrive from an address " + n.name() + " has no tunnel to, and are dropped;"
                        + " mirror source and destination at both ends");
            } else {
                warn(loc.of(base + "/destination"), loc.of("nodes/" + far.get().name()), "tunnel " + self + " goes to "
                        + t.destination() + " on '" + far.get().name() + "', which has no tunnel with destination "
                        + src.get() + " and source " + t.destination() + "; the far end drops the GRE packets"
                        + " (ICMP protocol unreachable) and no keepalive is ever answered");
            }
            return;
        }
        TunnelSpec u = back.tunnel().get();
        if (!t.key().equals(u.key())) {
            String jbase = "nodes/" + far.get().name() + "/interfaces/" + back.name() + "/tunnel";
            warn(loc.of(base + (t.key().isPresent() ? "/key" : "")), loc.of(jbase + (u.key().isPresent() ? "/key" : "")),
                    "GRE key differs across tunnel " + self + " \u2194 " + far.get().name() + ":" + back.name() + ": "
                            + key(t) + " here, " + key(u) + " there; each end drops the other's packets (RFC 2890 §2.1)");
        }
        // routing and MTU across the pair: report once, from the end that comes first in the file
        Endpoint other = new Endpoint(far.get().name(), back.name());
        if (isFirst(self, other)) {
            modules(self, other, "tunnel " + self + " \u2194 " + other, true);
        }
    }

    private boolean isFirst(Endpoint a, Endpoint b) {
        Location la = ifLoc(a);
        Location lb = ifLoc(b);
        return la.line() < lb.line() || la.line() == lb.line() && la.column() <= lb.column();
    }

    /** The outer packets' egress by connected subnets and static routes, compared with the source. */
    private void egress(NodeSpec n, InterfaceSpec i, TunnelSpec t, String base) {
        if (t.destination() == null) {
            return;
        }
        Ipv4Address dst = t.destination();
        String bestIface = null;
        int bestLen = -1;
        String via = null;
        NodeIndex ix = index(n);
        for (InterfaceSpec j : ix.connected) {
            Ipv4Prefix p = j.address().get().network();
            if (p.contains(dst) && p.length() > bestLen) {
                bestIface = j.name();
                bestLen = p.length();
                via = "connected";
            }
        }
        // the longest static prefix containing dst with a resolvable exit, lowest distance, first in
        // file order; it beats a connected subnet only when longer (distance 0 wins a tie)
        for (int len = 32; len > bestLen; len--) {
            if (!ix.routeLengths[len]) {
                continue;
            }
            List<Integer> at = ix.routes.get(PrefixTable.key(dst.bits() & Ipv4Prefix.maskBits(len), len));
            if (at == null) {
                continue;
            }
            int found = -1;
            String foundExit = null;
            for (int k : at) {
                StaticRouteSpec r = n.staticRoutes().get(k);
                String exit = r.iface().orElse(null);
                if (exit == null && r.via().isPresent()) {
                    exit = connectedInterface(ix, r.via().get());
                }
                if (exit != null && (found < 0 || r.distance() < n.staticRoutes().get(found).distance())) {
                    found = k;
                    foundExit = exit;
                }
            }
            if (found >= 0) {
                StaticRouteSpec r = n.staticRoutes().get(found);
                bestIface = foundExit;
                bestLen = len;
                via = "static route " + r.prefix() + " (" + loc.of("nodes/" + n.name() + "/static/" + found) + ")";
                break;
            }
        }
        if (bestIface == null || bestIface.equals(t.sourceInterface())) {
            return;
        }
        InterfaceSpec egress = n.interfaces().get(bestIface);
        if (egress == null || egress.kind() == InterfaceSpec.Kind.TUNNEL) {
            return; // recursion through a tunnel is reported at run time (%TUN-5-RECURDOWN)
        }
        warn(loc.of(base + "/source"), loc.of("nodes/" + n.name() + "/interfaces/" + bestIface),
                n.name() + ":" + i.name() + " is sourced from " + t.sourceInterface() + ", but its outer packets to "
                        + dst + " leave by " + bestIface + " (" + via + "); if that provider fails the tunnel fails"
                        + " with it. Routers need a front-door VRF or policy routing to send a tunnel's packets out of"
                        + " its source interface; here, add a static route to " + dst + " via " + t.sourceInterface()
                        + "'s provider");
    }

    private static String connectedInterface(NodeIndex ix, Ipv4Address a) {
        for (InterfaceSpec j : ix.addressed) {
            if (j.address().get().network().contains(a)) {
                return j.name();
            }
        }
        return null;
    }

    private Optional<Ipv4Address> sourceAddress(NodeSpec n, TunnelSpec t) {
        if (t.sourceAddress().isPresent()) {
            return t.sourceAddress();
        }
        InterfaceSpec s = n.interfaces().get(t.sourceInterface());
        return s == null ? Optional.empty() : s.address().map(Ipv4Prefix::address);
    }

    /** The node whose non-tunnel interface has address {@code a}, the first in file order. */
    private Optional<NodeSpec> owner(Ipv4Address a) {
        if (owners == null) {
            // one pass over every interface: a hub with thousands of tunnels asks once per tunnel
            owners = new java.util.HashMap<>();
            for (NodeSpec n : spec.nodes().values()) {
                for (InterfaceSpec i : n.interfaces().values()) {
                    if (i.kind() != InterfaceSpec.Kind.TUNNEL && i.address().isPresent()) {
                        owners.putIfAbsent(i.address().get().address(), n);
                    }
                }
            }
        }
        return Optional.ofNullable(owners.get(a));
    }

    private static String key(TunnelSpec t) {
        return t.key().isPresent() ? "key " + t.key().getAsLong() : "no key";
    }
}
