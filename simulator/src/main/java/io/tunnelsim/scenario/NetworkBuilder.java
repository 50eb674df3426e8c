package io.tunnelsim.scenario;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Segment;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.LinkSpec;
import io.tunnelsim.topology.Location;
import io.tunnelsim.topology.NetworkInstall;
import io.tunnelsim.topology.NetworkModule;
import io.tunnelsim.topology.NetworkModules;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.StaticRouteSpec;
import io.tunnelsim.topology.StaticRouteV6Spec;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.topology.TunnelSpec;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a simulated {@link Network} from a validated topology and one variant: nodes,
 * interfaces, links and LAN segments, GRE tunnels, static routes, and the routing the variant
 * asks for ({@link RoutingPlan}).
 */
public final class NetworkBuilder {
    private NetworkBuilder() {
    }

    /** Builds the topology as configured, with no variant changes. */
    public static BuiltNetwork build(TopologySpec spec, long seed) {
        return build(spec, null, seed);
    }

    public static BuiltNetwork build(TopologySpec configured, VariantSpec variant, long seed) {
        TopologySpec spec = VariantStep.apply(configured, variant);
        Network net = new Network(seed);
        RoutingProtocol routing = variant == null || variant.routing() == RoutingProtocol.NONE ? spec.routing() : variant.routing();
        RoutingPlan plan = new RoutingPlan(spec, routing, variant != null && variant.track().isPresent(),
                variant == null ? java.util.Optional.empty() : variant.bfd());
        List<String> notes = new ArrayList<>();

        for (NodeSpec ns : spec.nodes().values()) {
            Node n = ns.isHost() ? net.addHost(ns.name()) : net.addRouter(ns.name());
            for (InterfaceSpec is : ns.interfaces().values()) {
                Interface itf = switch (is.kind()) {
                    case ETHERNET -> net.addEthernet(n, is.name(), null, is.mtu());
                    case LOOPBACK -> net.addLoopback(n, is.name(), null);
                    case TUNNEL -> null;
                };
                if (itf != null) {
                    configureCommon(itf, is);
                }
            }
        }
        Map<String, Segment> segments = new LinkedHashMap<>();
        for (LinkSpec l : spec.links()) {
            EthernetInterface[] ends = new EthernetInterface[l.endpoints().size()];
            for (int i = 0; i < ends.length; i++) {
                Endpoint e = l.endpoints().get(i);
                ends[i] = (EthernetInterface) net.node(e.node()).interfaceNamed(e.iface());
            }
            segments.put(l.name(), net.connect(l.name(), l.bandwidthBps(), l.delayNs(), l.loss(), l.mtu(), l.queuePackets(), ends));
        }
        for (NodeSpec ns : spec.nodes().values()) {
            Node n = net.node(ns.name());
            for (InterfaceSpec is : ns.interfaces().values()) {
                if (is.kind() == InterfaceSpec.Kind.TUNNEL) {
                    TunnelSpec ts = is.tunnel().orElseThrow();
                    TunnelInterface t = TunnelInterface.create(n, is.name(), tunnelConfig(ns, is, ts));
                    configureCommon(t, is);
                }
            }
        }
        for (NodeSpec ns : spec.nodes().values()) {
            Node n = net.node(ns.name());
            List<StaticRoute> routes = new ArrayList<>();
            for (InterfaceSpec is : ns.interfaces().values()) {
                is.gateway().ifPresent(gw -> routes.add(new StaticRoute(Ipv4Prefix.DEFAULT, gw, null, 1, 0)));
            }
            java.util.Map<StaticRoute, io.tunnelsim.routing.bfd.BfdPeer> bfd = new java.util.IdentityHashMap<>();
            java.util.Map<StaticRoute, Integer> bfdTtl = new java.util.IdentityHashMap<>();
            for (StaticRouteSpec r : ns.staticRoutes()) {
                if (plan.replacesConfiguredRoute(ns, r)) {
                    continue;
                }
                StaticRoute route = new StaticRoute(r.prefix(), r.via().orElse(null), r.iface().orElse(null), r.distance(),
                        r.track().orElse(0));
                routes.add(route);
                r.bfd().ifPresent(b -> {
                    bfd.put(route, b.multihop() ? io.tunnelsim.routing.bfd.BfdPeer.multihop(b.peer(), b.source().get())
                            : io.tunnelsim.routing.bfd.BfdPeer.singleHop(b.peer(), b.interfaceName().get()));
                    bfdTtl.put(route, b.minimumTtl());
                });
            }
            routes.addAll(plan.generatedStatics(ns.name(), notes));
            if (!routes.isEmpty()) {
                StaticRouting sr = new StaticRouting(n);
                routes.forEach(sr::add);
                n.addService(sr);
                for (StaticRoute route : routes) {
                    io.tunnelsim.routing.bfd.BfdPeer peer = bfd.get(route);
                    if (peer == null && plan.bfd().isPresent() && route.interfaceName() != null && route.nextHop() != null) {
                        peer = io.tunnelsim.routing.bfd.BfdPeer.singleHop(route.nextHop(), route.interfaceName());
                    }
                    if (peer != null) {
                        io.tunnelsim.routing.bfd.BfdStaticClient.attach(sr, route, peer,
                                bfdTtl.getOrDefault(route, io.tunnelsim.routing.bfd.BfdService.DEFAULT_MINIMUM_TTL));
                    }
                }
                if (plan.bfd().isPresent() && plan.overlay().containsKey(ns.name())) {
                    io.tunnelsim.routing.bfd.BfdService svc = io.tunnelsim.routing.bfd.BfdService.of(n);
                    for (var e : plan.overlay().get(ns.name())) {
                        svc.setInterfaceTimers(e.tunnel(), plan.bfd().get());
                    }
                    notes.add(ns.name() + ": bfd on the generated static routes' next hops ("
                            + io.tunnelsim.sim.SimTime.formatShort(plan.bfd().get().desiredMinTx()) + " x "
                            + plan.bfd().get().detectMult() + ")");
                }
            }
            for (StaticRouteV6Spec r : ns.staticRoutesV6()) {
                if (r.iface().isPresent()) {
                    n.ipv6().addStaticRoute(r.prefix(), r.via().orElse(null), n.interfaceNamed(r.iface().get()), r.distance());
                } else {
                    n.ipv6().addStaticRoute(r.prefix(), r.via().orElseThrow(), r.distance());
                }
            }
            for (InterfaceSpec is : ns.interfaces().values()) {
                if (ns.isHost() && is.ipv6().isPresent()) {
                    defaultIpv6Gateway(spec, ns, is).ifPresent(gw ->
                            n.ipv6().addStaticRoute(io.tunnelsim.addr.Ipv6Prefix.parse("::/0"), gw, 1));
                }
            }
        }
        NetworkInstall install = new Install(spec, net, seed, notes, plan);
        for (NetworkModule<?> m : NetworkModules.all()) {
            m.install(install);
        }
        plan.installProtocols(net, variant, notes);
        return new BuiltNetwork(net, spec, segments, notes);
    }

