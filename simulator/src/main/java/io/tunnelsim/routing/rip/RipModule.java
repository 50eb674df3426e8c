package io.tunnelsim.routing.rip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.event.NetEvent;
import io.tunnelsim.topology.EndPair;
import io.tunnelsim.topology.NodeSection;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OverlayRouter;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.VariantOverrides;

/**
 * RIPv2 (RFC 2453) as a protocol module: the router's {@code rip:} section ({@link RipYaml}
 * reads it into a {@link RipSpec}), the authentication check across link and tunnel ends
 * ({@link RipCrossEnd}), the process on a built node ({@link RipInstaller}), the RIP a
 * {@code routing: rip} choice generates on the overlay ({@link RipOverlay}), a variant's
 * {@code rip:} timer overrides ({@link RipVariant}) and its part of {@code show} neighbours
 * ({@code show ip protocols}, and the JSON rows); it publishes {@link RipRouteTimeout}.
 */
public final class RipModule implements ProtocolModule<RipSpec> {

    /** The {@code routing: rip} choice, which generates this protocol on the overlay. */
    public static final RoutingProtocol CHOICE = RoutingProtocol.generated("rip", 1);

    @Override
    public String nodeKey() {
        return "rip";
    }

    @Override
    public Class<RipSpec> sectionType() {
        return RipSpec.class;
    }

    @Override
    public boolean replacedByRoutingChoice() {
        return true;
    }

    @Override
    public RipSpec read(NodeSection in) {
        return RipYaml.read(in);
    }

    @Override
    public Shape.Obj shape() {
        return RipYaml.SECTION;
    }

    @Override
    public void checkPair(EndPair pair) {
        RipCrossEnd.check(pair);
    }

    @Override
    public void install(NodeSpec node, RipSpec section, Node built) {
        RipInstaller.configured(section, built);
    }

    @Override
    public Optional<RoutingProtocol> routingChoice() {
        return Optional.of(CHOICE);
    }

    @Override
    public void installGenerated(OverlayRouter router, Node built) {
        RipOverlay.generate(router, built);
    }

    @Override
    public VariantOverrides<RipSpec, ?> variantOverrides() {
        return RipVariant.INSTANCE;
    }

    @Override
    public Map<String, Function<Node, String>> showTables() {
        return Map.of("neighbors", RipInstaller::showNeighbors);
    }

    @Override
    public Map<String, BiConsumer<Node, JsonWriter>> showJsonRows() {
        return Map.of("neighbors", RipInstaller::neighborRows);
    }

    @Override
    public List<Class<? extends NetEvent>> events() {
        return List.of(RipRouteTimeout.class);
    }
}
