package io.tunnelsim.topology;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.tunnelsim.node.Node;
import io.tunnelsim.node.event.NetEvent;

/**
 * One protocol as a unit: the YAML section it owns on a node, how that section is read and
 * checked (with file:line:column marks), the checks it makes across the two ends of a link or
 * tunnel, how it is installed on a built node, the {@code show} tables it answers and the typed
 * events it publishes. A module lives in the protocol's own package beside its runtime classes
 * (for OSPF: {@code io.tunnelsim.routing.ospf.OspfModule}).
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
     * {@code show} tables this module answers, by table name ({@code neighbors}); each function
     * returns the table for a node, or null when the node does not run the protocol.
     */
    default Map<String, Function<Node, String>> showTables() {
        return Map.of();
    }

    /** Typed events this module publishes on the network. */
    default List<Class<? extends NetEvent>> events() {
        return List.of();
    }
}
