package io.tunnelsim.ipsec;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.event.NetEvent;

/**
 * A security association was installed on a node (at session start and at every rekey,
 * inbound before outbound: make before break). Published only while something subscribes.
 *
 * @param iface   display name of the interface the IPsec peer is attached to
 * @param peer    the remote IPsec peer
 * @param spi     the SA's SPI
 * @param inbound whether it is the inbound SA (else outbound)
 */
public record SaInstalled(long timeNs, String node, String iface, Ipv4Address peer, long spi, boolean inbound)
        implements NetEvent {
}
