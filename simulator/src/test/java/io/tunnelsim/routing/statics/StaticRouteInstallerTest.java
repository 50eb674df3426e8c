package io.tunnelsim.routing.statics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Ipv6Route;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;
import io.tunnelsim.routing.bfd.BfdDrop;
import io.tunnelsim.routing.bfd.BfdPeer;
import io.tunnelsim.routing.bfd.BfdService;
import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.LinkSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.StaticRouteSpec;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The static-route phase on a chain r1 - r2 - r3 with a tunnel r1 - r2 and a host on r1's LAN
 * (class doc of {@link StaticRouteInstaller}): route order (gateway, configured, generated), the
 * configured route the plan replaces, the BFD sessions of configured {@code bfd:} routes (single
 * hop, multihop with its minimum TTL) and of the plan's BFD, the overlay tunnel's timers and
 * note, the IPv6 routes and the host's IPv6 default gateway. The plan is written out here, not
 * the scenario's, so the routes it generates are known.
 */
class StaticRouteInstallerTest {
    static final String TOPOLOGY = """
            name: statics
            nodes:
              r1:
                interfaces:
                  lo0: {address: 1.1.1.1/32}
                  eth0: {address: 10.0.12.1/30}
                  lan0: {address: 10.1.0.1/24, ipv6: "2001:db8:1::1/64"}
                  tunnel0: {address: 172.16.0.1/30, tunnel: {source: eth0, destination: 10.0.12.2}}
                static:
                  - {prefix: 10.9.0.0/16, via: 10.0.12.2, bfd: true}
                  - {prefix: 10.8.0.0/16, via: 3.3.3.3, bfd: {minimum-ttl: 255}}
                  - {prefix: 3.3.3.3/32, via: 10.0.12.2}
                  - {prefix: 10.6.0.0/16, interface: tunnel0}
                  - {prefix: 10.5.0.0/16, interface: eth0, via: 10.0.12.2}
                  - {prefix: "2001:db8:2::/64", interface: tunnel0}
              r2:
                interfaces:
                  eth0: {address: 10.0.12.2/30}
                  eth1: {address: 10.0.23.1/30}
                  tunnel0: {address: 172.16.0.2/30, tunnel: {source: eth0, destination: 10.0.12.1}}
                static:
                  - {prefix: 1.1.1.1/32, via: 10.0.12.1}
                  - {prefix: 3.3.3.3/32, via: 10.0.23.2}
              r3:
                interfaces:
                  lo0: {address: 3.3.3.3/32}
                  eth0: {address: 10.0.23.2/30}
                static:
                  - {prefix: 1.1.1.1/32, via: 10.0.23.1}
              pc:
                kind: host
                interfaces:
                  eth0: {address: 10.1.0.10/24, gateway: 10.1.0.1, ipv6: "2001:db8:1::10/64"}
            links:
              - {name: a, endpoints: ["r1:eth0", "r2:eth0"]}
              - {name: b, endpoints: ["r2:eth1", "r3:eth0"]}
              - {name: lan1, endpoints: ["r1:lan0", "pc:eth0"]}
            """;

    static final BfdTimers FAST = new BfdTimers(100 * SimTime.MILLISECOND, 100 * SimTime.MILLISECOND, 3);
    static final Ipv4Address R2 = Ipv4Address.parse("10.0.12.2");
    static final Ipv4Address R2_TUNNEL = Ipv4Address.parse("172.16.0.2");

