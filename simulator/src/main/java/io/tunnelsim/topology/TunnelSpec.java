package io.tunnelsim.topology;

import java.util.Optional;
import java.util.OptionalLong;

import io.tunnelsim.addr.Ipv4Address;

/**
 * GRE parameters of a tunnel interface (RFC 2784, with the RFC 2890 key and sequence options).
 *
 * @param sourceInterface  the interface whose address is the outer source (resolved even when
 *                         the source was written as an address)
 * @param sourceAddress    present when the source was written as an address
 * @param destination      outer destination address
 * @param key              RFC 2890 key, 0..2^32-1, when configured
 * @param keepalive        GRE keepalives, off when empty
 * @param recursionHoldNs  how long the tunnel stays down after recursive routing is detected
 * @param mtuDiscovery     DF handling of the outer header and tunnel path-MTU discovery
 * @param keepaliveUnderProtection whether the peer's reflected keepalive replies are accepted
 *                         under tunnel protection ({@code keepalive-protection: supported}, the
 *                         default) or not ({@code unsupported}, Cisco doc 64565)
 */
public record TunnelSpec(String sourceInterface, Optional<Ipv4Address> sourceAddress, Ipv4Address destination,
                         OptionalLong key, boolean sequence, boolean checksum, Optional<KeepaliveSpec> keepalive,
                         long recursionHoldNs, TunnelMtuSpec mtuDiscovery, boolean keepaliveUnderProtection) {

    /** A tunnel with IOS's DF handling (outer DF clear, no path-MTU discovery) and supported keepalives. */
    public TunnelSpec(String sourceInterface, Optional<Ipv4Address> sourceAddress, Ipv4Address destination,
                      OptionalLong key, boolean sequence, boolean checksum, Optional<KeepaliveSpec> keepalive,
                      long recursionHoldNs) {
        this(sourceInterface, sourceAddress, destination, key, sequence, checksum, keepalive, recursionHoldNs,
                TunnelMtuSpec.DEFAULT, true);
    }

    /** This tunnel with {@code keepalive} in place of its own; every other setting kept. */
    public TunnelSpec withKeepalive(Optional<KeepaliveSpec> keepalive) {
        return new TunnelSpec(sourceInterface, sourceAddress, destination, key, sequence, checksum, keepalive,
                recursionHoldNs, mtuDiscovery, keepaliveUnderProtection);
    }

    /** Bytes this tunnel adds to each packet, before any IPsec. */
    public int overhead() {
        return InterfaceSpec.GRE_OVERHEAD + (checksum ? 4 : 0) + (key.isPresent() ? 4 : 0) + (sequence ? 4 : 0);
    }
}
