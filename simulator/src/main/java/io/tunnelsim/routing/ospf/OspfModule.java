package io.tunnelsim.routing.ospf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Route;
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
 * OSPFv2 (RFC 2328) as a protocol module: the router's {@code ospf:} section ({@link OspfYaml}
 * reads it into an {@link OspfSpec}), the checks across link and tunnel ends
 * ({@link OspfCrossEnd}), the process on a built node ({@link OspfInstaller}), the OSPF a
 * {@code routing: ospf} choice generates on the overlay ({@link OspfOverlay}), a variant's
 * {@code ospf:} timer overrides ({@link OspfVariant}), and the {@code show} tables
 * ({@link OspfShow}: {@code show ip ospf neighbor} and {@code database}, as text and JSON rows,
 * and the {@code O IA} code of inter-area routes); it publishes {@link AdjacencyChanged}.
 */
public final class OspfModule implements ProtocolModule<OspfSpec> {

    /** The {@code routing: ospf} choice, which generates this protocol on the overlay. */
    public static final RoutingProtocol CHOICE = RoutingProtocol.generated("ospf", 2);

    @Override
    public String nodeKey() {
        return "ospf";
    }

    @Override
    public Class<OspfSpec> sectionType() {
        return OspfSpec.class;
    }

    @Override
    public boolean replacedByRoutingChoice() {
        return true;
    }

    @Override
    public OspfSpec read(NodeSection in) {
        return OspfYaml.read(in);
    }

    @Override
    public Shape.Obj shape() {
        return OspfYaml.SECTION;
    }

    @Override
    public void checkPair(EndPair pair) {
        OspfCrossEnd.check(pair);
    }

    @Override
    public void install(NodeSpec node, OspfSpec section, Node built) {
        OspfInstaller.configured(section, built);
    }

    @Override
    public Optional<RoutingProtocol> routingChoice() {
        return Optional.of(CHOICE);
    }

    /** An error when a router of the overlay has more tunnels than the Router-LSA generated OSPF gives it can describe. */
    @Override
    public void checkChoice(io.tunnelsim.topology.VariantCheck in) {
        for (io.tunnelsim.topology.NodeSpec n : in.topology().nodes().values()) {
            int bound = n.isHost() ? 0 : RouterLsaSize.generatedBound(n);
            if (bound > RouterLsaSize.MAX_LINKS) {
                in.context().diagnostics().error(in.at(), "variant '" + in.variant() + "' generates ospf on " + n.name()
                        + "'s " + n.interfaces().size() + " interfaces, all in area 0, so its Router-LSA could need " + bound
                        + " links; " + RouterLsaSize.advice() + " in the topology's ospf sections"
                        + " (tunnelsim generate hub-and-spoke --areas N writes them)");
                return;
            }
        }
    }

    @Override
    public void installGenerated(OverlayRouter router, Node built) {
        OspfOverlay.generate(router, built);
    }

    @Override
    public VariantOverrides<OspfSpec, ?> variantOverrides() {
        return OspfVariant.INSTANCE;
    }

    @Override
    public Map<String, Function<Node, String>> showTables() {
        return Map.of("ospf", OspfShow::process, "neighbors", OspfShow::neighbors, "ospf_database", OspfShow::database);
    }

    @Override
    public Map<String, BiConsumer<Node, JsonWriter>> showJsonRows() {
        return Map.of("ospf", OspfShow::areaRows, "neighbors", OspfShow::neighborRows, "ospf_database", OspfShow::databaseRows);
    }

    @Override
    public String routeCode(Node n, Ipv4Prefix prefix, Route r) {
        return OspfShow.routeCode(n, prefix, r);
    }

    @Override
    public List<Class<? extends NetEvent>> events() {
        return List.of(AdjacencyChanged.class);
    }
}
