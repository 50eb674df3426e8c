package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.MacAddress;

/**
 * ARP for IPv4 over Ethernet (RFC 826), the only hardware/protocol pair the simulator uses.
 * <pre>
 * +-------------------------------+-------------------------------+
 * |   Hardware type (1 = Ether)   |  Protocol type (0x0800)       |
 * +---------------+---------------+-------------------------------+
 * | HLEN (6)      | PLEN (4)      |  Operation (1 req, 2 reply)   |
 * +---------------+---------------+-------------------------------+
 * | Sender hardware address (6) | Sender protocol address (4)     |
 * | Target hardware address (6) | Target protocol address (4)     |
 * +---------------------------------------------------------------+
 * </pre>
 */
public final class ArpCodec {
    private ArpCodec() {
    }

    public static ArpPacket decode(byte[] b, int off, int len) throws MalformedPacketException {
        if (len < ArpPacket.LENGTH) {
            throw new MalformedPacketException(WireDrop.ARP_TRUNCATED, len + " bytes, need 28");
        }
        if (Bytes.u16(b, off) != 1 || Bytes.u16(b, off + 2) != 0x0800 || Bytes.u8(b, off + 4) != 6 || Bytes.u8(b, off + 5) != 4) {
            throw new MalformedPacketException(WireDrop.ARP_UNSUPPORTED, "not IPv4 over Ethernet");
        }
        int op = Bytes.u16(b, off + 6);
        if (op != ArpPacket.REQUEST && op != ArpPacket.REPLY) {
            throw new MalformedPacketException(WireDrop.ARP_BAD_OPERATION, "operation " + op);
        }
        return new ArpPacket(op, MacAddress.read(b, off + 8), Ipv4Address.read(b, off + 14),
                MacAddress.read(b, off + 18), Ipv4Address.read(b, off + 24));
    }

    public static void encode(ArpPacket p, byte[] b, int off) {
        Bytes.put16(b, off, 1);
        Bytes.put16(b, off + 2, 0x0800);
        b[off + 4] = 6;
        b[off + 5] = 4;
        Bytes.put16(b, off + 6, p.operation());
        p.senderMac().write(b, off + 8);
        p.senderIp().write(b, off + 14);
        p.targetMac().write(b, off + 18);
        p.targetIp().write(b, off + 24);
    }
}