    /** The nodes and interfaces of {@code spec}, links and tunnels, without any route. */
    static Network network(TopologySpec spec) {
        Network net = new Network(1);
        for (NodeSpec ns : spec.nodes().values()) {
            Node n = ns.isHost() ? net.addHost(ns.name()) : net.addRouter(ns.name());
            for (InterfaceSpec is : ns.interfaces().values()) {
                Interface itf = switch (is.kind()) {
                    case ETHERNET -> net.addEthernet(n, is.name(), null, is.mtu());
                    case LOOPBACK -> net.addLoopback(n, is.name(), null);
                    case TUNNEL -> null;
                };
                if (itf != null) {
                    is.address().ifPresent(itf::setIpv4);
                    is.ipv6().ifPresent(itf::addIpv6);
                }
            }
        }
        for (LinkSpec l : spec.links()) {
            List<io.tunnelsim.node.EthernetInterface> ends = new ArrayList<>();
            for (Endpoint e : l.endpoints()) {
                ends.add((io.tunnelsim.node.EthernetInterface) net.node(e.node()).interfaceNamed(e.iface()));
            }
            net.connect(l.name(), 100_000_000L, SimTime.MILLISECOND, 0, 1500, 100,
                    ends.toArray(new io.tunnelsim.node.EthernetInterface[0]));
        }
        for (NodeSpec ns : spec.nodes().values()) {
            for (InterfaceSpec is : ns.interfaces().values()) {
                if (is.tunnel().isPresent()) {
                    var ts = is.tunnel().get();
                    TunnelInterface t = TunnelInterface.create(net.node(ns.name()), is.name(),
                            TunnelConfig.basic(ts.sourceInterface(), ts.destination().toString()));
                    is.address().ifPresent(t::setIpv4);
                }
            }
        }
        return net;
    }

    /**
     * r1 is the overlay router: the plan replaces its routes into tunnel0, generates a primary to
     * 10.2.0.0/24 via the far tunnel address and a floating one out of tunnel0, and runs BFD with
     * {@link #FAST} on tunnel0.
     */
    static final class Plan implements StaticRoutePlan {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean replaces(NodeSpec node, StaticRouteSpec route) {
            return node.name().equals("r1") && route.iface().equals(Optional.of("tunnel0"));
        }

        @Override
        public List<StaticRoute> generated(String node, List<String> notes) {
            asked.add(node);
            if (!node.equals("r1")) {
                return List.of();
            }
            notes.add("r1: 2 generated");
            Ipv4Prefix site = Ipv4Prefix.parse("10.2.0.0/24");
            return List.of(new StaticRoute(site, R2_TUNNEL, "tunnel0", 1, 0), new StaticRoute(site, null, "tunnel0", 250, 0));
        }

        @Override
        public Optional<BfdTimers> bfd() {
            return Optional.of(FAST);
        }

        @Override
        public List<String> overlayTunnels(String node) {
            return node.equals("r1") ? List.of("tunnel0") : List.of();
        }
    }

    static List<String> rows(StaticRouting sr) {
        List<String> out = new ArrayList<>();
        for (StaticRoute r : sr.routes()) {
            out.add(r.prefix() + (r.nextHop() != null ? " via " + r.nextHop() : "")
                    + (r.interfaceName() != null ? " " + r.interfaceName() : "") + " " + r.distance());
        }
        return out;
    }

    static String fib(Node n, String prefix) {
        FibEntry e = n.fib().get(Ipv4Prefix.parse(prefix));
        return e == null ? null : e.first().egress().name() + " " + e.first().nextHopAddress();
    }

