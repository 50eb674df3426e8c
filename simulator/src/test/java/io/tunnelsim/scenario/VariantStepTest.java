package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tunnelsim.routing.ospf.OspfInterfaceSpec;
import io.tunnelsim.routing.ospf.OspfSpec;
import io.tunnelsim.routing.ospf.SpfThrottle;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;

class VariantStepTest {

    static final Path FULL = Path.of("src/test/resources/yaml/two-site-full.yaml");

    static VariantSpec variant(TopologySpec t, OptionalLong hello, OptionalLong dead, Optional<SpfThrottle> spf) {
        return new VariantSpec("v", RoutingProtocol.NONE, t, Optional.of(new VariantSpec.OspfOverrides(hello, dead, spf)),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void noVariantOrNoOspfOverridesLeavesTheSpecAsItIs() throws Exception {
        TopologySpec t = TopologyLoader.load(FULL);
        assertSame(t, VariantStep.apply(t, null));
        VariantSpec none = new VariantSpec("v", RoutingProtocol.NONE, t, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
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
            assertEquals(n.rip(), m.rip());
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
        assertEquals(t.ipsec(), v.ipsec());
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
        OspfSpec o = VariantStep.ospf(s, variant(t, OptionalLong.of(hello), OptionalLong.empty(), Optional.empty())
                .ospf().orElseThrow());
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
        OspfSpec o = VariantStep.ospf(s, variant(t, OptionalLong.of(SimTime.seconds(2)), OptionalLong.of(SimTime.seconds(7)),
                Optional.empty()).ospf().orElseThrow());
        for (OspfInterfaceSpec i : o.interfaces().values()) {
            assertEquals(SimTime.seconds(7), i.deadNs());
        }
        OspfSpec d = VariantStep.ospf(s, variant(t, OptionalLong.empty(), OptionalLong.of(SimTime.seconds(9)),
                Optional.empty()).ospf().orElseThrow());
        for (OspfInterfaceSpec i : d.interfaces().values()) {
            assertEquals(s.interfaces().get(i.name()).helloNs(), i.helloNs(), "hello not overridden stays");
            assertEquals(SimTime.seconds(9), i.deadNs());
        }
    }
}
