package io.tunnelsim.testutil;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;
import io.tunnelsim.scenario.ProbeFlow;

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

    /** An ICMP echo flow (identifier 1) from {@code from} to {@code to}, sent until {@code stop}. */
    public static ProbeFlow ping(Network net, String from, String to, long interval, int size, long stop) {
        ProbeFlow f = new ProbeFlow(from + ">" + to, 1, net.node(from), Ipv4Address.parse(to), ProbeFlow.Type.ICMP,
                interval, size, 0, stop, 0);
        net.node(from).addService(f);
        return f;
    }
}
