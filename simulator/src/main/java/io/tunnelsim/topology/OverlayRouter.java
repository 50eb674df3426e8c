package io.tunnelsim.topology;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;

/**
 * One router of the overlay, as the routing a network-wide {@code routing:} choice generates
 * there sees it ({@link ProtocolModule#installGenerated}), and the modules that add to it
 * ({@link ProtocolModule#installOnOverlay}). The overlay is the graph of routers
 * joined by GRE tunnels whose two ends mirror each other (my destination is your source); the
 * run's routing plan decides it and answers the questions below.
 */
public interface OverlayRouter {

    /** One of the router's overlay tunnels and its cost (10^8 / bandwidth, as OSPF's reference bandwidth). */
    record Tunnel(String name, long cost) {
    }

    /** A tunnel a generated static route follows by a track: the tunnel and its far end's address. */
    record TrackedTunnel(String tunnel, Ipv4Address farEnd) {
    }

    /** The run's routing choice ({@code static}, or a module's). */
    RoutingProtocol routing();

    /**
     * The tracks the run's generated static routes name, by track number in ascending order
     * ({@code routing: static} with the variant's {@code track:}); empty otherwise.
     */
    Map<Integer, TrackedTunnel> trackedTunnels();

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
