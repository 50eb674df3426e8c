package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tunnelsim.routing.ospf.OspfInterfaceSpec;
import io.tunnelsim.routing.ospf.OspfOverrides;
import io.tunnelsim.routing.ospf.OspfSpec;
import io.tunnelsim.routing.ospf.SpfThrottle;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;

class VariantStepTest {

    static final Path FULL = Path.of("src/test/resources/yaml/two-site-full.yaml");

    static VariantSpec variant(TopologySpec t, OptionalLong hello, OptionalLong dead, Optional<SpfThrottle> spf) {
        return new VariantSpec("v", RoutingProtocol.NONE, t, Map.of("ospf", new OspfOverrides(hello, dead, spf)),
                Optional.empty(), Optional.empty());
    }

    /** The OSPF module's overrides applied to one section, as {@link VariantStep#apply} applies them. */
    static OspfSpec ospf(OspfSpec s, OspfOverrides o) {
        return VariantStep.override(new io.tunnelsim.routing.ospf.OspfModule(), s, o);
    }

    /** The RIP module's overrides applied to one section, as {@link VariantStep#apply} applies them. */
    static io.tunnelsim.routing.rip.RipSpec rip(io.tunnelsim.routing.rip.RipSpec r, io.tunnelsim.routing.rip.RipOverrides o) {
        return VariantStep.override(new io.tunnelsim.routing.rip.RipModule(), r, o);
    }

    @Test
    void noVariantOrNoOspfOverridesLeavesTheSpecAsItIs() throws Exception {
        TopologySpec t = TopologyLoader.load(FULL);
        assertSame(t, VariantStep.apply(t, null));
        VariantSpec none = new VariantSpec("v", RoutingProtocol.NONE, t, Map.of(), Optional.empty(), Optional.empty());
        assertSame(t, VariantStep.apply(t, none));
    }

    @Test
    void overridesReplaceEveryConfiguredSectionAndNothingElse() throws Exception {
        TopologySpec t = TopologyLoader.load(FULL);
        TopologySpec v = VariantStep.apply(t, variant(t, OptionalLong.of(SimTime.seconds(1)), OptionalLong.empty(),
                Optional.of(SpfThrottle.CLASSIC)));
        int sections = 0;
        for (NodeSpec n : t.nodes().values()) {
            NodeSpec m = v.node(n.name());
            assertEquals(n.interfaces(), m.interfaces());
            assertEquals(n.staticRoutes(), m.staticRoutes());
            assertEquals(n.protocol(io.tunnelsim.routing.rip.RipSpec.class), m.protocol(io.tunnelsim.routing.rip.RipSpec.class));
            if (n.protocol(OspfSpec.class).isEmpty()) {
                assertEquals(n, m, n.name() + " runs no OSPF and is untouched");
                continue;
            }
            sections++;
            OspfSpec before = n.protocol(OspfSpec.class).get();
            OspfSpec after = m.protocol(OspfSpec.class).get();
            assertEquals(SpfThrottle.CLASSIC, after.spf());
            assertEquals(before.routerId(), after.routerId());
            assertEquals(before.interfaces().keySet(), after.interfaces().keySet());
            for (OspfInterfaceSpec i : after.interfaces().values()) {
                OspfInterfaceSpec b = before.interfaces().get(i.name());
                assertEquals(SimTime.seconds(1), i.helloNs());
                assertEquals(SimTime.seconds(4), i.deadNs(), "dead follows an overridden hello as 4 x hello (RFC 2328 C.3)");
                assertEquals(new OspfInterfaceSpec(b.name(), b.area(), b.cost(), i.helloNs(), i.deadNs(), b.retransmitNs(),
                        b.transmitDelayNs(), b.network(), b.priority(), b.passive()), i, "only the timers change");
            }
        }
        assertEquals(2, sections, "hq and branch configure OSPF in the fixture");
        assertEquals(t.links(), v.links());
        assertEquals(t.sections(), v.sections());
    }

    static LongStream helloNs() {
        Random r = new Random(0x7e55_15L);
        return LongStream.generate(() -> SimTime.MILLISECOND * (1000 + r.nextInt(60_000))).limit(20);
    }