    @Test
    void routesSessionsAndNotesOfEveryNodeInFileOrder() throws Exception {
        TopologySpec spec = TopologyLoader.parse(TOPOLOGY, "statics.yaml");
        Network net = network(spec);
        Plan plan = new Plan();
        List<String> notes = new ArrayList<>();
        StaticRouteInstaller.install(spec, net, plan, notes);
        assertEquals(List.of("r1", "r2", "r3", "pc"), plan.asked, "the plan is asked once per node, in file order");

        Node r1 = net.node("r1");
        // configured (10.6.0.0/16 into tunnel0 replaced, the IPv6 route elsewhere), then generated
        assertEquals(List.of("10.9.0.0/16 via 10.0.12.2 1", "10.8.0.0/16 via 3.3.3.3 1", "3.3.3.3/32 via 10.0.12.2 1",
                "10.5.0.0/16 via 10.0.12.2 eth0 1", "10.2.0.0/24 via 172.16.0.2 tunnel0 1", "10.2.0.0/24 tunnel0 250"),
                rows(r1.service(StaticRouting.class)));
        // a host's gateway is its default route
        assertEquals(List.of("0.0.0.0/0 via 10.1.0.1 1"), rows(net.node("pc").service(StaticRouting.class)));
        assertEquals(List.of("1.1.1.1/32 via 10.0.12.1 1", "3.3.3.3/32 via 10.0.23.2 1"),
                rows(net.node("r2").service(StaticRouting.class)));

        // sessions in route order: 10.9/16's own (single hop, connected on eth0; 10.5/16, with the
        // plan's BFD, shares it), 10.8/16's own multihop from the highest loopback, and the plan's
        // on the generated primary; the floating route has no next hop and no session
        BfdService bfd = r1.service(BfdService.class);
        assertNotNull(bfd);
        BfdPeer eth0 = BfdPeer.singleHop(R2, "eth0");
        BfdPeer multihop = BfdPeer.multihop(Ipv4Address.parse("3.3.3.3"), Ipv4Address.parse("1.1.1.1"));
        BfdPeer tunnel0 = BfdPeer.singleHop(R2_TUNNEL, "tunnel0");
        assertEquals(List.of(bfd.session(eth0), bfd.session(multihop), bfd.session(tunnel0)), bfd.sessions());
        // the plan's timers on the overlay tunnel only
        assertEquals(FAST, bfd.session(tunnel0).timers());
        assertEquals(BfdTimers.DEFAULT, bfd.session(eth0).timers());
        assertEquals(BfdTimers.DEFAULT, bfd.session(multihop).timers());
        assertNull(net.node("r2").service(BfdService.class), "r2 has no route with a next hop and an interface");
        assertEquals(List.of("r1: 2 generated", "r1: bfd on the generated static routes' next hops (100ms x 3)"), notes);

        // IPv6: r1's configured route (active once tunnel0 is up); the host, without IPv6 routes,
        // via the router on its LAN
        net.start();
        net.runUntil(SimTime.MILLISECOND);
        List<String> v6 = new ArrayList<>();
        for (Ipv6Route r : r1.ipv6().routes()) {
            v6.add(r.prefix() + " " + (r.egress() == null ? "-" : r.egress().name()) + " " + r.distance());
        }
        assertTrue(v6.contains("2001:db8:2::/64 tunnel0 1"), v6.toString());
        Ipv6Route pcDefault = net.node("pc").ipv6().routes().stream()
                .filter(r -> r.prefix().toString().equals("::/0")).findFirst().orElseThrow();
        assertEquals("2001:db8:1::1", pcDefault.nextHop().toString());
        assertEquals(1, pcDefault.distance());
    }

    /**
     * The sessions gate their routes: r2 runs no BFD, so every route with a session stays out of
     * r1's FIB and the floating generated route carries 10.2.0.0/24; r3 answers the multihop
     * session, but its packets arrive after one router with TTL 254, below the route's
     * {@code minimum-ttl: 255}, and are dropped (with the default 254 the session comes up and
     * installs 10.8.0.0/16).
     */
    @Test
    void sessionsGateTheirRoutesWithTheirMinimumTtl() throws Exception {
        TopologySpec spec = TopologyLoader.parse(TOPOLOGY, "statics.yaml");
        Network net = network(spec);
        StaticRouteInstaller.install(spec, net, new Plan(), new ArrayList<>());
        Node r1 = net.node("r1");
        BfdService.of(net.node("r3")).configurePeer(BfdPeer.multihop(Ipv4Address.parse("1.1.1.1"),
                Ipv4Address.parse("3.3.3.3")), null, BfdService.DEFAULT_MINIMUM_TTL);
        net.start();
        net.runUntil(10 * SimTime.SECOND);

        assertEquals("eth0 10.0.12.2", fib(r1, "3.3.3.3/32"), "no session: installed");
        assertNull(fib(r1, "10.9.0.0/16"));
        assertNull(fib(r1, "10.8.0.0/16"));
        assertNull(fib(r1, "10.5.0.0/16"));
        assertNull(fib(r1, "10.6.0.0/16"), "replaced by the plan");
        assertEquals("tunnel0 0.0.0.0", fib(r1, "10.2.0.0/24"), "the floating generated route");
        assertTrue(r1.counters().drops(BfdDrop.TTL_BELOW_MINIMUM) > 0, r1.counters().dropsByReason().toString());
        assertTrue(r1.service(BfdService.class).sessions().stream().noneMatch(s -> s.isUp()));
    }
}
