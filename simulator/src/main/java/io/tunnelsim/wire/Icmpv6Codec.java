package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv6Address;

/**
 * Encodes and decodes ICMPv6 messages (RFC 4443): the common header, echo request and reply
 * (§4.1, §4.2), and the error messages Destination Unreachable (§3.1), Packet Too Big (§3.2)
 * and Time Exceeded (§3.3), whose body is as much of the invoking packet as fits.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Identifier / MTU / Unused (per type)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data / as much of the invoking packet as fits ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-
 * </pre>
 *
 * <p>The checksum (RFC 4443 §2.3) is the RFC 1071 checksum over the RFC 8200 §8.1
 * pseudo-header (source, destination, ICMPv6 length, next header 58) and the message.
 * Neighbor Discovery messages are handled by {@link Icmpv6NdpCodec}.
 *
 * <p>Simplifications: Parameter Problem and the other types decode as a generic
 * {@link Icmpv6Header}; whether to pass unknown types up or drop them (RFC 4443 §2.4) is the
 * receiving node's decision.
 */
public final class Icmpv6Codec {
    public static final int HEADER_LENGTH = 8;
    /**
     * Most bytes of an invoking packet an error message may carry, so that the error stays
     * within the IPv6 minimum MTU (RFC 4443 §2.4 (c)): 1280 - 40 - 8.
     */
    public static final int MAX_INVOKING_BYTES = Ipv6Codec.MINIMUM_MTU - Ipv6Codec.HEADER_LENGTH - HEADER_LENGTH;

    private Icmpv6Codec() {
    }

    /**
     * Decodes and checksum-verifies the ICMPv6 message at {@code buf[off .. off+len)} carried
     * from {@code src} to {@code dst}. The message body starts at {@code off + 8}.
     */
    public static Icmpv6Header decode(byte[] buf, int off, int len, Ipv6Address src, Ipv6Address dst)
            throws MalformedPacketException {
        if (len < HEADER_LENGTH) {
            throw new MalformedPacketException(WireDrop.ICMPV6_TRUNCATED, len + " bytes, need 8");
        }
        if (!checksumValid(buf, off, len, src, dst)) {
            throw new MalformedPacketException(WireDrop.ICMPV6_BAD_CHECKSUM,
                    String.format("checksum 0x%04x does not verify", checksum(buf, off)));
        }
        long rest = ((long) (buf[off + 4] & 0xff) << 24) | ((buf[off + 5] & 0xff) << 16)
                | ((buf[off + 6] & 0xff) << 8) | (buf[off + 7] & 0xff);
        return new Icmpv6Header(buf[off] & 0xff, buf[off + 1] & 0xff, rest);
    }

    /**
     * Writes the header at {@code buf[off]}, then the checksum over the whole message
     * {@code buf[off .. off+len)}, whose body must already be in place at {@code off + 8}.
     * Returns {@code len}.
     */
    public static int encode(Icmpv6Header h, byte[] buf, int off, int len, Ipv6Address src, Ipv6Address dst) {
        if (len < HEADER_LENGTH) {
            throw new IllegalArgumentException("ICMPv6 message of " + len + " bytes");
        }
        buf[off] = (byte) h.type();
        buf[off + 1] = (byte) h.code();
        long r = h.rest();
        buf[off + 4] = (byte) (r >>> 24);
        buf[off + 5] = (byte) (r >>> 16);
        buf[off + 6] = (byte) (r >>> 8);
        buf[off + 7] = (byte) r;
        fillChecksum(buf, off, len, src, dst);
        return len;
    }

    /** Prepends {@code h} to the body in {@code pb} and checksums the message. Returns its offset. */
    public static int push(PacketBuffer pb, Icmpv6Header h, Ipv6Address src, Ipv6Address dst) {
        int at = pb.push(HEADER_LENGTH);
        encode(h, pb.array(), at, pb.length(), src, dst);
        return at;
    }

    /** An echo request or reply carrying a copy of {@code data[off .. off+len)}. */
    public static PacketBuffer echo(Icmpv6Header h, byte[] data, int off, int len, Ipv6Address src,
                                    Ipv6Address dst) {
        if (h.type() != Icmpv6Header.ECHO_REQUEST && h.type() != Icmpv6Header.ECHO_REPLY) {
            throw new IllegalArgumentException("not an echo: type " + h.type());
        }
        PacketBuffer pb = PacketBuffer.copyOf(data, off, len);
        push(pb, h, src, dst);
        return pb;
    }

    /**
     * An error message quoting the invoking packet {@code invoking[off .. off+len)}, cut to
     * {@link #MAX_INVOKING_BYTES}.
     */
    public static PacketBuffer error(Icmpv6Header h, byte[] invoking, int off, int len, Ipv6Address src,
                                     Ipv6Address dst) {
        if (!h.isError()) {
            throw new IllegalArgumentException("not an error message: type " + h.type());
        }
        PacketBuffer pb = PacketBuffer.copyOf(invoking, off, Math.min(len, MAX_INVOKING_BYTES));
        push(pb, h, src, dst);
        return pb;
    }

    /** Computes and stores the checksum of the message at {@code buf[off .. off+len)}. */
    public static void fillChecksum(byte[] buf, int off, int len, Ipv6Address src, Ipv6Address dst) {
        buf[off + 2] = 0;
        buf[off + 3] = 0;
        int s = Ipv6Codec.pseudoHeaderSum(src, dst, len, Ipv6Header.ICMPV6);
        int c = InternetChecksum.finish(InternetChecksum.sum(buf, off, len, s));
        buf[off + 2] = (byte) (c >>> 8);
        buf[off + 3] = (byte) c;
    }

    public static boolean checksumValid(byte[] buf, int off, int len, Ipv6Address src, Ipv6Address dst) {
        int s = Ipv6Codec.pseudoHeaderSum(src, dst, len, Ipv6Header.ICMPV6);
        return InternetChecksum.sum(buf, off, len, s) == 0xffff;
    }

    // ---- cheap accessors ----

    public static int type(byte[] buf, int off) {
        return buf[off] & 0xff;
    }

    public static int code(byte[] buf, int off) {
        return buf[off + 1] & 0xff;
    }

    public static int checksum(byte[] buf, int off) {
        return ((buf[off + 2] & 0xff) << 8) | (buf[off + 3] & 0xff);
    }
}