    /** The dead interval the process gets is four whole-second hellos, as OSPF carries them on the wire. */
    @ParameterizedTest
    @MethodSource("helloNs")
    void deadFollowsTheWholeSecondHello(long hello) throws Exception {
        TopologySpec t = TopologyLoader.load(FULL);
        OspfSpec s = t.node("hq").protocol(OspfSpec.class).orElseThrow();
        OspfSpec o = ospf(s, variant(t, OptionalLong.of(hello), OptionalLong.empty(), Optional.empty())
                .override(OspfOverrides.class).orElseThrow());
        for (OspfInterfaceSpec i : o.interfaces().values()) {
            assertEquals(hello, i.helloNs());
            assertEquals(4L * (hello / SimTime.SECOND) * SimTime.SECOND, i.deadNs());
        }
        assertEquals(s.spf(), o.spf(), "spf not overridden stays as configured");
    }

    @Test
    void anOverriddenDeadIntervalWins() throws Exception {
        TopologySpec t = TopologyLoader.load(FULL);
        OspfSpec s = t.node("hq").protocol(OspfSpec.class).orElseThrow();
        OspfSpec o = ospf(s, variant(t, OptionalLong.of(SimTime.seconds(2)), OptionalLong.of(SimTime.seconds(7)),
                Optional.empty()).override(OspfOverrides.class).orElseThrow());
        for (OspfInterfaceSpec i : o.interfaces().values()) {
            assertEquals(SimTime.seconds(7), i.deadNs());
        }
        OspfSpec d = ospf(s, variant(t, OptionalLong.empty(), OptionalLong.of(SimTime.seconds(9)),
                Optional.empty()).override(OspfOverrides.class).orElseThrow());
        for (OspfInterfaceSpec i : d.interfaces().values()) {
            assertEquals(s.interfaces().get(i.name()).helloNs(), i.helloNs(), "hello not overridden stays");
            assertEquals(SimTime.seconds(9), i.deadNs());
        }
    }

    @Test
    void aKeepaliveOverrideReachesEveryTunnelAndStaticRoutingGivesTheDefaultWhereNoneIsSet() throws Exception {
        TopologySpec t = TopologyLoader.load(FULL);
        io.tunnelsim.topology.KeepaliveSpec ka = new io.tunnelsim.topology.KeepaliveSpec(SimTime.seconds(2), 5);
        VariantSpec withKa = new VariantSpec("ka", RoutingProtocol.NONE, t, Map.of(), Optional.empty(), Optional.of(ka));
        TopologySpec v = VariantStep.apply(t, withKa);
        int tunnels = 0;
        for (NodeSpec n : v.nodes().values()) {
            for (var i : n.interfaces().values()) {
                if (i.tunnel().isPresent()) {
                    tunnels++;
                    assertEquals(Optional.of(ka), i.tunnel().get().keepalive(), n.name() + ":" + i.name());
                    var before = t.node(n.name()).interfaces().get(i.name());
                    assertEquals(before.tunnel().get().destination(), i.tunnel().get().destination());
                    assertEquals(before.mtu(), i.mtu());
                } else {
                    assertSame(t.node(n.name()).interfaces().get(i.name()), i, "only tunnels change");
                }
            }
        }
        assertEquals(true, tunnels >= 2, "the fixture has tunnels at both sites");
        VariantSpec staticRouting = new VariantSpec("static", RoutingProtocol.STATIC, t, Map.of(), Optional.empty(),
                Optional.empty());
        TopologySpec s = VariantStep.apply(t, staticRouting);
        for (NodeSpec n : s.nodes().values()) {
            for (var i : n.interfaces().values()) {
                if (i.tunnel().isPresent()) {
                    var configured = t.node(n.name()).interfaces().get(i.name()).tunnel().get().keepalive();
                    assertEquals(configured.isPresent() ? configured : Optional.of(io.tunnelsim.topology.KeepaliveSpec.DEFAULT),
                            i.tunnel().get().keepalive(), "static routing: configured keepalive kept, else 10 s x 3");
                }
            }
        }
    }

