package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

/**
 * IPv4 header codec (RFC 791 §3.1) with the RFC 1071 header checksum.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The static accessors read single fields in place; the forwarding path uses them with
 * {@link #decrementTtl} so a transit packet is never decoded into an object.
 */
public final class Ipv4Codec {
    public static final int OFF_TOTAL_LENGTH = 2;
    public static final int OFF_ID = 4;
    public static final int OFF_FLAGS_FRAG = 6;
    public static final int OFF_TTL = 8;
    public static final int OFF_PROTOCOL = 9;
    public static final int OFF_CHECKSUM = 10;
    public static final int OFF_SRC = 12;
    public static final int OFF_DST = 16;
    public static final int FLAG_DF = 0x4000;
    public static final int FLAG_MF = 0x2000;

    private Ipv4Codec() {
    }

    /**
     * Validates and decodes the header at {@code off}; {@code len} is the number of bytes
     * available (the frame payload, which may include Ethernet padding beyond total length).
     */
    public static Ipv4Header decode(byte[] b, int off, int len) throws MalformedPacketException {
        validate(b, off, len);
        int hl = (b[off] & 0x0f) * 4;
        int ff = Bytes.u16(b, off + OFF_FLAGS_FRAG);
        return new Ipv4Header(hl, Bytes.u8(b, off + 1), Bytes.u16(b, off + OFF_TOTAL_LENGTH), Bytes.u16(b, off + OFF_ID),
                (ff & FLAG_DF) != 0, (ff & FLAG_MF) != 0, ff & 0x1fff, Bytes.u8(b, off + OFF_TTL),
                Bytes.u8(b, off + OFF_PROTOCOL), Bytes.u16(b, off + OFF_CHECKSUM),
                Ipv4Address.read(b, off + OFF_SRC), Ipv4Address.read(b, off + OFF_DST));
    }

    /**
     * Checks version, header length, total length against available bytes, reserved flag and
     * checksum without allocating. Returns the total length.
     */
    public static int validate(byte[] b, int off, int len) throws MalformedPacketException {
        if (len < Ipv4Header.MIN_LENGTH) {
            throw new MalformedPacketException(WireDrop.IPV4_TRUNCATED, len + " bytes, need 20");
        }
        int vihl = b[off] & 0xff;
        if ((vihl >>> 4) != 4) {
            throw new MalformedPacketException(WireDrop.IPV4_BAD_VERSION, "version " + (vihl >>> 4));
        }
        int hl = (vihl & 0x0f) * 4;
        if (hl < 20) {
            throw new MalformedPacketException(WireDrop.IPV4_BAD_HEADER_LENGTH, "IHL " + (vihl & 0x0f));
        }
        int total = Bytes.u16(b, off + OFF_TOTAL_LENGTH);
        if (total < hl || hl > len) {
            throw new MalformedPacketException(WireDrop.IPV4_BAD_LENGTH, "total length " + total + ", header " + hl);
        }
        if (total > len) {
            throw new MalformedPacketException(WireDrop.IPV4_TRUNCATED, "total length " + total + " > " + len + " bytes received");
        }
        if ((b[off + OFF_FLAGS_FRAG] & 0x80) != 0) {
            throw new MalformedPacketException(WireDrop.IPV4_RESERVED_FLAG, "reserved flag set");
        }
        if (!InternetChecksum.verify(b, off, hl)) {
            throw new MalformedPacketException(WireDrop.IPV4_BAD_CHECKSUM, "header checksum does not verify");
        }
        return total;
    }

    /** Encodes {@code h} (20-byte header, options not written) and computes its checksum. */
    public static void encode(Ipv4Header h, byte[] b, int off) {
        if (h.headerLength() != 20) {
            throw new IllegalArgumentException("encoder writes 20-byte headers only");
        }
        write(b, off, h.tos(), h.totalLength(), h.identification(),
                (h.dontFragment() ? FLAG_DF : 0) | (h.moreFragments() ? FLAG_MF : 0) | h.fragmentOffset(),
                h.ttl(), h.protocol(), h.source().bits(), h.destination().bits());
    }

