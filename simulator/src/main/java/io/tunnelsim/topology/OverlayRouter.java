package io.tunnelsim.topology;

import java.util.List;
import java.util.Optional;

/**
 * One router of the overlay, as the routing a network-wide {@code routing:} choice generates
 * there sees it ({@link ProtocolModule#installGenerated}). The overlay is the graph of routers
 * joined by GRE tunnels whose two ends mirror each other (my destination is your source); the
 * run's routing plan decides it and answers the questions below.
 */
public interface OverlayRouter {

    /** One of the router's overlay tunnels and its cost (10^8 / bandwidth, as OSPF's reference bandwidth). */
    record Tunnel(String name, long cost) {
    }

    /** The router's (variant-applied) node spec. */
    NodeSpec node();

    /** The router's overlay tunnels, in the plan's order. */
    List<Tunnel> tunnels();

    /** Whether {@code iface} is a tunnel's source interface: generated routing never runs there. */
    boolean isTransport(String iface);

    /** Whether the interface's link reaches a host (a site LAN). */
    boolean reachesHost(InterfaceSpec iface);

    /** Whether another overlay router shares the segment of {@code iface}. */
    boolean sharesSegmentWithRouter(String iface);

    /** The variant's overrides of the given type (a module's {@link VariantOverrides#type()}), if it has them. */
    <O> Optional<O> overrides(Class<O> type);

    /** Adds a line to the run's notes on what was generated. */
    void note(String line);
}
