package io.tunnelsim.topology;

import io.tunnelsim.addr.Ipv4Address;
import java.util.List;

/**
 * Writes large reference topologies as YAML for scale studies: every site is a router with a
 * LAN and one host, attached to one provider router ({@code isp}) by a /30; GRE tunnels run
 * between site routers over the provider. Addresses: provider links in 100.64.0.0/10, tunnel
 * subnets in 172.16.0.0/12, site LAN k in 10.(k/256).(k%256).0/24. With two providers, the
 * second provider's links are in 100.96.0.0/11 and each site routes that block to it.
 */
public final class TopologyGenerator {
    private static final int WAN_BASE = Ipv4Address.parse("100.64.0.0").bits();
    /** Second provider's links (--dual-isp): 100.96.0.0/11, inside the same shared space. */
    private static final int WAN_B_BASE = Ipv4Address.parse("100.96.0.0").bits();
    private static final int TUNNEL_BASE = Ipv4Address.parse("172.16.0.0").bits();
    /** Name of the IPsec profile generated topologies protect their tunnels with. */
    public static final String IPSEC_PROFILE = "site-ipsec";

    /**
     * Shape options.
     *
     * @param dualIsp every site also attaches to a second provider ({@code isp-b}) and has a
     *                backup tunnel over it to every peer; without it, one provider ({@code isp})
     * @param ipsec   every tunnel protected by one ESP transport-mode profile (GRE over IPsec)
     * @param spokeSummary hub-and-spoke only: static routes written into the topology the way
     *                large hub-and-spoke networks are configured, so that a spoke's routing
     *                state does not grow with the number of spokes — each spoke sends the
     *                summary of all site LANs ({@link #SITE_SUMMARY}) to hub 1 and, floating at
     *                distance 250, to hub 2, and reaches each hub's own LAN over that hub's
     *                tunnel; each hub routes every spoke's LAN over the tunnel to it. Every
     *                tunnel runs GRE keepalives (10 s, 3 retries, as the {@code static} routing
     *                choice gives), and the topology's routing is {@code none}: the routes are
     *                the configuration
     * @param spokesPerArea hub-and-spoke only, 0 when off: OSPF configured the way large
     *                hub-and-spoke OSPF networks are, so that a spoke's routing state does not
     *                grow with the number of spokes — spokes in groups of this many per totally
     *                stubby area (areas 1, 2, …; IOS {@code area N stub no-summary} on the hubs,
     *                {@code area N stub} on the spokes), every spoke's tunnels and LAN in its
     *                area; the hubs are area border routers with their LANs and, with two hubs,
     *                a tunnel between them in area 0; each hub sends a default route into every
     *                spoke area, and a spoke's static route covers only the provider's block
     *                (100.64.0.0/10), so the default reaches the hubs. The topology's routing is {@code none}: the {@code ospf:}
     *                sections are the configuration
     */
    public record Options(boolean dualIsp, boolean ipsec, boolean spokeSummary, int spokesPerArea) {
        public static final Options PLAIN = new Options(false, false);

        /** Full per-site routing (the routing choice generates it), no summary. */
        public Options(boolean dualIsp, boolean ipsec) {
            this(dualIsp, ipsec, false);
        }

        /** Without OSPF areas. */
        public Options(boolean dualIsp, boolean ipsec, boolean spokeSummary) {
            this(dualIsp, ipsec, spokeSummary, 0);
        }

        /** Whether the routing is configured in the topology (summary routes or OSPF areas), not generated. */
        public boolean configured() {
            return spokeSummary || spokesPerArea > 0;
        }
    }

    /** The prefix every generated site LAN (10.x.y.0/24) lies in: what summarised spokes route to the hubs. */
    public static final String SITE_SUMMARY = "10.0.0.0/8";

    private TopologyGenerator() {
    }

    /** Hub-and-spoke with {@code hubs} (1 or 2) hubs; spokes reach each other through the hubs. */
    public static String hubAndSpoke(int spokes, int hubs, RoutingProtocol routing) {
        return hubAndSpoke(spokes, hubs, routing, Options.PLAIN);
    }

