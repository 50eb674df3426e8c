package io.tunnelsim.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Prefix;

/**
 * Reads a node's {@code interfaces:} (Ethernet, loopback and GRE tunnel interfaces, with
 * defaults from the interface's link, else the topology's), part of {@link TopologyReader};
 * a tunnel's source is resolved once all of the node's interfaces are read.
 */
final class InterfacesReader {

    private static final Pattern LOOPBACK_NAME = Pattern.compile("(lo|Lo|loopback|Loopback)[0-9]*");

    private final YamlContext ctx;
    /** The endpoint → link assignment interfaces take their defaults from; first link wins. */
    private final Map<Endpoint, LinkSpec> linkByEndpoint;

    InterfacesReader(YamlContext ctx, Map<Endpoint, LinkSpec> linkByEndpoint) {
        this.ctx = ctx;
        this.linkByEndpoint = linkByEndpoint;
    }

    /** Mutable interface state while a node is being read. */
    private static final class IfaceDraft {
        String name;
        InterfaceSpec.Kind kind;
        Ipv4Prefix address;
        Ipv6Prefix ipv6;
        Integer mtu;
        long bandwidth;
        long delay;
        boolean shutdown;
        Ipv4Address gateway;
        TunnelDraft tunnel;
        boolean unreachables = true;
        final Map<String, Object> modules = new LinkedHashMap<>();
    }

    private static final class TunnelDraft {
        String source;
        Node sourceNode;
        Ipv4Address destination;
        OptionalLong key = OptionalLong.empty();
        boolean sequence;
        boolean checksum;
        KeepaliveSpec keepalive;
        long recursionHold;
        TunnelMtuSpec mtuDiscovery = TunnelMtuSpec.DEFAULT;
        boolean keepaliveUnderProtection = true;
        YamlMap map;
    }

    /** The node's {@code interfaces:}, defaults applied (from its link, else the topology's), by name in file order. */
    Map<String, InterfaceSpec> read(String name, boolean host, YamlMap m, LinkDefaults d) {
        Map<String, IfaceDraft> drafts = new LinkedHashMap<>();
        if (m.has("interfaces")) {
            YamlMap ifs = ctx.namedMap(m.get("interfaces"), "'interfaces' of node '" + name + "'");
            if (ifs != null) {
                for (YamlMap.Entry ie : ifs.entries()) {
                    IfaceDraft dr = readInterface(name, host, ie, d);
                    if (dr != null) {
                        drafts.put(dr.name, dr);
                    }
                }
            }
        }
        return finishInterfaces(name, drafts);
    }

