package io.tunnelsim.scenario;

import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Segment;
import io.tunnelsim.routing.statics.StaticRouteInstaller;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.LinkSpec;
import io.tunnelsim.topology.Location;
import io.tunnelsim.topology.NetworkInstall;
import io.tunnelsim.topology.NetworkModule;
import io.tunnelsim.topology.NetworkModules;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a simulated {@link Network} from a validated topology and one variant: nodes,
 * interfaces, links and LAN segments, GRE tunnels ({@link TunnelBuild}), static routes
 * ({@link StaticRouteInstaller}), the network modules, and the routing the variant asks for
 * ({@link RoutingPlan}).
 */
public final class NetworkBuilder {
    private NetworkBuilder() {
    }

    /** Builds the topology as configured, with no variant changes. */
    public static BuiltNetwork build(TopologySpec spec, long seed) {
        return build(spec, null, seed);
    }

    /**
     * Builds one variant's network, phase by phase: the variant's spec ({@link VariantStep}) and
     * its {@link RoutingPlan}; nodes and their Ethernet and loopback interfaces; links; tunnels
     * ({@link TunnelBuild}); static routes ({@link StaticRouteInstaller}, with the plan's
     * generated routes and BFD); the network modules ({@link NetworkModule#install}, IPsec);
     * the protocols ({@link ProtocolInstaller} through the plan).
     */
    public static BuiltNetwork build(TopologySpec configured, VariantSpec variant, long seed) {
        TopologySpec spec = VariantStep.apply(configured, variant);
        Network net = new Network(seed);
        RoutingProtocol routing = variant == null || variant.routing() == RoutingProtocol.NONE ? spec.routing() : variant.routing();
        RoutingPlan plan = new RoutingPlan(spec, routing, variant != null && variant.track().isPresent(),
                variant == null ? Optional.empty() : variant.bfd());
        List<String> notes = new ArrayList<>();

        addNodes(spec, net);
        Map<String, Segment> segments = connectLinks(spec, net);
        TunnelBuild tunnels = TunnelBuild.build(spec, net);
        StaticRouteInstaller.install(spec, net, plan.staticRoutes(), notes);
        NetworkInstall install = new Install(spec, net, seed, notes, plan, tunnels);
        for (NetworkModule<?> m : NetworkModules.all()) {
            m.install(install);
        }
        plan.installProtocols(net, variant, notes);
        return new BuiltNetwork(net, spec, segments, notes);
    }

    /** Every node with its Ethernet and loopback interfaces, in file order; tunnels come later ({@link TunnelBuild}). */
    private static void addNodes(TopologySpec spec, Network net) {
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
    }

    /** Every link as a segment joining its Ethernet ends, in file order; the segments by link name. */
    private static Map<String, Segment> connectLinks(TopologySpec spec, Network net) {
        Map<String, Segment> segments = new LinkedHashMap<>();
        for (LinkSpec l : spec.links()) {
            EthernetInterface[] ends = new EthernetInterface[l.endpoints().size()];
            for (int i = 0; i < ends.length; i++) {
                Endpoint e = l.endpoints().get(i);
                ends[i] = (EthernetInterface) net.node(e.node()).interfaceNamed(e.iface());
            }
            segments.put(l.name(), net.connect(l.name(), l.bandwidthBps(), l.delayNs(), l.loss(), l.mtu(), l.queuePackets(), ends));
        }
        return segments;
    }

    /** The addresses, bandwidth, delay, shutdown and unreachables every kind of interface takes from its spec. */
    static void configureCommon(Interface itf, InterfaceSpec is) {
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

    /** The address bits a topology assigns to {@code node:iface}, or 0. */
    static int addressOf(TopologySpec spec, String node, String iface) {
        NodeSpec n = spec.node(node);
        if (n == null) {
            return 0;
        }
        InterfaceSpec i = n.interfaces().get(iface);
        return i == null || i.address().isEmpty() ? 0 : i.address().get().address().bits();
    }

    /** What the network modules install from: the run's topology, network, seed, notes, overlay and tunnels. */
    private record Install(TopologySpec spec, Network network, long seed, List<String> notes, RoutingPlan plan,
                           TunnelBuild tunnels) implements NetworkInstall {

        @Override
        public Optional<TunnelInterface> tunnel(String node, String name) {
            return tunnels.tunnel(node, name);
        }

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
