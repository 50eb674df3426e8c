package io.tunnelsim.routing.track.module;

import java.util.OptionalLong;

import io.tunnelsim.routing.track.IpSlaConfig;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.TimerRules;
import io.tunnelsim.topology.VariantCheck;
import io.tunnelsim.topology.VariantKey;
import io.tunnelsim.topology.VariantSection;
import io.tunnelsim.topology.YamlMap;

/**
 * A scenario variant's {@code track:} key: read into {@link TrackOverrides} and checked by the
 * topology's timer rules with the generated tracks' defaults, placed before {@code keepalive}
 * among the variant's keys. The timers reach only the tracks {@code routing: static} generates
 * ({@link TrackModule#installOnOverlay}); configured {@code track:} sections keep their own.
 */
final class TrackVariant implements VariantKey<TrackOverrides> {

    static final TrackVariant INSTANCE = new TrackVariant();

    static final Shape.Obj SHAPE = Shape.obj("IP SLA timers of this variant's tracks.")
            .key("frequency", Shape.DURATION, "Interval between echoes.")
            .key("timeout", Shape.DURATION, "Echo timeout.");

    private TrackVariant() {
    }

    @Override
    public Class<TrackOverrides> type() {
        return TrackOverrides.class;
    }

    @Override
    public Shape.Obj shape() {
        return SHAPE;
    }

    @Override
    public String description() {
        return "IP SLA timer overrides.";
    }

    @Override
    public Place place() {
        return Place.BEFORE_KEEPALIVE;
    }

    @Override
    public TrackOverrides read(VariantSection in) {
        YamlMap tr = in.map();
        OptionalLong f = tr.optionalDuration("frequency");
        OptionalLong to = tr.optionalDuration("timeout");
        // the generated tracks' defaults, as TrackModule.installOnOverlay applies them
        long freq = f.orElse(IpSlaConfig.DEFAULT_FREQUENCY);
        TimerRules.track(tr, freq, to.orElse(Math.min(IpSlaConfig.DEFAULT_TIMEOUT, freq)));
        return new TrackOverrides(f, to);
    }

    /**
     * A warning when the variant generates no tracks (its routing is not static), so the timers
     * reach no track: none when no node defines one either, and configured tracks keep their own.
     */
    @Override
    public void checkVariant(VariantCheck in, TrackOverrides record) {
        if (in.routing() == RoutingProtocol.STATIC) {
            return;
        }
        boolean configured = in.topology().nodes().values().stream()
                .anyMatch(n -> n.protocol(Tracks.class).map(x -> !x.byNumber().isEmpty()).orElse(false));
        in.context().diagnostics().warning(in.at(), "variant '" + in.variant() + "' overrides track timers, but tracks are generated"
                + " only with routing: static" + (configured
                        ? "; the topology's configured tracks keep their own timers, so the override changes nothing"
                        : " and no node defines one"));
    }
}
