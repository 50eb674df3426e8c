package io.tunnelsim.topology;

import static io.tunnelsim.topology.TopologyTestSupport.assertSingleError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.routing.bfd.BfdPeer;
import io.tunnelsim.routing.bfd.BfdSpec;
import io.tunnelsim.routing.ospf.OspfSpec;
import io.tunnelsim.routing.track.module.TrackSpec;
import io.tunnelsim.routing.track.module.Tracks;
import io.tunnelsim.sim.SimTime;
import org.junit.jupiter.api.Test;

/** BFD keys: what is read, and what is refused with file:line:column instead of ignored. */
class BfdKeysTest {
    static final String NODE = """
            nodes:
              a:
                interfaces: {lo0: {address: 1.1.1.1/32}, eth0: {address: 10.0.0.1/30}}
            """;

    @Test
    void sectionStaticAndOspfKeysAreRead() throws Exception {
        TopologySpec t = TopologyLoader.parse(NODE + """
                    static:
                      - {prefix: 10.9.0.0/24, via: 10.0.0.2, bfd: true}
                      - {prefix: 10.8.0.0/24, via: 192.0.2.7, bfd: true}
                    ospf: {interfaces: {eth0: {bfd: true}}}
                    bfd:
                      detect-multiplier: 5
                      interfaces: {eth0: {transmit-interval: 100ms, receive-interval: 200ms}}
                      peers:
                        - {peer: 10.0.0.2, shutdown: true}
                        - {peer: 192.0.2.9, multihop: true, source: 1.1.1.1, minimum-ttl: 250}
                """, "t.yaml");
        NodeSpec a = t.nodes().get("a");
        StaticBfdSpec single = a.staticRoutes().get(0).bfd().orElseThrow();
        assertEquals("eth0", single.interfaceName().orElseThrow());
        StaticBfdSpec multi = a.staticRoutes().get(1).bfd().orElseThrow();
        assertTrue(multi.multihop());
        assertEquals(Ipv4Address.parse("1.1.1.1"), multi.source().orElseThrow(), "the loopback is the default source");
        assertEquals(254, multi.minimumTtl(), "FRR minimum-ttl default");
        assertTrue(a.protocol(OspfSpec.class).orElseThrow().interfaces().get("eth0").bfd());
        BfdSpec b = a.protocol(BfdSpec.class).orElseThrow();
        assertEquals(5, b.timers().detectMult());
        assertEquals(300 * SimTime.MILLISECOND, b.timers().desiredMinTx(), "FRR default where not written");
        assertEquals(100 * SimTime.MILLISECOND, b.interfaces().get("eth0").desiredMinTx());
        assertEquals(5, b.interfaces().get("eth0").detectMult(), "inherits the node's multiplier");
        assertEquals(BfdPeer.singleHop(Ipv4Address.parse("10.0.0.2"), "eth0"), b.peers().get(0).key());
        assertTrue(b.peers().get(0).shutdown());
        assertEquals(BfdPeer.multihop(Ipv4Address.parse("192.0.2.9"), Ipv4Address.parse("1.1.1.1")), b.peers().get(1).key());
        assertEquals(250, b.peers().get(1).minimumTtl());
    }

    @Test
    void intervalBelowTenMillisecondsIsRefused() {
        assertSingleError(NODE + """
                    bfd: {transmit-interval: 5ms}
                """, 4, 30, "BFD transmit-interval 5ms is outside 10ms..60s");
    }

    @Test
    void echoModeIsNotModelledAndSaysSo() {
        assertSingleError(NODE + """
                    bfd: {echo: true}
                """, 4, 11, "echo");
    }

    @Test
    void staticBfdNeedsANextHop() {
        assertSingleError(NODE + """
                    static:
                      - {prefix: 10.9.0.0/24, interface: eth0, bfd: true}
                """, 5, 53, "'bfd' on a static route needs 'via'");
    }

    @Test
    void multihopStaticWithoutSourceOrLoopbackIsRefused() {
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    static:
                      - {prefix: 10.9.0.0/24, via: 192.0.2.7, bfd: true}
                """, 5, 52, "multihop BFD to 192.0.2.7 needs a source address");
    }

    @Test
    void singleHopPeerOffTheLinkIsRefused() {
        assertSingleError(NODE + """
                    bfd: {peers: [{peer: 192.0.2.9}]}
                """, 4, 26, "BFD peer 192.0.2.9 is on no connected subnet");
    }

    @Test
    void trackFollowsBfdAndRefusesIpSlaKeys() throws Exception {
        TopologySpec t = TopologyLoader.parse(NODE + """
                    track:
                      5: {bfd: 10.0.0.2, down-delay: 1s}
                      6: {bfd: 192.0.2.1}
                """, "t.yaml");
        TrackSpec five = t.nodes().get("a").protocol(Tracks.class).orElseThrow().byNumber().get(5);
        assertEquals("eth0", five.bfd().orElseThrow().interfaceName().orElseThrow());
        assertEquals(SimTime.SECOND, five.downDelayNs());
        assertTrue(t.nodes().get("a").protocol(Tracks.class).orElseThrow().byNumber().get(6).bfd().orElseThrow().multihop());
        assertSingleError(NODE + """
                    track:
                      5: {bfd: 10.0.0.2, frequency: 1s}
                """, 5, 37, "track 5 follows BFD: 'frequency' is an IP SLA setting");
    }

    @Test
    void peerOnAnInterfaceWithoutAddressIsRefused() {
        assertSingleError("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/30}, eth1: {}}
                    bfd: {peers: [{peer: 10.0.0.2, interface: eth1}]}
                """, 4, 47, "bfd peer interface 'eth1' has no IPv4 address");
    }

    @Test
    void bfdOnAHostIsRefused() {
        assertSingleError("""
                nodes:
                  h:
                    kind: host
                    interfaces: {eth0: {address: 10.0.0.1/30}}
                    bfd: {}
                """, 5, 10, "host 'h' cannot have 'bfd'");
    }
}