    /** As {@link #hubAndSpoke(int, int, RoutingProtocol)} with shape options. */
    public static String hubAndSpoke(int spokes, int hubs, RoutingProtocol routing, Options o) {
        if (o.spokeSummary() && (o.dualIsp() || routing != RoutingProtocol.STATIC)) {
            throw new IllegalArgumentException("summarised spokes are generated for static routing over one provider");
        }
        if (o.spokesPerArea() > 0 && (o.dualIsp() || o.spokeSummary() || !RoutingProtocol.named("ospf").equals(routing))) {
            throw new IllegalArgumentException("OSPF areas are generated for OSPF over one provider");
        }
        StringBuilder y = header(hubAndSpokeName(spokes, hubs, o),
                "Generated hub-and-spoke: " + hubs + " hub(s), " + spokes + " spokes, each spoke with a GRE tunnel to every hub\n"
                        + "# (tunnels to hub1 at 10 Mbit/s are the primary path, to hub2 at 5 Mbit/s the backup)"
                        + (o.dualIsp() ? ",\n# over isp-a, and a second set over isp-b at 4 and 2 Mbit/s (backup provider)" : "")
                        + (o.ipsec() ? ";\n# every tunnel protected by IPsec (ESP transport mode, profile " + IPSEC_PROFILE + ")" : "")
                        + (o.spokeSummary() ? ";\n# static routes configured: each spoke sends " + SITE_SUMMARY + " to hub1, floating (250)"
                                + " to hub2;\n# each hub routes every spoke's LAN over its tunnel; GRE keepalives 10 s x 3" : "")
                        + (o.spokesPerArea() > 0 ? ";\n# OSPF configured: " + o.spokesPerArea() + " spokes per totally stubby area"
                                + " (areas 1.." + areas(spokes, o) + "), the hubs area border routers"
                                + (hubs == 2 ? " joined by a tunnel in area 0" : "") + ",\n# each sending a default route"
                                + " into every spoke area" : "")
                        + ".\n#\n#   hub1 ... hubH\n#      \\    |    /      (GRE over the provider router"
                        + (o.dualIsp() ? "s 'isp-a' and 'isp-b')" : " 'isp')") + "\n#     spoke1 ... spokeN\n",
                o.configured() ? RoutingProtocol.NONE : routing);
        int sites = hubs + spokes;
        Uplinks up = new Uplinks(o);
        for (int s = 1; s <= sites; s++) {
            String name = s <= hubs ? "hub" + s : "spoke" + (s - hubs);
            site(y, up, name, s);
            if (s <= hubs) {
                for (int k = 1; k <= spokes; k++) {
                    int idx = (s - 1) * spokes + k;
                    tunnel(y, "tunnel" + k, "eth0", tunnelAddr(idx, 1), wanSite(hubs + k), hubBandwidth(s), o);
                    if (o.spokesPerArea() > 0 && hubs == 2 && k == spokes) {
                        // the backbone between the hubs: tunnel0 on each, in area 0
                        tunnel(y, "tunnel0", "eth0", tunnelAddr(hubs * spokes + 1, s), wanSite(3 - s), "10Mbps", o);
                    }
                    if (o.dualIsp()) {
                        int b = hubs * spokes + idx;
                        tunnel(y, "tunnel" + (spokes + k), "eth1", tunnelAddr(b, 1), wanBSite(hubs + k), backupBandwidth(s), o);
                    }
                }
            } else {
                int k = s - hubs;
                for (int h = 1; h <= hubs; h++) {
                    int idx = (h - 1) * spokes + k;
                    tunnel(y, "tunnel" + (h - 1), "eth0", tunnelAddr(idx, 2), wanSite(h), hubBandwidth(h), o);
                }
                if (o.dualIsp()) {
                    for (int h = 1; h <= hubs; h++) {
                        int b = hubs * spokes + (h - 1) * spokes + k;
                        tunnel(y, "tunnel" + (hubs + h - 1), "eth1", tunnelAddr(b, 2), wanBSite(h), backupBandwidth(h), o);
                    }
                }
            }
            if (o.spokesPerArea() > 0 && s > hubs) {
                // the provider block only: the hubs' OSPF default carries everything else (breakout at the hubs)
                y.append("    static:\n      - {prefix: 100.64.0.0/10, via: ").append(wanIsp(s)).append("}\n");
            } else {
                staticRoutes(y, s, o);
            }
            if (o.spokeSummary()) {
                summaryRoutes(y, s, hubs, spokes);
            }
            if (o.spokesPerArea() > 0) {
                ospfAreas(y, s, hubs, spokes, o.spokesPerArea());
            }
            host(y, up, name, s);
        }
        return finish(y, up, o);
    }

