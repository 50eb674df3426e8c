package io.tunnelsim.topology;

/**
 * OSPF settings of one interface, defaults applied: cost from the reference bandwidth (at least
 * 1), hello 10 s, dead 4 × hello, retransmit 5 s, transmit delay 1 s, priority 1; tunnels default
 * to point-to-point, Ethernet to broadcast; loopbacks are passive.
 *
 * @param area area id as a 32-bit value ({@code 0} and {@code 0.0.0.0} are the backbone)
 * @param authentication none (the default), simple password or keyed MD5
 */
public record OspfInterfaceSpec(String name, long area, int cost, long helloNs, long deadNs, long retransmitNs,
                                long transmitDelayNs, NetworkType network, int priority, boolean passive,
                                io.tunnelsim.wire.Authentication authentication) {

    /** RFC 2328 interface types supported. */
    public enum NetworkType {
        POINT_TO_POINT, BROADCAST
    }
}
