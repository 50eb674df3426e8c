package io.tunnelsim.topology;

import io.tunnelsim.addr.Ipv4Address;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * BFD on a static route (IOS {@code ip route static bfd}, FRR {@code ip route ... bfd}): the
 * route is installed only while the session to its next hop is Up. A next hop on a connected
 * subnet gets a single-hop session on that interface (RFC 5881); any other a multihop session
 * (RFC 5883) from {@code source}, by default the node's highest loopback address.
 *
 * @param peer the next hop
 * @param interfaceName the interface of a single-hop session, empty for multihop
 * @param source the local address of a multihop session, empty for single hop
 * @param minimumTtl multihop only: lowest TTL accepted (FRR {@code minimum-ttl}, default 254)
 */
public record StaticBfdSpec(Ipv4Address peer, Optional<String> interfaceName, Optional<Ipv4Address> source,
                            int minimumTtl) {
    public boolean multihop() {
        return interfaceName.isEmpty();
    }

    /**
     * The session to {@code peer}: single hop on the connected interface ({@code iface} if
     * given) when {@code source} is empty, else multihop from {@code source}, by default the
     * node's highest loopback address. Null after an error (reported at {@code at}).
     */
    public static StaticBfdSpec resolve(YamlContext ctx, Node at, Ipv4Address peer, Optional<Ipv4Address> source,
                                         Optional<String> iface, Map<String, InterfaceSpec> interfaces, int ttl) {
        String connected = null;
        for (InterfaceSpec i : interfaces.values()) {
            if (i.address().isPresent() && i.address().get().length() < 32 && i.address().get().contains(peer)
                    && (iface.isEmpty() || iface.get().equals(i.name()))) {
                connected = i.name();
                break;
            }
        }
        if (connected != null && source.isEmpty()) {
            return new StaticBfdSpec(peer, Optional.of(connected), Optional.empty(), 255);
        }
        Ipv4Address src = source.orElse(null);
        if (src == null) {
            for (InterfaceSpec i : interfaces.values()) {
                if (i.kind() == InterfaceSpec.Kind.LOOPBACK && i.address().isPresent()
                        && (src == null || Integer.compareUnsigned(i.address().get().address().bits(), src.bits()) > 0)) {
                    src = i.address().get().address();
                }
            }
        }
        if (src == null) {
            ctx.error(at, "multihop BFD to " + peer + " needs a source address: name a 'source' interface or give"
                    + " the node a loopback");
            return null;
        }
        return new StaticBfdSpec(peer, Optional.empty(), Optional.of(src), ttl);
    }

    /**
     * Reads the {@code bfd:} value of a static route ({@code true}, {@code false} or
     * {@code {multihop, source, minimum-ttl}}); null when BFD is off or after an error.
     */
    static StaticBfdSpec read(YamlContext ctx, YamlMap route, Ipv4Address via, Optional<String> iface,
                              Map<String, InterfaceSpec> interfaces) {
        Node n = route.get("bfd");
        YamlMap m = null;
        if (n instanceof MappingNode) {
            m = ctx.map(n, "'bfd' of a static route", TopologyShapes.STATIC_BFD);
            if (m == null) {
                return null;
            }
        } else if (!route.bool("bfd", false)) {
            return null;
        }
        if (via == null) {
            ctx.error(n, "'bfd' on a static route needs 'via': the next hop is the BFD peer");
            return null;
        }
        String connected = null;
        for (InterfaceSpec i : interfaces.values()) {
            if (i.address().isPresent() && i.address().get().length() < 32 && i.address().get().contains(via)
                    && (iface.isEmpty() || iface.get().equals(i.name()))) {
                connected = i.name();
                break;
            }
        }
        boolean multihop = m != null && m.has("multihop") ? m.bool("multihop", false) : connected == null;
        if (!multihop && connected == null) {
            ctx.error(m.nodeFor("multihop"), "next hop " + via + " is not on a connected subnet, so BFD to it is"
                    + " multihop (RFC 5883): remove 'multihop: false'");
            return null;
        }
        if (!multihop) {
            if (m != null && (m.has("source") || m.has("minimum-ttl"))) {
                ctx.error(m.node(), "'source' and 'minimum-ttl' are for multihop BFD; next hop " + via
                        + " is connected on " + connected + ", so the session is single hop");
            }
            return new StaticBfdSpec(via, Optional.of(connected), Optional.empty(), 255);
        }
        Ipv4Address source = m == null ? null : m.ipv4("source");
        if (source != null) {
            boolean own = false;
            for (InterfaceSpec i : interfaces.values()) {
                own |= i.address().isPresent() && i.address().get().address().equals(source);
            }
            if (!own) {
                ctx.error(m.nodeFor("source"), "BFD source " + source + " is not an address of this node");
            }
        } else {
            for (InterfaceSpec i : interfaces.values()) {
                if (i.kind() == InterfaceSpec.Kind.LOOPBACK && i.address().isPresent()
                        && (source == null || Integer.compareUnsigned(i.address().get().address().bits(), source.bits()) > 0)) {
                    source = i.address().get().address();
                }
            }
            if (source == null) {
                ctx.error(n, "multihop BFD to " + via + " needs a source address: write bfd: {source: A.B.C.D}"
                        + " or give the node a loopback");
                return null;
            }
        }
        int ttl = m == null ? 254 : (int) m.integer("minimum-ttl", 254, 1, 255);
        return new StaticBfdSpec(via, Optional.empty(), Optional.of(source), ttl);
    }
}
