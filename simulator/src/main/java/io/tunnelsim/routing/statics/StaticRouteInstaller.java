package io.tunnelsim.routing.statics;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;
import io.tunnelsim.routing.bfd.BfdPeer;
import io.tunnelsim.routing.bfd.BfdService;
import io.tunnelsim.routing.bfd.BfdStaticClient;
import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.LinkSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.StaticBfdSpec;
import io.tunnelsim.topology.StaticRouteSpec;
import io.tunnelsim.topology.StaticRouteV6Spec;
import io.tunnelsim.topology.TopologySpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static-route phase of a build: on each node of a network whose interfaces and tunnels
 * exist, node by node in file order,
 * <ol>
 * <li>the IPv4 routes, into one {@link StaticRouting} service (none when the node has no route),
 *     in this order: a default route via each interface's {@code gateway} (distance 1), the
 *     configured {@code static:} routes the plan does not replace, then the plan's generated
 *     routes;</li>
 * <li>BFD on them ({@link BfdStaticClient#attach}, in route order): a configured route's own
 *     {@code bfd:} session (single hop on its interface, or multihop from its source with its
 *     minimum TTL), else, when the plan has BFD timers, a single-hop session to the next hop of
 *     every route that names both a next hop and an interface;</li>
 * <li>with the plan's BFD timers on an overlay router that has IPv4 static routes: those timers
 *     on each of its overlay tunnels ({@link BfdService#setInterfaceTimers}) and a note;</li>
 * <li>the IPv6 static routes, then on a host without IPv6 static routes a default route
 *     ({@code ::/0}, distance 1) via the first router on the link of each IPv6 interface that has
 *     an IPv6 address there.</li>
 * </ol>
 *
 * A configured route's own session belongs to that route instance: a generated route equal to
 * it does not share it.
 *
 * <p>Simplifications: IPv6 static routes go straight into the node's IPv6 table: their
 * {@code track} is not honoured and they take no BFD.
 */
public final class StaticRouteInstaller {
    private StaticRouteInstaller() {
    }

    /** Installs the static routes of every node of {@code spec} on its node of {@code net}, in file order. */
    public static void install(TopologySpec spec, Network net, StaticRoutePlan plan, List<String> notes) {
        for (NodeSpec ns : spec.nodes().values()) {
            install(spec, ns, net.node(ns.name()), plan, notes);
        }
    }

    /**
     * Installs the static routes of one node ({@code ns} of {@code spec}, built as {@code n});
     * returns its IPv4 static-route service, or null when it has no IPv4 static route.
     */
    public static StaticRouting install(TopologySpec spec, NodeSpec ns, Node n, StaticRoutePlan plan, List<String> notes) {
        StaticRouting sr = ipv4(ns, n, plan, notes);
        ipv6(spec, ns, n);
        return sr;
    }

    private static StaticRouting ipv4(NodeSpec ns, Node n, StaticRoutePlan plan, List<String> notes) {
        List<StaticRoute> routes = new ArrayList<>();
        for (InterfaceSpec is : ns.interfaces().values()) {
            is.gateway().ifPresent(gw -> routes.add(new StaticRoute(Ipv4Prefix.DEFAULT, gw, null, 1, 0)));
        }
        // by instance: a generated route may equal a configured one and still gets no session of its own
        Map<StaticRoute, BfdPeer> bfd = new IdentityHashMap<>();
        Map<StaticRoute, Integer> bfdTtl = new IdentityHashMap<>();
        for (StaticRouteSpec r : ns.staticRoutes()) {
            if (plan.replaces(ns, r)) {
                continue;
            }
            StaticRoute route = new StaticRoute(r.prefix(), r.via().orElse(null), r.iface().orElse(null), r.distance(),
                    r.track().orElse(0));
            routes.add(route);
            r.bfd().ifPresent(b -> {
                bfd.put(route, peer(b));
                bfdTtl.put(route, b.minimumTtl());
            });
        }
        routes.addAll(plan.generated(ns.name(), notes));
        if (routes.isEmpty()) {
            return null;
        }
        StaticRouting sr = new StaticRouting(n);
        routes.forEach(sr::add);
        n.addService(sr);
        Optional<BfdTimers> timers = plan.bfd();
        for (StaticRoute route : routes) {
            BfdPeer peer = bfd.get(route);
            if (peer == null && timers.isPresent() && route.interfaceName() != null && route.nextHop() != null) {
                peer = BfdPeer.singleHop(route.nextHop(), route.interfaceName());
            }
            if (peer != null) {
                BfdStaticClient.attach(sr, route, peer, bfdTtl.getOrDefault(route, BfdService.DEFAULT_MINIMUM_TTL));
            }
        }
        List<String> tunnels = timers.isPresent() ? plan.overlayTunnels(ns.name()) : List.of();
        if (!tunnels.isEmpty()) {
            BfdService svc = BfdService.of(n);
            for (String tunnel : tunnels) {
                svc.setInterfaceTimers(tunnel, timers.get());
            }
            notes.add(ns.name() + ": bfd on the generated static routes' next hops ("
                    + SimTime.formatShort(timers.get().desiredMinTx()) + " x " + timers.get().detectMult() + ")");
        }
        return sr;
    }

    /** The session a configured route's {@code bfd:} asks for. */
    private static BfdPeer peer(StaticBfdSpec b) {
        return b.multihop() ? BfdPeer.multihop(b.peer(), b.source().get()) : BfdPeer.singleHop(b.peer(), b.interfaceName().get());
    }

    private static void ipv6(TopologySpec spec, NodeSpec ns, Node n) {
        for (StaticRouteV6Spec r : ns.staticRoutesV6()) {
            if (r.iface().isPresent()) {
                n.ipv6().addStaticRoute(r.prefix(), r.via().orElse(null), n.interfaceNamed(r.iface().get()), r.distance());
            } else {
                n.ipv6().addStaticRoute(r.prefix(), r.via().orElseThrow(), r.distance());
            }
        }
        for (InterfaceSpec is : ns.interfaces().values()) {
            if (ns.isHost() && is.ipv6().isPresent()) {
                defaultIpv6Gateway(spec, ns, is).ifPresent(gw -> n.ipv6().addStaticRoute(Ipv6Prefix.parse("::/0"), gw, 1));
            }
        }
    }

    /** A host with an IPv6 address and no IPv6 static routes uses the first router on its LAN that has IPv6. */
    private static Optional<Ipv6Address> defaultIpv6Gateway(TopologySpec spec, NodeSpec host, InterfaceSpec is) {
        if (!host.staticRoutesV6().isEmpty()) {
            return Optional.empty();
        }
        Optional<LinkSpec> link = spec.linkOf(new Endpoint(host.name(), is.name()));
        if (link.isEmpty()) {
            return Optional.empty();
        }
        for (Endpoint e : link.get().endpoints()) {
            NodeSpec other = spec.node(e.node());
            if (other != null && !other.isHost()) {
                Optional<InterfaceSpec> oi = spec.iface(e);
                if (oi.isPresent() && oi.get().ipv6().isPresent()) {
                    return Optional.of(oi.get().ipv6().get().address());
                }
            }
        }
        return Optional.empty();
    }
}
