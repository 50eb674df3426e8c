package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopologyGraphTest {

    @Test
    void graphOfTheFullExample() throws Exception {
        TopologySpec t = TopologyLoader.load(TopologyLoaderTest.FULL);
        TopologyGraph g = new TopologyGraph(t);
        assertEquals(7, g.graph().vertexSet().size());
        // 4 point-to-point links, lan-hq (3 nodes = 3 pairs), lan-branch (1 pair)
        assertEquals(8, g.graph().edgeSet().size());
        assertTrue(g.connected("hq-pc", "branch-pc"));
        assertEquals("branch", g.ownerOf(io.tunnelsim.addr.Ipv4Address.parse("198.51.100.2")).orElseThrow());
        assertEquals(List.of(), g.check());
    }

    @Test
    void warningsForIslandsGatewaylessHostsAndUnreachableTunnelEnds() throws Exception {
        String yaml = """
                nodes:
                  a:
                    interfaces:
                      eth0: {address: 10.0.0.1/30}
                      tunnel0: {address: 172.16.0.1/30, tunnel: {source: eth0, destination: 10.0.0.6}}
                      tunnel1: {address: 172.16.0.5/30, tunnel: {source: eth0, destination: 192.0.2.99}}
                  b: {interfaces: {eth0: {address: 10.0.0.2/30}}}
                  c: {interfaces: {eth0: {address: 10.0.0.5/30}}}
                  d: {interfaces: {eth0: {address: 10.0.0.6/30}}}
                  h: {kind: host, interfaces: {eth0: {address: 10.9.0.2/24}}}
                links:
                  - {endpoints: ["a:eth0", "b:eth0"]}
                  - {endpoints: ["c:eth0", "d:eth0"]}
                """;
        TopologySpec t = TopologyLoader.parse(yaml, "w.yaml");
        List<String> w = t.warnings().stream().map(Diagnostic::toString).toList();
        assertTrue(w.contains("w.yaml:5:77: warning: tunnel destination 10.0.0.6 belongs to 'd', which no chain of links connects to 'a'"), w::toString);
        assertTrue(w.contains("w.yaml:6:77: warning: tunnel destination 192.0.2.99 of a:tunnel1 is not an address of any interface in the topology"), w::toString);
        assertTrue(w.contains("w.yaml:8:3: warning: nodes [c, d] are not connected by any link to [a, b]"), w::toString);
        assertTrue(w.contains("w.yaml:10:3: warning: nodes [h] are not connected by any link to [a, b]"), w::toString);
        assertTrue(w.contains("w.yaml:10:3: warning: host 'h' has no gateway; it can only reach its own subnets"), w::toString);
        // the cross-end check adds that d has no tunnel back to a
        assertTrue(w.stream().anyMatch(x -> x.startsWith("w.yaml:5:77: warning: tunnel a:tunnel0 goes to 10.0.0.6 on 'd', which has no tunnel")), w::toString);
        assertEquals(6, w.size(), w::toString);
        assertFalse(new TopologyGraph(t).connected("a", "d"));
    }
}
