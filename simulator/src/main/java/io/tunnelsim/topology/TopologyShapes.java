package io.tunnelsim.topology;

import static io.tunnelsim.topology.Shape.BANDWIDTH;
import static io.tunnelsim.topology.Shape.BOOL;
import static io.tunnelsim.topology.Shape.DURATION;
import static io.tunnelsim.topology.Shape.ENDPOINT;
import static io.tunnelsim.topology.Shape.FRACTION;
import static io.tunnelsim.topology.Shape.IP;
import static io.tunnelsim.topology.Shape.IPV4;
import static io.tunnelsim.topology.Shape.IPV4_PREFIX;
import static io.tunnelsim.topology.Shape.IPV6_PREFIX;
import static io.tunnelsim.topology.Shape.IP_PREFIX;
import static io.tunnelsim.topology.Shape.TEXT;

/**
 * The keys of a topology file ({@code docs/topology-format.md}): what {@link TopologyReader}
 * refuses unknown keys by and {@link JsonSchema} writes as {@code schema/topology.schema.json}.
 * A node's protocol sections come from the registered {@link ProtocolModule}s' shapes, the root's
 * module sections and the interface's module keys from the registered {@link NetworkModule}s'.
 */
public final class TopologyShapes {

    private TopologyShapes() {
    }

    /** A link's parameters, also under {@code defaults.link}. */
    static final Shape.Obj LINK_PARAMS = Shape.obj("Link parameters.")
            .key("delay", DURATION, "One-way propagation delay (default 1ms).")
            .key("bandwidth", BANDWIDTH, "Line rate, e.g. 10Mbps (default 100Mbps).")
            .key("mtu", Shape.integer(68, 65535), "IP MTU of the link's interfaces in bytes (default 1500).")
            .key("loss", FRACTION, "Random frame loss, 0..1 or a percentage such as \"1%\".")
            .key("queue", Shape.integer(1, 1_000_000), "Transmit queue length in packets (default 100).");

    static final Shape.Obj DEFAULTS = Shape.obj("Defaults for every link.")
            .key("link", LINK_PARAMS, "Parameters a link takes unless it writes its own.");

    static final Shape.Obj LINK = Shape.obj("A link (point to point) or a LAN segment (more endpoints).")
            .key("name", TEXT, "Link name (default a--b); names its capture file.")
            .required("endpoints", Shape.list(ENDPOINT), "The interfaces on the link, as node:interface.")
            .keysOf(LINK_PARAMS)
            .key("lan", BOOL, "A LAN segment: true with one endpoint (live peers) or more than two.");

    /** GRE keepalives; also a variant's {@code keepalive:} override. */
    public static final Shape.Obj KEEPALIVE = Shape.obj("GRE keepalives (IOS: keepalive PERIOD RETRIES).")
            .key("period", DURATION, "Interval between keepalives (default 10s).")
            .key("retries", Shape.integer(1, 255), "Keepalives unanswered before the line protocol goes down (default 3).");

    static final Shape.Obj PATH_MTU = Shape.obj("Tunnel path-MTU discovery (IOS tunnel path-mtu-discovery).")
            .key("age-timer", Shape.anyOf(DURATION, Shape.choice("infinite")),
                    "How long a learnt path MTU is kept (default 10m), or infinite.")
            .key("min-mtu", Shape.integer(92, 65535), "Lowest path MTU accepted (default 92).");

    static final Shape.Obj TUNNEL = Shape.obj("A GRE tunnel.")
            .required("source", TEXT, "Source interface name or one of the node's IPv4 addresses.")
            .required("destination", IPV4, "Far end's tunnel source address.")
            .key("key", Shape.integer(0, 0xFFFF_FFFFL), "GRE key (RFC 2890); both ends must agree.")
            .key("sequence", BOOL, "Send GRE sequence numbers.")
            .key("checksum", BOOL, "Send GRE checksums.")
            .key("keepalive", Shape.anyOf(Shape.BOOL, KEEPALIVE), "GRE keepalives: true for 10s x 3, or {period, retries}.")
            .key("recursion-hold", DURATION, "How long a tunnel stays down after recursive routing is detected.")
            .key("df", Shape.choice("clear", "inherit"), "Outer DF bit: clear (IOS default) or inherit the passenger's.")
            .key("path-mtu-discovery", Shape.anyOf(Shape.BOOL, PATH_MTU), "Tunnel path-MTU discovery: true or {age-timer, min-mtu}.")
            .key("keepalive-protection", Shape.choice("supported", "unsupported"),
                    "Whether keepalives work under tunnel protection (unsupported: as on IOS releases that drop them).");

