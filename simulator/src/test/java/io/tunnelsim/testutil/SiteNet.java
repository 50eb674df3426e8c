package io.tunnelsim.testutil;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;

/**
 * A fluent builder of the hand-built site networks the tunnel, IPsec, track and RIP tests run
 * on: routers, hosts, cables between two {@code node:interface} ends, site LANs, GRE tunnels and
 * static routes, each added to the network when the call is made (so the calls' order is the
 * order of nodes, interfaces and routes, as with the network's own methods).
 *
 * <pre>
 *   Network net = SiteNet.twoSitesOverOneProvider(seed)
 *           .tunnel("hq", "tunnel0", TunnelConfig.basic("eth0", "198.51.100.2"), "172.16.0.1/30")
 *           .statics("hq", StaticRoute.via("0.0.0.0/0", "203.0.113.1"))
 *           .network();
 * </pre>
 *
 * A site is a router {@code R} with a host {@code R-pc}, joined by the LAN {@code R-lan}
 * ({@link Nets#siteLan}: {@code lan0} at .1, the host's {@code eth0} at .10).
 */
public final class SiteNet {
    /** One millisecond, the unit of the fixtures' link delays. */
    public static final long MS = SimTime.MILLISECOND;

    private final Network net;

    private SiteNet(long seed) {
        net = new Network(seed);
    }

    /** An empty network with the given seed. */
    public static SiteNet create(long seed) {
        return new SiteNet(seed);
    }

    /**
     * Two sites joined over one provider router:
     * <pre>
     *  hq-pc 10.1.0.10 ─ hq [eth0 203.0.113.2] ─ isp ─ [eth0 198.51.100.2] br ─ br-pc 10.2.0.10
     * </pre>
     * routers {@code hq}, {@code isp}, {@code br}, hosts {@code hq-pc}, {@code br-pc}, the
     * provider cables {@code hq-isp} (isp's {@code eth0}) and {@code isp-br} (isp's {@code eth1})
     * of 5 ms, and the site LANs 10.1.0.0/24 and 10.2.0.0/24. No routes on the routers yet.
     */
    public static SiteNet twoSitesOverOneProvider(long seed) {
        return create(seed).routers("hq", "isp", "br").hosts("hq-pc", "br-pc")
                .cable("hq-isp", 5 * MS, "hq:eth0", "203.0.113.2/30", "isp:eth0", "203.0.113.1/30")
                .cable("isp-br", 5 * MS, "isp:eth1", "198.51.100.1/30", "br:eth0", "198.51.100.2/30")
                .lan("hq", "10.1.0").lan("br", "10.2.0");
    }

    /** Adds routers, in order. */
    public SiteNet routers(String... names) {
        for (String n : names) {
            net.addRouter(n);
        }
        return this;
    }

    /** Adds hosts, in order. */
    public SiteNet hosts(String... names) {
        for (String n : names) {
            net.addHost(n);
        }
        return this;
    }

    /** A whole site at once: router {@code router}, host {@code router-pc} and their LAN {@code net3}.0/24. */
    public SiteNet site(String router, String net3) {
        return routers(router).hosts(router + "-pc").lan(router, net3);
    }

    /** The LAN {@code router-lan} of 1 ms between {@code router} and its host {@code router-pc} (both built). */
    public SiteNet lan(String router, String net3) {
        Nets.siteLan(net, router + "-lan", net.node(router), net.node(router + "-pc"), net3);
        return this;
    }

    /**
     * A loss-free cable ({@link Nets#cable}) named {@code name} between two new interfaces,
     * {@code a} and {@code b} written {@code node:interface}, at the given addresses.
     */
    public SiteNet cable(String name, long delay, String a, String aAddr, String b, String bAddr) {
        Nets.cable(net, name, delay, node(a), iface(a), aAddr, node(b), iface(b), bAddr);
        return this;
    }

    /** A GRE tunnel interface {@code name} on {@code node}, configured and addressed. */
    public SiteNet tunnel(String node, String name, TunnelConfig config, String address) {
        TunnelInterface.create(net.node(node), name, config).setIpv4(Ipv4Prefix.parse(address));
        return this;
    }

    /** Static routes on {@code node}, in order ({@link Nets#statics}). */
    public SiteNet statics(String node, StaticRoute... routes) {
        Nets.statics(net.node(node), routes);
        return this;
    }

    /** The network built so far. */
    public Network network() {
        return net;
    }

    /** The tunnel interface {@code name} of {@code node}. */
    public TunnelInterface tunnelOf(String node, String name) {
        return (TunnelInterface) net.node(node).interfaceNamed(name);
    }

    /** The Ethernet interface written {@code node:interface}. */
    public EthernetInterface ethernet(String endpoint) {
        return (EthernetInterface) node(endpoint).interfaceNamed(iface(endpoint));
    }

    private Node node(String endpoint) {
        Node n = net.node(endpoint.substring(0, endpoint.indexOf(':')));
        if (n == null) {
            throw new IllegalArgumentException("no node for " + endpoint);
        }
        return n;
    }

    private static String iface(String endpoint) {
        return endpoint.substring(endpoint.indexOf(':') + 1);
    }
}
