package io.tunnelsim.topology;

import static io.tunnelsim.topology.TopologyTestSupport.assertSingleError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.tunnelsim.routing.rip.RipSpec;

/** OSPF and RIP keys the model honours, and the ones it refuses instead of ignoring. */
class RoutingKeysTest {

    @Test
    void ripVersionOneIsRefusedNotIgnored() {
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    rip: {version: 1, interfaces: {eth0: {}}}
                """, 4, 20, "RIPv1 (classful, broadcast) is not modelled");
    }

    @Test
    void ripRequestOnLossIsOffUnlessAsked() throws Exception {
        String yaml = """
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    rip: {interfaces: {eth0: {}}%s}
                """;
        TopologySpec off = TopologyLoader.parse(yaml.formatted(""), "t.yaml");
        TopologySpec on = TopologyLoader.parse(yaml.formatted(", request-on-loss: true"), "t.yaml");
        assertFalse(off.nodes().get("a").protocol(RipSpec.class).orElseThrow().requestOnLoss());
        assertTrue(on.nodes().get("a").protocol(RipSpec.class).orElseThrow().requestOnLoss());
        assertEquals(RipSpec.SplitHorizon.SIMPLE, off.nodes().get("a").protocol(RipSpec.class).orElseThrow().splitHorizon());
    }

    @Test
    void ospfRetransmitAndTransmitDelayMustBeWholeSeconds() {
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    ospf: {interfaces: {eth0: {retransmit: 500ms}}}
                """, 4, 44, "ospf retransmit must be a whole number of seconds");
    }

    @Test
    void ripJitterMustStayBelowTheUpdatePeriod() throws Exception {
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    rip: {timers: {update: 10s, jitter: 10s}, interfaces: {eth0: {}}}
                """, 4, 41, "rip update jitter 10s must be shorter than the update timer 10s");
        TopologySpec t = TopologyLoader.parse("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    rip: {timers: {update: 37500ms, jitter: 7500ms}, interfaces: {eth0: {}}}
                """, "t.yaml");
        assertEquals(7_500_000_000L, t.nodes().get("a").protocol(RipSpec.class).orElseThrow().timers().jitterNs());
        assertEquals(-1, RipSpec.Timers.DEFAULT.jitterNs(), "automatic: 5 s, at most update / 6");
    }

    @Test
    void ospfLoopbackCostIsIosUnlessRfcIsWritten() throws Exception {
        String yaml = """
                nodes:
                  a:
                    interfaces: {lo0: {address: 1.1.1.1/32}}
                    ospf: {%sinterfaces: {lo0: {}}}
                """;
        assertFalse(TopologyLoader.parse(yaml.formatted(""), "t.yaml").nodes().get("a").protocol(io.tunnelsim.routing.ospf.OspfSpec.class).orElseThrow().rfcLoopbackCost());
        assertTrue(TopologyLoader.parse(yaml.formatted("loopback-cost: rfc, "), "t.yaml").nodes().get("a").protocol(io.tunnelsim.routing.ospf.OspfSpec.class).orElseThrow()
                .rfcLoopbackCost());
        assertSingleError(yaml.formatted("loopback-cost: zero, "), 4, 27, "unknown loopback-cost 'zero' (expected one of: ios, rfc)");
    }

    @Test
    void ripMaximumPathsDefaultsToFourAsIos() throws Exception {
        String yaml = """
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    rip: {%sinterfaces: {eth0: {}}}
                """;
        assertEquals(4, TopologyLoader.parse(yaml.formatted(""), "t.yaml").nodes().get("a").protocol(RipSpec.class).orElseThrow().maximumPaths());
        assertEquals(1, TopologyLoader.parse(yaml.formatted("maximum-paths: 1, "), "t.yaml").nodes().get("a").protocol(RipSpec.class).orElseThrow()
                .maximumPaths());
        assertSingleError(yaml.formatted("maximum-paths: 0, "), 4, 26, "'maximum-paths' is 0, outside 1..32");
    }

    @Test
    void authenticationValuesAreCheckedWhereWritten() {
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    ospf: {interfaces: {eth0: {authentication: {mode: simple, key: ninechars}}}}
                """, 4, 68, "ospf simple key must be 1 to 8 printable ASCII characters");
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    rip: {interfaces: {eth0: {authentication: {mode: md5, key: abc, key-id: 256}}}}
                """, 4, 77, "256");
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    ospf: {interfaces: {eth0: {authentication: {mode: sha, key: abc}}}}
                """, 4, 55, "unknown mode 'sha'");
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    rip: {interfaces: {eth0: {authentication: {mode: simple, key: abc, key-id: 1}}}}
                """, 4, 80, "'key-id' belongs to mode md5");
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    ospf: {interfaces: {eth0: {authentication: {mode: md5}}}}
                """, 4, 48, "needs 'key'");
    }

    @Test
    void authenticationReachesTheSpecs() throws Exception {
        TopologySpec t = TopologyLoader.parse("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}, eth1: {address: 10.0.1.1/30}}
                    ospf: {interfaces: {eth0: {authentication: {mode: md5, key: s3cret}}}}
                    rip: {interfaces: {eth1: {authentication: {mode: simple, key: sixteen-chars-ok}}}}
                """, "t.yaml");
        assertEquals(io.tunnelsim.wire.Authentication.md5(1, "s3cret"),
                t.nodes().get("a").protocol(io.tunnelsim.routing.ospf.OspfSpec.class).orElseThrow().interfaces().get("eth0").authentication(), "key ID 1 by default");
        assertEquals(io.tunnelsim.wire.Authentication.simple("sixteen-chars-ok"),
                t.nodes().get("a").protocol(RipSpec.class).orElseThrow().interfaces().get("eth1").authentication());
    }

    @Test
    void ospfStubAreasAreReadWithIosDefaultsAndTheirMistakesRefused() throws Exception {
        String yaml = """
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}, eth1: {address: 10.0.1.1/30}}
                    ospf: {areas: {%s}, interfaces: {eth0: {area: 1}, eth1: {area: 0.0.0.2}}}
                """;
        io.tunnelsim.routing.ospf.OspfSpec s = TopologyLoader.parse(yaml.formatted(
                "1: {stub: true}, 0.0.0.2: {stub: true, no-summary: true, default-cost: 20}"), "t.yaml")
                .nodes().get("a").protocol(io.tunnelsim.routing.ospf.OspfSpec.class).orElseThrow();
        assertEquals(new io.tunnelsim.routing.ospf.AreaSettings(true, false, 1), s.area(1));
        assertEquals(new io.tunnelsim.routing.ospf.AreaSettings(true, true, 20), s.area(2));
        assertFalse(s.area(0).stub(), "an area not listed is a normal area");
        assertSingleError(yaml.formatted("0: {stub: true}"), 4, 30, "area 0 is the backbone and cannot be a stub area");
        assertSingleError(yaml.formatted("1: {no-summary: true}"), 4, 36, "'no-summary' applies to stub areas only; add stub: true");
        assertSingleError(yaml.formatted("1: {default-cost: 5}"), 4, 38, "'default-cost' applies to stub areas only");
        assertSingleError(yaml.formatted("1: {stub: true, default-cost: 16777216}"), 4, 50, "outside 0..16777215");
        assertSingleError(yaml.formatted("1: {stub: true}, 0.0.0.1: {stub: true}"), 4, 37, "area 1 is listed twice");
        assertSingleError(yaml.formatted("x1: {stub: true}"), 4, 20, "area 'x1' is not an area id");
        assertSingleError(yaml.formatted("1: {stubby: true}"), 4, 24, "stubby");
        TopologySpec w = TopologyLoader.parse(yaml.formatted("7: {stub: true}"), "t.yaml");
        assertEquals(1, w.warnings().size(), w.warnings().toString());
        assertTrue(w.warnings().get(0).message().contains("area 7 of ospf on node 'a' has no interface in it"), w.warnings().toString());
    }

    /**
     * A Router-LSA must fit one Link State Update with a keyed-MD5 digest in one IPv4 datagram: at
     * most 5453 links. 2726 point-to-point interfaces in one area (a link to the neighbour and a stub
     * link each: 5452) fit; one more does not.
     */
    @Test
    void ospfInterfacesOfOneAreaMustFitOneRouterLsa() throws Exception {
        for (int n : new int[] {2726, 2727}) {
            StringBuilder y = new StringBuilder("nodes:\n  a:\n    interfaces:\n");
            StringBuilder o = new StringBuilder("    ospf:\n      interfaces:\n");
            for (int i = 0; i < n; i++) {
                y.append("      eth").append(i).append(": {address: 10.").append(i / 64).append('.').append(i % 64 * 4).append(".1/30}\n");
                o.append("        eth").append(i).append(": {network: point-to-point}\n");
            }
            String yaml = y.append(o).toString();
            if (n == 2726) {
                assertEquals(n, TopologyLoader.parse(yaml, "t.yaml").nodes().get("a")
                        .protocol(io.tunnelsim.routing.ospf.OspfSpec.class).orElseThrow().interfaces().size());
            } else {
                assertSingleError(yaml, n + 6, 9, "ospf on node 'a' runs on so many interfaces in area 0 that its Router-LSA"
                        + " could need 5454 links; a Router-LSA holds at most 5453 links (it must fit one Link State Update in one"
                        + " IPv4 datagram, RFC 2328 A.4.1)");
            }
        }
    }
}
