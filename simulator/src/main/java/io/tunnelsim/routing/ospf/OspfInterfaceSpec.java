package io.tunnelsim.routing.ospf;

/**
 * OSPF settings of one interface, defaults applied: cost from the reference bandwidth (at least
 * 1), hello 10 s, dead 4 × hello, retransmit 5 s, transmit delay 1 s, priority 1; tunnels default
 * to point-to-point, Ethernet to broadcast; loopbacks are passive.
 *
 * @param area area id as a 32-bit value ({@code 0} and {@code 0.0.0.0} are the backbone)
 * @param helloMultiplier IOS fast hellos (3-20 hellos a second, dead 1 s), 0 when off; when set,
 *        {@code helloNs} is 1 s / N and {@code deadNs} 1 s
 * @param bfd {@code ip ospf bfd}: a BFD session to every neighbour on the interface; the
 *        neighbour is torn down when it goes down
 * @param authentication none (the default), simple password or keyed MD5
 */
public record OspfInterfaceSpec(String name, long area, int cost, long helloNs, long deadNs, long retransmitNs,
                                long transmitDelayNs, NetworkType network, int priority, boolean passive,
                                int helloMultiplier, boolean bfd, io.tunnelsim.wire.Authentication authentication) {

    /** Without fast hellos and BFD. */
    public OspfInterfaceSpec(String name, long area, int cost, long helloNs, long deadNs, long retransmitNs,
                             long transmitDelayNs, NetworkType network, int priority, boolean passive) {
        this(name, area, cost, helloNs, deadNs, retransmitNs, transmitDelayNs, network, priority, passive, 0, false,
                io.tunnelsim.wire.Authentication.NONE);
    }
}
