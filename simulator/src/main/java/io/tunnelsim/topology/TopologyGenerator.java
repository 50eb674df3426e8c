package io.tunnelsim.topology;

import io.tunnelsim.addr.Ipv4Address;

/**
 * Writes large reference topologies as YAML for scale studies: every site is a router with a
 * LAN and one host, attached to one provider router ({@code isp}) by a /30; GRE tunnels run
 * between site routers over the provider. Addresses: provider links in 100.64.0.0/10, tunnel
 * subnets in 172.16.0.0/12, site LAN k in 10.(k/256).(k%256).0/24.
 */
public final class TopologyGenerator {
    private static final int WAN_BASE = Ipv4Address.parse("100.64.0.0").bits();
    private static final int TUNNEL_BASE = Ipv4Address.parse("172.16.0.0").bits();

    private TopologyGenerator() {
    }

    /** Hub-and-spoke with {@code hubs} (1 or 2) hubs; spokes reach each other through the hubs. */
    public static String hubAndSpoke(int spokes, int hubs, RoutingProtocol routing) {
        StringBuilder y = header("hub-and-spoke-" + hubs + "x" + spokes,
                "Generated hub-and-spoke: " + hubs + " hub(s), " + spokes + " spokes, each spoke with a GRE tunnel to every hub\n"
                        + "# (tunnels to hub1 at 10 Mbit/s are the primary path, to hub2 at 5 Mbit/s the backup).\n"
                        + "#\n#   hub1 ... hubH\n#      \\    |    /      (GRE over the provider router 'isp')\n#     spoke1 ... spokeN\n",
                routing);
        int sites = hubs + spokes;
        StringBuilder isp = new StringBuilder();
        StringBuilder links = new StringBuilder();
        for (int s = 1; s <= sites; s++) {
            String name = s <= hubs ? "hub" + s : "spoke" + (s - hubs);
            y.append("  ").append(name).append(":\n    kind: router\n    interfaces:\n");
            y.append("      eth0: {address: ").append(wanSite(s)).append("/30}\n");
            y.append("      lan0: {address: ").append(lan(s, 1)).append("/24}\n");
            if (s <= hubs) {
                for (int k = 1; k <= spokes; k++) {
                    int idx = (s - 1) * spokes + k;
                    tunnel(y, "tunnel" + k, tunnelAddr(idx, 1), wanSite(hubs + k), hubBandwidth(s));
                }
            } else {
                int k = s - hubs;
                for (int h = 1; h <= hubs; h++) {
                    int idx = (h - 1) * spokes + k;
                    tunnel(y, "tunnel" + (h - 1), tunnelAddr(idx, 2), wanSite(h), hubBandwidth(h));
                }
            }
            y.append("    static:\n      - {prefix: 0.0.0.0/0, via: ").append(wanIsp(s)).append("}\n");
            isp.append("      eth").append(s).append(": {address: ").append(wanIsp(s)).append("/30}\n");
            links.append("  - {endpoints: [\"").append(name).append(":eth0\", \"isp:eth").append(s).append("\"]}\n");
            links.append("  - {endpoints: [\"").append(name).append(":lan0\", \"").append(name).append("-pc:eth0\"]}\n");
            y.append("  ").append(name).append("-pc: {kind: host, interfaces: {eth0: {address: ").append(lan(s, 10))
                    .append("/24, gateway: ").append(lan(s, 1)).append("}}}\n");
        }
        return finish(y, isp, links);
    }

    /** A full mesh of {@code sites} sites, a GRE tunnel between every pair. */
    public static String fullMesh(int sites, RoutingProtocol routing) {
        StringBuilder y = header("full-mesh-" + sites,
                "Generated full mesh: " + sites + " sites, a GRE tunnel between every pair, over the provider router 'isp'.\n", routing);
        StringBuilder isp = new StringBuilder();
        StringBuilder links = new StringBuilder();
        for (int s = 1; s <= sites; s++) {
            String name = "site" + s;
            y.append("  ").append(name).append(":\n    kind: router\n    interfaces:\n");
            y.append("      eth0: {address: ").append(wanSite(s)).append("/30}\n");
            y.append("      lan0: {address: ").append(lan(s, 1)).append("/24}\n");
            for (int o = 1; o <= sites; o++) {
                if (o == s) {
                    continue;
                }
                int a = Math.min(s, o);
                int b = Math.max(s, o);
                int idx = (a - 1) * sites + b;
                tunnel(y, "tunnel" + o, tunnelAddr(idx, s == a ? 1 : 2), wanSite(o), null);
            }
            y.append("    static:\n      - {prefix: 0.0.0.0/0, via: ").append(wanIsp(s)).append("}\n");
            isp.append("      eth").append(s).append(": {address: ").append(wanIsp(s)).append("/30}\n");
            links.append("  - {endpoints: [\"").append(name).append(":eth0\", \"isp:eth").append(s).append("\"]}\n");
            links.append("  - {endpoints: [\"").append(name).append(":lan0\", \"").append(name).append("-pc:eth0\"]}\n");
            y.append("  ").append(name).append("-pc: {kind: host, interfaces: {eth0: {address: ").append(lan(s, 10))
                    .append("/24, gateway: ").append(lan(s, 1)).append("}}}\n");
        }
        return finish(y, isp, links);
    }

    private static StringBuilder header(String name, String comment, RoutingProtocol routing) {
        StringBuilder y = new StringBuilder();
        y.append("# ").append(comment.replace("\n#", "\n#")).append(comment.endsWith("\n") ? "" : "\n");
        y.append("name: ").append(name).append('\n');
        // a hub terminates hundreds of tunnels on one uplink: give links a deep output queue
        y.append("defaults:\n  link: {delay: 5ms, bandwidth: 1Gbps, mtu: 1500, queue: 4096}\n");
        y.append("routing: {protocol: ").append(routing.yamlName()).append("}\n");
        y.append("nodes:\n");
        return y;
    }

    private static String finish(StringBuilder y, StringBuilder isp, StringBuilder links) {
        y.append("  isp:\n    kind: router\n    interfaces:\n").append(isp);
        y.append("links:\n").append(links);
        return y.toString();
    }

    private static void tunnel(StringBuilder y, String name, String address, String destination, String bandwidth) {
        y.append("      ").append(name).append(": {address: ").append(address).append("/30, ");
        if (bandwidth != null) {
            y.append("bandwidth: ").append(bandwidth).append(", ");
        }
        y.append("tunnel: {source: eth0, destination: ").append(destination).append("}}\n");
    }

    /** Tunnels to hub 1 are the primary path (10 Mbit/s: OSPF cost 10), to hub 2 the backup (5 Mbit/s: cost 20). */
    private static String hubBandwidth(int hub) {
        return hub == 1 ? "10Mbps" : "5Mbps";
    }

    private static String wanSite(int s) {
        return new Ipv4Address(WAN_BASE + 4 * s + 2).toString();
    }

    private static String wanIsp(int s) {
        return new Ipv4Address(WAN_BASE + 4 * s + 1).toString();
    }

    private static String lan(int s, int host) {
        return "10." + (s / 256) + "." + (s % 256) + "." + host;
    }

    private static String tunnelAddr(int idx, int host) {
        return new Ipv4Address(TUNNEL_BASE + 4 * idx + host).toString();
    }
}
