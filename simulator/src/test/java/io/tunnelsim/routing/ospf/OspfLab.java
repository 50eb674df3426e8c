package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Segment;
import io.tunnelsim.sim.SimTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test network builder: routers with a loopback each, p2p links and LANs, one OSPF process per router. */
final class OspfLab {
    static final long S = SimTime.SECOND;
    static final long MS = SimTime.MILLISECOND;
    static final Ipv4Address AREA0 = Ipv4Address.ANY;

    final Network net;
    private final Map<String, OspfConfig> configs = new LinkedHashMap<>();
    private final Map<String, Integer> ifCount = new LinkedHashMap<>();
    private final Map<String, OspfProcess> processes = new LinkedHashMap<>();
    SpfThrottle throttle = SpfThrottle.MODERN;
    long linkDelay = MS;
    int mtu = 1500;
    /** Loopback host routes cost 0 (RFC 2328 §12.4.1.1), so route costs are sums of link costs; false: IOS, cost 1. */
    boolean rfcLoopbackCost = true;

    OspfLab(long seed) {
        net = new Network(seed);
    }

    /**
     * r1 (area 1) — r2 (ABR 1/0) — r3 (ABR 0/2) — r4 (area 2), point-to-point links of cost 10, 5
     * and 7 (10.0.12.0/30, 10.0.23.0/30, 10.0.34.0/30), the loopbacks of r1 and r4 in their areas.
     */
    static OspfLab twoAreaChain(long seed) {
        OspfLab lab = new OspfLab(seed);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.router("r4", "4.4.4.4");
        OspfInterfaceConfig a1 = OspfInterfaceConfig.inArea("1").withNetworkType(NetworkType.POINT_TO_POINT);
        OspfInterfaceConfig a0 = OspfInterfaceConfig.inArea("0").withNetworkType(NetworkType.POINT_TO_POINT);
        OspfInterfaceConfig a2 = OspfInterfaceConfig.inArea("0.0.0.2").withNetworkType(NetworkType.POINT_TO_POINT);
        lab.configure("r1", "lo0", OspfInterfaceConfig.inArea("1"));
        lab.configure("r4", "lo0", OspfInterfaceConfig.inArea("2"));
        lab.link("r1", "r2", "10.0.12.0/30", a1.withCost(10), a1.withCost(10));
        lab.link("r2", "r3", "10.0.23.0/30", a0.withCost(5), a0.withCost(5));
        lab.link("r3", "r4", "10.0.34.0/30", a2.withCost(7), a2.withCost(7));
        return lab;
    }

    /** A router with loopback lo0 = {@code rid}/32 in area 0. */
    Node router(String name, String rid) {
        Node n = net.addRouter(name);
        net.addLoopback(n, "lo0", Ipv4Prefix.parse(rid + "/32"));
        configs.put(name, OspfConfig.of(Ipv4Address.parse(rid)).withInterface("lo0",
                OspfInterfaceConfig.inArea(AREA0)));
        return n;
    }

    Node node(String name) {
        return net.node(name);
    }

    void configure(String router, String ifName, OspfInterfaceConfig c) {
        configs.put(router, configs.get(router).withInterface(ifName, c));
    }

    /** Sets {@code router}'s settings of {@code area} (stub, no-summary, default cost). */
    void area(String router, String area, AreaSettings settings) {
        configs.put(router, configs.get(router).withArea(OspfInterfaceConfig.parseArea(area), settings));
    }

    private String nextIf(String router) {
        int i = ifCount.merge(router, 1, Integer::sum) - 1;
        return "eth" + i;
    }

    /** A link between two routers with addresses .1 and .2 of {@code subnet}; returns the segment. */
    Segment link(String a, String b, String subnet, OspfInterfaceConfig ca, OspfInterfaceConfig cb) {
        Ipv4Prefix p = Ipv4Prefix.parse(subnet);
        String ia = nextIf(a);
        String ib = nextIf(b);
        EthernetInterface ea = net.addEthernet(node(a), ia, new Ipv4Prefix(p.network().address().plus(1), p.length()),
                mtu);
        EthernetInterface eb = net.addEthernet(node(b), ib, new Ipv4Prefix(p.network().address().plus(2), p.length()),
                mtu);
        Segment s = net.connect(a + "-" + b, 100_000_000L, linkDelay, 0, mtu, 1000, ea, eb);
        configure(a, ia, ca);
        configure(b, ib, cb);
        return s;
    }

    /** A point-to-point link in area 0 with the given cost on both ends. */
    Segment p2p(String a, String b, String subnet, int cost) {
        OspfInterfaceConfig c = OspfInterfaceConfig.inArea(AREA0).withNetworkType(NetworkType.POINT_TO_POINT)
                .withCost(cost);
        return link(a, b, subnet, c, c);
    }

    /** A broadcast LAN; router i gets address .(i+1); per-router priority from {@code priorities}. */
    Segment lan(String name, String subnet, String[] routers, int[] priorities) {
        Ipv4Prefix p = Ipv4Prefix.parse(subnet);
        EthernetInterface[] ends = new EthernetInterface[routers.length];
        for (int i = 0; i < routers.length; i++) {
            String itf = nextIf(routers[i]);
            ends[i] = net.addEthernet(node(routers[i]), itf, new Ipv4Prefix(p.network().address().plus(i + 1),
                    p.length()), 1500);
            configure(routers[i], itf, OspfInterfaceConfig.inArea(AREA0).withPriority(priorities[i]));
        }
        return net.connect(name, 100_000_000L, linkDelay, 0, 1500, 1000, ends);
    }

    /** Creates the OSPF processes (once) and runs until {@code t}. */
    void runUntil(long t) {
        if (processes.isEmpty()) {
            for (Map.Entry<String, OspfConfig> e : configs.entrySet()) {
                OspfProcess p = new OspfProcess(node(e.getKey()), e.getValue().withSpfThrottle(throttle)
                        .withRfcLoopbackCost(rfcLoopbackCost));
                node(e.getKey()).addService(p);
                processes.put(e.getKey(), p);
            }
        }
        net.runUntil(t);
    }

    OspfProcess ospf(String router) {
        return processes.get(router);
    }

    Interface itf(String router, String name) {
        return node(router).interfaceNamed(name);
    }

    boolean allFull() {
        for (OspfProcess p : processes.values()) {
            for (OspfNeighbor n : p.neighbors()) {
                if (n.state() != OspfNeighbor.State.FULL) {
                    return false;
                }
            }
        }
        return true;
    }

    /** First log entry at or after {@code after} on {@code node} containing {@code text}, or -1. */
    long firstLog(String node, String text, long after) {
        for (EventLog.Entry e : net.log().entries()) {
            if ((node == null || e.node().equals(node)) && e.time() >= after && e.format().contains(text)) {
                return e.time();
            }
        }
        return -1;
    }

    long countLog(String text) {
        return net.log().entries().stream().filter(e -> e.format().contains(text)).count();
    }

    /** Cost of the OSPF route to {@code prefix} at {@code router}, or -1. */
    long cost(String router, String prefix) {
        var routes = ospf(router).installedRoutes().get(Ipv4Prefix.parse(prefix));
        return routes == null || routes.isEmpty() ? -1 : routes.get(0).metric();
    }
}
