package io.tunnelsim.ipsec;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;

/**
 * One Security Policy Database entry, RFC 4301 §4.4.1: selectors and an action.
 *
 * @param name        unique name within its SPD (reports, logs)
 * @param source      source address selector (0.0.0.0/0 for any)
 * @param destination destination address selector
 * @param protocol    IP protocol number, or {@link #ANY_PROTOCOL}
 * @param sourcePorts source port selector (UDP/TCP/SCTP)
 * @param destinationPorts destination port selector
 * @param action      PROTECT, BYPASS or DISCARD
 */
public record SpdEntry(String name, Ipv4Prefix source, Ipv4Prefix destination, int protocol,
                       PortRange sourcePorts, PortRange destinationPorts, SpdAction action) {

    public static final int ANY_PROTOCOL = -1;

    public SpdEntry {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("SPD entry needs a name");
        }
        if (source == null || destination == null || sourcePorts == null || destinationPorts == null || action == null) {
            throw new IllegalArgumentException("SPD entry " + name + " has a missing selector or action");
        }
        if (protocol < ANY_PROTOCOL || protocol > 255) {
            throw new IllegalArgumentException("SPD entry " + name + ": protocol " + protocol + " is outside 0-255");
        }
    }

    /** An entry matching any ports. */
    public static SpdEntry of(String name, Ipv4Prefix source, Ipv4Prefix destination, int protocol, SpdAction action) {
        return new SpdEntry(name, source, destination, protocol, PortRange.ANY, PortRange.ANY, action);
    }

    /**
     * Whether a packet with these fields matches every selector; ports are
     * {@link PortRange#NO_PORT} for protocols without them.
     */
    public boolean matches(int sourceBits, int destinationBits, int ipProtocol, int sourcePort, int destinationPort) {
        return source.contains(sourceBits)
                && destination.contains(destinationBits)
                && (protocol == ANY_PROTOCOL || protocol == ipProtocol)
                && sourcePorts.matches(sourcePort)
                && destinationPorts.matches(destinationPort);
    }

    public boolean matches(Ipv4Address src, Ipv4Address dst, int ipProtocol, int sourcePort, int destinationPort) {
        return matches(src.bits(), dst.bits(), ipProtocol, sourcePort, destinationPort);
    }
}
