package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

/**
 * An IPv4 header (RFC 791). {@code headerLength} is in bytes (IHL × 4); options, when present,
 * are carried through untouched by the codec but not interpreted. {@code fragmentOffset} is in
 * 8-octet units as on the wire. See {@link Ipv4Codec}.
 */
public record Ipv4Header(int headerLength, int tos, int totalLength, int identification, boolean dontFragment,
                         boolean moreFragments, int fragmentOffset, int ttl, int protocol, int checksum,
                         Ipv4Address source, Ipv4Address destination) {
    public static final int MIN_LENGTH = 20;
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_IPV4 = 4;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_IPV6 = 41;
    public static final int PROTO_GRE = 47;
    public static final int PROTO_ESP = 50;
    public static final int PROTO_OSPF = 89;

    public Ipv4Header {
        if (headerLength < 20 || headerLength > 60 || (headerLength & 3) != 0) {
            throw new IllegalArgumentException("header length " + headerLength);
        }
        check("tos", tos, 0xff);
        check("total length", totalLength, 0xffff);
        check("identification", identification, 0xffff);
        check("fragment offset", fragmentOffset, 0x1fff);
        check("ttl", ttl, 0xff);
        check("protocol", protocol, 0xff);
        check("checksum", checksum, 0xffff);
    }

    private static void check(String what, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + v + " outside 0-" + max);
        }
    }

    /** A 20-byte header with DF clear, no fragmentation, checksum to be computed by the encoder. */
    public static Ipv4Header simple(Ipv4Address src, Ipv4Address dst, int protocol, int ttl, int payloadLength, int id) {
        return new Ipv4Header(20, 0, 20 + payloadLength, id & 0xffff, false, false, 0, ttl, protocol, 0, src, dst);
    }

    public int payloadLength() {
        return totalLength - headerLength;
    }

    public boolean isFragment() {
        return moreFragments || fragmentOffset != 0;
    }
}
