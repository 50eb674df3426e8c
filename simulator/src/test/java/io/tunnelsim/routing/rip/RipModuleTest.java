package io.tunnelsim.routing.rip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.TopologyException;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;

class RipModuleTest {

    @Test
    void ripIsRegisteredUnderItsNodeKeyAfterOspfAndBfd() {
        ProtocolModule<?> m = ProtocolModules.byKey("rip");
        assertTrue(m instanceof RipModule);
        assertSame(RipSpec.class, m.sectionType());
        assertTrue(m.routersOnly());
        assertTrue(m.replacedByRoutingChoice(), "a routing: choice replaces configured RIP");
        assertTrue(m.showTables().containsKey("neighbors"));
        assertEquals(List.of(RipRouteTimeout.class), m.events());
        // read, check and install order: RIP after the other modules, as before it was a module
        List<String> keys = ProtocolModules.all().stream().map(ProtocolModule::nodeKey).toList();
        assertTrue(keys.indexOf("rip") > keys.indexOf("ospf") && keys.indexOf("rip") > keys.indexOf("bfd"), keys.toString());
    }

    @Test
    void theSectionLandsInTheNodesProtocols() throws Exception {
        TopologySpec t = TopologyLoader.parse("""
                nodes:
                  a:
                    interfaces: {eth0: {address: 10.0.0.1/24}}
                    rip: {split-horizon: poison, interfaces: {eth0: {offset: 2}}}
                """, "t.yaml");
        RipSpec r = t.node("a").protocol(RipSpec.class).orElseThrow();
        assertSame(r, t.node("a").protocols().get("rip"));
        assertEquals(RipSpec.SplitHorizon.POISON, r.splitHorizon());
        assertEquals(2, r.interfaces().get("eth0").offset());
    }

    @Test
    void aRipSectionOnAHostIsRefusedWithItsPosition() {
        String yaml = """
                nodes:
                  pc:
                    kind: host
                    interfaces: {eth0: {address: 10.0.0.2/24, gateway: 10.0.0.1}}
                    rip: {interfaces: {eth0: {}}}
                """;
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse(yaml, "host.yaml"));
        assertTrue(e.getMessage().contains("host.yaml:5:10: error: host 'pc' cannot have 'rip'"), e.getMessage());
    }
}