    @Test
    void aKeepaliveRewriteKeepsEveryOtherTunnelAndInterfaceSetting(@TempDir Path dir) throws Exception {
        // path-mtu-discovery, df, keepalive-protection and unreachables on a tunnel must survive the rewrite
        String yaml = Files.readString(Path.of("../topologies/mtu-blackhole-filtered.yaml"))
                .replace("        address: 172.16.0.1/30\n",
                        "        address: 172.16.0.1/30\n        unreachables: false\n")
                .replace("path-mtu-discovery: true}\n    static:\n      - {prefix: 0.0.0.0/0, via: 203.0.113.1}",
                        "path-mtu-discovery: true, df: inherit, keepalive-protection: unsupported}\n"
                                + "    static:\n      - {prefix: 0.0.0.0/0, via: 203.0.113.1}");
        Path topo = dir.resolve("t.yaml");
        Files.writeString(topo, yaml);
        TopologySpec t = TopologyLoader.load(topo);
        InterfaceSpec hq = t.node("hq").interfaces().get("tunnel0");
        assertFalse(hq.unreachables(), "fixture: no ip unreachables on the tunnel");
        assertTrue(hq.tunnel().get().mtuDiscovery().pathMtuDiscovery(), "fixture: path-mtu-discovery");
        assertTrue(hq.tunnel().get().mtuDiscovery().dfInherit(), "fixture: df inherit");
        assertFalse(hq.tunnel().get().keepaliveUnderProtection(), "fixture: keepalive-protection unsupported");
        KeepaliveSpec ka = new KeepaliveSpec(SimTime.seconds(2), 5);
        VariantSpec withKa = new VariantSpec("ka", RoutingProtocol.NONE, t, Map.of(), Optional.empty(), Optional.of(ka));
        VariantSpec staticRouting = new VariantSpec("static", RoutingProtocol.STATIC, t, Map.of(), Optional.empty(),
                Optional.empty());
        for (VariantSpec v : new VariantSpec[] {withKa, staticRouting}) {
            TopologySpec out = VariantStep.apply(t, v);
            for (String node : new String[] {"hq", "br"}) {
                InterfaceSpec before = t.node(node).interfaces().get("tunnel0");
                InterfaceSpec after = out.node(node).interfaces().get("tunnel0");
                Optional<KeepaliveSpec> expected = v == withKa ? Optional.of(ka) : before.tunnel().get().keepalive();
                assertEquals(before.withTunnel(before.tunnel().get().withKeepalive(expected)), after, v.name() + " " + node);
                assertEquals(before.tunnel().get().mtuDiscovery(), after.tunnel().get().mtuDiscovery());
                assertEquals(before.unreachables(), after.unreachables());
                assertEquals(before.tunnel().get().keepaliveUnderProtection(),
                        after.tunnel().get().keepaliveUnderProtection());
            }
        }
    }

    @Test
    void ripOverridesReplaceOnlyTheTimersGiven() {
        io.tunnelsim.routing.rip.RipSpec r = new io.tunnelsim.routing.rip.RipSpec(2, io.tunnelsim.routing.rip.RipSpec.Timers.DEFAULT,
                io.tunnelsim.routing.rip.RipSpec.SplitHorizon.POISON, true, java.util.Map.of(), true);
        io.tunnelsim.routing.rip.RipSpec o = rip(r, new io.tunnelsim.routing.rip.RipOverrides(OptionalLong.of(SimTime.seconds(5)),
                OptionalLong.empty(), OptionalLong.of(SimTime.seconds(20)), OptionalLong.empty()));
        assertEquals(new io.tunnelsim.routing.rip.RipSpec.Timers(SimTime.seconds(5), SimTime.seconds(180), SimTime.seconds(20), 0),
                o.timers());
        assertEquals(r.splitHorizon(), o.splitHorizon());
        assertEquals(r.defaultOriginate(), o.defaultOriginate());
        assertEquals(r.requestOnLoss(), o.requestOnLoss());
    }
}
