package io.tunnelsim.routing.bfd;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSection;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.YamlContext;
import io.tunnelsim.topology.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a router's {@code bfd:} section into a {@link BfdSpec} and the timer keys shared with a
 * variant's {@code bfd:} override ({@link BfdVariant}). Keys are FRR's: {@code transmit-interval},
 * {@code receive-interval}, {@code detect-multiplier}; described in {@code docs/routing-bfd.md}.
 */
public final class BfdYaml {
    /** The session timers; also a variant's {@code bfd:} override. */
    public static final Shape.Obj TIMERS = Shape.obj("BFD session timers (FRR bfdd's names and defaults).")
            .key("transmit-interval", Shape.DURATION, "Desired minimum transmit interval, 10ms..60s (default 300ms).")
            .key("receive-interval", Shape.DURATION, "Required minimum receive interval, 10ms..60s (default 300ms).")
            .key("detect-multiplier", Shape.integer(1, 255), "Packets missed before the session goes down (default 3).");

    static final Shape.Obj PEER = Shape.obj("A BFD peer without a client protocol.")
            .required("peer", Shape.IPV4, "Peer address.")
            .key("interface", Shape.TEXT, "Interface of a single-hop session (default: the connected one).")
            .key("multihop", Shape.BOOL, "Multihop session (RFC 5883).")
            .key("source", Shape.IPV4, "Local address of a multihop session.")
            .key("minimum-ttl", Shape.integer(1, 255), "Lowest TTL accepted on a multihop session (default 254).")
            .key("shutdown", Shape.BOOL, "Administratively down.")
            .keysOf(TIMERS);

    /** The node's {@code bfd:} section. */
    static final Shape.Obj SECTION = Shape.obj("BFD (RFC 5880, 5881, 5883).")
            .keysOf(TIMERS)
            .key("interfaces", Shape.namedMap(null, TIMERS), "Timers per interface, by name.")
            .key("peers", Shape.list(PEER), "Sessions configured without a client.");

    private BfdYaml() {
    }

    /**
     * The timers in {@code m} over {@code fallback}; an out-of-range value is reported at its key
     * and the fallback returned.
     */
    public static BfdTimers timers(YamlContext ctx, YamlMap m, BfdTimers fallback) {
        long tx = m.duration("transmit-interval", fallback.desiredMinTx());
        long rx = m.duration("receive-interval", fallback.requiredMinRx());
        int mult = (int) m.integer("detect-multiplier", fallback.detectMult(), 1, 255);
        for (String k : new String[] {"transmit-interval", "receive-interval"}) {
            long v = k.startsWith("t") ? tx : rx;
            if (m.has(k) && (v < BfdTimers.MIN_INTERVAL || v > BfdTimers.MAX_INTERVAL || v % SimTime.MICROSECOND != 0)) {
                ctx.error(m.nodeFor(k), "BFD " + k + " " + SimTime.formatShort(v)
                        + " is outside 10ms..60s (FRR bfdd's range; whole microseconds on the wire)");
                return fallback;
            }
        }
        return new BfdTimers(tx, rx, mult);
    }

