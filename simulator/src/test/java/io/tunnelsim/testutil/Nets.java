package io.tunnelsim.testutil;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;

/** Small helpers the hand-built test networks share. */
public final class Nets {
    private Nets() {
    }

    /** Adds static routes to the node's static routing, creating it on first use. */
    public static void statics(Node node, StaticRoute... routes) {
        StaticRouting s = node.service(StaticRouting.class);
        if (s == null) {
            s = new StaticRouting(node);
            node.addService(s);
        }
        for (StaticRoute r : routes) {
            s.add(r);
        }
    }

    /** Bandwidth of every hand-built test link: 100 Mbit/s. */
    public static final long BANDWIDTH = 100_000_000L;

    /**
     * A loss-free Ethernet cable (100 Mbit/s, MTU 1500, 1000-frame queue) named {@code name} between
     * two new interfaces, {@code a}'s {@code aIf} at {@code aAddr} and {@code b}'s {@code bIf} at
     * {@code bAddr} (prefixes such as {@code 203.0.113.2/30}). Returns {@code a}'s interface.
     */
    public static EthernetInterface cable(Network net, String name, long delay,
                                          Node a, String aIf, String aAddr, Node b, String bIf, String bAddr) {
        EthernetInterface ea = net.addEthernet(a, aIf, Ipv4Prefix.parse(aAddr), 1500);
        EthernetInterface eb = net.addEthernet(b, bIf, Ipv4Prefix.parse(bAddr), 1500);
        net.connect(name, BANDWIDTH, delay, 0, 1500, 1000, ea, eb);
        return ea;
    }

    /**
     * A site LAN {@code net3}.0/24 (e.g. {@code "10.1.0"}) on a cable of 1 ms named {@code linkName}:
     * the router's {@code lan0} at .1, the host's {@code eth0} at .10 with its default route to the
     * router.
     */
    public static void siteLan(Network net, String linkName, Node router, Node host, String net3) {
        cable(net, linkName, io.tunnelsim.sim.SimTime.MILLISECOND, router, "lan0", net3 + ".1/24", host, "eth0", net3 + ".10/24");
        statics(host, StaticRoute.via("0.0.0.0/0", net3 + ".1"));
    }

    /** An ICMP echo flow (identifier 1) from {@code from} to {@code to}, sent until {@code stop}. */
    public static ProbeFlow ping(Network net, String from, String to, long interval, int size, long stop) {
        ProbeFlow f = new ProbeFlow(from + ">" + to, 1, net.node(from), Ipv4Address.parse(to), ProbeFlow.Type.ICMP,
                interval, size, 0, stop, 0);
        net.node(from).addService(f);
        return f;
    }
}
