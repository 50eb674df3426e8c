package io.tunnelsim.routing.track;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;

/**
 * An IP SLA ICMP echo operation, as configured on a router:
 * <pre>
 * ip sla 1
 *  icmp-echo 172.16.0.2 source-interface tunnel0   (target, sourceInterface or sourceAddress)
 *  frequency 60                                   (frequency)
 *  timeout 5000                                   (timeout)
 *  request-data-size 28                           (dataSize)
 * ip sla schedule 1 life forever start-time now
 * </pre>
 *
 * @param sourceInterface the interface whose address is the source, or null
 * @param sourceAddress the source address when no interface is named, or null (egress address)
 */
public record IpSlaConfig(int id, Ipv4Address target, String sourceInterface, Ipv4Address sourceAddress,
                          long frequency, long timeout, int dataSize) {
    public static final long DEFAULT_FREQUENCY = 60 * SimTime.SECOND;
    public static final long DEFAULT_TIMEOUT = 5 * SimTime.SECOND;
    public static final int DEFAULT_DATA_SIZE = 28;

    public IpSlaConfig {
        if (id < 1 || id > 0x7fff) {
            throw new IllegalArgumentException("IP SLA operation number " + id + " outside 1-32767");
        }
        if (target == null) {
            throw new IllegalArgumentException("IP SLA " + id + " needs a target");
        }
        if (frequency <= 0 || timeout <= 0) {
            throw new IllegalArgumentException("IP SLA frequency and timeout must be positive");
        }
        if (timeout > frequency) {
            throw new IllegalArgumentException("IP SLA timeout must not exceed the frequency");
        }
        if (dataSize < 0 || dataSize > 65507 - 8) {
            throw new IllegalArgumentException("IP SLA data size " + dataSize + " out of range");
        }
    }

    /** An echo operation with the router defaults: every 60 s, 5 s timeout, 28 data bytes. */
    public static IpSlaConfig icmpEcho(int id, Ipv4Address target) {
        return new IpSlaConfig(id, target, null, null, DEFAULT_FREQUENCY, DEFAULT_TIMEOUT, DEFAULT_DATA_SIZE);
    }

    public IpSlaConfig withSourceInterface(String name) {
        return new IpSlaConfig(id, target, name, null, frequency, timeout, dataSize);
    }

    public IpSlaConfig withSourceAddress(Ipv4Address a) {
        return new IpSlaConfig(id, target, null, a, frequency, timeout, dataSize);
    }

    /**
     * Frequency and timeout set together: setting them one after the other can pass through an
     * invalid state (a 1 s frequency with the default 5 s timeout), which the constructor refuses.
     */
    public IpSlaConfig withTimers(long f, long t) {
        return new IpSlaConfig(id, target, sourceInterface, sourceAddress, f, t, dataSize);
    }

    public IpSlaConfig withFrequency(long f) {
        return new IpSlaConfig(id, target, sourceInterface, sourceAddress, f, timeout, dataSize);
    }

    public IpSlaConfig withTimeout(long t) {
        return new IpSlaConfig(id, target, sourceInterface, sourceAddress, frequency, t, dataSize);
    }
}
