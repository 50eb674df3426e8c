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
}
