package io.tunnelsim.topology;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.tunnelsim.node.Node;

/**
 * A feature that spans the network rather than one node, as a unit: a section at the root of
 * the topology, keys on interfaces, checks that need the whole topology, installation once every
 * node and tunnel is built, and the {@code show} tables it answers. IPsec is one
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
}
