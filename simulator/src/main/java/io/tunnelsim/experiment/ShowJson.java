package io.tunnelsim.experiment;

import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Ipv6Route;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Route;
import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.scenario.Show;
import io.tunnelsim.topology.NetworkModule;
import io.tunnelsim.topology.NetworkModules;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.tunnel.TunnelInterface;

/**
 * The {@code show} tables as JSON: one array of row objects per table, with the same facts as
 * the router-style text of {@link Show}. Interfaces are named as in the topology, with the
 * router-console spelling beside them as {@code ios_name}; times are seconds of simulated time.
 * The protocols' tables ({@code neighbors}, {@code ospf_database}, {@code track}) and the codes
 * of their routes come from the registered {@link ProtocolModule}s, and {@code sa} from the
 * {@link NetworkModule}s, so this class knows no protocol.
 */
public final class ShowJson {
    private ShowJson() {
    }

    /** Writes the rows of {@code what} on {@code n} as one JSON value. */
    public static void table(JsonWriter w, Node n, Show.What what, String arg) {
        switch (what) {
            case ROUTE -> route(w, n);
            case INTERFACES -> interfaces(w, n, null);
            case INTERFACE -> interfaces(w, n, Show.interfaceNamed(n, arg));
            case NEIGHBORS -> protocolRows(w, n, "neighbors");
            case SA -> sa(w, n);
            case ARP -> arp(w, n);
            case COUNTERS -> counters(w, n);
            case OSPF -> protocolRows(w, n, "ospf");
            case OSPF_DATABASE -> protocolRows(w, n, "ospf_database");
            case TRACK -> protocolRows(w, n, "track");
            default -> throw new IllegalArgumentException(what.toString());
        }
    }

    private static void str(JsonWriter w, String name, Object value) {
        w.name(name);
        if (value == null) {
            w.nullValue();
        } else {
            w.value(value.toString());
        }
    }

    static void route(JsonWriter w, Node n) {
        w.beginArray();
        for (FibEntry e : n.fib().entries()) {
            for (int i = 0; i < e.pathCount(); i++) {
                Route r = e.path(i);
                w.beginObject();
                w.member("code", ProtocolModules.routeCode(n, e.prefix().network(), r));
                w.member("prefix", e.prefix().network().toString());
                w.member("source", r.source().name().toLowerCase(java.util.Locale.ROOT));
                w.member("distance", r.distance()).member("metric", r.metric());
                str(w, "next_hop", r.hasNextHop() ? r.nextHopAddress() : null);
                w.member("interface", r.egress().name());
                w.endObject();
            }
        }
        for (Ipv6Route r : n.ipv6().routes()) {
            w.beginObject().member("code", r.source().code()).member("prefix", r.prefix().toString())
                    .member("source", r.source().name().toLowerCase(java.util.Locale.ROOT))
                    .member("distance", r.distance());
            str(w, "next_hop", r.nextHop());
            w.member("interface", r.egress().name()).endObject();
        }
        w.endArray();
    }

    static void interfaces(JsonWriter w, Node n, Interface only) {
        w.beginArray();
        for (Interface i : n.interfaces()) {
            if (only != null && i != only) {
                continue;
            }
            w.beginObject().member("name", i.name()).member("ios_name", i.iosName())
                    .member("admin_up", i.isAdminUp()).member("line_up", i.isUp());
            str(w, "ipv4", i.ipv4());
            w.name("ipv6").beginArray();
            i.ipv6().forEach(p -> w.value(p.toString()));
            w.endArray();
            w.member("mtu", i.mtu()).member("bandwidth_bps", i.bandwidthBps());
            if (i instanceof EthernetInterface e) {
                w.member("mac", e.mac().toString());
                str(w, "link", e.segment() == null ? null : e.segment().name());
            }
            w.member("kind", i instanceof TunnelInterface ? "tunnel" : i instanceof EthernetInterface ? "ethernet" : "loopback");
            w.member("in_packets", i.inPackets).member("in_bytes", i.inBytes)
                    .member("out_packets", i.outPackets).member("out_bytes", i.outBytes).endObject();
        }
        w.endArray();
    }

    /**
     * The rows of the protocol modules that answer {@code table} ({@code neighbors}: OSPF's,
     * then RIP's), in registration order.
     */
    static void protocolRows(JsonWriter w, Node n, String table) {
        w.beginArray();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            var rows = m.showJsonRows().get(table);
            if (rows != null) {
                rows.accept(n, w);
            }
        }
        w.endArray();
    }

    /** The rows of the network modules that answer {@code sa} (IPsec's SAs), in registration order. */
    static void sa(JsonWriter w, Node n) {
        w.beginArray();
        for (NetworkModule<?> m : NetworkModules.all()) {
            var rows = m.showJsonRows().get("sa");
            if (rows != null) {
                rows.accept(n, w);
            }
        }
        w.endArray();
    }

    static void arp(JsonWriter w, Node n) {
        w.beginArray();
        for (Interface i : n.interfaces()) {
            if (i instanceof EthernetInterface e) {
                e.arpTable().forEach((ip, mac) -> w.beginObject().member("address", ip.toString())
                        .member("mac", mac.toString()).member("interface", e.name()).endObject());
            }
        }
        w.endArray();
    }

    static void counters(JsonWriter w, Node n) {
        var c = n.counters();
        w.beginObject().member("received", c.received).member("forwarded", c.forwarded).member("delivered", c.delivered)
                .member("originated", c.originated).name("drops").beginObject();
        c.dropsByReason().forEach((k, v) -> w.member(k, v));
        w.endObject();
        // the terms of docs/model.md's balance: in = out + held
        w.name("balance").beginObject()
                .name("in").beginObject().member("received", c.received).member("originated", c.originated)
                .member("fragments", c.fragments).member("reassembled", c.reassembled).endObject()
                .name("out").beginObject().member("sent", c.sent).member("encapsulated", c.encapsulated)
                .member("delivered", c.delivered).member("arp_delivered", c.arpDelivered).member("dropped", c.networkDrops()).member("fragmented", c.fragmented)
                .member("fragments_reassembled", c.fragmentsReassembled).endObject()
                .name("held").beginObject().member("fragments_held", c.heldFragments).member("arp_pending", c.heldArp)
                .member("nd_pending", c.heldNd).endObject()
                .name("drops_by_stage").beginObject().name("network").beginObject();
        c.networkDropsByReason().forEach((k, v) -> w.member(k, v));
        w.endObject().name("local").beginObject();
        c.localDropsByReason().forEach((k, v) -> w.member(k, v));
        w.endObject().endObject()
                .member("difference", c.imbalance()).member("balanced", c.imbalance() == 0).endObject();
        w.endObject();
    }
}
