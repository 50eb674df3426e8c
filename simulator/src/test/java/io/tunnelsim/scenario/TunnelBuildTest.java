package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tunnel phase ({@link TunnelBuild}): one tunnel interface per {@code tunnel:} interface,
 * configured from its spec, the {@code ip mtu} left automatic when it is the loader's default
 * (source MTU minus the tunnel overhead, which a key adds to), and the lookup by node and
 * interface name.
 */
class TunnelBuildTest {
    static final String TOPOLOGY = """
            name: tunnels
            nodes:
              a:
                interfaces:
                  eth0: {address: 192.0.2.1/30}
                  tunnel0: {address: 172.16.0.1/30, tunnel: {source: eth0, destination: 192.0.2.2}}
                  tunnel1:
                    address: 172.16.1.1/30
                    mtu: 1400
                    tunnel: {source: 192.0.2.1, destination: 192.0.2.2, key: 7, keepalive: {period: 5s, retries: 4}}
                  tunnel2: {address: 172.16.2.1/30, mtu: 1472, shutdown: true, tunnel: {source: eth0, destination: 192.0.2.2, key: 8}}
              b:
                interfaces:
                  eth0: {address: 192.0.2.2/30}
            links:
              - {name: l, endpoints: ["a:eth0", "b:eth0"]}
            """;

    @Test
    void everyTunnelIsBuiltFromItsSpecAndFoundByName() throws Exception {
        TopologySpec spec = TopologyLoader.parse(TOPOLOGY, "tunnels.yaml");
        Network net = new Network(1);
        for (NodeSpec ns : spec.nodes().values()) {
            Node n = net.addRouter(ns.name());
            for (InterfaceSpec is : ns.interfaces().values()) {
                if (is.kind() == InterfaceSpec.Kind.ETHERNET) {
                    NetworkBuilder.configureCommon(net.addEthernet(n, is.name(), null, is.mtu()), is);
                }
            }
        }
        TunnelBuild tunnels = TunnelBuild.build(spec, net);
        Node a = net.node("a");
        TunnelInterface t0 = tunnels.tunnel("a", "tunnel0").orElseThrow();
        TunnelInterface t1 = tunnels.tunnel("a", "tunnel1").orElseThrow();
        TunnelInterface t2 = tunnels.tunnel("a", "tunnel2").orElseThrow();
        assertSame(t0, a.interfaceNamed("tunnel0"));
        assertSame(t1, a.interfaceNamed("tunnel1"));
        assertTrue(tunnels.tunnel("a", "eth0").isEmpty(), "no tunnel");
        assertTrue(tunnels.tunnel("b", "tunnel0").isEmpty(), "no such interface");
        assertEquals(List.of("eth0", "tunnel0", "tunnel1", "tunnel2"), a.interfaces().stream().map(i -> i.name()).toList());

        // the loader's default MTU (1500 - 24) is automatic: 0
        TunnelConfig c0 = t0.config();
        assertEquals("eth0", c0.sourceInterface());
        assertNull(c0.sourceAddress());
        assertEquals(Ipv4Address.parse("192.0.2.2"), c0.destination());
        assertEquals(-1, c0.key());
        assertEquals(0, c0.keepalivePeriod());
        assertEquals(TunnelConfig.DEFAULT_KEEPALIVE_RETRIES, c0.keepaliveRetries());
        assertEquals(0, c0.mtu());
        assertEquals("172.16.0.1/30", t0.ipv4().toString());

        // a source written as an address is kept as the address; an explicit other MTU stays
        TunnelConfig c1 = t1.config();
        assertNull(c1.sourceInterface());
        assertEquals(Ipv4Address.parse("192.0.2.1"), c1.sourceAddress());
        assertEquals(7, c1.key());
        assertEquals(5 * SimTime.SECOND, c1.keepalivePeriod());
        assertEquals(4, c1.keepaliveRetries());
        assertEquals(1400, c1.mtu());

        // an explicit MTU equal to the default (1500 - 24 - 4 for the key) is automatic too; the
        // common interface settings apply
        assertEquals(0, t2.config().mtu());
        assertEquals(8, t2.config().key());
        assertFalse(t2.isAdminUp(), "shutdown");
    }
}
