package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.testutil.Repo;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.StaticRouteSpec;
import io.tunnelsim.topology.TopologyGenerator;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The overlay and the routes of the {@code static} variant (class doc of {@link RoutingPlan};
 * docs/model.md, "routing"): per remote site prefix one route per own tunnel ordered by overlay
 * path cost (tunnel cost 10^8 / bandwidth, then tunnel name), the cheapest at distance 1, the next
 * three floating at 250, 251, 252. Expected routes are written out by hand from those rules.
 */
class RoutingPlanTest {

    /** "prefix tunnel distance" for each route, with " via X" when a next hop is named and " track N" when tracked. */
    static List<String> rows(List<StaticRoute> routes) {
        List<String> out = new ArrayList<>();
        for (StaticRoute r : routes) {
            out.add(r.prefix() + " " + r.interfaceName() + " " + r.distance()
                    + (r.nextHop() != null ? " via " + r.nextHop() : "") + (r.track() != 0 ? " track " + r.track() : ""));
        }
        return out;
    }

    static TopologySpec twoSite() throws Exception {
        return TopologyLoader.load(Repo.root().resolve("topologies/gre-two-site.yaml"));
    }

    /**
     * gre-two-site: hq and br joined by one mirrored tunnel of the default 100 kbit/s (InterfaceSpec:
     * what routers give a GRE tunnel), cost 10^8 / 10^5 = 1000. The provider router has no tunnel
     * and is not in the overlay.
     */
    @Test
    void twoSitesMakeOneOverlayEdgeEachWay() throws Exception {
        RoutingPlan plan = new RoutingPlan(twoSite(), RoutingProtocol.STATIC, false);
        Map<String, List<RoutingPlan.OverlayEdge>> o = plan.overlay();
        assertEquals(List.of("br", "hq"), List.copyOf(o.keySet()));
        assertEquals(List.of(new RoutingPlan.OverlayEdge("hq", "tunnel0", "br", "tunnel0", 1000)), o.get("hq"));
        assertEquals(List.of(new RoutingPlan.OverlayEdge("br", "tunnel0", "hq", "tunnel0", 1000)), o.get("br"));
        List<String> notes = new ArrayList<>();
        assertEquals(List.of("10.2.0.0/24 tunnel0 1"), rows(plan.generatedStatics("hq", notes)));
        assertEquals(List.of("10.1.0.0/24 tunnel0 1"), rows(plan.generatedStatics("br", notes)));
        assertEquals(List.of(), plan.generatedStatics("isp", notes));
        assertEquals("hq: 1 generated static routes over 1 tunnel(s)", notes.get(0));
    }

    /** Class doc: a tunnel whose far end does not point back is no overlay edge, and generates nothing. */
    @Test
    void unmirroredTunnelIsNoOverlayEdge() throws Exception {
        String text = Files.readString(Repo.root().resolve("topologies/gre-two-site.yaml"))
                .replace("destination: 203.0.113.2", "destination: 203.0.113.1");
        TopologySpec t = TopologyLoader.parse(text, "unmirrored.yaml");
        RoutingPlan plan = new RoutingPlan(t, RoutingProtocol.STATIC, false);
        assertTrue(plan.overlay().isEmpty(), plan.overlay().toString());
        assertEquals(List.of(), plan.generatedStatics("hq", new ArrayList<>()));
    }

    /**
     * Class doc: for every variant but {@code none}, configured static routes into a tunnel are
     * replaced; underlay routes stay. The transport interface (the tunnel source) is eth0.
     */
    @Test
    void configuredRoutesIntoTunnelsAreReplacedUnlessNone() throws Exception {
        TopologySpec t = twoSite();
        NodeSpec hq = t.node("hq");
        RoutingPlan stat = new RoutingPlan(t, RoutingProtocol.STATIC, false);
        RoutingPlan none = new RoutingPlan(t, RoutingProtocol.NONE, false);
        List<String> replaced = new ArrayList<>();
        for (StaticRouteSpec r : hq.staticRoutes()) {
            assertFalse(none.replacesConfiguredRoute(hq, r), "none keeps " + r);
            if (stat.replacesConfiguredRoute(hq, r)) {
                replaced.add(r.prefix().toString());
            }
        }
        assertEquals(List.of("10.2.0.0/24"), replaced);
        assertTrue(stat.isTransport(hq, "eth0"));
        assertFalse(stat.isTransport(hq, "lan0"));
        assertEquals(List.of(), none.generatedStatics("hq", new ArrayList<>()), "none generates nothing");
    }

    /**
     * Generated full mesh of six sites, all tunnels 100 kbit/s (cost 1000). From site1 to site k
     * the direct tunnelk costs 1000 and each detour through another site 2000; ties go by tunnel
     * name, and only three floating backups are kept, so the fifth tunnel carries no route.
     */
    @Test
    void fullMeshKeepsThePrimaryAndThreeCheapestBackups() throws Exception {
        TopologySpec t = TopologyLoader.parse(TopologyGenerator.fullMesh(6, RoutingProtocol.STATIC), "mesh6.yaml");
        RoutingPlan plan = new RoutingPlan(t, RoutingProtocol.STATIC, false);
        assertEquals(5, plan.overlay().get("site1").size());
        assertEquals(List.of(
                "10.0.2.0/24 tunnel2 1", "10.0.2.0/24 tunnel3 250", "10.0.2.0/24 tunnel4 251", "10.0.2.0/24 tunnel5 252",
                "10.0.3.0/24 tunnel3 1", "10.0.3.0/24 tunnel2 250", "10.0.3.0/24 tunnel4 251", "10.0.3.0/24 tunnel5 252",
                "10.0.4.0/24 tunnel4 1", "10.0.4.0/24 tunnel2 250", "10.0.4.0/24 tunnel3 251", "10.0.4.0/24 tunnel5 252",
                "10.0.5.0/24 tunnel5 1", "10.0.5.0/24 tunnel2 250", "10.0.5.0/24 tunnel3 251", "10.0.5.0/24 tunnel4 252",
                "10.0.6.0/24 tunnel6 1", "10.0.6.0/24 tunnel2 250", "10.0.6.0/24 tunnel3 251", "10.0.6.0/24 tunnel4 252"),
                rows(plan.generatedStatics("site1", new ArrayList<>())));
    }

