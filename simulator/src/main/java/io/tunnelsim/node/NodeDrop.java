package io.tunnelsim.node;

import io.tunnelsim.wire.DropReason;

/**
 * Drop reasons of the node: Ethernet, ARP, IPv4 and IPv6 forwarding, ICMP, fragmentation and reassembly. Each constant's {@link #label()} is the stable
 * name the node counts the drop under ({@code show counters}, {@code summary.json}).
 */
public enum NodeDrop implements DropReason {
    ARP_QUEUE_FULL("arp-queue-full"),
    ARP_UNRESOLVED("arp-unresolved"),
    FRAGMENT_BAD_LENGTH("fragment-bad-length"),
    /** A fragment whose end contradicts the datagram's known end: the whole datagram is discarded. */
    FRAGMENT_INCONSISTENT_END("fragment-inconsistent-end"),
    FRAGMENT_OVERLAP("fragment-overlap"),
    FRAG_NEEDED_DF_SET("frag-needed-df-set"),
    ICMP_UNREACHABLE_SUPPRESSED("icmp-unreachable-suppressed"),
    INTERFACE_DOWN("interface-down"),
    IPV6_HOP_LIMIT_EXCEEDED("ipv6-hop-limit-exceeded"),
    IPV6_MULTICAST_NOT_JOINED("ipv6-multicast-not-joined"),
    IPV6_NO_ROUTE("ipv6-no-route"),
    IPV6_PACKET_TOO_BIG("ipv6-packet-too-big"),
    IPV6_UNSUPPORTED_NEXT_HEADER("ipv6-unsupported-next-header"),
    MULTICAST_NOT_JOINED("multicast-not-joined"),
    ND_QUEUE_FULL("nd-queue-full"),
    ND_UNRESOLVED("nd-unresolved"),
    NO_ROUTE("no-route"),
    /** Fragments held for reassembly when the node crashed (counted). */
    NODE_CRASHED("node-crashed"),
    /** A probe arrived at a crashed (powered-off) node; published for probes only, not counted. */
    NODE_DOWN("node-down"),
    NOT_FOR_THIS_HOST("not-for-this-host"),
    OUTPUT_QUEUE_FULL("output-queue-full"),
    PROTOCOL_UNREACHABLE("protocol-unreachable"),
    REASSEMBLY_LIMIT("reassembly-limit"),
    REASSEMBLY_TIMEOUT("reassembly-timeout"),
    TTL_EXPIRED("ttl-expired"),
    UDP_PORT_UNREACHABLE("udp-port-unreachable"),
    UNKNOWN_ETHERTYPE("unknown-ethertype");

    private final String label;

    NodeDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
