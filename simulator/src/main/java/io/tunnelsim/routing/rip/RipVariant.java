package io.tunnelsim.routing.rip;

import java.util.ArrayList;
import java.util.List;

import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.TimerRules;
import io.tunnelsim.topology.VariantOverrides;
import io.tunnelsim.topology.VariantSection;
import io.tunnelsim.topology.YamlMap;

/**
 * A scenario variant's {@code rip:} keys (the section's timer keys): read into
 * {@link RipOverrides} and checked by the topology's timer rules over each RIP process's own
 * timers (or the defaults of the generated RIP), then applied to every configured {@code rip:}
 * section.
 */
final class RipVariant implements VariantOverrides<RipSpec, RipOverrides> {

    static final RipVariant INSTANCE = new RipVariant();

    static final Shape.Obj SHAPE = Shape.obj("RIP timers of this variant.").keysOf(RipYaml.TIMERS);

    private RipVariant() {
    }

    @Override
    public Class<RipOverrides> type() {
        return RipOverrides.class;
    }

    @Override
    public Shape.Obj shape() {
        return SHAPE;
    }

    @Override
    public String description() {
        return "RIP timer overrides.";
    }

    @Override
    public RipOverrides read(VariantSection in) {
        YamlMap r = in.map();
        RipOverrides o = new RipOverrides(r.optionalDuration("update"), r.optionalDuration("timeout"),
                r.optionalDuration("garbage"), r.optionalDuration("holddown"), r.optionalDuration("jitter"));
        List<RipSpec.Timers> bases = new ArrayList<>();
        if (in.topology() != null) {
            for (NodeSpec n : in.topology().nodes().values()) {
                n.protocol(RipSpec.class).ifPresent(x -> bases.add(x.timers()));
            }
        }
        if (in.routing() == RipModule.CHOICE || bases.isEmpty()) {
            bases.add(RipSpec.Timers.DEFAULT);
        }
        int before = in.context().diagnostics().errorCount();
        for (var b : bases) {
            TimerRules.rip(r, o.updateNs().orElse(b.updateNs()), o.timeoutNs().orElse(b.timeoutNs()),
                    o.garbageNs().orElse(b.garbageNs()), o.holddownNs().orElse(b.holddownNs()), o.jitterNs().orElse(-1));
            if (in.context().diagnostics().errorCount() > before) {
                break; // one message per override, not one per router
            }
        }
        return o;
    }

    @Override
    public RipSpec apply(RipSpec section, RipOverrides overrides) {
        return overrides.applyTo(section);
    }
}
