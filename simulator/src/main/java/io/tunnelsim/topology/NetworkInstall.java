package io.tunnelsim.topology;

import java.util.List;
import java.util.Optional;

import io.tunnelsim.node.Network;
import io.tunnelsim.tunnel.TunnelInterface;

/**
 * What a {@link NetworkModule} gets to install itself on a built network: the (variant-applied)
 * topology, the network with its nodes, interfaces, tunnels and static routes, the run's seed,
 * the build notes, and the overlay the run derived from the tunnels.
 */
public interface NetworkInstall {

    /** The topology the network was built from. */
    TopologySpec spec();

    /** The built network. */
    Network network();

    /** The built tunnel {@code name} of {@code node}, or empty when the topology has no such tunnel. */
    Optional<TunnelInterface> tunnel(String node, String name);

    /** The run's seed (derived keys). */
    long seed();

    /** Lines for the build notes, in order. */
    List<String> notes();

    /**
     * The far end of a tunnel as the run's overlay pairs it (the first tunnel of another node
     * whose destination and source mirror this one's), or empty when none does.
     */
    Optional<Endpoint> overlayPeer(String node, String tunnel);

    /** The exception to throw when the topology cannot be built as written; the command line exits with 2. */
    RuntimeException buildError(Location at, String message);
}