    /**
     * Dual-provider full mesh of three sites: tunnelN over isp-a at 10 Mbit/s (cost 10), tunnel(3+N)
     * over isp-b at 6 Mbit/s (cost 10^8 / 6·10^6 = 16). From site1 to site2: direct 10 (tunnel2),
     * direct backup 16 (tunnel5), detour via site3 10 + 10 = 20 (tunnel3), 16 + 10 = 26 (tunnel6).
     */
    @Test
    void dualProviderMeshOrdersByPathCost() throws Exception {
        TopologySpec t = TopologyLoader.parse(
                TopologyGenerator.fullMesh(3, RoutingProtocol.STATIC, new TopologyGenerator.Options(true, false)), "dual3.yaml");
        RoutingPlan plan = new RoutingPlan(t, RoutingProtocol.STATIC, false);
        List<String> r = rows(plan.generatedStatics("site1", new ArrayList<>()));
        assertEquals(List.of(
                "10.0.2.0/24 tunnel2 1", "10.0.2.0/24 tunnel5 250", "10.0.2.0/24 tunnel3 251", "10.0.2.0/24 tunnel6 252",
                "10.0.3.0/24 tunnel3 1", "10.0.3.0/24 tunnel6 250", "10.0.3.0/24 tunnel2 251", "10.0.3.0/24 tunnel5 252"), r);
    }

    /** docs/routing-bfd.md: with the variant's BFD every generated route names the far tunnel address as next hop. */
    @Test
    void bfdNamesTheFarTunnelAddress() throws Exception {
        RoutingPlan plan = new RoutingPlan(twoSite(), RoutingProtocol.STATIC, false, Optional.of(BfdTimers.DEFAULT));
        assertEquals(List.of("10.2.0.0/24 tunnel0 1 via 172.16.0.2"), rows(plan.generatedStatics("hq", new ArrayList<>())));
        assertEquals(List.of("10.1.0.0/24 tunnel0 1 via 172.16.0.1"), rows(plan.generatedStatics("br", new ArrayList<>())));
    }

    /** docs/scenario-format.md {@code track}: only each primary route is tracked, one track per tunnel; backups are not. */
    @Test
    void trackedVariantTracksPrimariesOnly() throws Exception {
        TopologySpec t = TopologyLoader.parse(TopologyGenerator.fullMesh(3, RoutingProtocol.STATIC), "mesh3.yaml");
        RoutingPlan plan = new RoutingPlan(t, RoutingProtocol.STATIC, true);
        List<StaticRoute> r = plan.generatedStatics("site1", new ArrayList<>());
        assertEquals(4, r.size());
        int t2 = r.get(0).track();
        int t3 = r.get(2).track();
        assertTrue(t2 != 0 && t3 != 0 && t2 != t3, rows(r).toString());
        assertEquals(0, r.get(1).track());
        assertEquals(0, r.get(3).track());
        assertEquals("tunnel2", plan.generatedTracks("site1").get(t2).tunnel());
        assertEquals("tunnel3", plan.generatedTracks("site1").get(t3).tunnel());
        // the option means nothing with dynamic routing
        RoutingPlan rip = new RoutingPlan(t, RoutingProtocol.named("rip"), true);
        assertEquals(List.of(), rip.generatedStatics("site1", new ArrayList<>()));
        assertTrue(rip.generatedTracks("site1").isEmpty());
    }

    /**
     * Class doc: site prefixes are the subnets of Ethernet interfaces on links that reach a host,
     * and loopbacks; a router-to-router subnet is none. br gains a loopback and a LAN without a host.
     */
    @Test
    void sitePrefixesAreHostLansAndLoopbacks() throws Exception {
        String text = Files.readString(Repo.root().resolve("topologies/gre-two-site.yaml"))
                .replace("      lan0: {address: 10.2.0.1/24, ipv6: \"2001:db8:2::1/64\"}\n",
                        "      lan0: {address: 10.2.0.1/24, ipv6: \"2001:db8:2::1/64\"}\n"
                                + "      Loopback0: {address: 10.255.0.2/32}\n"
                                + "      lan1: {address: 10.3.0.1/24}\n");
        assertTrue(text.contains("Loopback0"));
        TopologySpec t = TopologyLoader.parse(text, "loopback.yaml");
        RoutingPlan plan = new RoutingPlan(t, RoutingProtocol.STATIC, false);
        assertEquals(List.of("10.2.0.0/24", "10.255.0.2/32"),
                plan.sitePrefixes(t.node("br")).stream().map(Object::toString).sorted().toList());
        assertEquals(List.of("10.2.0.0/24 tunnel0 1", "10.255.0.2/32 tunnel0 1"),
                rows(plan.generatedStatics("hq", new ArrayList<>())).stream().sorted().toList());
        assertEquals(List.of(), plan.sitePrefixes(t.node("isp")), "the provider's links reach no host");
    }
}
