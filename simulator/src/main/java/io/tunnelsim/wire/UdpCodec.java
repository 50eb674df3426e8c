package io.tunnelsim.wire;

/**
 * UDP (RFC 768) with the IPv4 pseudo-header checksum.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * A zero checksum means "not computed" (allowed over IPv4); a computed checksum of zero is
 * sent as 0xffff.
 */
public final class UdpCodec {
    private UdpCodec() {
    }

    /** Decodes and verifies the datagram at {@code off}; {@code src}/{@code dst} are the IPv4 addresses. */
    public static UdpHeader decode(byte[] b, int off, int len, int src, int dst) throws MalformedPacketException {
        if (len < UdpHeader.LENGTH) {
            throw new MalformedPacketException(WireDrop.UDP_TRUNCATED, len + " bytes, need 8");
        }
        int length = Bytes.u16(b, off + 4);
        if (length < 8 || length > len) {
            throw new MalformedPacketException(WireDrop.UDP_BAD_LENGTH, "length field " + length + ", " + len + " bytes");
        }
        int checksum = Bytes.u16(b, off + 6);
        if (checksum != 0) {
            int sum = InternetChecksum.sum(b, off, length, InternetChecksum.ipv4PseudoHeader(src, dst, 17, length));
            if (InternetChecksum.finish(sum) != 0) {
                throw new MalformedPacketException(WireDrop.UDP_BAD_CHECKSUM, "checksum does not verify");
            }
        }
        return new UdpHeader(Bytes.u16(b, off), Bytes.u16(b, off + 2), length, checksum);
    }

    /** Pushes a UDP header in front of the payload already in {@code p} and fills the checksum. */
    public static void push(PacketBuffer p, int srcPort, int dstPort, int srcAddr, int dstAddr) {
        int length = p.length() + 8;
        int at = p.push(8);
        byte[] b = p.array();
        Bytes.put16(b, at, srcPort);
        Bytes.put16(b, at + 2, dstPort);
        Bytes.put16(b, at + 4, length);
        Bytes.put16(b, at + 6, 0);
        int c = InternetChecksum.finish(InternetChecksum.sum(b, at, length, InternetChecksum.ipv4PseudoHeader(srcAddr, dstAddr, 17, length)));
        Bytes.put16(b, at + 6, c == 0 ? 0xffff : c);
    }
}