    private IfaceDraft readInterface(String node, boolean host, YamlMap.Entry entry, LinkDefaults d) {
        String name = entry.key();
        String path = "nodes/" + node + "/interfaces/" + name;
        ctx.mark(path, entry.keyNode());
        if (!TopologyReader.IFACE_NAME.matcher(name).matches()) {
            ctx.error(entry.keyNode(), "interface name '" + YamlContext.abbreviate(name)
                    + "' must start with a letter and use only letters, digits, '_', '.', '/' and '-'");
        }
        YamlMap m = ctx.map(entry.value(), "interface '" + node + ":" + name + "'", TopologyShapes.iface());
        if (m == null) {
            return null;
        }
        markAll(path, m);
        IfaceDraft dr = new IfaceDraft();
        dr.name = name;
        boolean tunnelName = name.startsWith("tunnel") || name.startsWith("Tunnel");
        if (LOOPBACK_NAME.matcher(name).matches() && !m.has("tunnel")) {
            dr.kind = InterfaceSpec.Kind.LOOPBACK;
        } else if (tunnelName || m.has("tunnel")) {
            dr.kind = InterfaceSpec.Kind.TUNNEL;
        } else {
            dr.kind = InterfaceSpec.Kind.ETHERNET;
        }
        String where = "interface '" + node + ":" + name + "'";
        dr.address = m.ipv4Prefix("address", true);
        if (dr.address != null) {
            checkHostAddress(m.get("address"), dr.address);
        }
        dr.ipv6 = m.ipv6Prefix("ipv6", true);
        if (m.has("mtu")) {
            dr.mtu = (int) m.integer("mtu", 1500, 68, 65535);
        }
        LinkSpec link = linkByEndpoint.get(new Endpoint(node, name));
        switch (dr.kind) {
            case LOOPBACK -> {
                dr.bandwidth = m.bandwidth("bandwidth", InterfaceSpec.LOOPBACK_BANDWIDTH);
                dr.delay = m.duration("delay", TopologyReader.LOOPBACK_DELAY);
            }
            case TUNNEL -> {
                dr.bandwidth = m.bandwidth("bandwidth", InterfaceSpec.TUNNEL_BANDWIDTH);
                dr.delay = m.duration("delay", TopologyReader.TUNNEL_DELAY);
            }
            default -> {
                dr.bandwidth = m.bandwidth("bandwidth", link != null ? link.bandwidthBps() : d.bandwidthBps());
                dr.delay = m.duration("delay", link != null ? link.delayNs() : d.delayNs());
                if (dr.mtu == null) {
                    dr.mtu = link != null ? link.mtu() : d.mtu();
                }
            }
        }
        dr.shutdown = m.bool("shutdown", false);
        dr.unreachables = m.bool("unreachables", true);
        if (m.has("gateway")) {
            if (!host) {
                ctx.error(m.get("gateway"), "'gateway' is for hosts; on a router write a static route to 0.0.0.0/0");
            } else {
                dr.gateway = m.ipv4("gateway");
                if (dr.gateway != null && dr.address != null && !dr.address.contains(dr.gateway)) {
                    ctx.error(m.get("gateway"), "gateway " + dr.gateway + " is not in the interface's subnet "
                            + dr.address.network());
                }
            }
        }
        if (dr.kind == InterfaceSpec.Kind.TUNNEL) {
            if (host) {
                ctx.error(entry.keyNode(), "host '" + node + "' cannot have tunnel interface '" + name + "'");
            }
            if (!m.has("tunnel")) {
                ctx.error(entry.keyNode(), where + " is a tunnel and needs 'tunnel: {source: ..., destination: ...}'");
            } else {
                dr.tunnel = readTunnel(path + "/tunnel", m.get("tunnel"), where);
            }
        }
        YamlMap tunnelMap = dr.tunnel == null ? null : dr.tunnel.map;
        for (NetworkModule<?> nm : NetworkModules.all()) {
            Object v = nm.readInterface(new InterfaceSection(ctx, node, name, dr.kind, where, m, tunnelMap));
            if (v != null) {
                dr.modules.put(nm.rootKey(), v);
            }
        }
        return dr;
    }

    private void checkHostAddress(Node at, Ipv4Prefix p) {
        if (p.length() <= 30) {
            if (p.address().bits() == p.networkBits()) {
                ctx.error(at, p + " is the network address of its subnet; an interface needs a host address");
            } else if (p.address().equals(p.broadcast())) {
                ctx.error(at, p + " is the broadcast address of its subnet; an interface needs a host address");
            }
        }
        if (p.address().isMulticast() || p.address().isUnspecified() || p.address().isLimitedBroadcast()) {
            ctx.error(at, p.address() + " cannot be an interface address");
        }
    }

    private TunnelDraft readTunnel(String path, Node n, String where) {
        YamlMap t = ctx.map(n, "'tunnel' of " + where, TopologyShapes.TUNNEL);
        if (t == null) {
            return null;
        }
        markAll(path, t);
        TunnelDraft dr = new TunnelDraft();
        if (t.require("source", "'tunnel' of " + where)) {
            dr.source = t.string("source", null);
            dr.sourceNode = t.get("source");
        }
        if (t.require("destination", "'tunnel' of " + where)) {
            dr.destination = t.ipv4("destination");
        }
        if (t.has("key")) {
            dr.key = OptionalLong.of(t.integer("key", 0, 0, 0xFFFF_FFFFL));
        }
        dr.sequence = t.bool("sequence", false);
        dr.checksum = t.bool("checksum", false);
        if (t.has("keepalive")) {
            Node kn = t.get("keepalive");
            String text = YamlContext.isNull(kn) || kn instanceof MappingNode ? null : ctx.string(kn, "'keepalive'");
            if (text != null) {
                if (text.equals("true") || text.equals("on")) {
                    dr.keepalive = KeepaliveSpec.DEFAULT;
                } else if (!text.equals("false") && !text.equals("off")) {
                    ctx.error(kn, "'keepalive' is true, false or {period: 10s, retries: 3}");
                }
            } else {
                YamlMap k = ctx.map(kn, "'keepalive'", TopologyShapes.KEEPALIVE);
                if (k != null) {
                    long period = k.duration("period", KeepaliveSpec.DEFAULT.periodNs());
                    TimerRules.keepalive(k, period);
                    dr.keepalive = new KeepaliveSpec(period, (int) k.integer("retries", KeepaliveSpec.DEFAULT.retries(), 1, 255));
                }
            }
        }
        dr.recursionHold = t.duration("recursion-hold", TopologyReader.DEFAULT_RECURSION_HOLD);
        dr.mtuDiscovery = TunnelMtuReader.read(ctx, t);
        dr.keepaliveUnderProtection = TunnelMtuReader.keepaliveUnderProtection(t);
        dr.map = t;
        return dr;
    }

