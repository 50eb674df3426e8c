package io.tunnelsim.routing.rip;

import java.util.OptionalLong;

/**
 * A scenario variant's RIP timer overrides ({@code rip:} with the keys of {@link RipYaml#TIMERS}),
 * read by {@link RipVariant}. They replace the timers of every configured {@code rip:} section
 * and are the timers of the RIP a {@code routing: rip} choice generates ({@link RipOverlay});
 * absent keys keep the section's (or the default) values.
 */
public record RipOverrides(OptionalLong updateNs, OptionalLong timeoutNs, OptionalLong garbageNs,
                           OptionalLong holddownNs, OptionalLong jitterNs) {

    public RipOverrides(OptionalLong updateNs, OptionalLong timeoutNs, OptionalLong garbageNs, OptionalLong holddownNs) {
        this(updateNs, timeoutNs, garbageNs, holddownNs, OptionalLong.empty());
    }

    /** The section with these timers. */
    public RipSpec applyTo(RipSpec r) {
        return new RipSpec(r.version(), applyTo(r.timers()), r.splitHorizon(), r.defaultOriginate(), r.interfaces(),
                r.requestOnLoss(), r.maximumPaths());
    }

    /** {@code t} with the timers these override. */
    public RipSpec.Timers applyTo(RipSpec.Timers t) {
        return new RipSpec.Timers(updateNs.orElse(t.updateNs()), timeoutNs.orElse(t.timeoutNs()),
                garbageNs.orElse(t.garbageNs()), holddownNs.orElse(t.holddownNs()), jitterNs.orElse(t.jitterNs()));
    }
}
