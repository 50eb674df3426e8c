package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tunnelsim.routing.ospf.OspfModule;
import io.tunnelsim.routing.ospf.OspfOverrides;
import io.tunnelsim.routing.ospf.OspfSpec;
import io.tunnelsim.routing.rip.RipOverrides;
import io.tunnelsim.routing.rip.RipSpec;

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

    @Test
    void showJsonRowsAndRouteCodesComeFromTheModulesInRegistrationOrder() {
        Map<String, java.util.List<String>> answering = new LinkedHashMap<>();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            for (String table : new java.util.TreeSet<>(m.showJsonRows().keySet())) {
                answering.computeIfAbsent(table, k -> new java.util.ArrayList<>()).add(m.nodeKey());
            }
        }
        // neighbors: OSPF's rows, then RIP's (BFD has text only); ospf, ospf_database and track one module each
        assertEquals(Map.of("neighbors", java.util.List.of("ospf", "rip"), "ospf", java.util.List.of("ospf"),
                "ospf_database", java.util.List.of("ospf"), "track", java.util.List.of("track")), answering);
        assertTrue(ProtocolModules.byKey("ospf").showTables().containsKey("ospf_database"));
        // a node without the protocols: no rows, no OSPF database
        io.tunnelsim.node.Network net = new io.tunnelsim.node.Network(1);
        io.tunnelsim.node.Router r = net.addRouter("r1");
        for (String table : answering.keySet()) {
            io.tunnelsim.json.JsonWriter w = new io.tunnelsim.json.JsonWriter().beginArray();
            for (ProtocolModule<?> m : ProtocolModules.all()) {
                var rows = m.showJsonRows().get(table);
                if (rows != null) {
                    rows.accept(r, w);
                }
            }
            assertEquals("[]\n", w.endArray().toJson(), table);
        }
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            assertNull(m.showTables().getOrDefault("ospf_database", n -> null).apply(r), m.nodeKey());
        }
    }

    @Test
    void theRoutingWordsAreNoneStaticThenTheModulesChoicesInTheirPlace() {
        // the order of the schema's enum and of "expected one of" messages
        assertEquals(java.util.List.of("none", "static", "rip", "ospf"), java.util.List.copyOf(RoutingProtocol.byName().keySet()));
        assertSame(OspfModule.CHOICE, RoutingProtocol.named("ospf"), "the module's own value");
        assertSame(io.tunnelsim.routing.rip.RipModule.CHOICE, RoutingProtocol.byName().get("rip"));
        assertSame(RoutingProtocol.STATIC, RoutingProtocol.named("static"));
        assertTrue(RoutingProtocol.named("rip").is("rip") && !RoutingProtocol.NONE.is("rip"));
        assertEquals("ospf", RoutingProtocol.named("ospf").toString());
        assertThrows(IllegalArgumentException.class, () -> RoutingProtocol.generated("static", 3), "no module's");
        assertThrows(IllegalArgumentException.class, () -> RoutingProtocol.named("eigrp"));
        TopologyException e = assertThrows(TopologyException.class,
                () -> TopologyLoader.parse("nodes:\n  r1: {}\nrouting: {protocol: eigrp}\n", "r.yaml"));
        assertTrue(e.getMessage().contains("r.yaml:3:21: error: unknown protocol 'eigrp' (expected one of: none, static, rip, ospf)"),
                e.getMessage());
        String schema = JsonSchema.of(TopologyShapes.topology(), "t");
        assertTrue(schema.contains("\"enum\": [\"none\", \"static\", \"rip\", \"ospf\"]"), schema);
    }

    @Test
    void eachGeneratedRoutingChoiceAndEachVariantOverrideBelongsToOneModule() {
        Map<RoutingProtocol, String> generators = new LinkedHashMap<>();
        Map<String, Class<?>> overrides = new LinkedHashMap<>();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            m.routingChoice().ifPresent(r -> assertNull(generators.put(r, m.nodeKey()), "two modules generate " + r));
            if (m.variantOverrides() != null) {
                overrides.put(m.nodeKey(), m.variantOverrides().type());
                assertTrue(m.variantOverrides().description().endsWith(" timer overrides."), m.nodeKey());
            }
        }
        assertEquals(Map.of(RoutingProtocol.named("ospf"), "ospf", RoutingProtocol.named("rip"), "rip"), generators);
        assertEquals(Map.of("ospf", OspfOverrides.class, "rip", RipOverrides.class), overrides);
        assertEquals(java.util.List.of("ospf", "rip"), java.util.List.copyOf(overrides.keySet()), "registration order");
        assertEquals(Optional.empty(), ProtocolModules.byKey("track").routingChoice());
        assertThrows(UnsupportedOperationException.class, () -> ProtocolModules.byKey("bfd").installGenerated(null, null),
                "a module no routing choice names generates nothing");
    }

    @Test
    void aModulesOverridesRewriteItsSectionOnly() {
        ProtocolModule<?> rip = ProtocolModules.byKey("rip");
        assertSame(RipSpec.class, rip.sectionType());
        RipSpec r = new RipSpec(2, RipSpec.Timers.DEFAULT, RipSpec.SplitHorizon.POISON, true, Map.of(), true);
        @SuppressWarnings("unchecked")
        VariantOverrides<RipSpec, RipOverrides> hook = (VariantOverrides<RipSpec, RipOverrides>) rip.variantOverrides();
        RipSpec o = hook.apply(r, new RipOverrides(java.util.OptionalLong.of(io.tunnelsim.sim.SimTime.seconds(7)),
                java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty()));
        assertEquals(io.tunnelsim.sim.SimTime.seconds(7), o.timers().updateNs());
        assertEquals(RipSpec.Timers.DEFAULT.timeoutNs(), o.timers().timeoutNs(), "timers not given stay");
        assertEquals(r.splitHorizon(), o.splitHorizon());
        assertEquals(r.interfaces(), o.interfaces());
    }
}
