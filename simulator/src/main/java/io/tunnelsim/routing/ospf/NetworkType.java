package io.tunnelsim.routing.ospf;

/**
 * OSPF network types this model runs (RFC 2328 §1.2). Point-to-point is the default on
 * tunnels, broadcast (with a Designated Router) on Ethernet interfaces.
 */
public enum NetworkType {
    POINT_TO_POINT,
    BROADCAST
}