    private Map<String, InterfaceSpec> finishInterfaces(String node, Map<String, IfaceDraft> drafts) {
        Map<String, InterfaceSpec> out = new LinkedHashMap<>();
        for (IfaceDraft dr : drafts.values()) {
            Optional<TunnelSpec> tunnel = Optional.empty();
            int mtu = dr.mtu != null ? dr.mtu : 1500;
            if (dr.tunnel != null) {
                TunnelDraft t = dr.tunnel;
                String path = "nodes/" + node + "/interfaces/" + dr.name + "/tunnel/source";
                String sourceIface = t.source;
                Optional<Ipv4Address> sourceAddr = Optional.empty();
                if (t.source != null) {
                    Ipv4Address asAddress = tryAddress(t.source);
                    if (asAddress != null) {
                        sourceAddr = Optional.of(asAddress);
                        sourceIface = null;
                        for (IfaceDraft o : drafts.values()) {
                            if (o.address != null && o.address.address().equals(asAddress)) {
                                sourceIface = o.name;
                                break;
                            }
                        }
                        if (sourceIface == null) {
                            ctx.diagnostics().error(ctx.locations().of(path), "tunnel source " + asAddress
                                    + " is not the address of any interface of node '" + node + "'");
                        }
                    } else if (!drafts.containsKey(t.source)) {
                        ctx.diagnostics().error(ctx.locations().of(path), "tunnel source interface '"
                                + YamlContext.abbreviate(t.source) + "' does not exist on node '" + node + "'"
                                + DidYouMean.hint(t.source, drafts.keySet()));
                    }
                    IfaceDraft src = sourceIface == null ? null : drafts.get(sourceIface);
                    if (src != null) {
                        if (src.kind == InterfaceSpec.Kind.TUNNEL) {
                            ctx.diagnostics().error(ctx.locations().of(path), "tunnel source '" + src.name
                                    + "' is itself a tunnel; use a physical or loopback interface");
                        } else if (src.address == null) {
                            ctx.diagnostics().error(ctx.locations().of(path), "tunnel source '" + src.name
                                    + "' has no IPv4 address");
                        }
                    }
                    if (t.destination != null && src != null && src.address != null
                            && src.address.address().equals(t.destination)) {
                        ctx.diagnostics().error(ctx.locations().of(path.replace("/source", "/destination")),
                                "tunnel destination " + t.destination + " is the tunnel's own source address");
                    }
                    if (dr.mtu == null) {
                        int transport = src != null && src.mtu != null ? src.mtu : 1500;
                        int overhead = InterfaceSpec.GRE_OVERHEAD + (t.checksum ? 4 : 0) + (t.key.isPresent() ? 4 : 0)
                                + (t.sequence ? 4 : 0);
                        mtu = Math.max(68, transport - overhead);
                    }
                }
                tunnel = Optional.of(new TunnelSpec(sourceIface != null ? sourceIface : String.valueOf(t.source),
                        sourceAddr, t.destination, t.key, t.sequence, t.checksum, Optional.ofNullable(t.keepalive),
                        t.recursionHold, t.mtuDiscovery, t.keepaliveUnderProtection));
            }
            out.put(dr.name, new InterfaceSpec(dr.name, dr.kind, Optional.ofNullable(dr.address),
                    Optional.ofNullable(dr.ipv6), mtu, dr.bandwidth, dr.delay, dr.shutdown,
                    Optional.ofNullable(dr.gateway), tunnel, dr.unreachables, dr.modules));
        }
        return out;
    }

    private static Ipv4Address tryAddress(String s) {
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
            return null;
        }
        try {
            return Ipv4Address.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void markAll(String path, YamlMap m) {
        TopologyReader.markAll(ctx, path, m);
    }
}
