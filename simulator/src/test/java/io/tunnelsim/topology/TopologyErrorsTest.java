package io.tunnelsim.topology;

import static io.tunnelsim.topology.TopologyTestSupport.SMALL;
import static io.tunnelsim.topology.TopologyTestSupport.assertError;
import static io.tunnelsim.topology.TopologyTestSupport.assertSingleError;
import static io.tunnelsim.topology.TopologyTestSupport.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One test per validation rule, each asserting the exact position of the diagnostic. */
class TopologyErrorsTest {

    private static final String TWO = """
            nodes:
              a: {interfaces: {eth0: {address: 10.0.0.1/30}}}
              b: {interfaces: {eth0: {address: 10.0.0.2/30}}}
            links:
              - {endpoints: ["a:eth0", "b:eth0"]}
            """;

    @Test
    void unknownKeyWithSuggestion() {
        assertSingleError("""
                nodes:
                  a: {intrefaces: {}}
                """, 2, 7, "unknown key 'intrefaces' (did you mean 'interfaces'?)");
    }

    @Test
    void unknownTopLevelKeyListsChoicesWhenNothingIsClose() {
        List<Diagnostic> e = errors("""
                nodes: {a: {}}
                zzzzzzzz: 1
                """);
        assertError(e, 2, 1, "unknown key 'zzzzzzzz' (expected one of: name, defaults, nodes, links, ipsec, routing)");
    }

    @Test
    void wrongTypes() {
        List<Diagnostic> e = errors("""
                nodes:
                  a:
                    interfaces: [eth0]
                links: {endpoints: x}
                """);
        assertError(e, 3, 17, "expected a mapping for 'interfaces' of node 'a', found a list");
        assertError(e, 4, 8, "expected a list for 'links', found a mapping");
        assertSingleError("""
                nodes:
                  a: {interfaces: {eth0: {address: {x: 1}}}}
                """, 2, 36, "expected a string for prefix 'address', found a mapping");
        assertSingleError("""
                nodes:
                  a: {interfaces: {eth0: {address: 10.0.0.1/24, mtu: big}}}
                """, 2, 54, "expected a number for 'mtu', found 'big'");
    }

    @Test
    void badAddressAndPrefix() {
        List<Diagnostic> e = errors("""
                nodes:
                  a:
                    interfaces:
                      eth0: {address: 10.0.0.300/24}
                      eth1: {address: 10.0.1.1}
                      eth2: {address: 10.0.2.1/33}
                      eth3: {address: 10.0.3.0/24}
                """);
        assertError(e, 4, 23, "'address': '10.0.0.300' has an octet above 255");
        assertError(e, 5, 23, "has no prefix length (write e.g. 10.0.1.1/24)");
        assertError(e, 6, 23, "prefix length 33 outside 0-32");
        assertError(e, 7, 23, "10.0.3.0/24 is the network address of its subnet");
        assertEquals(4, e.size());
    }

    @Test
    void durationWithoutUnit() {
        assertSingleError(TWO.replace("b:eth0\"]}", "b:eth0\"], delay: 10}"), 5, 46,
                "'delay': duration '10' has no unit (write 10s or 10ms)");
    }

    @Test
    void bandwidthWithoutOrWithWrongUnit() {
        assertSingleError(TWO.replace("b:eth0\"]}", "b:eth0\"], bandwidth: 100}"), 5, 50,
                "bandwidth '100' has no unit (write 100Mbps or 100kbps; units: bps, kbps, Mbps, Gbps)");
        assertSingleError(TWO.replace("b:eth0\"]}", "b:eth0\"], bandwidth: 10MBps}"), 5, 50,
                "unknown unit 'MBps'");
    }

    @Test
    void endpointNamingMissingNodeOrInterface() {
        List<Diagnostic> e = errors(TWO.replace("[\"a:eth0\", \"b:eth0\"]", "[\"a:eth1\", \"bb:eth0\"]"));
        assertError(e, 5, 18, "endpoint a:eth1 names interface 'eth1', which node 'a' does not have (did you mean 'eth0'?)");
        assertError(e, 5, 28, "endpoint bb:eth0 names node 'bb', which does not exist (did you mean 'b'?)");
        assertSingleError(TWO.replace("\"a:eth0\", \"b:eth0\"", "\"a-eth0\", \"b:eth0\""), 5, 18,
                "'a-eth0' is not an endpoint (write node:interface");
    }

    @Test
    void interfaceOnTwoLinks() {
        assertSingleError("""
                nodes:
                  a: {interfaces: {eth0: {address: 10.0.0.1/29}}}
                  b: {interfaces: {eth0: {address: 10.0.0.2/29}}}
                  c: {interfaces: {eth0: {address: 10.0.0.3/29}}}
                links:
                  - {endpoints: ["a:eth0", "b:eth0"]}
                  - {endpoints: ["c:eth0", "a:eth0"]}
                """, 7, 28, "interface a:eth0 is already on link 'a:eth0--b:eth0' (line 6); an interface sits on one link only");
    }