    static final Shape.Obj STATIC_BFD = Shape.obj("BFD for a static route's next hop.")
            .key("multihop", BOOL, "Multihop session (default: when the next hop is not on a connected subnet).")
            .key("source", IPV4, "Local address of a multihop session (default the highest loopback).")
            .key("minimum-ttl", Shape.integer(1, 255), "Lowest TTL accepted on a multihop session (default 254).");

    static final Shape.Obj STATIC = Shape.obj("A static route.")
            .required("prefix", IP_PREFIX, "Destination prefix, IPv4 or IPv6.")
            .key("via", IP, "Next-hop address.")
            .key("interface", TEXT, "Outgoing interface.")
            .key("distance", Shape.integer(1, 255), "Administrative distance (default 1; higher: floating static).")
            .key("track", Shape.integer(1, 1000), "Track object the route follows.")
            .key("bfd", Shape.anyOf(Shape.BOOL, STATIC_BFD), "Install the route only while BFD to the next hop is up.");

    /**
     * The interface's keys (its own, each registered network module's after {@code tunnel}), the
     * node's keys (its own, then each registered protocol module's section) and the root's (its
     * own, each registered network module's section after {@code links}).
     */
    private static final class Holder {
        /** The words of {@code protocol} come from the registered modules' routing choices. */
        static final Shape.Obj ROUTING = Shape.obj("Network-wide routing generated over the GRE tunnels.")
                .key("protocol", Shape.choice(RoutingProtocol.byName().keySet()), "Routing protocol.");
        static final Shape.Obj INTERFACE = iface();
        static final Shape.Obj NODE = node();
        static final Shape.Obj TOPOLOGY = Shape.named("topology", "A tunnelsim topology: nodes, links and IPsec profiles.")
                .key("name", TEXT, "Topology name (default: the file name).")
                .key("defaults", DEFAULTS, "Defaults for links.")
                .required("nodes", Shape.namedMap(TopologyReader.NODE_NAME.pattern(), NODE), "Routers and hosts, by name.")
                .key("links", Shape.list(LINK), "Links and LAN segments.");

        static {
            for (NetworkModule<?> nm : NetworkModules.all()) {
                TOPOLOGY.key(nm.rootKey(), nm.rootShape(), nm.rootDescription());
            }
            TOPOLOGY.key("routing", ROUTING, "Routing generated on the overlay.");
        }

        private static Shape.Obj iface() {
            Shape.Obj i = Shape.obj("An interface; the kind follows the name (lo*, tunnel*) or a 'tunnel' key.")
                    .key("address", IPV4_PREFIX, "IPv4 address with prefix length, e.g. 10.0.0.1/30.")
                    .key("ipv6", IPV6_PREFIX, "IPv6 address with prefix length, e.g. 2001:db8::1/64.")
                    .key("mtu", Shape.integer(68, 65535), "IP MTU in bytes (default: the link's; a tunnel's: its source's less GRE).")
                    .key("bandwidth", BANDWIDTH, "Bandwidth (default: the link's); sets the OSPF cost.")
                    .key("delay", DURATION, "Delay (default: the link's).")
                    .key("shutdown", BOOL, "Administratively down.")
                    .key("gateway", IPV4, "A host's default gateway.")
                    .key("tunnel", TUNNEL, "Makes the interface a GRE tunnel.");
            for (NetworkModule<?> nm : NetworkModules.all()) {
                i.keysOf(nm.interfaceKeys());
            }
            return i.key("unreachables", BOOL, "Send ICMP unreachables (default true; false: no ip unreachables).");
        }

        private static Shape.Obj node() {
            Shape.Obj n = Shape.obj("A router or host.")
                    .key("kind", Shape.choice("router", "host"), "router (default) or host.")
                    .key("interfaces", Shape.namedMap(TopologyReader.IFACE_NAME.pattern(), INTERFACE), "Interfaces, by name.")
                    .key("static", Shape.list(STATIC), "Static routes.");
            for (ProtocolModule<?> pm : ProtocolModules.all()) {
                n.key(pm.nodeKey(), pm.sectionShape(), pm.sectionDescription());
            }
            return n;
        }
    }

    /** The root's {@code routing:} mapping. */
    static Shape.Obj routing() {
        return Holder.ROUTING;
    }

    /** An interface's mapping. */
    static Shape.Obj iface() {
        return Holder.INTERFACE;
    }

    /** A node's mapping. */
    static Shape.Obj node() {
        return Holder.NODE;
    }

    /** The whole topology document (also a scenario's inline {@code topology:}). */
    public static Shape.Obj topology() {
        return Holder.TOPOLOGY;
    }
}
