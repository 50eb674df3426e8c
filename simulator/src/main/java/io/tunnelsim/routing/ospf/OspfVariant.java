package io.tunnelsim.routing.ospf;

import java.util.Optional;
import java.util.OptionalLong;

import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.TimerRules;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.topology.VariantOverrides;
import io.tunnelsim.topology.VariantSection;
import io.tunnelsim.topology.YamlMap;

/**
 * A scenario variant's {@code ospf:} keys: read into {@link OspfOverrides} and checked by the
 * topology's timer rules against every interface they apply to, then applied to every
 * configured {@code ospf:} section. A hello override brings dead to 4 × hello unless dead is
 * given too; a dead override alone keeps each interface's hello (a fast-hello interface's
 * goes back to 10 s).
 */
final class OspfVariant implements VariantOverrides<OspfSpec, OspfOverrides> {

    static final OspfVariant INSTANCE = new OspfVariant();

    /** Default OSPF hello of generated interfaces (RFC 2328 C.3 HelloInterval example, IOS default 10 s). */
    private static final long GENERATED_OSPF_HELLO = SimTime.seconds(10);

    static final Shape.Obj SHAPE = Shape.obj("OSPF timers of this variant.")
            .key("hello", Shape.DURATION, "Hello interval.")
            .key("dead", Shape.DURATION, "Dead interval (default 4 x hello).")
            .key("spf", OspfYaml.SPF, "SPF throttle: classic, modern or {start, hold, max}.")
            .key("hello-multiplier", Shape.integer(3, 20), "Fast hellos: N a second, dead interval 1s.");

    private OspfVariant() {
    }

    @Override
    public Class<OspfOverrides> type() {
        return OspfOverrides.class;
    }

    @Override
    public Shape.Obj shape() {
        return SHAPE;
    }

    @Override
    public String description() {
        return "OSPF timer overrides.";
    }

    @Override
    public OspfOverrides read(VariantSection in) {
        YamlMap o = in.map();
        OptionalLong hello = o.optionalDuration("hello");
        OptionalLong dead = o.optionalDuration("dead");
        int multiplier = TimerRules.ospfHelloMultiplier(o);
        if (!o.has("hello-multiplier")) {
            check(o, hello, dead, in.routing(), in.topology());
        }
        Optional<SpfThrottle> spf = o.has("spf") ? Optional.of(OspfYaml.readSpf(in.context(), o.get("spf"))) : Optional.empty();
        return new OspfOverrides(hello, dead, spf, multiplier);
    }

    @Override
    public OspfSpec apply(OspfSpec section, OspfOverrides overrides) {
        return overrides.applyTo(section);
    }

    /**
     * The overridden timers, checked by the topology's rules against every interface they
     * apply to: the generated ones (hello 10 s) with {@code routing: ospf}, the configured ones
     * without a routing choice.
     */
    private static void check(YamlMap o, OptionalLong hello, OptionalLong dead, RoutingProtocol routing, TopologySpec t) {
        if (hello.isPresent()) {
            TimerRules.ospf(o, hello.getAsLong(), dead.orElse(4 * hello.getAsLong()));
            return;
        }
        if (dead.isEmpty()) {
            return;
        }
        long highestHello = routing == OspfModule.CHOICE ? GENERATED_OSPF_HELLO : 0;
        if (routing == RoutingProtocol.NONE && t != null) {
            for (NodeSpec n : t.nodes().values()) {
                if (n.protocol(OspfSpec.class).isPresent()) {
                    for (var i : n.protocol(OspfSpec.class).get().interfaces().values()) {
                        // a dead-only override ends fast hellos, and the hello goes back to 10 s (as on IOS)
                        highestHello = Math.max(highestHello, i.helloMultiplier() > 0 ? GENERATED_OSPF_HELLO : i.helloNs());
                    }
                }
            }
        }
        if (highestHello > 0) {
            TimerRules.ospf(o, highestHello, dead.getAsLong());
        } else {
            TimerRules.OSPF_DEAD.check(o, "dead", dead.getAsLong());
        }
    }
}
