package io.tunnelsim.routing.bfd;

import io.tunnelsim.addr.Ipv4Address;

/**
 * What identifies a session on a node before discriminators are known (RFC 5881 §3, RFC 5883
 * §4): a single-hop session by interface and peer address, a multihop one by the local and peer
 * addresses.
 *
 * @param peer the remote system's address (the destination of our packets)
 * @param interfaceName the interface of a single-hop session; null for multihop
 * @param local the source address of a multihop session; null for single hop (the interface's
 *        address is used)
 */
public record BfdPeer(Ipv4Address peer, String interfaceName, Ipv4Address local) {
    public BfdPeer {
        if (peer == null) {
            throw new IllegalArgumentException("BFD peer address missing");
        }
        if ((interfaceName == null) == (local == null)) {
            throw new IllegalArgumentException("a BFD session is single hop (interface) or multihop (local address)");
        }
    }

    public static BfdPeer singleHop(Ipv4Address peer, String interfaceName) {
        return new BfdPeer(peer, interfaceName, null);
    }

    public static BfdPeer multihop(Ipv4Address peer, Ipv4Address local) {
        return new BfdPeer(peer, null, local);
    }

    public boolean multihop() {
        return interfaceName == null;
    }

    @Override
    public String toString() {
        return multihop() ? peer + " (multihop from " + local + ")" : peer + " on " + interfaceName;
    }
}