    @Test
    void duplicateAndOverlappingAddresses() {
        List<Diagnostic> e = errors("""
                nodes:
                  a:
                    interfaces:
                      eth0: {address: 10.0.0.1/30}
                      lo0: {address: 10.0.0.1/32}
                      lan0: {address: 10.0.0.5/24}
                  b: {interfaces: {eth0: {address: 10.0.0.2/30}}}
                links:
                  - {endpoints: ["a:eth0", "b:eth0"]}
                """);
        assertError(e, 5, 22, "address 10.0.0.1 of a:lo0 is also on a:eth0 (line 4)");
        assertError(e, 6, 23, "subnet 10.0.0.0/24 of a:lan0 overlaps 10.0.0.0/30 of a:eth0 (line 4), which is on a different link");
    }

    @Test
    void linkEndsNotInOneSubnet() {
        assertSingleError(TWO.replace("10.0.0.2/30", "10.0.0.6/30"), 5, 28,
                "the ends of link 'a:eth0--b:eth0' are not in one subnet: b:eth0 has 10.0.0.6/30 but a:eth0 has 10.0.0.1/30");
    }

    @Test
    void tunnelSourceMissing() {
        List<Diagnostic> e = errors(SMALL.replace("tunnel: {source: eth0, destination: 10.0.0.2}",
                "tunnel: {source: eth9, destination: 10.0.0.2}"));
        assertError(e, 10, 26, "tunnel source interface 'eth9' does not exist on node 'r1' (did you mean 'eth0'?)");
        assertEquals(1, e.size());
        assertSingleError(SMALL.replace("tunnel: {source: eth0, destination: 10.0.0.2}",
                "tunnel: {source: 10.9.9.9, destination: 10.0.0.2}"), 10, 26,
                "tunnel source 10.9.9.9 is not the address of any interface of node 'r1'");
        assertSingleError(SMALL.replace("tunnel: {source: eth0, destination: 10.0.0.2}", "mtu: 1400"), 8, 7,
                "interface 'r1:tunnel0' is a tunnel and needs 'tunnel: {source: ..., destination: ...}'");
    }

    @Test
    void staticRouteUnknownInterfaceAndTrack() {
        List<Diagnostic> e = errors(SMALL.replace("{prefix: 10.2.0.0/24, interface: tunnel0}",
                "{prefix: 10.2.0.0/24, interface: tunel0, track: 4}"));
        assertError(e, 12, 42, "static route interface 'tunel0' does not exist on node 'r1' (did you mean 'tunnel0'?)");
        assertError(e, 12, 57, "track 4 is not defined under 'track' of node 'r1'");
        assertSingleError(SMALL.replace("{prefix: 10.2.0.0/24, interface: tunnel0}", "{prefix: 10.2.0.0/24}"), 12, 9,
                "a static route needs 'via' (next hop), 'interface', or both");
    }

    @Test
    void ospfAndRipUnknownInterfaces() {
        assertSingleError(SMALL.replace("ospf: {interfaces: {tunnel0: {area: 0}", "ospf: {interfaces: {tunnel1: {area: 0}"),
                13, 25, "ospf interface 'tunnel1' does not exist on node 'r1' (did you mean 'tunnel0'?)");
        assertSingleError(SMALL.replace("ospf: {interfaces: {tunnel0: {area: 0}, lan0: {passive: true}}}",
                "rip: {interfaces: {lan1: {}}}"), 13, 24, "rip interface 'lan1' does not exist on node 'r1' (did you mean 'lan0'?)");
    }

    @Test
    void unknownIpsecProfile() {
        assertSingleError(SMALL.replace("tunnel: {source: eth0, destination: 10.0.0.2}",
                "tunnel: {source: eth0, destination: 10.0.0.2}\n        protection: site-ipsek")
                + "ipsec:\n  site-ipsec: {esp: aes-gcm-128}\n", 11, 21,
                "ipsec profile 'site-ipsek' is not defined under 'ipsec' (did you mean 'site-ipsec'?)");
    }

    @Test
    void unknownKindAndBadEnumValues() {
        assertSingleError("""
                nodes:
                  a: {kind: ruoter}
                """, 2, 13, "unknown kind 'ruoter' (did you mean 'router'?)");
        List<Diagnostic> e = errors("""
                nodes: {a: {}}
                ipsec:
                  p: {esp: aes-gcm-129, auth: hmac-sha256-128}
                  q: {esp: null, auth: none}
                  r: {esp: aes-cbc-128, keys: {spi-in: 12, spi-out: 0x1000, key-in: "00", key-out: "zz"}}
                """);
        assertError(e, 3, 12, "unknown esp 'aes-gcm-129' (did you mean 'aes-gcm-128'?)");
        assertError(e, 4, 24, "esp: null needs an integrity algorithm");
        assertError(e, 5, 40, "spi-in 12 is reserved");
        assertError(e, 5, 69, "'key-in' has 1 bytes; aes-cbc-128 needs 16");
        assertError(e, 5, 84, "'key-out': 'zz' is not hex key material");
        assertError(e, 5, 31, "'keys' of ipsec profile 'r' needs 'auth-in'");
    }

