package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv6Address;

import java.util.Objects;

/**
 * The fixed IPv6 header (RFC 8200 §3).
 *
 * @param trafficClass 8 bits
 * @param flowLabel 20 bits
 * @param payloadLength bytes after this 40-byte header, 0..65535
 * @param nextHeader protocol of the next header, e.g. {@link #ICMPV6}
 * @param hopLimit 0..255
 */
public record Ipv6Header(int trafficClass, int flowLabel, int payloadLength, int nextHeader, int hopLimit,
                         Ipv6Address source, Ipv6Address destination) {

    public static final int ICMPV6 = 58;
    public static final int NO_NEXT_HEADER = 59;

    public Ipv6Header {
        check(trafficClass, 0xff, "traffic class");
        check(flowLabel, 0xfffff, "flow label");
        check(payloadLength, 0xffff, "payload length");
        check(nextHeader, 0xff, "next header");
        check(hopLimit, 0xff, "hop limit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    /** A header with traffic class and flow label zero. */
    public static Ipv6Header of(int payloadLength, int nextHeader, int hopLimit, Ipv6Address source,
                                Ipv6Address destination) {
        return new Ipv6Header(0, 0, payloadLength, nextHeader, hopLimit, source, destination);
    }

    public Ipv6Header withPayloadLength(int length) {
        return new Ipv6Header(trafficClass, flowLabel, length, nextHeader, hopLimit, source, destination);
    }

    public Ipv6Header withHopLimit(int limit) {
        return new Ipv6Header(trafficClass, flowLabel, payloadLength, nextHeader, limit, source, destination);
    }

    private static void check(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " out of range: " + v);
        }
    }
}
