package io.tunnelsim.scenario;

import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Ipv6Route;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.RouteSource;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.Locale;

/** Router-style {@code show} output of one node's state. */
public final class Show {
    /** What {@code show} can print. */
    public enum What { ROUTE, INTERFACES, NEIGHBORS, SA, ARP, COUNTERS }

    private Show() {
    }

    public static String render(Node n, What what) {
        return switch (what) {
            case ROUTE -> route(n);
            case INTERFACES -> interfaces(n);
            case NEIGHBORS -> ProtocolShow.neighbors(n);
            case SA -> ProtocolShow.sa(n);
            case ARP -> arp(n);
            case COUNTERS -> counters(n);
        };
    }

    static String route(Node n) {
        io.tunnelsim.routing.ospf.OspfProcess ospf = n.service(io.tunnelsim.routing.ospf.OspfProcess.class);
        StringBuilder sb = new StringBuilder(n.rib().show((p, r) -> ospf != null && r.source() == RouteSource.OSPF
                && ospf.isInterArea(p) ? "O IA" : r.source().code()));
        if (!n.ipv6().routes().isEmpty()) {
            sb.append("\nIPv6 Routing Table\n");
            for (Ipv6Route r : n.ipv6().routes()) {
                sb.append(String.format(Locale.ROOT, "%-3s%s [%d]%n     via %s%s%n", r.source().code(), r.prefix(), r.distance(),
                        r.nextHop() == null ? "" : r.nextHop() + ", ", r.egress().displayName()));
            }
        }
        return sb.toString();
    }

    static String interfaces(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Interface i : n.interfaces()) {
            sb.append(i.statusLine()).append('\n');
            if (i instanceof EthernetInterface e) {
                sb.append("  Hardware is Ethernet, address is ").append(e.mac());
                if (e.segment() != null) {
                    sb.append(", link ").append(e.segment().name());
                }
                sb.append('\n');
            }
            if (i.ipv4() != null) {
                sb.append("  Internet address is ").append(i.ipv4()).append('\n');
            }
            i.ipv6().forEach(p -> sb.append("  IPv6 address is ").append(p).append('\n'));
            sb.append(String.format(Locale.ROOT, "  MTU %d bytes, BW %d Kbit/sec%n", i.mtu(), i.bandwidthBps() / 1000));
            if (i instanceof TunnelInterface t) {
                sb.append(t.details());
            }
            sb.append(String.format(Locale.ROOT, "  %d packets input, %d bytes; %d packets output, %d bytes%n",
                    i.inPackets, i.inBytes, i.outPackets, i.outBytes));
        }
        return sb.toString();
    }

    static String arp(Node n) {
        StringBuilder sb = new StringBuilder("Protocol  Address          Hardware Addr       Interface\n");
        for (Interface i : n.interfaces()) {
            if (i instanceof EthernetInterface e) {
                e.arpTable().forEach((ip, mac) -> sb.append(String.format(Locale.ROOT, "Internet  %-16s %-19s %s%n", ip, mac, e.displayName())));
            }
        }
        return sb.toString();
    }

    static String counters(Node n) {
        var c = n.counters();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "received %d, forwarded %d, delivered %d, originated %d%n", c.received, c.forwarded, c.delivered, c.originated));
        c.dropsByReason().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  drop %-32s %d%n", k, v)));
        return sb.toString();
    }
}
