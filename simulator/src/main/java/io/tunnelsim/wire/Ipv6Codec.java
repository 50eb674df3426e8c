package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv6Address;

/**
 * Encodes and decodes the fixed IPv6 header (RFC 8200 §3), and computes the upper-layer
 * pseudo-header sum of RFC 8200 §8.1.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                         Source Address (128 bits)             +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                      Destination Address (128 bits)           +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Simplifications: extension headers are not parsed here (the next header value is
 * reported as is); jumbograms (payload length 0 with a Jumbo Payload option) are not
 * supported, so a payload length of 0 means an empty payload.
 */
public final class Ipv6Codec {
    public static final int HEADER_LENGTH = 40;
    /** EtherType of IPv6. */
    public static final int ETHERTYPE = 0x86DD;
    /** Minimum link MTU every IPv6 link must carry (RFC 8200 §5). */
    public static final int MINIMUM_MTU = 1280;

    private Ipv6Codec() {
    }

    /**
     * Decodes the header at {@code buf[off]}; {@code len} is the number of bytes available from
     * {@code off}, which must cover the header and the declared payload (link padding after the
     * payload is allowed and ignored).
     */
    public static Ipv6Header decode(byte[] buf, int off, int len) throws MalformedPacketException {
        if (len < HEADER_LENGTH) {
            throw new MalformedPacketException(WireDrop.IPV6_TRUNCATED, len + " bytes, need 40");
        }
        int word0 = readInt(buf, off);
        int version = word0 >>> 28;
        if (version != 6) {
            throw new MalformedPacketException(WireDrop.IPV6_BAD_VERSION, "version " + version);
        }
        int payloadLength = payloadLength(buf, off);
        if (payloadLength > len - HEADER_LENGTH) {
            throw new MalformedPacketException(WireDrop.IPV6_BAD_LENGTH,
                    "payload length " + payloadLength + " exceeds the " + (len - HEADER_LENGTH) + " bytes present");
        }
        return new Ipv6Header((word0 >>> 20) & 0xff, word0 & 0xfffff, payloadLength, buf[off + 6] & 0xff,
                buf[off + 7] & 0xff, Ipv6Address.read(buf, off + 8), Ipv6Address.read(buf, off + 24));
    }

    /** Writes the 40-byte header at {@code buf[off]} and returns 40. */
    public static int encode(Ipv6Header h, byte[] buf, int off) {
        int word0 = (6 << 28) | (h.trafficClass() << 20) | h.flowLabel();
        buf[off] = (byte) (word0 >>> 24);
        buf[off + 1] = (byte) (word0 >>> 16);
        buf[off + 2] = (byte) (word0 >>> 8);
        buf[off + 3] = (byte) word0;
        buf[off + 4] = (byte) (h.payloadLength() >>> 8);
        buf[off + 5] = (byte) h.payloadLength();
        buf[off + 6] = (byte) h.nextHeader();
        buf[off + 7] = (byte) h.hopLimit();
        h.source().write(buf, off + 8);
        h.destination().write(buf, off + 24);
        return HEADER_LENGTH;
    }

    /**
     * Prepends the header to the payload in {@code pb}. The payload length field is taken from
     * the buffer (its length before the push), whatever {@code h.payloadLength()} says.
     * Returns the offset of the header.
     */
    public static int push(PacketBuffer pb, Ipv6Header h) {
        int payload = pb.length();
        if (payload > 0xffff) {
            throw new IllegalArgumentException("payload of " + payload + " bytes needs a jumbogram");
        }
        int at = pb.push(HEADER_LENGTH);
        encode(h.payloadLength() == payload ? h : h.withPayloadLength(payload), pb.array(), at);
        return at;
    }

    /**
     * One's complement sum of the RFC 8200 §8.1 pseudo-header (source, destination, upper-layer
     * packet length, next header), to seed the checksum of ICMPv6, UDP or TCP.
     */
    public static int pseudoHeaderSum(Ipv6Address src, Ipv6Address dst, long upperLayerLength, int nextHeader) {
        int s = InternetChecksum.add64(0, src.high());
        s = InternetChecksum.add64(s, src.low());
        s = InternetChecksum.add64(s, dst.high());
        s = InternetChecksum.add64(s, dst.low());
        s = InternetChecksum.add32(s, (int) upperLayerLength);
        return InternetChecksum.add32(s, nextHeader & 0xff);
    }

    // ---- cheap accessors for the receive path ----

    public static int version(byte[] buf, int off) {
        return (buf[off] & 0xff) >>> 4;
    }

    public static int payloadLength(byte[] buf, int off) {
        return ((buf[off + 4] & 0xff) << 8) | (buf[off + 5] & 0xff);
    }

    public static int nextHeader(byte[] buf, int off) {
        return buf[off + 6] & 0xff;
    }

    public static int hopLimit(byte[] buf, int off) {
        return buf[off + 7] & 0xff;
    }

    /** Decrements the hop limit in place (no checksum covers it in IPv6). */
    public static void decrementHopLimit(byte[] buf, int off) {
        buf[off + 7] = (byte) ((buf[off + 7] & 0xff) - 1);
    }

    private static int readInt(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
}
