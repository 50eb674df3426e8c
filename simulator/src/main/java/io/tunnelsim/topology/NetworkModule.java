package io.tunnelsim.topology;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;

/**
 * A feature that spans the network rather than one node, as a unit: a section at the root of
 * the topology, keys on interfaces, checks that need the whole topology, installation once every
 * node and tunnel is built, the {@code show} tables it answers (as text and as JSON rows), and
 * the files it writes beside a run's captures. IPsec is one
 * ({@code io.tunnelsim.ipsec.module.IpsecModule}): its profiles are a root section, the
 * profiles are named from interfaces ({@code protection}, {@code crypto-map}) and a profile is
 * installed on a pair of ends on two nodes.
 *
 * <p>Modules are registered by one line each, the class name, in
 * {@code META-INF/services/io.tunnelsim.topology.NetworkModule}; {@link NetworkModules} loads
 * them in that file's order, which is also the order in which they read, check and install.
 * Implementations need a public no-argument constructor and hold no state.
 *
 * @param <S> the record the module reads from its root section (for IPsec: the profiles)
 */
public interface NetworkModule<S> {

    /**
     * The module's key at the root of a topology ({@code ipsec}); also its name in
     * {@link TopologySpec#sections()}. Distinct from the root's own keys and the other modules'.
     */
    String rootKey();

    /** The section type; {@link TopologySpec#section(Class)} finds the section by it. */
    Class<S> sectionType();

    /** The value of the root key in the topology's JSON Schema, as {@link #readRoot} reads it. */
    Shape rootShape();

    /** The description of the root key in the topology's JSON Schema. */
    String rootDescription();

    /**
     * Reads and checks the root section. Problems go to {@code in.context()} with marks. Called
     * whether or not the key is written ({@code in.value()} is null when it is not), so the
     * module can give its empty section. Null when nothing could be read.
     */
    S readRoot(RootSection in);

    /**
     * Keys the module adds to every interface's mapping, in schema order; each is written
     * right after the interface's {@code tunnel} key. Empty when the module has none.
     */
    default Shape.Obj interfaceKeys() {
        return Shape.obj("");
    }

    /**
     * Reads the module's keys of one interface (after the interface's own keys). The value
     * returned lands in {@link InterfaceSpec#modules()} under {@link #rootKey()}; null when the
     * interface does not use the module.
     */
    default Object readInterface(InterfaceSection in) {
        return null;
    }

    /**
     * Checks that need the whole topology and make it unusable when they fail (references from
     * interfaces to the root section); errors go to {@code out} with positions from
     * {@code spec.locations()}. Called after the topology's own cross-reference checks.
     */
    default void checkReferences(TopologySpec spec, Diagnostics out) {
    }

    /**
     * Checks across nodes whose findings are warnings (the network still runs and misbehaves
     * as routers would). Called on a topology without errors, after the cross-end checks.
     */
    default List<Diagnostic> checkNetwork(TopologySpec spec) {
        return List.of();
    }

    /** Installs the module on the built network: after nodes, tunnels and static routes, before the protocols. */
    void install(NetworkInstall ctx);

    /**
     * {@code show} tables this module answers, by table name ({@code sa}); each function returns
     * the table for a node, or null when the node does not use the module.
     */
    default Map<String, Function<Node, String>> showTables() {
        return Map.of();
    }

    /**
     * {@code show --json} rows this module answers, by table name ({@code sa}): each writes the
     * node's rows, one JSON object each, into the table's array (which the caller opens and
     * closes), and nothing when the node does not use the module.
     */
    default Map<String, BiConsumer<Node, JsonWriter>> showJsonRows() {
        return Map.of();
    }

    /**
     * Files written beside a run's pcaps ({@code --capture}), by file name ({@code esp_sa}):
     * each gives the file's lines for the run's network, written one a line, empty when the
     * network does not use the module.
     */
    default Map<String, Function<Network, List<String>>> captureFiles() {
        return Map.of();
    }
}
