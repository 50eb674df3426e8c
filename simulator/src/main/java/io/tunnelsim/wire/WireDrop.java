package io.tunnelsim.wire;

/**
 * Why a wire codec refused bytes: the reason a {@link MalformedPacketException} carries, and
 * the name the receiving node counts the drop under. The labels are stable (they appear in
 * the node counters, {@code summary.json} and the {@code show} tables); one constant per
 * label, grouped by the header whose codec raises it.
 */
public enum WireDrop implements DropReason {
    // Ethernet (IEEE 802.3)
    ETH_TRUNCATED("eth-truncated"),

    // ARP (RFC 826)
    ARP_TRUNCATED("arp-truncated"),
    ARP_UNSUPPORTED("arp-unsupported"),
    ARP_BAD_OPERATION("arp-bad-operation"),

    // IPv4 (RFC 791)
    IPV4_TRUNCATED("ipv4-truncated"),
    IPV4_BAD_VERSION("ipv4-bad-version"),
    IPV4_BAD_HEADER_LENGTH("ipv4-bad-header-length"),
    IPV4_BAD_LENGTH("ipv4-bad-length"),
    IPV4_BAD_CHECKSUM("ipv4-bad-checksum"),
    IPV4_RESERVED_FLAG("ipv4-reserved-flag"),

    // IPv6 (RFC 8200)
    IPV6_TRUNCATED("ipv6-truncated"),
    IPV6_BAD_VERSION("ipv6-bad-version"),
    IPV6_BAD_LENGTH("ipv6-bad-length"),

    // ICMP (RFC 792)
    ICMP_TRUNCATED("icmp-truncated"),
    ICMP_BAD_CHECKSUM("icmp-bad-checksum"),

    // ICMPv6 (RFC 4443)
    ICMPV6_TRUNCATED("icmpv6-truncated"),
    ICMPV6_BAD_CHECKSUM("icmpv6-bad-checksum"),

    // neighbour discovery (RFC 4861)
    NDP_TRUNCATED("ndp-truncated"),
    NDP_UNEXPECTED_TYPE("ndp-unexpected-type"),
    NDP_BAD_CODE("ndp-bad-code"),
    NDP_BAD_FLAGS("ndp-bad-flags"),
    NDP_BAD_TARGET("ndp-bad-target"),
    NDP_BAD_OPTION("ndp-bad-option"),

    // UDP (RFC 768)
    UDP_TRUNCATED("udp-truncated"),
    UDP_BAD_LENGTH("udp-bad-length"),
    UDP_BAD_CHECKSUM("udp-bad-checksum"),

    // GRE (RFC 2784, RFC 2890)
    GRE_TRUNCATED("gre-truncated"),
    GRE_BAD_VERSION("gre-bad-version"),
    GRE_RESERVED_BITS("gre-reserved-bits"),
    GRE_BAD_CHECKSUM("gre-bad-checksum"),

    // RIPv2 (RFC 2453)
    RIP_TRUNCATED("rip-truncated"),
    RIP_BAD_LENGTH("rip-bad-length"),
    RIP_BAD_COMMAND("rip-bad-command"),
    RIP_BAD_VERSION("rip-bad-version"),
    RIP_BAD_METRIC("rip-bad-metric"),
    RIP_TOO_MANY_ENTRIES("rip-too-many-entries"),
    RIP_BAD_AUTH("rip-bad-auth"),
    RIP_AUTH_UNSUPPORTED("rip-auth-unsupported"),
    RIP_AUTH_MISMATCH("rip-auth-mismatch"),
    RIP_AUTH_BAD_KEY_ID("rip-auth-bad-key-id"),
    RIP_AUTH_BAD_DIGEST("rip-auth-bad-digest"),

    // OSPFv2 packets (RFC 2328 §A.3)
    OSPF_TRUNCATED("ospf-truncated"),
    OSPF_BAD_LENGTH("ospf-bad-length"),
    OSPF_BAD_VERSION("ospf-bad-version"),
    OSPF_BAD_TYPE("ospf-bad-type"),
    OSPF_BAD_CHECKSUM("ospf-bad-checksum"),
    OSPF_BAD_AUTYPE("ospf-bad-autype"),
    OSPF_BAD_AUTH_LENGTH("ospf-bad-auth-length"),
    OSPF_BAD_LS_TYPE("ospf-bad-ls-type"),

    // OSPFv2 LSAs (RFC 2328 §A.4)
    LSA_TRUNCATED("lsa-truncated"),
    LSA_BAD_LENGTH("lsa-bad-length"),
    LSA_BAD_CHECKSUM("lsa-bad-checksum"),
    LSA_BAD_SEQUENCE("lsa-bad-sequence"),
    LSA_BAD_LINK_TYPE("lsa-bad-link-type");

    private final String label;

    WireDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
