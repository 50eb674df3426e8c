package io.tunnelsim.scenario;

import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Ipv6Route;
import io.tunnelsim.node.Node;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.tunnel.TunnelInterface;
import java.util.Locale;

/**
 * Router-style {@code show} output of one node's state, and the same tables as JSON
 * ({@link io.tunnelsim.experiment.ShowJson}). Interfaces are named as written in the topology ({@code tunnel0});
 * the router-console spelling ({@code Tunnel0}) is accepted wherever an interface is named.
 */
public final class Show {
    /** What {@code show} can print; {@link #INTERFACE} takes an interface name. */
    public enum What { ROUTE, INTERFACES, INTERFACE, NEIGHBORS, SA, ARP, COUNTERS, OSPF, OSPF_DATABASE, TRACK }

    private Show() {
    }

    public static String render(Node n, What what) {
        return render(n, what, null);
    }

    /** The table as text; {@code arg} is the interface of {@link What#INTERFACE}. */
    public static String render(Node n, What what, String arg) {
        return switch (what) {
            case ROUTE -> route(n);
            case INTERFACES -> interfaces(n);
            case INTERFACE -> interfaces(n, interfaceNamed(n, arg));
            case NEIGHBORS -> ProtocolShow.neighbors(n);
            case SA -> ProtocolShow.sa(n);
            case ARP -> arp(n);
            case COUNTERS -> counters(n);
            case OSPF -> ProtocolShow.ospf(n);
            case OSPF_DATABASE -> ProtocolShow.ospfDatabase(n);
            case TRACK -> ProtocolShow.track(n);
        };
    }

    /**
     * The interface {@code name} names on {@code n}: as written in the topology, or in its
     * router-console spelling ({@code Tunnel0}, {@code Loopback0}), case-insensitively.
     *
     * @throws IllegalArgumentException naming the node's interfaces when none matches
     */
    public static Interface interfaceNamed(Node n, String name) {
        for (Interface i : n.interfaces()) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        for (Interface i : n.interfaces()) {
            if (i.iosName().equalsIgnoreCase(name) || i.name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no interface '" + name + "' on " + n.name() + " (interfaces: "
                + String.join(", ", n.interfaces().stream().map(Interface::name).toList()) + ")");
    }

    static String route(Node n) {
        StringBuilder sb = new StringBuilder(n.rib().show((p, r) -> ProtocolModules.routeCode(n, p, r)));
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
        return interfaces(n, null);
    }

    /** Every interface, or only {@code only} when it is not null. */
    static String interfaces(Node n, Interface only) {
        StringBuilder sb = new StringBuilder();
        for (Interface i : n.interfaces()) {
            if (only != null && i != only) {
                continue;
            }
            sb.append(i.statusLine());
            if (!i.iosName().equals(i.name())) {
                sb.append("  (").append(i.iosName()).append(" on a router console)");
            }
            sb.append('\n');
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
        var local = c.localDropsByReason();
        c.dropsByReason().forEach((k, v) -> {
            // a local-stage drop (refused after delivery) is outside the balance: marked
            Long l = local.get(k);
            String stage = l == null ? "" : l.longValue() == v ? " (local)" : " (local " + l + ")";
            sb.append(String.format(Locale.ROOT, "  drop %-32s %d%s%n", k, v, stage));
        });
        sb.append("balance: ").append(c.balanceLine()).append('\n');
        return sb.toString();
    }
}
