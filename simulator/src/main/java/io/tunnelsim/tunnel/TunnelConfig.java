package io.tunnelsim.tunnel;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;

/**
 * Configuration of a GRE tunnel interface, as on a router:
 * <pre>
 * interface Tunnel0
 *  tunnel source eth0            (sourceInterface, or sourceAddress)
 *  tunnel destination 198.51.100.2
 *  tunnel key 100                (key, -1 when absent)
 *  tunnel sequence-datagrams     (sequence)
 *  tunnel checksum               (checksum)
 *  keepalive 10 3                (keepalivePeriod 0 = off, keepaliveRetries)
 *  ip mtu 1476                   (mtu, 0 = source MTU minus the encapsulation overhead)
 *  tunnel path-mtu-discovery     (pmtu)
 * </pre>
 *
 * @param recursionHold how long the tunnel stays down after recursive routing was detected
 * @param pmtu          DF handling of the outer header and path-MTU discovery
 * @param keepaliveUnderProtection false: under tunnel protection the peer's reflected keepalive
 *                      replies are not accepted (Cisco doc 64565's "not supported")
 */
public record TunnelConfig(String sourceInterface, Ipv4Address sourceAddress, Ipv4Address destination, long key,
                           boolean sequence, boolean checksum, long keepalivePeriod, int keepaliveRetries,
                           int mtu, long recursionHold, Pmtu pmtu, boolean keepaliveUnderProtection) {

    /**
     * Outer DF handling and path-MTU discovery.
     *
     * @param copyDf  the outer header takes the passenger's DF bit ({@code df: inherit}, and always
     *                with path-MTU discovery); false: DF clear (IOS default)
     * @param discover learn the tunnel MTU from ICMP fragmentation-needed (RFC 1191)
     * @param ageNs   how long a learned path MTU holds, 0 = forever
     * @param minMtu  lowest tunnel MTU that discovery may set
     */
    public record Pmtu(boolean copyDf, boolean discover, long ageNs, int minMtu) {
        /** IOS: DF clear, no discovery (age 10 min and min-mtu 92 once it is turned on). */
        public static final Pmtu DEFAULT = new Pmtu(false, false, 600 * SimTime.SECOND, 92);
    }

    public TunnelConfig(String sourceInterface, Ipv4Address sourceAddress, Ipv4Address destination, long key,
                        boolean sequence, boolean checksum, long keepalivePeriod, int keepaliveRetries,
                        int mtu, long recursionHold) {
        this(sourceInterface, sourceAddress, destination, key, sequence, checksum, keepalivePeriod, keepaliveRetries,
                mtu, recursionHold, Pmtu.DEFAULT, true);
    }
    public static final long DEFAULT_KEEPALIVE_PERIOD = 10 * SimTime.SECOND;
    public static final int DEFAULT_KEEPALIVE_RETRIES = 3;
    /**
     * Hold-down after recursive routing: IOS "shuts the tunnel interface down for a few minutes"
     * (Cisco doc 22327) and re-checks about once a minute; 60 s, as the topology loader's default.
     */
    public static final long DEFAULT_RECURSION_HOLD = 60 * SimTime.SECOND;

    public TunnelConfig {
        if (pmtu == null) {
            pmtu = Pmtu.DEFAULT;
        }
        if (sourceInterface == null && sourceAddress == null) {
            throw new IllegalArgumentException("tunnel needs a source interface or address");
        }
        if (destination == null) {
            throw new IllegalArgumentException("tunnel needs a destination");
        }
        if (key < -1 || key > 0xffff_ffffL) {
            throw new IllegalArgumentException("tunnel key " + key + " outside 0-4294967295");
        }
        if (keepalivePeriod < 0 || (keepalivePeriod > 0 && keepaliveRetries < 1)) {
            throw new IllegalArgumentException("keepalive period must be >= 0 and retries >= 1");
        }
    }

    public static TunnelConfig basic(String sourceInterface, String destination) {
        return new TunnelConfig(sourceInterface, null, Ipv4Address.parse(destination), -1, false, false, 0,
                DEFAULT_KEEPALIVE_RETRIES, 0, DEFAULT_RECURSION_HOLD);
    }

    public TunnelConfig withKey(long k) {
        return new TunnelConfig(sourceInterface, sourceAddress, destination, k, sequence, checksum, keepalivePeriod,
                keepaliveRetries, mtu, recursionHold, pmtu, keepaliveUnderProtection);
    }

    public TunnelConfig withKeepalive(long period, int retries) {
        return new TunnelConfig(sourceInterface, sourceAddress, destination, key, sequence, checksum, period, retries,
                mtu, recursionHold, pmtu, keepaliveUnderProtection);
    }

    public TunnelConfig withOptions(boolean seq, boolean csum) {
        return new TunnelConfig(sourceInterface, sourceAddress, destination, key, seq, csum, keepalivePeriod,
                keepaliveRetries, mtu, recursionHold, pmtu, keepaliveUnderProtection);
    }

    public TunnelConfig withMtu(int m) {
        return new TunnelConfig(sourceInterface, sourceAddress, destination, key, sequence, checksum, keepalivePeriod,
                keepaliveRetries, m, recursionHold, pmtu, keepaliveUnderProtection);
    }

    public TunnelConfig withRecursionHold(long hold) {
        return new TunnelConfig(sourceInterface, sourceAddress, destination, key, sequence, checksum, keepalivePeriod,
                keepaliveRetries, mtu, hold, pmtu, keepaliveUnderProtection);
    }

    public TunnelConfig withPmtu(Pmtu p) {
        return new TunnelConfig(sourceInterface, sourceAddress, destination, key, sequence, checksum, keepalivePeriod,
                keepaliveRetries, mtu, recursionHold, p, keepaliveUnderProtection);
    }

    public boolean hasKey() {
        return key >= 0;
    }

    /** GRE header length for this configuration: 4 plus 4 per optional field. */
    public int greHeaderLength() {
        return 4 + (checksum ? 4 : 0) + (hasKey() ? 4 : 0) + (sequence ? 4 : 0);
    }
}
