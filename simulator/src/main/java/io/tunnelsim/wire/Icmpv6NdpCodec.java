package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.MacAddress;

import java.util.Optional;

/**
 * Encodes and decodes the Neighbor Discovery messages IPv6 needs on an Ethernet LAN: Neighbor
 * Solicitation (RFC 4861 §4.3) and Neighbor Advertisement (§4.4), with the Source/Target
 * Link-Layer Address options (§4.6.1, Ethernet form of RFC 2464 §8).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type 135/136 |     Code 0    |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|S|O|                     Reserved                            |  (NS: all reserved)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                   Target Address (128 bits)                   +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Options ...
 * +-+-+-+-+-+-+-+-+-+-+-+-
 *
 * Link-layer address option, Ethernet form (type 1 source, 2 target; length in 8-byte units):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |   Length = 1  |    Link-Layer Address ...     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              ... (6 bytes in all)                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Receive checks (RFC 4861 §7.1.1, §7.1.2): checksum, code 0, ICMP length at least 24,
 * target not multicast, no option of length zero, no Source Link-Layer option when the IPv6
 * source is unspecified, S flag clear when the IPv6 destination is multicast. The IP hop limit
 * must be 255: the receiving node checks that on the {@link Ipv6Header}. Unknown options are
 * skipped, as §4.6 requires.
 *
 * <p>Simplifications: link-layer options other than Ethernet's 6-byte form (length 1) are
 * skipped as unknown.
 */
public final class Icmpv6NdpCodec {
    /** Fixed part of NS and NA: 4-byte ICMP header + 4 bytes flags/reserved + 16-byte target. */
    public static final int FIXED_LENGTH = 24;
    public static final int OPTION_SOURCE_LINK_LAYER = 1;
    public static final int OPTION_TARGET_LINK_LAYER = 2;
    /** Hop limit every ND message is sent with and must arrive with. */
    public static final int HOP_LIMIT = 255;

    private static final int FLAG_R = 0x80;
    private static final int FLAG_S = 0x40;
    private static final int FLAG_O = 0x20;

    private Icmpv6NdpCodec() {
    }

    /** Length of the encoded solicitation. */
    public static int encodedLength(Icmpv6NeighborSolicitation m) {
        return FIXED_LENGTH + (m.sourceLinkLayer().isPresent() ? 8 : 0);
    }

    public static int encodedLength(Icmpv6NeighborAdvertisement m) {
        return FIXED_LENGTH + (m.targetLinkLayer().isPresent() ? 8 : 0);
    }

    /** Writes the complete, checksummed ICMPv6 message at {@code buf[off]} and returns its length. */
    public static int encode(Icmpv6NeighborSolicitation m, byte[] buf, int off, Ipv6Address src, Ipv6Address dst) {
        int len = encodedLength(m);
        writeBody(buf, off, 0, m.target(), OPTION_SOURCE_LINK_LAYER, m.sourceLinkLayer());
        return Icmpv6Codec.encode(new Icmpv6Header(Icmpv6Header.NEIGHBOR_SOLICITATION, 0, 0), buf, off, len, src, dst);
    }

    public static int encode(Icmpv6NeighborAdvertisement m, byte[] buf, int off, Ipv6Address src, Ipv6Address dst) {
        int len = encodedLength(m);
        int flags = (m.router() ? FLAG_R : 0) | (m.solicited() ? FLAG_S : 0) | (m.override() ? FLAG_O : 0);
        writeBody(buf, off, flags, m.target(), OPTION_TARGET_LINK_LAYER, m.targetLinkLayer());
        return Icmpv6Codec.encode(new Icmpv6Header(Icmpv6Header.NEIGHBOR_ADVERTISEMENT, 0, (long) flags << 24),
                buf, off, len, src, dst);
    }

    /** The message in a fresh buffer with headroom for IPv6 and Ethernet headers. */
    public static PacketBuffer toBuffer(Icmpv6NeighborSolicitation m, Ipv6Address src, Ipv6Address dst) {
        PacketBuffer pb = PacketBuffer.allocate(encodedLength(m));
        int at = pb.append(encodedLength(m));
        encode(m, pb.array(), at, src, dst);
        return pb;
    }

    public static PacketBuffer toBuffer(Icmpv6NeighborAdvertisement m, Ipv6Address src, Ipv6Address dst) {
        PacketBuffer pb = PacketBuffer.allocate(encodedLength(m));
        int at = pb.append(encodedLength(m));
        encode(m, pb.array(), at, src, dst);
        return pb;
    }