    /** The configured routes of {@link Options#spokeSummary()} at site {@code s} (hubs are sites 1..hubs). */
    private static void summaryRoutes(StringBuilder y, int s, int hubs, int spokes) {
        if (s <= hubs) {
            for (int k = 1; k <= spokes; k++) {
                y.append("      - {prefix: ").append(lan(hubs + k, 0)).append("/24, interface: tunnel").append(k).append("}\n");
            }
            return;
        }
        for (int h = 1; h <= hubs; h++) {
            y.append("      - {prefix: ").append(lan(h, 0)).append("/24, interface: tunnel").append(h - 1).append("}\n");
        }
        for (int h = 1; h <= hubs; h++) {
            y.append("      - {prefix: ").append(SITE_SUMMARY).append(", interface: tunnel").append(h - 1)
                    .append(h == 1 ? "" : ", distance: 250").append("}\n");
        }
    }

    /** The number of spoke areas of {@link Options#spokesPerArea()}. */
    private static int areas(int spokes, Options o) {
        return (spokes + o.spokesPerArea() - 1) / o.spokesPerArea();
    }

    /** The {@code ospf:} section of {@link Options#spokesPerArea()} at site {@code s} (hubs are sites 1..hubs). */
    private static void ospfAreas(StringBuilder y, int s, int hubs, int spokes, int perArea) {
        y.append("    ospf:\n      areas:\n");
        int areas = (spokes + perArea - 1) / perArea;
        if (s <= hubs) {
            for (int a = 1; a <= areas; a++) {
                y.append("        \"").append(a).append("\": {stub: true, no-summary: true}\n");
            }
            y.append("      interfaces:\n        lan0: {area: 0, passive: true}\n");
            if (hubs == 2) {
                y.append("        tunnel0: {area: 0}\n");
            }
            for (int k = 1; k <= spokes; k++) {
                y.append("        tunnel").append(k).append(": {area: ").append(1 + (k - 1) / perArea).append("}\n");
            }
            return;
        }
        int area = 1 + (s - hubs - 1) / perArea;
        y.append("        \"").append(area).append("\": {stub: true}\n      interfaces:\n");
        for (int h = 1; h <= hubs; h++) {
            y.append("        tunnel").append(h - 1).append(": {area: ").append(area).append("}\n");
        }
        y.append("        lan0: {area: ").append(area).append(", passive: true}\n");
    }

    /** A full mesh of {@code sites} sites, a GRE tunnel between every pair. */
    public static String fullMesh(int sites, RoutingProtocol routing) {
        return fullMesh(sites, routing, Options.PLAIN);
    }

