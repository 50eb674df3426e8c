package io.tunnelsim.wire;

/**
 * ICMP for IPv4 (RFC 792), checksum over the whole message (RFC 1071).
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  rest of header: echo identifier + sequence, or unused + MTU  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  data: echo payload, or the offending IP header + 8 octets    |
 * </pre>
 */
public final class IcmpCodec {
    public static final int HEADER_LENGTH = 8;

    private IcmpCodec() {
    }

    public static IcmpMessage decode(byte[] b, int off, int len) throws MalformedPacketException {
        if (len < HEADER_LENGTH) {
            throw new MalformedPacketException(WireDrop.ICMP_TRUNCATED, len + " bytes, need 8");
        }
        if (!InternetChecksum.verify(b, off, len)) {
            throw new MalformedPacketException(WireDrop.ICMP_BAD_CHECKSUM, "checksum does not verify");
        }
        byte[] data = java.util.Arrays.copyOfRange(b, off + 8, off + len);
        return new IcmpMessage(Bytes.u8(b, off), Bytes.u8(b, off + 1), Bytes.u32(b, off + 4), data);
    }

    public static int length(IcmpMessage m) {
        return HEADER_LENGTH + m.data().length;
    }

    public static void encode(IcmpMessage m, byte[] b, int off) {
        b[off] = (byte) m.type();
        b[off + 1] = (byte) m.code();
        b[off + 2] = 0;
        b[off + 3] = 0;
        Bytes.put32(b, off + 4, m.rest());
        System.arraycopy(m.data(), 0, b, off + 8, m.data().length);
        Bytes.put16(b, off + 2, InternetChecksum.compute(b, off, HEADER_LENGTH + m.data().length));
    }

    /** Builds a buffer holding the message, with headroom for the IP and link headers. */
    public static PacketBuffer toBuffer(IcmpMessage m) {
        PacketBuffer p = PacketBuffer.allocate(length(m));
        int at = p.append(length(m));
        encode(m, p.array(), at);
        return p;
    }
}