    static BfdSpec read(NodeSection in) {
        YamlContext ctx = in.context();
        YamlMap m = ctx.map(in.value(), "'bfd' of node '" + in.node() + "'", SECTION);
        if (m == null) {
            return null;
        }
        in.markAll(in.path(), m);
        BfdTimers node = timers(ctx, m, BfdTimers.DEFAULT);
        Map<String, BfdTimers> ifs = new LinkedHashMap<>();
        if (m.has("interfaces")) {
            YamlMap im = ctx.namedMap(m.get("interfaces"), "'interfaces' of bfd");
            if (im != null) {
                for (YamlMap.Entry e : im.entries()) {
                    ctx.mark(in.path() + "/interfaces/" + e.key(), e.keyNode());
                    if (!in.checkInterface(e.keyNode(), e.key(), "bfd interface")) {
                        continue;
                    }
                    YamlMap c = ctx.map(e.value(), "bfd interface '" + e.key() + "'", TIMERS);
                    if (c != null) {
                        ifs.put(e.key(), timers(ctx, c, node));
                    }
                }
            }
        }
        List<BfdSpec.Peer> peers = new ArrayList<>();
        if (m.has("peers")) {
            List<Node> items = ctx.list(m.get("peers"), "'peers' of bfd");
            for (int i = 0; i < items.size(); i++) {
                YamlMap p = ctx.map(items.get(i), "a bfd peer (expected {peer: A.B.C.D, interface: X})", PEER);
                if (p == null || !p.require("peer", "a bfd peer")) {
                    continue;
                }
                in.markAll(in.path() + "/peers/" + i, p);
                BfdSpec.Peer peer = readPeer(in, p, ifs, node);
                if (peer != null) {
                    peers.add(peer);
                }
            }
        }
        return new BfdSpec(node, ifs, peers);
    }

    private static BfdSpec.Peer readPeer(NodeSection in, YamlMap p, Map<String, BfdTimers> ifs, BfdTimers node) {
        YamlContext ctx = in.context();
        Ipv4Address peer = p.ipv4("peer");
        if (peer == null) {
            return null;
        }
        boolean multihop = p.bool("multihop", false);
        String itf = p.string("interface", null);
        Ipv4Address source = p.ipv4("source");
        if (multihop) {
            if (itf != null) {
                ctx.error(p.nodeFor("interface"), "a multihop BFD peer is not bound to an interface: remove"
                        + " 'interface' or 'multihop'");
                return null;
            }
            if (source == null) {
                ctx.error(p.node(), "a multihop BFD peer needs 'source' (FRR: peer X multihop local-address Y)");
                return null;
            }
            if (!ownsAddress(in.interfaces(), source)) {
                ctx.error(p.nodeFor("source"), "BFD source " + source + " is not an address of node '" + in.node() + "'");
                return null;
            }
        } else {
            if (p.has("source") || p.has("minimum-ttl")) {
                ctx.error(p.node(), "'source' and 'minimum-ttl' are for multihop peers; add 'multihop: true' or remove them");
                return null;
            }
            if (itf == null) {
                itf = connectedInterface(in.interfaces(), peer);
                if (itf == null) {
                    ctx.error(p.nodeFor("peer"), "BFD peer " + peer + " is on no connected subnet of node '" + in.node()
                            + "': name its 'interface', or write 'multihop: true' with a 'source'");
                    return null;
                }
            } else if (!in.checkInterface(p.nodeFor("interface"), itf, "bfd peer interface")) {
                return null;
            } else if (in.interfaces().get(itf).address().isEmpty()) {
                ctx.error(p.nodeFor("interface"), "bfd peer interface '" + itf + "' has no IPv4 address, so no"
                        + " session can run on it");
                return null;
            }
        }
        BfdTimers base = itf != null ? ifs.getOrDefault(itf, node) : node;
        BfdTimers t = timers(ctx, p, base);
        int ttl = (int) p.integer("minimum-ttl", BfdService.DEFAULT_MINIMUM_TTL, 1, 255);
        BfdPeer key = multihop ? BfdPeer.multihop(peer, source) : BfdPeer.singleHop(peer, itf);
        return new BfdSpec.Peer(key, t, ttl, p.bool("shutdown", false));
    }

    private static boolean ownsAddress(Map<String, InterfaceSpec> interfaces, Ipv4Address a) {
        for (InterfaceSpec i : interfaces.values()) {
            if (i.address().isPresent() && i.address().get().address().equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static String connectedInterface(Map<String, InterfaceSpec> interfaces, Ipv4Address a) {
        for (InterfaceSpec i : interfaces.values()) {
            if (i.address().isPresent() && i.address().get().length() < 32 && i.address().get().contains(a)) {
                return i.name();
            }
        }
        return null;
    }
}