    /** As {@link #fullMesh(int, RoutingProtocol)} with shape options. */
    public static String fullMesh(int sites, RoutingProtocol routing, Options o) {
        StringBuilder y = header(fullMeshName(sites, o),
                "Generated full mesh: " + sites + " sites, a GRE tunnel between every pair, over the provider router"
                        + (o.dualIsp() ? " 'isp-a' (10 Mbit/s), and a backup tunnel between every pair over 'isp-b' (6 Mbit/s)" : " 'isp'")
                        + (o.ipsec() ? ";\n# every tunnel protected by IPsec (ESP transport mode, profile " + IPSEC_PROFILE + ")" : "")
                        + ".\n", routing);
        Uplinks up = new Uplinks(o);
        int pairs = sites * sites;
        for (int s = 1; s <= sites; s++) {
            String name = "site" + s;
            site(y, up, name, s);
            for (int other = 1; other <= sites; other++) {
                if (other == s) {
                    continue;
                }
                int a = Math.min(s, other);
                int b = Math.max(s, other);
                int idx = (a - 1) * sites + b;
                // with two providers, isp-a is the primary (10 Mbit/s) and isp-b the backup (1 Mbit/s)
                tunnel(y, "tunnel" + other, "eth0", tunnelAddr(idx, s == a ? 1 : 2), wanSite(other),
                        o.dualIsp() ? "10Mbps" : null, o);
                if (o.dualIsp()) {
                    // 6 Mbit/s (OSPF cost 16): dearer than the primary (10), cheaper than any detour
                    // through a third site (10 + 10), so floating static routes take the direct backup
                    tunnel(y, "tunnel" + (sites + other), "eth1", tunnelAddr(pairs + idx, s == a ? 1 : 2), wanBSite(other),
                            "6Mbps", o);
                }
            }
            staticRoutes(y, s, o);
            host(y, up, name, s);
        }
        return finish(y, up, o);
    }

    /** The {@code name:} of a generated hub-and-spoke topology. */
    public static String hubAndSpokeName(int spokes, int hubs, Options o) {
        return "hub-and-spoke-" + hubs + "x" + spokes + suffix(o);
    }

    /** The {@code name:} of a generated full mesh. */
    public static String fullMeshName(int sites, Options o) {
        return "full-mesh-" + sites + suffix(o);
    }

    private static String suffix(Options o) {
        return (o.dualIsp() ? "-dual-isp" : "") + (o.ipsec() ? "-ipsec" : "") + (o.spokeSummary() ? "-summary" : "")
                + (o.spokesPerArea() > 0 ? "-areas" + o.spokesPerArea() : "");
    }

