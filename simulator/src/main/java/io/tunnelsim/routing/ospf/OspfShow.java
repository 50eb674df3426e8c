package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import java.util.Locale;

/**
 * The {@code show} tables of a node's OSPF process, as {@link OspfModule} answers them: the text
 * of {@code show ip ospf}, {@code show ip ospf neighbor} and {@code show ip ospf database}, their
 * {@code show --json} rows ({@code ospf}, {@code neighbors}, {@code ospf_database}), and the {@code O IA} code of inter-area routes
 * in {@code show route}. Every table is empty (null, no rows) on a node without OSPF.
 */
public final class OspfShow {
    private OspfShow() {
    }

    /** {@code show ip ospf neighbor}, or null when the node runs no OSPF. */
    public static String neighbors(Node n) {
        OspfProcess p = n.service(OspfProcess.class);
        return p == null ? null : p.showNeighbors();
    }

    /** {@code show ip ospf}, or null when the node runs no OSPF. */
    public static String process(Node n) {
        OspfProcess p = n.service(OspfProcess.class);
        return p == null ? null : p.showProcess();
    }

    /** One {@code ospf} row per area, in area order: its type, interfaces, LSAs and the default an ABR sends into a stub. */
    public static void areaRows(Node n, JsonWriter w) {
        OspfProcess ospf = n.service(OspfProcess.class);
        if (ospf == null) {
            return;
        }
        for (OspfProcess.AreaRow r : ospf.areaRows()) {
            w.beginObject().member("router_id", ospf.routerId().toString()).member("area", r.area())
                    .member("type", r.type()).member("interfaces", r.interfaces()).member("lsas", r.lsas())
                    .member("area_border_router", ospf.isAbr());
            if (r.defaultCost() >= 0) {
                w.member("default_cost", r.defaultCost());
            }
            w.endObject();
        }
    }

    /** {@code show ip ospf database}, or null when the node runs no OSPF. */
    public static String database(Node n) {
        OspfProcess p = n.service(OspfProcess.class);
        return p == null ? null : p.showDatabase();
    }

    /** One {@code neighbors} row per neighbour, by interface then as the interface lists them. */
    public static void neighborRows(Node n, JsonWriter w) {
        OspfProcess ospf = n.service(OspfProcess.class);
        if (ospf == null) {
            return;
        }
        for (OspfInterface oi : ospf.interfaces()) {
            for (OspfNeighbor nb : oi.neighbors()) {
                w.beginObject().member("protocol", "ospf").member("router_id", nb.routerId().toString())
                        .member("address", new Ipv4Address(nb.address()).toString())
                        .member("priority", nb.priority()).member("state", nb.state().display())
                        .member("interface", oi.itf().name()).endObject();
            }
        }
    }

    /** One {@code ospf_database} row per LSA, in {@link OspfProcess#databaseRows()} order. */
    public static void databaseRows(Node n, JsonWriter w) {
        OspfProcess ospf = n.service(OspfProcess.class);
        if (ospf == null) {
            return;
        }
        for (OspfProcess.DatabaseRow r : ospf.databaseRows()) {
            w.beginObject().member("area", r.area()).member("type", r.type())
                    .member("link_state_id", r.linkStateId().toString())
                    .member("advertising_router", r.advertisingRouter().toString()).member("age", r.age())
                    .member("sequence", String.format(Locale.ROOT, "0x%08X", r.sequence()))
                    .member("checksum", String.format(Locale.ROOT, "0x%04X", r.checksum()));
            if (r.links() >= 0) {
                w.member("links", r.links());
            }
            w.endObject();
        }
    }

    /** {@code O IA} for an OSPF route the process holds as inter-area, else null. */
    public static String routeCode(Node n, Ipv4Prefix prefix, Route r) {
        if (r.source() != RouteSource.OSPF) {
            return null;
        }
        OspfProcess ospf = n.service(OspfProcess.class);
        return ospf != null && ospf.isInterArea(prefix) ? "O IA" : null;
    }
}
