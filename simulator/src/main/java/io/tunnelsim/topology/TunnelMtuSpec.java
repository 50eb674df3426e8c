package io.tunnelsim.topology;

/**
 * DF handling and path-MTU discovery of a GRE tunnel's outer header.
 *
 * <pre>
 * tunnel: {df: clear, path-mtu-discovery: {age-timer: 10m, min-mtu: 92}}
 * </pre>
 *
 * @param dfInherit        {@code df: inherit}: the outer header takes the passenger's DF bit (Linux
 *                         {@code ip tunnel ... nopmtudisc}); false is {@code df: clear}, IOS's
 *                         default (the outer header never sets DF, so the provider fragments it)
 * @param pathMtuDiscovery IOS {@code tunnel path-mtu-discovery}: the passenger's DF is copied to the
 *                         outer header and ICMP fragmentation-needed about the outer packets lowers
 *                         the tunnel MTU (RFC 1191)
 * @param ageNs            how long a learned path MTU is kept before the tunnel MTU returns to its
 *                         configured value (IOS {@code age-timer}, default 10 minutes); 0 = infinite
 * @param minMtu           the tunnel MTU never drops below this (IOS {@code min-mtu}, default 92)
 */
public record TunnelMtuSpec(boolean dfInherit, boolean pathMtuDiscovery, long ageNs, int minMtu) {
    /** IOS {@code tunnel path-mtu-discovery} age timer default: 10 minutes. */
    public static final long DEFAULT_AGE_NS = 600_000_000_000L;
    /** IOS {@code tunnel path-mtu-discovery min-mtu} default: 92 bytes. */
    public static final int DEFAULT_MIN_MTU = 92;
    /** IOS defaults: DF clear on the outer header, no path-MTU discovery. */
    public static final TunnelMtuSpec DEFAULT = new TunnelMtuSpec(false, false, DEFAULT_AGE_NS, DEFAULT_MIN_MTU);
}
