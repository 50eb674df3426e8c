package io.tunnelsim.ipsec.module;

import java.util.Optional;

/**
 * What one interface names of IPsec: a tunnel's {@code protection:} profile (GRE over IPsec), or
 * an Ethernet interface's {@code crypto-map:} profile. The reader refuses each key on the other
 * kind of interface, so at most one is present.
 *
 * @param protection tunnels only: IPsec profile for tunnel protection
 * @param cryptoMap  Ethernet only: IPsec profile applied crypto-map style
 */
public record IpsecInterface(Optional<String> protection, Optional<String> cryptoMap) {

    /** An interface without IPsec. */
    public static final IpsecInterface NONE = new IpsecInterface(Optional.empty(), Optional.empty());
}