    /** Decodes a Neighbor Solicitation sent from {@code src} to {@code dst}. */
    public static Icmpv6NeighborSolicitation decodeSolicitation(byte[] buf, int off, int len, Ipv6Address src,
                                                                Ipv6Address dst) throws MalformedPacketException {
        Ipv6Address target = checkFixed(buf, off, len, src, dst, Icmpv6Header.NEIGHBOR_SOLICITATION);
        Optional<MacAddress> sll = linkLayerOption(buf, off, len, OPTION_SOURCE_LINK_LAYER);
        if (sll.isPresent() && src.equals(Ipv6Address.UNSPECIFIED)) {
            throw new MalformedPacketException(WireDrop.NDP_BAD_OPTION,
                    "source link-layer option from the unspecified address");
        }
        return new Icmpv6NeighborSolicitation(target, sll);
    }

    /** Decodes a Neighbor Advertisement sent from {@code src} to {@code dst}. */
    public static Icmpv6NeighborAdvertisement decodeAdvertisement(byte[] buf, int off, int len, Ipv6Address src,
                                                                  Ipv6Address dst) throws MalformedPacketException {
        Ipv6Address target = checkFixed(buf, off, len, src, dst, Icmpv6Header.NEIGHBOR_ADVERTISEMENT);
        int flags = buf[off + 4] & 0xff;
        boolean solicited = (flags & FLAG_S) != 0;
        if (solicited && dst.isMulticast()) {
            throw new MalformedPacketException(WireDrop.NDP_BAD_FLAGS, "solicited advertisement to multicast " + dst);
        }
        return new Icmpv6NeighborAdvertisement((flags & FLAG_R) != 0, solicited, (flags & FLAG_O) != 0, target,
                linkLayerOption(buf, off, len, OPTION_TARGET_LINK_LAYER));
    }

    private static void writeBody(byte[] buf, int off, int flags, Ipv6Address target, int optionType,
                                  Optional<MacAddress> mac) {
        buf[off + 4] = (byte) flags;
        buf[off + 5] = 0;
        buf[off + 6] = 0;
        buf[off + 7] = 0;
        target.write(buf, off + 8);
        if (mac.isPresent()) {
            buf[off + 24] = (byte) optionType;
            buf[off + 25] = 1;
            mac.get().write(buf, off + 26);
        }
    }

    private static Ipv6Address checkFixed(byte[] buf, int off, int len, Ipv6Address src, Ipv6Address dst, int type)
            throws MalformedPacketException {
        Icmpv6Header h = Icmpv6Codec.decode(buf, off, len, src, dst);
        if (h.type() != type) {
            throw new MalformedPacketException(WireDrop.NDP_UNEXPECTED_TYPE, "ICMPv6 type " + h.type() + ", expected " + type);
        }
        if (h.code() != 0) {
            throw new MalformedPacketException(WireDrop.NDP_BAD_CODE, "code " + h.code());
        }
        if (len < FIXED_LENGTH) {
            throw new MalformedPacketException(WireDrop.NDP_TRUNCATED, len + " bytes, need 24");
        }
        Ipv6Address target = Ipv6Address.read(buf, off + 8);
        if (target.isMulticast()) {
            throw new MalformedPacketException(WireDrop.NDP_BAD_TARGET, "multicast target " + target);
        }
        return target;
    }

    /** Walks all options (validating their lengths) and returns the first one of {@code wanted} type. */
    private static Optional<MacAddress> linkLayerOption(byte[] buf, int off, int len, int wanted)
            throws MalformedPacketException {
        Optional<MacAddress> found = Optional.empty();
        int p = FIXED_LENGTH;
        while (p < len) {
            if (len - p < 2) {
                throw new MalformedPacketException(WireDrop.NDP_BAD_OPTION, "option header cut at byte " + p);
            }
            int type = buf[off + p] & 0xff;
            int units = buf[off + p + 1] & 0xff;
            if (units == 0) {
                throw new MalformedPacketException(WireDrop.NDP_BAD_OPTION, "option of length zero at byte " + p);
            }
            int olen = units * 8;
            if (olen > len - p) {
                throw new MalformedPacketException(WireDrop.NDP_BAD_OPTION, "option of " + olen + " bytes overruns message");
            }
            if (type == wanted && units == 1 && found.isEmpty()) {
                found = Optional.of(MacAddress.read(buf, off + p + 2));
            }
            p += olen;
        }
        return found;
    }
}