    /**
     * A runnable scenario for a generated topology written to {@code topologyFile}: one probe
     * flow across the overlay, a failure at 60 s and its repair at 360 s (long enough for RIP's
     * 180 s route timeout), and the routing
     * variants to compare. The failure is the one the shape can survive: with two providers,
     * site 1's primary provider link fails silently (the backup tunnels take over); in a
     * hub-and-spoke with two hubs, hub1 crashes (spokes move to hub2); in a full mesh, site 1
     * shuts its tunnel to site 2 (traffic goes round through site 3). A shape with no
     * redundancy (one hub, one provider; a two-site mesh) gets the same action and a comment
     * that the outage will last until the repair.
     *
     * @param variants the routing variants, e.g. static, rip, ospf
     */
    public static String scenario(String topologyFile, String topologyName, boolean hubAndSpoke, int hubs, int sites,
                                  Options o, List<RoutingProtocol> variants) {
        String first = hubAndSpoke ? "spoke1" : "site1";
        String peer;
        String fail;
        String restore;
        String why;
        if (o.dualIsp()) {
            peer = hubAndSpoke ? (sites - hubs >= 2 ? "spoke2" : "hub1") : "site2";
            fail = "{at: 60s, action: silent-failure, link: " + first + "-isp-a}";
            restore = "{at: 360s, action: silent-restore, link: " + first + "-isp-a}";
            why = first + "'s link to isp-a fails silently (interfaces stay up); the tunnels over isp-b take over";
        } else if (hubAndSpoke && hubs == 2) {
            peer = sites - hubs >= 2 ? "spoke2" : "hub2";
            fail = "{at: 60s, action: node-crash, node: hub1}";
            restore = "{at: 360s, action: node-restore, node: hub1}";
            why = "hub1 crashes; the spokes' tunnels to hub2 take over";
        } else if (hubAndSpoke) {
            peer = sites - hubs >= 2 ? "spoke2" : "hub1";
            fail = "{at: 60s, action: silent-failure, link: " + first + "-isp}";
            restore = "{at: 360s, action: silent-restore, link: " + first + "-isp}";
            why = first + "'s only uplink fails silently; with one hub and one provider there is no backup path,"
                    + " so the flow stays cut off until the repair";
        } else {
            peer = "site2";
            fail = "{at: 60s, action: interface-down, interface: \"site1:tunnel2\"}";
            restore = "{at: 360s, action: interface-up, interface: \"site1:tunnel2\"}";
            why = sites >= 3 ? "site1 shuts its tunnel to site2; dynamic routing goes round through site3,"
                    + " static routes float to the same detour"
                    : "site1 shuts its tunnel to site2; a two-site mesh has no other path, so the flow stays cut off until the repair";
        }
        StringBuilder y = new StringBuilder();
        y.append("# Generated with the topology beside it: ").append(why).append(".\n");
        y.append("#   ./tunnelsim compare ").append("<this file>").append("\n");
        y.append("name: ").append(topologyName).append("-failover\n");
        y.append("topology: ").append(topologyFile).append('\n');
        // RIP needs its 180 s route timeout plus an update before it moves (RFC 2453 section 3.8)
        y.append("duration: 480s\nseed: 1\n");
        y.append("probes:\n  - {name: ").append(first).append("-to-").append(peer).append(", from: ").append(first)
                .append("-pc, to: ").append(peer).append("-pc, type: icmp, interval: 200ms, size: 100}\n");
        y.append("timeline:\n  - ").append(fail).append("\n  - ").append(restore).append('\n');
        y.append("variants:\n");
        for (RoutingProtocol r : variants) {
            // summarised spokes / OSPF areas: the configured routing is the variant with routing none
            String name = o.spokeSummary() && r == RoutingProtocol.NONE ? "static-summary"
                    : o.spokesPerArea() > 0 && r == RoutingProtocol.NONE ? "ospf-areas" : r.yamlName();
            y.append("  - {name: ").append(name).append(", routing: ").append(r.yamlName()).append("}\n");
        }
        return y.toString();
    }

    /** Provider-side interfaces and links, gathered while the sites are written. */
    private static final class Uplinks {
        final Options o;
        final StringBuilder ispA = new StringBuilder();
        final StringBuilder ispB = new StringBuilder();
        final StringBuilder links = new StringBuilder();

        Uplinks(Options o) {
            this.o = o;
        }
    }

    private static void site(StringBuilder y, Uplinks up, String name, int s) {
        y.append("  ").append(name).append(":\n    kind: router\n    interfaces:\n");
        y.append("      eth0: {address: ").append(wanSite(s)).append("/30}\n");
        if (up.o.dualIsp()) {
            y.append("      eth1: {address: ").append(wanBSite(s)).append("/30}\n");
        }
        y.append("      lan0: {address: ").append(lan(s, 1)).append("/24}\n");
        String a = up.o.dualIsp() ? "isp-a" : "isp";
        up.ispA.append("      eth").append(s).append(": {address: ").append(wanIsp(s)).append("/30}\n");
        up.links.append("  - {name: ").append(name).append('-').append(a).append(", endpoints: [\"").append(name)
                .append(":eth0\", \"").append(a).append(":eth").append(s).append("\"]}\n");
        if (up.o.dualIsp()) {
            up.ispB.append("      eth").append(s).append(": {address: ").append(wanBIsp(s)).append("/30}\n");
            up.links.append("  - {name: ").append(name).append("-isp-b, endpoints: [\"").append(name)
                    .append(":eth1\", \"isp-b:eth").append(s).append("\"]}\n");
        }
        up.links.append("  - {endpoints: [\"").append(name).append(":lan0\", \"").append(name).append("-pc:eth0\"]}\n");
    }

    private static void staticRoutes(StringBuilder y, int s, Options o) {
        y.append("    static:\n      - {prefix: 0.0.0.0/0, via: ").append(wanIsp(s)).append("}\n");
        if (o.dualIsp()) {
            // the backup tunnels' far ends are on isp-b: their outer packets must leave by eth1
            y.append("      - {prefix: 100.96.0.0/11, via: ").append(wanBIsp(s)).append("}\n");
        }
    }

