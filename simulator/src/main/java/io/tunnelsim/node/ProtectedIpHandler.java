package io.tunnelsim.node;

import io.tunnelsim.wire.PacketBuffer;

/**
 * An {@link IpHandler} for a protocol that tells packets which arrived inside ESP from cleartext
 * ones, as GRE under tunnel protection does (it refuses GRE that arrives in the clear). IPsec,
 * after opening ESP and checking the SA's selectors, looks the decrypted packet's protocol up in
 * the node's registry ({@link Node#ipHandler}): a packet addressed to the node whose protocol
 * registered a {@code ProtectedIpHandler} goes to {@link #receiveProtected}, whole; any other
 * packet re-enters the receive path like one that arrived in the clear.
 */
public interface ProtectedIpHandler extends IpHandler {
    /**
     * Receives a whole (reassembled) packet of this protocol that arrived inside ESP.
     * {@code p.offset()} is the start of the IPv4 header, as for {@link #receive}.
     */
    void receiveProtected(Interface in, PacketBuffer p, int headerLength);
}
