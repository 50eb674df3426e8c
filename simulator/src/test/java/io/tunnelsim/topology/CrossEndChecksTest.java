package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
