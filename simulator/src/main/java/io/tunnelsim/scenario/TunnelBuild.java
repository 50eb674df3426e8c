package io.tunnelsim.scenario;

import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.topology.TunnelSpec;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tunnel phase of {@link NetworkBuilder}: creates a {@link TunnelInterface} for every
 * {@code tunnel:} interface of the (variant-applied) topology, in file order of nodes and
 * interfaces, after the links and before the static routes that point into them; and is the
 * lookup of the built tunnels by node and interface name for the later phases (the network
 * modules get it as {@link io.tunnelsim.topology.NetworkInstall#tunnel}).
 *
 * <p>It sits in {@code scenario} because it reads the topology's {@link TunnelSpec}, which the
 * {@code tunnel} package, below {@code topology}, cannot.
 *
 * <p>Simplifications: the keepalives the variant or {@code routing: static} adds are already in
 * the spec ({@link VariantStep}); nothing here depends on the routing choice.
 */
final class TunnelBuild {
    private final Map<Endpoint, TunnelInterface> tunnels;

    private TunnelBuild(Map<Endpoint, TunnelInterface> tunnels) {
        this.tunnels = tunnels;
    }

    /** Creates the tunnels of {@code spec} on the nodes of {@code net}, which already have their other interfaces. */
    static TunnelBuild build(TopologySpec spec, Network net) {
        Map<Endpoint, TunnelInterface> out = new LinkedHashMap<>();
        for (NodeSpec ns : spec.nodes().values()) {
            Node n = net.node(ns.name());
            for (InterfaceSpec is : ns.interfaces().values()) {
                if (is.kind() == InterfaceSpec.Kind.TUNNEL) {
                    TunnelSpec ts = is.tunnel().orElseThrow();
                    TunnelInterface t = TunnelInterface.create(n, is.name(), tunnelConfig(ns, is, ts));
                    NetworkBuilder.configureCommon(t, is);
                    out.put(new Endpoint(ns.name(), is.name()), t);
                }
            }
        }
        return new TunnelBuild(Collections.unmodifiableMap(out));
    }

    /** The tunnel {@code iface} of {@code node}, or empty when the topology has no such tunnel. */
    Optional<TunnelInterface> tunnel(String node, String iface) {
        return Optional.ofNullable(tunnels.get(new Endpoint(node, iface)));
    }

    /**
     * The tunnel's configuration. An {@code ip mtu} equal to the loader's default (source MTU
     * minus the GRE overhead) is left automatic, so that the tunnel also subtracts the ESP
     * overhead when IPsec protects it, as routers do.
     */
    static TunnelConfig tunnelConfig(NodeSpec ns, InterfaceSpec is, TunnelSpec ts) {
        Optional<KeepaliveSpec> ka = ts.keepalive(); // variant and static-routing keepalives: VariantStep
        return new TunnelConfig(ts.sourceAddress().isPresent() ? null : ts.sourceInterface(),
                ts.sourceAddress().orElse(null), ts.destination(), ts.key().orElse(-1), ts.sequence(), ts.checksum(),
                ka.map(KeepaliveSpec::periodNs).orElse(0L), ka.map(KeepaliveSpec::retries).orElse(3),
                is.mtu() == defaultTunnelMtu(ns, ts) ? 0 : is.mtu(), ts.recursionHoldNs(),
                new TunnelConfig.Pmtu(ts.mtuDiscovery().dfInherit(), ts.mtuDiscovery().pathMtuDiscovery(),
                        ts.mtuDiscovery().ageNs(), ts.mtuDiscovery().minMtu()), ts.keepaliveUnderProtection());
    }

    /** The MTU the loader gives a tunnel without {@code mtu}: its source interface's minus the tunnel overhead; -1 without a source. */
    static int defaultTunnelMtu(NodeSpec ns, TunnelSpec ts) {
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
}
