package io.tunnelsim.experiment;

import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Ipv6Route;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.scenario.Show;
import io.tunnelsim.routing.ospf.OspfInterface;
import io.tunnelsim.routing.ospf.OspfNeighbor;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.routing.rip.RipProcess;
import io.tunnelsim.routing.track.Track;
import io.tunnelsim.topology.NetworkModule;
import io.tunnelsim.topology.NetworkModules;
import io.tunnelsim.tunnel.TunnelInterface;

/**
 * The {@code show} tables as JSON: one array of row objects per table, with the same facts as
 * the router-style text of {@link Show}. Interfaces are named as in the topology, with the
 * router-console spelling beside them as {@code ios_name}; times are seconds of simulated time.
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
            case NEIGHBORS -> neighbors(w, n);
            case SA -> sa(w, n);
            case ARP -> arp(w, n);
            case COUNTERS -> counters(w, n);
            case OSPF_DATABASE -> ospfDatabase(w, n);
            case TRACK -> track(w, n);
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
        OspfProcess ospf = n.service(OspfProcess.class);
        w.beginArray();
        for (FibEntry e : n.fib().entries()) {
            for (int i = 0; i < e.pathCount(); i++) {
                Route r = e.path(i);
                w.beginObject();
                w.member("code", ospf != null && r.source() == RouteSource.OSPF && ospf.isInterArea(e.prefix().network())
                        ? "O IA" : r.source().code());
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

    static void neighbors(JsonWriter w, Node n) {
        w.beginArray();
        OspfProcess ospf = n.service(OspfProcess.class);
        if (ospf != null) {
            for (OspfInterface oi : ospf.interfaces()) {
                for (OspfNeighbor nb : oi.neighbors()) {
                    w.beginObject().member("protocol", "ospf").member("router_id", nb.routerId().toString())
                            .member("address", new io.tunnelsim.addr.Ipv4Address(nb.address()).toString())
                            .member("priority", nb.priority()).member("state", nb.state().display())
                            .member("interface", oi.itf().name()).endObject();
                }
            }
        }
        RipProcess rip = n.service(RipProcess.class);
        if (rip != null) {
            rip.neighbors().forEach((addr, lastHeard) -> {
                w.beginObject().member("protocol", "rip").member("address", addr.toString()).name("last_heard")
                        .seconds(lastHeard).endObject();
            });
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

    static void ospfDatabase(JsonWriter w, Node n) {
        w.beginArray();
        OspfProcess ospf = n.service(OspfProcess.class);
        if (ospf != null) {
            for (OspfProcess.DatabaseRow r : ospf.databaseRows()) {
                w.beginObject().member("area", r.area()).member("type", r.type())
                        .member("link_state_id", r.linkStateId().toString())
                        .member("advertising_router", r.advertisingRouter().toString()).member("age", r.age())
                        .member("sequence", String.format(java.util.Locale.ROOT, "0x%08X", r.sequence()))
                        .member("checksum", String.format(java.util.Locale.ROOT, "0x%04X", r.checksum()));
                if (r.links() >= 0) {
                    w.member("links", r.links());
                }
                w.endObject();
            }
        }
        w.endArray();
    }

    static void track(JsonWriter w, Node n) {
        w.beginArray();
        for (var s : n.services()) {
            if (s instanceof Track t) {
                var sla = t.sla();
                w.beginObject().member("track", t.id());
                if (sla == null) {
                    w.member("object", t.object());
                } else {
                    w.member("ip_sla", sla.id());
                }
                w.member("up", t.isUp()).member("changes", t.changes()).name("last_change");
                if (t.lastChange() < 0) {
                    w.nullValue();
                } else {
                    w.seconds(t.lastChange());
                }
                if (sla == null) {
                    w.endObject();
                    continue;
                }
                w.member("return_code", sla.lastReturnCode().name().toLowerCase(java.util.Locale.ROOT))
                        .member("target", sla.config().target().toString())
                        .name("frequency").seconds(sla.config().frequency()).name("timeout").seconds(sla.config().timeout())
                        .member("successes", sla.successes()).member("failures", sla.failures()).endObject();
            }
        }
        w.endArray();
    }
}
