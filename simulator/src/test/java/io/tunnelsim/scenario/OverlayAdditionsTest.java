package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.bfd.BfdService;
import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.routing.track.Track;
import io.tunnelsim.routing.track.module.TrackOverrides;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OverlayRouter;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.RoutingProtocol;

/**
 * {@link io.tunnelsim.topology.ProtocolModule#installOnOverlay}: what the track and BFD modules add
 * to the generated routing from the variant's {@code track:} and {@code bfd:} records, on one
 * overlay router given as an {@link OverlayRouter}, and through a whole build.
 */
class OverlayAdditionsTest {

    /** An overlay router with two tunnels, the given routing choice, tracked tunnels and records. */
    private record FakeRouter(RoutingProtocol routing, Map<Integer, TrackedTunnel> trackedTunnels, List<Object> records,
                              List<String> notes) implements OverlayRouter {
        @Override
        public NodeSpec node() {
            return new NodeSpec("r", NodeSpec.Kind.ROUTER, Map.of(), List.of(), List.of(), Map.of());
        }

        @Override
        public List<Tunnel> tunnels() {
            return List.of(new Tunnel("tunnel0", 1000), new Tunnel("tunnel1", 1000));
        }

        @Override
        public boolean isTransport(String iface) {
            return false;
        }

        @Override
        public boolean reachesHost(InterfaceSpec iface) {
            return false;
        }

        @Override
        public boolean sharesSegmentWithRouter(String iface) {
            return false;
        }

        @Override
        public <O> Optional<O> overrides(Class<O> type) {
            return records.stream().filter(type::isInstance).map(type::cast).findFirst();
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }
    }

    @Test
    void theTrackModuleCreatesOneIpSlaTrackPerTrackedTunnelWithTheVariantsTimers() {
        Node n = new Network(1).addRouter("r");
        List<String> notes = new ArrayList<>();
        var tracked = Map.of(100, new OverlayRouter.TrackedTunnel("tunnel1", Ipv4Address.parse("172.16.1.2")));
        var router = new FakeRouter(RoutingProtocol.STATIC, tracked,
                List.of(new TrackOverrides(java.util.OptionalLong.of(SimTime.seconds(5)), java.util.OptionalLong.empty())), notes);
        ProtocolModules.byKey("track").installOnOverlay(router, n);
        Track t = n.service(Track.class);
        assertNotNull(t);
        assertEquals(100, t.id());
        assertEquals(Ipv4Address.parse("172.16.1.2"), t.sla().config().target());
        assertEquals(SimTime.seconds(5), t.sla().config().frequency());
        assertEquals(SimTime.seconds(5), t.sla().config().timeout(), "the smaller of 5 s and the frequency");
        assertEquals(List.of("r: track 100 ip sla icmp-echo 172.16.1.2 via tunnel1 every 5s"), notes);

        Node quiet = new Network(1).addRouter("q");
        ProtocolModules.byKey("track").installOnOverlay(new FakeRouter(RoutingProtocol.STATIC, Map.of(), List.of(), notes), quiet);
        assertNull(quiet.service(Track.class), "no tracked tunnels: nothing");
    }

    @Test
    void theBfdModuleAddsSessionsOnlyToAGeneratedOspf() {
        List<String> notes = new ArrayList<>();
        BfdTimers timers = new BfdTimers(SimTime.millis(50), SimTime.millis(50), 3);
        Node st = new Network(1).addRouter("s");
        ProtocolModules.byKey("bfd").installOnOverlay(new FakeRouter(RoutingProtocol.STATIC, Map.of(), List.of(timers), notes), st);
        assertNull(st.service(BfdService.class), "static routes get their sessions in the static-route phase");
        Node none = new Network(1).addRouter("n");
        ProtocolModules.byKey("bfd").installOnOverlay(new FakeRouter(RoutingProtocol.named("ospf"), Map.of(), List.of(), notes), none);
        assertNull(none.service(BfdService.class), "no bfd: record, no BFD");
        assertTrue(notes.isEmpty());
    }

    @Test
    void aBuildAddsTheModulesPartsToTheGeneratedRouting() throws Exception {
        ScenarioSpec s = ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples/failover-static-vs-dynamic.yaml"));
        Map<String, BuiltNetwork> built = new java.util.HashMap<>();
        for (VariantSpec v : s.variants()) {
            built.put(v.name(), NetworkBuilder.build(v.topology(), v, s.seed()));
        }
        List<String> sla = built.get("static-ip-sla").generated();
        assertTrue(sla.contains("hq: track 100 ip sla icmp-echo 172.16.0.2 via tunnel0 every 5s"), sla::toString);
        Track t = built.get("static-ip-sla").network().node("hq").service(Track.class);
        assertEquals(SimTime.seconds(2), t.sla().config().timeout());

        List<String> ospfBfd = built.get("ospf-bfd").generated();
        assertTrue(ospfBfd.contains("hq: ip ospf bfd on tunnel0 (300ms x 3)"), ospfBfd::toString);
        assertTrue(ospfBfd.contains("br: ip ospf bfd on tunnel1 (300ms x 3)"), ospfBfd::toString);
        assertNotNull(built.get("ospf-bfd").network().node("hq").service(BfdService.class));

        for (String v : new String[] {"static-bfd", "ospf", "static-keepalive"}) {
            List<String> notes = built.get(v).generated();
            assertFalse(notes.stream().anyMatch(l -> l.contains("ip ospf bfd") || l.contains(" ip sla ")), v + ": " + notes);
        }
    }
}
