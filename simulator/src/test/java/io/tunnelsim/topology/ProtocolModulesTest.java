package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tunnelsim.routing.ospf.OspfModule;
import io.tunnelsim.routing.ospf.OspfSpec;

class ProtocolModulesTest {

    @Test
    void ospfIsRegisteredUnderItsNodeKey() {
        ProtocolModule<?> m = ProtocolModules.byKey("ospf");
        assertTrue(m instanceof OspfModule);
        assertSame(OspfSpec.class, m.sectionType());
        assertTrue(m.routersOnly());
        assertTrue(m.replacedByRoutingChoice());
        assertTrue(m.showTables().containsKey("neighbors"));
        assertNull(ProtocolModules.byKey("kind"), "node keys of the node itself belong to no module");
    }

    @Test
    void keysAreUniqueAndDistinctFromTheNodesOwnKeys() {
        Set<String> seen = new HashSet<>();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            assertTrue(seen.add(m.nodeKey()), "duplicate key " + m.nodeKey());
            assertFalse(ProtocolModules.NODE_KEYS.contains(m.nodeKey()), m.nodeKey());
            assertEquals(m.nodeKey().toLowerCase(java.util.Locale.ROOT), m.nodeKey());
        }
        assertThrows(UnsupportedOperationException.class, () -> ProtocolModules.all().add(new OspfModule()));
    }

    @Test
    void aModuleSectionOnAHostIsRefusedWithItsPosition() {
        String yaml = """
                nodes:
                  pc:
                    kind: host
                    interfaces: {eth0: {address: 10.0.0.2/24, gateway: 10.0.0.1}}
                    ospf: {interfaces: {eth0: {}}}
                """;
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse(yaml, "host.yaml"));
        assertTrue(e.getMessage().contains("host.yaml:5:11: error: host 'pc' cannot have 'ospf'"), e.getMessage());
    }
}
