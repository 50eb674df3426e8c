package io.tunnelsim.scenario;

import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.scenario.spec.ScenarioException;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scenario fixture for GRE and IPsec regression tests: two sites over one provider router, a GRE
 * tunnel between the site routers, a host on each LAN, static routes into the tunnel. Each
 * test writes the tunnel lines, the IPsec profiles and the scenario body it needs.
 * <pre>
 *  hq-pc 10.1.0.10 ─ hq [eth0 203.0.113.2, lo0 192.0.2.1] ─ isp ─ [eth0 198.51.100.2, lo0 192.0.2.2] br ─ br-pc 10.2.0.10
 *                     └──────────────── tunnel0 172.16.0.1/30 ═══ 172.16.0.2/30 ───────────────┘
 * </pre>
 */
final class TwoSiteFixture {
    static final long S = 1_000_000_000L;

    private TwoSiteFixture() {
    }

    /**
     * The topology. {@code hqTunnel} and {@code brTunnel} are the flow mappings of the two tunnel
     * interfaces without braces (e.g. {@code tunnel: {source: eth0, destination: 198.51.100.2}});
     * {@code ipsec} the body of the {@code ipsec:} section or an empty string.
     */
    static String topology(String hqTunnel, String brTunnel, String ipsec, String ispExtra) {
        return """
                name: fixture
                defaults:
                  link: {delay: 5ms, bandwidth: 100Mbps, mtu: 1500}
                nodes:
                  hq:
                    interfaces:
                      eth0: {address: 203.0.113.2/30}
                      lo0: {address: 192.0.2.1/32}
                      lan0: {address: 10.1.0.1/24}
                      tunnel0: {address: 172.16.0.1/30, %s}
                    static:
                      - {prefix: 0.0.0.0/0, via: 203.0.113.1}
                      - {prefix: 10.2.0.0/24, interface: tunnel0}
                  isp:
                    interfaces:
                      eth0: {address: 203.0.113.1/30}
                      eth1: {address: 198.51.100.1/30}
                %s
                    static:
                      - {prefix: 192.0.2.1/32, via: 203.0.113.2}
                      - {prefix: 192.0.2.2/32, via: 198.51.100.2}
                  br:
                    interfaces:
                      eth0: {address: 198.51.100.2/30}
                      lo0: {address: 192.0.2.2/32}
                      lan0: {address: 10.2.0.1/24}
                      tunnel0: {address: 172.16.0.2/30, %s}
                    static:
                      - {prefix: 0.0.0.0/0, via: 198.51.100.1}
                      - {prefix: 10.1.0.0/24, interface: tunnel0}
                  hq-pc: {kind: host, interfaces: {eth0: {address: 10.1.0.10/24, gateway: 10.1.0.1}}}
                  br-pc: {kind: host, interfaces: {eth0: {address: 10.2.0.10/24, gateway: 10.2.0.1}}}
                links:
                  - {name: hq-isp, endpoints: ["hq:eth0", "isp:eth0"]}
                  - {name: isp-br, endpoints: ["isp:eth1", "br:eth0"]}
                  - {name: lan-hq, endpoints: ["hq:lan0", "hq-pc:eth0"], delay: 100us}
                  - {name: lan-br, endpoints: ["br:lan0", "br-pc:eth0"], delay: 100us}
                """.formatted(hqTunnel, ispExtra, brTunnel) + (ipsec.isEmpty() ? "" : "ipsec:\n" + ipsec);
    }

    static String topology(String hqTunnel, String brTunnel, String ipsec) {
        return topology(hqTunnel, brTunnel, ipsec, "");
    }

    /** Writes {@code topo.yaml} and {@code s.yaml} (the scenario body refers to the topology) and loads them. */
    static ScenarioSpec load(Path dir, String topology, String scenarioBody) throws IOException, ScenarioException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("topo.yaml"), topology);
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: fixture\ntopology: topo.yaml\n" + scenarioBody);
        return ScenarioLoader.load(s);
    }

    static RunResult run(ScenarioSpec s) throws IOException {
        return ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT);
    }

    static Node node(RunResult r, String name) {
        return r.built().network().node(name);
    }

    /** A drop counter of one node. */
    static long drops(RunResult r, String node, String reason) {
        return node(r, node).counters().drops(reason);
    }

    static long lost(RunResult r, String flow) {
        ProbeFlow f = r.probes().stream().filter(p -> p.name().equals(flow)).findFirst().orElseThrow();
        long lost = 0;
        for (int i = 0; i < f.count(); i++) {
            lost += f.receivedAt(i) < 0 ? 1 : 0;
        }
        return lost;
    }

    static long sent(RunResult r, String flow) {
        return r.probes().stream().filter(p -> p.name().equals(flow)).findFirst().orElseThrow().count();
    }
}