    /** Writes a 20-byte header with a fresh checksum; {@code flagsFrag} holds DF/MF and offset. */
    public static void write(byte[] b, int off, int tos, int totalLength, int id, int flagsFrag, int ttl,
                             int protocol, int src, int dst) {
        b[off] = 0x45;
        b[off + 1] = (byte) tos;
        Bytes.put16(b, off + OFF_TOTAL_LENGTH, totalLength);
        Bytes.put16(b, off + OFF_ID, id);
        Bytes.put16(b, off + OFF_FLAGS_FRAG, flagsFrag);
        b[off + OFF_TTL] = (byte) ttl;
        b[off + OFF_PROTOCOL] = (byte) protocol;
        b[off + OFF_CHECKSUM] = 0;
        b[off + OFF_CHECKSUM + 1] = 0;
        Ipv4Address.writeBits(b, off + OFF_SRC, src);
        Ipv4Address.writeBits(b, off + OFF_DST, dst);
        Bytes.put16(b, off + OFF_CHECKSUM, InternetChecksum.compute(b, off, 20));
    }

    /** Pushes a 20-byte header in front of the payload in {@code p}. */
    public static void push(PacketBuffer p, int tos, int id, int flagsFrag, int ttl, int protocol, int src, int dst) {
        int payload = p.length();
        int at = p.push(20);
        write(p.array(), at, tos, payload + 20, id, flagsFrag, ttl, protocol, src, dst);
    }

    /** Recomputes the header checksum in place (after changing fields). */
    public static void updateChecksum(byte[] b, int off) {
        int hl = headerLength(b, off);
        b[off + OFF_CHECKSUM] = 0;
        b[off + OFF_CHECKSUM + 1] = 0;
        Bytes.put16(b, off + OFF_CHECKSUM, InternetChecksum.compute(b, off, hl));
    }

    /** Decrements TTL and adjusts the checksum incrementally (RFC 1624 eqn. 3). */
    public static void decrementTtl(byte[] b, int off) {
        int oldWord = Bytes.u16(b, off + OFF_TTL);
        b[off + OFF_TTL] = (byte) ((b[off + OFF_TTL] & 0xff) - 1);
        int newWord = Bytes.u16(b, off + OFF_TTL);
        int hc = Bytes.u16(b, off + OFF_CHECKSUM);
        int sum = (~hc & 0xffff) + (~oldWord & 0xffff) + newWord;
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        Bytes.put16(b, off + OFF_CHECKSUM, ~sum & 0xffff);
    }

    public static int headerLength(byte[] b, int off) {
        return (b[off] & 0x0f) * 4;
    }

    public static int totalLength(byte[] b, int off) {
        return Bytes.u16(b, off + OFF_TOTAL_LENGTH);
    }

    public static int ttl(byte[] b, int off) {
        return b[off + OFF_TTL] & 0xff;
    }

    public static int protocol(byte[] b, int off) {
        return b[off + OFF_PROTOCOL] & 0xff;
    }

    public static int source(byte[] b, int off) {
        return Ipv4Address.readBits(b, off + OFF_SRC);
    }

    public static int destination(byte[] b, int off) {
        return Ipv4Address.readBits(b, off + OFF_DST);
    }

    public static int flagsFragment(byte[] b, int off) {
        return Bytes.u16(b, off + OFF_FLAGS_FRAG);
    }

    public static int identification(byte[] b, int off) {
        return Bytes.u16(b, off + OFF_ID);
    }

    public static boolean dontFragment(byte[] b, int off) {
        return (flagsFragment(b, off) & FLAG_DF) != 0;
    }

    public static boolean isFragment(byte[] b, int off) {
        return (flagsFragment(b, off) & (FLAG_MF | 0x1fff)) != 0;
    }
}
