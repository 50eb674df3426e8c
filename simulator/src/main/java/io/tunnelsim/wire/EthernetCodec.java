package io.tunnelsim.wire;

import io.tunnelsim.addr.MacAddress;

/**
 * Ethernet II (DIX) framing, as carried in pcap link type 1 (no preamble, no FCS).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Destination MAC (6 octets)                    |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                   Source MAC (6 octets)                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          EtherType            |  payload (46–1500 octets) ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Frames shorter than 60 octets are padded with zeros when sent ({@link #pushWithPadding}).
 */
public final class EthernetCodec {
    public static final int OFF_DST = 0;
    public static final int OFF_SRC = 6;
    public static final int OFF_TYPE = 12;

    private EthernetCodec() {
    }

    public static EthernetHeader decode(byte[] b, int off, int len) throws MalformedPacketException {
        if (len < EthernetHeader.LENGTH) {
            throw new MalformedPacketException(WireDrop.ETH_TRUNCATED, len + " bytes, need 14");
        }
        return new EthernetHeader(MacAddress.read(b, off + OFF_DST), MacAddress.read(b, off + OFF_SRC),
                Bytes.u16(b, off + OFF_TYPE));
    }

    public static void encode(EthernetHeader h, byte[] b, int off) {
        write(b, off, h.destination().bits(), h.source().bits(), h.etherType());
    }

    public static void write(byte[] b, int off, long dst, long src, int etherType) {
        MacAddress.writeBits(b, off + OFF_DST, dst);
        MacAddress.writeBits(b, off + OFF_SRC, src);
        Bytes.put16(b, off + OFF_TYPE, etherType);
    }

    /** Prepends a header and pads the frame with zeros to the 60-octet minimum. */
    public static void pushWithPadding(PacketBuffer p, long dst, long src, int etherType) {
        int at = p.push(EthernetHeader.LENGTH);
        write(p.array(), at, dst, src, etherType);
        int shortBy = EthernetHeader.MIN_FRAME - p.length();
        if (shortBy > 0) {
            int pad = p.append(shortBy);
            java.util.Arrays.fill(p.array(), pad, pad + shortBy, (byte) 0);
        }
    }

    public static int etherType(byte[] b, int off) {
        return Bytes.u16(b, off + OFF_TYPE);
    }

    public static long destination(byte[] b, int off) {
        return MacAddress.readBits(b, off + OFF_DST);
    }

    public static long source(byte[] b, int off) {
        return MacAddress.readBits(b, off + OFF_SRC);
    }
}