    /** A host with an IPv6 address and no IPv6 static routes uses the first router on its LAN that has IPv6. */
    private static Optional<io.tunnelsim.addr.Ipv6Address> defaultIpv6Gateway(TopologySpec spec, NodeSpec host, InterfaceSpec is) {
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

    private static void configureCommon(Interface itf, InterfaceSpec is) {
        is.address().ifPresent(itf::setIpv4);
        is.ipv6().ifPresent(itf::addIpv6);
        if (is.bandwidthBps() > 0) {
            itf.setBandwidthBps(is.bandwidthBps());
        }
        if (is.delayNs() > 0) {
            itf.setDelayMicros(is.delayNs() / 1000);
        }
        if (is.shutdown()) {
            itf.setAdminUp(false);
        }
        itf.setSendsUnreachables(is.unreachables());
    }

    /**
     * The tunnel's configuration. An {@code ip mtu} equal to the loader's default (source MTU
     * minus the GRE overhead) is left automatic, so that the tunnel also subtracts the ESP
     * overhead when IPsec protects it, as routers do.
     */
    private static TunnelConfig tunnelConfig(NodeSpec ns, InterfaceSpec is, TunnelSpec ts) {
        Optional<KeepaliveSpec> ka = ts.keepalive(); // variant and static-routing keepalives: VariantStep
        return new TunnelConfig(ts.sourceAddress().isPresent() ? null : ts.sourceInterface(),
                ts.sourceAddress().orElse(null), ts.destination(), ts.key().orElse(-1), ts.sequence(), ts.checksum(),
                ka.map(KeepaliveSpec::periodNs).orElse(0L), ka.map(KeepaliveSpec::retries).orElse(3),
                is.mtu() == defaultTunnelMtu(ns, ts) ? 0 : is.mtu(), ts.recursionHoldNs(),
                new TunnelConfig.Pmtu(ts.mtuDiscovery().dfInherit(), ts.mtuDiscovery().pathMtuDiscovery(),
                        ts.mtuDiscovery().ageNs(), ts.mtuDiscovery().minMtu()), ts.keepaliveUnderProtection());
    }

    private static int defaultTunnelMtu(NodeSpec ns, TunnelSpec ts) {
        for (InterfaceSpec i : ns.interfaces().values()) {
            boolean source = ts.sourceAddress().isPresent()
                    ? i.address().isPresent() && i.address().get().address().equals(ts.sourceAddress().get())
                    : i.name().equals(ts.sourceInterface());
            if (source) {
                return i.mtu() - ts.overhead();
            }
        }
        return -1;
    }

    /** The address bits a topology assigns to {@code node:iface}, or 0. */
    static int addressOf(TopologySpec spec, String node, String iface) {
        NodeSpec n = spec.node(node);
        if (n == null) {
            return 0;
        }
        InterfaceSpec i = n.interfaces().get(iface);
        return i == null || i.address().isEmpty() ? 0 : i.address().get().address().bits();
    }

    /** What the network modules install from: the run's topology, network, seed, notes and overlay. */
    private record Install(TopologySpec spec, Network network, long seed, List<String> notes, RoutingPlan plan)
            implements NetworkInstall {

        @Override
        public Optional<Endpoint> overlayPeer(String node, String tunnel) {
            return plan.overlay().getOrDefault(node, List.of()).stream().filter(e -> e.tunnel().equals(tunnel))
                    .findFirst().map(e -> new Endpoint(e.peer(), e.peerTunnel()));
        }

        @Override
        public RuntimeException buildError(Location at, String message) {
            return new BuildException(at, message);
        }
    }
}
