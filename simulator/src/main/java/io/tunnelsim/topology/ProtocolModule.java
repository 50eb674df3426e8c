package io.tunnelsim.topology;

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

/**
 * One protocol as a unit: the YAML section it owns on a node, how that section is read and
 * checked (with file:line:column marks), the checks it makes across the two ends of a link or
 * tunnel, how it is installed on a built node, the {@code show} tables it answers (as text and
 * as JSON rows, and the codes of its routes in {@code show route}) and the typed events it
 * publishes. A module lives in the protocol's own package beside its runtime classes (for OSPF:
 * {@code io.tunnelsim.routing.ospf.OspfModule}).
 *
 * <p>Modules are registered by one line each, the class name, in
 * {@code META-INF/services/io.tunnelsim.topology.ProtocolModule}; {@link ProtocolModules} loads
 * them in that file's order, which is also the order in which they read, check and install.
 * Implementations need a public no-argument constructor and hold no state.
 *
 * @param <S> the section record the module reads from YAML (for OSPF: {@code OspfSpec})
 */
public interface ProtocolModule<S> {

    /**
     * The module's key in a node's YAML mapping ({@code ospf}); also its name in
     * {@link NodeSpec#protocols()}. Lower case, unique among the registered modules and
     * distinct from the node's own keys ({@code kind}, {@code interfaces}, {@code static}).
     */
    String nodeKey();

    /** The section type; {@link NodeSpec#protocol(Class)} finds a node's section by it. */
    Class<S> sectionType();

    /** Whether the section is refused on hosts (true for routing protocols). */
    default boolean routersOnly() {
        return true;
    }

    /**
     * Whether a network-wide routing choice (the topology's {@code routing:} or a variant's
     * {@code routing:}) replaces this section. Routing protocols answer true: when a run
     * generates routing on the overlay, configured routing sections are not installed.
     */
    default boolean replacedByRoutingChoice() {
        return false;
    }

    /**
     * Reads and checks the node's section. Problems go to {@code in.context()} with marks;
     * the result is only meaningful when no error was added. Null when nothing could be read
     * (an error was reported).
     */
    S read(NodeSection in);

    /**
     * The keys of the section, as {@link #read} refuses unknown keys by them
     * ({@code ctx.map(value, what, shape)}); also the section's part of the topology's JSON
     * Schema. Its description says what the section is.
     */
    Shape.Obj shape();

    /**
     * The value of the module's node key in the topology's JSON Schema: {@link #shape()}
     * unless the section is not one mapping of keys (tracks: a mapping by number of
     * {@link #shape()}).
     */
    default Shape sectionShape() {
        return shape();
    }

    /** The description of the module's node key in the topology's JSON Schema. */
    default String sectionDescription() {
        return shape().description();
    }

    /**
     * Checks across the two ends of a link or tunnel pair, both ends configured. Findings are
     * warnings: the network still runs and misbehaves as routers would. Called once per
     * two-ended link and once per tunnel pair, in file order.
     */
    default void checkPair(EndPair pair) {
    }

    /**
     * Whether the section is installed on a node before the routing a network-wide routing
     * choice generates there (tracks: the generated routes and tracks follow them), instead of
     * after it with the other modules.
     */
    default boolean installedBeforeGeneratedRouting() {
        return false;
    }

    /** Installs the protocol on a built node from its (variant-applied) section. */
    void install(NodeSpec node, S section, Node built);

    /**
     * The value of a network-wide {@code routing:} choice that generates this protocol on the
     * overlay (for OSPF {@code ospf}, a {@link RoutingProtocol#generated} the module keeps in a
     * constant), or empty when no choice does. The registered modules' choices are the words of
     * {@code routing:} after {@code none} and {@code static}.
     */
    default Optional<RoutingProtocol> routingChoice() {
        return Optional.empty();
    }

    /**
     * Generates the protocol on one overlay router for the module's {@link #routingChoice()}:
     * the process on the router's overlay tunnels and site interfaces, with the variant's
     * overrides. Called on every overlay router when the run's routing choice is the module's,
     * after the modules {@linkplain #installedBeforeGeneratedRouting() installed before generated
     * routing}; the configured sections a choice {@linkplain #replacedByRoutingChoice() replaces}
     * are not installed then.
     */
    default void installGenerated(OverlayRouter router, Node built) {
        throw new UnsupportedOperationException(nodeKey() + " is not generated by a routing choice");
    }

    /**
     * Adds this module's part to another module's section just installed on a node, right after
     * that module's {@link #install} (for each installed section, every registered module in
     * registration order): BFD makes OSPF a client of its sessions on the interfaces written
     * {@code bfd: true}. Nothing by default.
     *
     * @param installed the section just installed (of the module whose {@link #sectionType()} it is)
     */
    default void installBeside(NodeSpec node, Object installed, Node built) {
    }

    /**
     * Checks a topology the module's {@link #routingChoice()} is to be generated on, for one
     * scenario variant whose routing (its own, else the topology's) is that choice: findings go
     * to {@code in.context()} at {@code in.at()} (the variant). An error makes the scenario
     * unusable, so what {@code validate} accepts can be built. Nothing by default.
     */
    default void checkChoice(VariantCheck in) {
    }

    /**
     * The module's keys under a scenario variant and how they rewrite its section, or null
     * when a variant cannot override the module.
     */
    default VariantOverrides<S, ?> variantOverrides() {
        return null;
    }

    /**
     * The module's key under a scenario variant: its {@link #variantOverrides()} unless the key
     * rewrites no section (tracks: the timers of the tracks {@code routing: static} generates;
     * BFD: BFD on the generated routing), or null when the module has no variant key. The
     * scenario reader and its JSON Schema ask only this; a module has at most one variant key.
     */
    default VariantKey<?> variantKey() {
        return variantOverrides();
    }

    /**
     * Adds the module's part to the routing a network-wide routing choice generates on one
     * overlay router, from the variant's records ({@link OverlayRouter#overrides}): tracks the IP
     * SLA tracks the generated static routes follow, BFD its sessions on the tunnels of a
     * generated OSPF. Called on every overlay router, for every registered module in registration
     * order, right after {@link #installGenerated} of the choice's module (no module generates
     * {@code static}); nothing by default.
     */
    default void installOnOverlay(OverlayRouter router, Node built) {
    }

    /**
     * {@code show} tables this module answers, by table name ({@code neighbors}); each function
     * returns the table for a node, or null when the node does not run the protocol.
     */
    default Map<String, Function<Node, String>> showTables() {
        return Map.of();
    }

    /**
     * {@code show --json} rows this module answers, by table name ({@code neighbors}): each
     * writes the node's rows, one JSON object each, into the table's array (which the caller
     * opens and closes), and nothing when the node does not run the protocol.
     */
    default Map<String, BiConsumer<Node, JsonWriter>> showJsonRows() {
        return Map.of();
    }

    /**
     * The code {@code show route} gives route {@code r} to {@code prefix} on {@code n} when the
     * module refines its source's code (OSPF: {@code O IA} for an inter-area route), or null when
     * the route is not the module's or keeps {@link io.tunnelsim.node.RouteSource#code()}.
     */
    default String routeCode(Node n, Ipv4Prefix prefix, Route r) {
        return null;
    }

    /** Typed events this module publishes on the network. */
    default List<Class<? extends NetEvent>> events() {
        return List.of();
    }
}