    private static void host(StringBuilder y, Uplinks up, String name, int s) {
        y.append("  ").append(name).append("-pc: {kind: host, interfaces: {eth0: {address: ").append(lan(s, 10))
                .append("/24, gateway: ").append(lan(s, 1)).append("}}}\n");
    }

    private static StringBuilder header(String name, String comment, RoutingProtocol routing) {
        StringBuilder y = new StringBuilder();
        y.append("# ").append(comment).append(comment.endsWith("\n") ? "" : "\n");
        y.append("name: ").append(name).append('\n');
        // a hub terminates hundreds of tunnels on one uplink: give links a deep output queue
        y.append("defaults:\n  link: {delay: 5ms, bandwidth: 1Gbps, mtu: 1500, queue: 4096}\n");
        y.append("routing: {protocol: ").append(routing.yamlName()).append("}\n");
        y.append("nodes:\n");
        return y;
    }

    private static String finish(StringBuilder y, Uplinks up, Options o) {
        y.append("  ").append(o.dualIsp() ? "isp-a" : "isp").append(":\n    kind: router\n    interfaces:\n").append(up.ispA);
        if (o.dualIsp()) {
            y.append("  isp-b:\n    kind: router\n    interfaces:\n").append(up.ispB);
        }
        y.append("links:\n").append(up.links);
        if (o.ipsec()) {
            // RFC 4301 transport mode under GRE, as IOS "tunnel protection ipsec profile"; keys derived per SA
            y.append("ipsec:\n  ").append(IPSEC_PROFILE).append(": {esp: aes-gcm-128, mode: transport, keys: auto}\n");
        }
        return y.toString();
    }

    private static void tunnel(StringBuilder y, String name, String source, String address, String destination, String bandwidth,
                               Options o) {
        y.append("      ").append(name).append(": {address: ").append(address).append("/30, ");
        if (bandwidth != null) {
            y.append("bandwidth: ").append(bandwidth).append(", ");
        }
        y.append("tunnel: {source: ").append(source).append(", destination: ").append(destination);
        if (o.spokeSummary()) {
            y.append(", keepalive: {period: 10s, retries: 3}");
        }
        y.append("}");
        if (o.ipsec()) {
            y.append(", protection: ").append(IPSEC_PROFILE);
        }
        y.append("}\n");
    }

    /** Tunnels to hub 1 are the primary path (10 Mbit/s: OSPF cost 10), to hub 2 the backup (5 Mbit/s: cost 20). */
    private static String hubBandwidth(int hub) {
        return hub == 1 ? "10Mbps" : "5Mbps";
    }

    /**
     * Tunnels over the second provider: 4 Mbit/s to hub 1 (OSPF cost 25), 2 Mbit/s to hub 2 (cost
     * 50). Hub 1's direct backup (25) must cost less than any detour through a spoke and the other
     * hub (10 + 20 + 20 = 50), or floating static routes would send a dead spoke's traffic round
     * that detour and back.
     */
    private static String backupBandwidth(int hub) {
        return hub == 1 ? "4Mbps" : "2Mbps";
    }

    private static String wanSite(int s) {
        return new Ipv4Address(WAN_BASE + 4 * s + 2).toString();
    }

    private static String wanIsp(int s) {
        return new Ipv4Address(WAN_BASE + 4 * s + 1).toString();
    }

    private static String wanBSite(int s) {
        return new Ipv4Address(WAN_B_BASE + 4 * s + 2).toString();
    }

    private static String wanBIsp(int s) {
        return new Ipv4Address(WAN_B_BASE + 4 * s + 1).toString();
    }

    private static String lan(int s, int host) {
        return "10." + (s / 256) + "." + (s % 256) + "." + host;
    }

    private static String tunnelAddr(int idx, int host) {
        return new Ipv4Address(TUNNEL_BASE + 4 * idx + host).toString();
    }
}
