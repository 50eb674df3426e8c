package io.tunnelsim.routing.track.module;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.event.NetEvent;
import io.tunnelsim.routing.track.TrackChanged;
import io.tunnelsim.topology.NodeSection;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OverlayRouter;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.VariantKey;

/**
 * IP SLA operations and tracked objects as a protocol module: the router's {@code track:}
 * section ({@link TrackYaml} reads it into {@link Tracks}), the operations and tracks on a built
 * node ({@link TrackInstaller}) and {@code show track} (text and JSON rows); it publishes
 * {@link TrackChanged}. A scenario variant's {@code track:} key ({@link TrackVariant}) times the
 * tracks a {@code routing: static} choice generates, which it creates on each overlay router
 * ({@link #installOnOverlay}); the plan of which routes follow which track stays with the run's
 * routing plan ({@code scenario.RoutingPlan}), which hands it over as
 * {@link OverlayRouter#trackedTunnels()}.
 * Static routes that name a track stay with the static routes; the reader checks their
 * {@code track: N} against this section ({@link io.tunnelsim.topology.TrackNumbers}).
 *
 * <p>It lives in {@code routing.track.module}, above {@code routing.bfd}, because a track may
 * follow a BFD session ({@code io.tunnelsim.routing.bfd.BfdTrack}) and BFD's runtime uses the
 * track runtime in {@code routing.track}, which sits below {@code topology}.
 */
public final class TrackModule implements ProtocolModule<Tracks> {

    @Override
    public String nodeKey() {
        return "track";
    }

    @Override
    public Class<Tracks> sectionType() {
        return Tracks.class;
    }

    @Override
    public boolean installedBeforeGeneratedRouting() {
        return true;
    }

    @Override
    public Tracks read(NodeSection in) {
        return TrackYaml.read(in);
    }

    @Override
    public Shape.Obj shape() {
        return TrackYaml.TRACK;
    }

    @Override
    public Shape sectionShape() {
        return TrackYaml.SECTION;
    }

    @Override
    public String sectionDescription() {
        return TrackYaml.DESCRIPTION;
    }

    @Override
    public void install(NodeSpec node, Tracks section, Node built) {
        TrackInstaller.configured(section, built);
    }

    /** The variant's {@code track:} timers of the generated tracks ({@link TrackVariant}). */
    @Override
    public VariantKey<?> variantKey() {
        return TrackVariant.INSTANCE;
    }

    /** The IP SLA tracks the static routes of {@code routing: static} follow ({@link TrackInstaller#generated}). */
    @Override
    public void installOnOverlay(OverlayRouter router, Node built) {
        TrackInstaller.generated(router, built);
    }

    @Override
    public Map<String, Function<Node, String>> showTables() {
        return Map.of("track", TrackInstaller::showTrack);
    }

    @Override
    public Map<String, BiConsumer<Node, JsonWriter>> showJsonRows() {
        return Map.of("track", TrackInstaller::trackRows);
    }

    @Override
    public List<Class<? extends NetEvent>> events() {
        return List.of(TrackChanged.class);
    }
}
