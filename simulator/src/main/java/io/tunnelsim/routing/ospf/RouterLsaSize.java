package io.tunnelsim.routing.ospf;

import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;

/**
 * How many links one Router-LSA can carry. The LSA is a 20-byte header, 4 bytes of flags and link
 * count, and 12 bytes a link (no TOS metrics). Its 16-bit length field (RFC 2328 A.4.1) would allow
 * 5459 links, but the LSA must also travel: one Link State Update (24-byte OSPF header, 4-byte
 * count) with a keyed-MD5 digest (16 bytes, appendix D.3) in one IPv4 datagram of at most 65535
 * bytes (20-byte header) leaves 65471 bytes for the LSA, so at most {@value #MAX_LINKS} links, and a
 * router cannot describe more in one area. A point-to-point interface gives a link to its
 * neighbour and a stub link for its subnet (§12.4.1.1), any other interface one link (transit or
 * stub, §12.4.1.2-§12.4.1.4).
 *
 * <p>Used before a run so that a router with more interfaces in one area than its Router-LSA
 * could describe is refused with a clear message, rather than failing when the LSA grows.
 */
final class RouterLsaSize {
    /** (65535 - 20 IPv4 - 24 OSPF - 4 count - 16 digest - 24 LSA header and flags) / 12. */
    static final int MAX_LINKS = (0xFFFF - 20 - 24 - 4 - 16 - 24) / 12;

    private RouterLsaSize() {
    }

    /** The most links interface {@code i} (network type {@code type}, passive or not) adds to the Router-LSA. */
    static int links(InterfaceSpec i, NetworkType type, boolean passive) {
        if (passive || i.kind() == InterfaceSpec.Kind.LOOPBACK || type == NetworkType.BROADCAST) {
            return 1;
        }
        return 2;
    }

    /**
     * The most links the Router-LSA the {@code routing: ospf} choice generates on {@code n} can
     * have: it runs on every tunnel (point-to-point) and at most on every other interface with an
     * IPv4 address, all in area 0; 0 on a node without tunnels, which the choice leaves alone.
     */
    static int generatedBound(NodeSpec n) {
        int links = 0;
        boolean tunnels = false;
        for (InterfaceSpec i : n.interfaces().values()) {
            if (i.address().isEmpty()) {
                continue;
            }
            tunnels |= i.kind() == InterfaceSpec.Kind.TUNNEL;
            links += i.kind() == InterfaceSpec.Kind.TUNNEL ? 2 : 1;
        }
        return tunnels ? links : 0;
    }

    /** The advice of every message: what a router would need instead. */
    static String advice() {
        return "a Router-LSA holds at most " + MAX_LINKS + " links (it must fit one Link State Update in one IPv4"
                + " datagram, RFC 2328 A.4.1); spread the interfaces over areas";
    }
}
