package io.tunnelsim.routing.track.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tunnelsim.routing.track.TrackChanged;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.TopologyException;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;

class TrackModuleTest {

    private static final String ROUTER = """
            nodes:
              a:
                interfaces: {eth0: {address: 10.0.0.1/24}}
            """;

    @Test
    void tracksAreRegisteredFirstAndInstalledBeforeGeneratedRouting() {
        ProtocolModule<?> m = ProtocolModules.byKey("track");
        assertTrue(m instanceof TrackModule);
        assertSame(Tracks.class, m.sectionType());
        assertTrue(m.routersOnly());
        assertFalse(m.replacedByRoutingChoice(), "a routing: choice keeps configured tracks");
        assertTrue(m.installedBeforeGeneratedRouting());
        assertTrue(m.showTables().containsKey("track"));
        assertEquals(List.of(TrackChanged.class), m.events());
        // the node's track key came right after static, before every routing section
        assertEquals("track", ProtocolModules.all().get(0).nodeKey());
        assertTrue(m.sectionShape() instanceof Shape.Named, "tracks are a mapping by number");
        assertEquals("Tracked objects, by number 1..1000.", m.sectionDescription());
    }

    @Test
    void theSectionLandsInTheNodesProtocolsWithIosDefaults() throws Exception {
        TopologySpec t = TopologyLoader.parse(ROUTER + """
                    track:
                      3: {icmp-echo: 10.0.0.2}
                      4: {bfd: 10.0.0.2, up-delay: 2s}
                """, "t.yaml");
        Tracks tracks = t.node("a").protocol(Tracks.class).orElseThrow();
        assertSame(tracks, t.node("a").protocols().get("track"));
        assertEquals(List.of(3, 4), List.copyOf(tracks.byNumber().keySet()));
        TrackSpec three = tracks.byNumber().get(3);
        assertEquals(SimTime.seconds(60), three.frequencyNs());
        assertEquals(SimTime.seconds(5), three.timeoutNs());
        assertTrue(tracks.byNumber().get(4).bfd().isPresent());
        assertTrue(tracks.defines(4));
        assertFalse(tracks.defines(5));
    }

    @Test
    void aStaticRouteNamingAnUndefinedTrackIsRefusedAtItsTrackValue() {
        String yaml = ROUTER + """
                    static:
                      - {prefix: 192.0.2.0/24, via: 10.0.0.2, track: 9}
                    track:
                      3: {icmp-echo: 10.0.0.2}
                """;
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse(yaml, "s.yaml"));
        assertTrue(e.getMessage().contains("s.yaml:5:54: error: track 9 is not defined under 'track' of node 'a'"),
                e.getMessage());
    }

    @Test
    void aStaticRouteNamingADefinedTrackIsAccepted() throws Exception {
        TopologySpec t = TopologyLoader.parse(ROUTER + """
                    static:
                      - {prefix: 192.0.2.0/24, via: 10.0.0.2, track: 3}
                    track:
                      3: {icmp-echo: 10.0.0.2}
                """, "t.yaml");
        assertEquals(3, t.node("a").staticRoutes().get(0).track().getAsInt());
    }
}
