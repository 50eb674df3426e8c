package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each cross-end check fires on a file made to trigger it, and none fires on the clean file. */
class CrossEndChecksTest {
    private static final Path DIR = Path.of("src/test/resources/yaml/cross-end");
    /** "(other end: file:line:column)" */
    private static final Pattern OTHER_END = Pattern.compile("\\(other end: [^:()]+\\.yaml:(\\d+):(\\d+)\\)");

    private static List<Diagnostic> warnings(String file) throws Exception {
        return TopologyLoader.load(DIR.resolve(file)).warnings();
    }

    @Test
    void cleanPairRaisesNothing() throws Exception {
        assertEquals(List.of(), warnings("clean.yaml"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ospf-timers.yaml  | OSPF timers differ across tunnel hq:tunnel0 ↔ br:tunnel0 | 15",
        "ospf-area.yaml    | OSPF area differs across link 'lan'                       | 15",
        "ospf-network.yaml | OSPF network type differs across tunnel                   | 15",
        "ospf-stub.yaml    | OSPF area 0.0.0.1 is a stub area on br but not on hq across tunnel hq:tunnel0 ↔ br:tunnel0 | 15",
        "ospf-stub.yaml    | OSPF area 0.0.0.1 is a stub area on br but not on hq across link 'lan' | 15",
        "mtu.yaml          | MTU mismatch on link 'lan': hq:lan0 has 1400, br:lan0 has 1500 | 11",
        "not-mirrored.yaml | which has no tunnel with destination 203.0.113.2          | 12",
        "gre-key.yaml      | GRE key differs across tunnel hq:tunnel0 ↔ br:tunnel0: key 100 here, no key there | 12",
        "egress.yaml       | front-door VRF or policy routing                          | 12",
        "auth.yaml         | RIP authentication differs across link 'wan': hq:eth0 uses simple, br:eth0 none | 12",
        "auth.yaml         | OSPF authentication differs across link 'lan': the keys of hq:lan0 and br:lan0 differ | 11",
    })
    void eachCheckFiresWithBothEndsPositions(String file, String text, int line) throws Exception {
        List<Diagnostic> ws = warnings(file);
        Diagnostic d = ws.stream().filter(w -> w.message().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning containing '" + text + "' in " + ws));
        assertEquals(line, d.line(), d.toString());
        assertTrue(d.file().endsWith(file), d.toString());
        var m = OTHER_END.matcher(d.message());
        assertTrue(m.find(), "the other end's file:line:column: " + d);
        assertTrue(Integer.parseInt(m.group(1)) != d.line() || Integer.parseInt(m.group(2)) != d.column(),
                "the other end is another position: " + d);
    }

    @Test
    void shippedTopologiesPassEveryCrossEndCheck() throws Exception {
        for (String t : List.of("two-site-dual-isp", "dual-hub", "full-mesh-5", "rip-triangle", "ipsec-gre",
                "ipsec-crypto-map", "three-routers", "gre-two-site")) {
            TopologySpec spec = TopologyLoader.load(Path.of("../topologies/" + t + ".yaml"));
            assertEquals(List.of(), new CrossEndChecks(spec).check(), t);
        }
    }

    /**
     * The egress check against a plain reading of its rule, on seeded random route sets: the
     * longest static prefix containing the destination whose exit resolves, lowest distance, the
     * first in file order; a connected subnet wins unless a static prefix is longer.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void egressFollowsLongestPrefixThenDistanceThenFileOrder(int batch) throws Exception {
        for (long seed = batch * 100L; seed < batch * 100L + 25; seed++) {
            egressCase(new java.util.Random(seed));
        }
    }

    private static void egressCase(java.util.Random rnd) throws Exception {
        String dst = "198.51.100.2";
        String[] hops = {"203.0.113.1", "192.0.2.1", "198.18.0.1", "10.9.9.9"}; // the last resolves nowhere
        String[] exits = {"eth0", "eth1", "eth2"};
        int[] lens = {0, 16, 29, 30, 32};
        boolean lanOnEth2 = rnd.nextInt(4) == 0; // then 198.51.100.1/29 holds the destination, 198.18.0.1 resolves nowhere
        StringBuilder y = new StringBuilder("name: egress-random\nnodes:\n  hq:\n    kind: router\n    interfaces:\n"
                + "      eth0: {address: 203.0.113.2/30}\n      eth1: {address: 192.0.2.2/30}\n"
                + "      eth2: {address: " + (lanOnEth2 ? "198.51.100.1/29" : "198.18.0.2/30") + "}\n"
                + "      tunnel0: {address: 172.16.0.1/30, tunnel: {source: eth0, destination: " + dst + "}}\n    static:\n");
        String expected = null;
        int bestLen = lanOnEth2 ? 29 : -1;
        String bestExit = bestLen >= 0 ? "eth2" : null;
        String bestVia = "connected";
        int bestDistance = 0;
        int n = 1 + rnd.nextInt(16);
        for (int k = 0; k < n; k++) {
            int len = lens[rnd.nextInt(lens.length)];
            boolean contains = rnd.nextInt(4) != 0;
            int base = contains ? Ipv4Prefix.maskBits(len) & Ipv4Address.parse(dst).bits()
                    : Ipv4Prefix.maskBits(len) & Ipv4Address.parse("100.64.0.0").bits();
            Ipv4Prefix p = new Ipv4Prefix(new Ipv4Address(base), len);
            int distance = 1 + rnd.nextInt(2);
            String exit;
            if (rnd.nextBoolean()) {
                exit = exits[rnd.nextInt(exits.length)];
                y.append("      - {prefix: ").append(p).append(", interface: ").append(exit);
            } else {
                int h = rnd.nextInt(hops.length);
                exit = h == 3 || h == 2 && lanOnEth2 ? null : exits[h];
                y.append("      - {prefix: ").append(p).append(", via: ").append(hops[h]);
            }
            y.append(", distance: ").append(distance).append("}\n");
            if (p.contains(Ipv4Address.parse(dst)) && exit != null
                    && (len > bestLen || len == bestLen && distance < bestDistance)) {
                bestLen = len;
                bestExit = exit;
                bestDistance = distance;
                bestVia = "static route " + p + " (random.yaml:" + (11 + k) + ":"; // routes start on line 11
            }
        }
        if (bestExit != null && !bestExit.equals("eth0")) {
            expected = "leave by " + bestExit + " (" + bestVia;
        }
        List<Diagnostic> ws = new CrossEndChecks(TopologyLoader.parse(y.toString(), "random.yaml")).check().stream()
                .filter(w -> w.message().contains("front-door VRF")).toList();
        if (expected == null) {
            assertEquals(List.of(), ws, y.toString());
        } else {
            assertEquals(1, ws.size(), y.toString());
            String want = expected;
            assertTrue(ws.get(0).message().contains(want), "expected '" + want + "' in " + ws.get(0) + "\n" + y);
        }
    }
}