    @Test
    void gcmWithAuthIsRejected() {
        assertSingleError("""
                nodes: {a: {}}
                ipsec:
                  p: {esp: aes-gcm-256, auth: hmac-sha1-96}
                """, 3, 31, "aes-gcm-256 provides its own integrity (RFC 4106); write auth: none");
    }

    @Test
    void cryptoMapNeedsSelectorsAndTunnelMode() {
        List<Diagnostic> e = errors("""
                nodes:
                  a: {interfaces: {eth0: {address: 10.0.0.1/30, crypto-map: p}}}
                ipsec:
                  p: {esp: aes-gcm-128}
                """);
        assertError(e, 2, 61, "ipsec profile 'p' is used as a crypto map and needs peer, local, remote");
        assertError(e, 2, 61, "needs mode: tunnel");
    }

    @Test
    void hostsCannotRouteOrTunnel() {
        List<Diagnostic> e = errors("""
                nodes:
                  h:
                    kind: host
                    interfaces:
                      eth0: {address: 10.0.0.1/24, gateway: 10.0.1.1}
                      tunnel0: {address: 172.16.0.1/30, tunnel: {source: eth0, destination: 10.0.0.9}}
                    ospf: {}
                """);
        assertError(e, 5, 45, "gateway 10.0.1.1 is not in the interface's subnet 10.0.0.0/24");
        assertError(e, 6, 7, "host 'h' cannot have tunnel interface 'tunnel0'");
        assertError(e, 7, 11, "host 'h' cannot have 'ospf'");
    }

    @Test
    void loopbackOrTunnelCannotBeWired() {
        assertSingleError("""
                nodes:
                  a: {interfaces: {lo0: {address: 10.9.9.9/32}, tunnel7: {tunnel: {source: lo0, destination: 10.0.0.2}}}}
                  b: {interfaces: {eth0: {address: 10.0.0.2/30}}}
                links:
                  - {endpoints: ["a:lo0", "b:eth0"]}
                """, 5, 18, "endpoint a:lo0 is a loopback interface; only physical interfaces can be wired");
        assertSingleError("""
                nodes:
                  a: {interfaces: {lo0: {address: 10.9.9.9/32}, tunnel7: {tunnel: {source: lo0, destination: 10.0.0.2}}}}
                  b: {interfaces: {eth0: {address: 10.0.0.2/30}}}
                links:
                  - {endpoints: ["a:tunnel7", "b:eth0"]}
                """, 5, 18, "endpoint a:tunnel7 is a tunnel interface");
    }

    @Test
    void badNames() {
        List<Diagnostic> e = errors("""
                nodes:
                  "bad name": {interfaces: {"0eth": {}}}
                """);
        assertError(e, 2, 3, "node name 'bad name' may only use letters, digits");
        assertError(e, 2, 29, "interface name '0eth' must start with a letter");
    }

    @Test
    void missingNodesAndRequiredKeys() {
        assertSingleError("name: x\n", 1, 1, "a topology needs 'nodes'");
        List<Diagnostic> e = errors("""
                nodes:
                  a: {interfaces: {tunnel0: {address: 172.16.0.1/30, tunnel: {source: eth0}}}}
                """);
        assertError(e, 2, 62, "'tunnel' of interface 'a:tunnel0' needs 'destination'");
        assertError(e, 2, 71, "tunnel source interface 'eth0' does not exist on node 'a' (expected one of: tunnel0)");
    }

    @Test
    void allErrorsInOnePassSortedByPosition() {
        List<Diagnostic> e = errors("""
                nodes:
                  a:
                    kind: rooter
                    interfaces:
                      eth0: {address: 10.0.0.1/30, mtu: 10}
                      eth1: {adress: 10.0.1.1/30}
                links:
                  - {endpoints: ["a:eth0", "z:eth0"], delay: 5, bandwidth: fast}
                """);
        assertEquals(6, e.size(), e::toString);
        assertError(e, 3, 11, "unknown kind 'rooter'");
        assertError(e, 5, 41, "'mtu' is 10, outside 68..65535");
        assertError(e, 6, 14, "unknown key 'adress' (did you mean 'address'?)");
        assertError(e, 8, 28, "names node 'z'");
        assertError(e, 8, 46, "duration '5' has no unit");
        assertError(e, 8, 60, "'fast' is not a bandwidth");
        for (int i = 1; i < e.size(); i++) {
            assertTrue(Diagnostic.BY_POSITION.compare(e.get(i - 1), e.get(i)) <= 0, "sorted");
        }
    }

    @Test
    void semanticErrorsAreReportedEvenWithFieldErrors() {
        List<Diagnostic> e = errors(TWO.replace("10.0.0.2/30}}}", "10.0.0.1/30, mtu: x}}}"));
        assertError(e, 3, 54, "expected a number for 'mtu'");
        assertTrue(e.size() >= 1);
    }
}
