package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes RIPv2 messages (RFC 2453 §4), carried in UDP port 520, sent to
 * 224.0.0.9.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  command (1)  |  version (1)  |       must be zero (2)        |
 * +---------------+---------------+-------------------------------+
 * | Address Family Identifier (2) |        Route Tag (2)          |
 * +-------------------------------+-------------------------------+
 * |                         IP Address (4)                        |
 * +---------------------------------------------------------------+
 * |                         Subnet Mask (4)                       |
 * +---------------------------------------------------------------+
 * |                         Next Hop (4)                          |
 * +---------------------------------------------------------------+
 * |                         Metric (4)                            |
 * +---------------------------------------------------------------+
 *   (route entry repeated, 1 to 25 times)
 * </pre>
 *
 * <p>Malformed: fewer than 4 bytes ({@code rip-truncated}); a length that is not 4 + 20k
 * ({@code rip-bad-length}); more than 25 entries ({@code rip-too-many-entries}); version 0
 * ({@code rip-bad-version}, RFC 1058 §3.4); a command other than request or response
 * ({@code rip-bad-command}); a metric of 0 or above 16 ({@code rip-bad-metric}); an
 * authentication entry, address family 0xFFFF ({@code rip-auth-unsupported}).
 *
 * <p>Simplifications: RFC 2453 §5.2 and RFC 4822 authentication are not supported: a packet
 * carrying an authentication entry is rejected whole rather than being checked, which is what
 * a router without a configured key does with it anyway. Version 1 packets decode (the caller
 * decides whether to accept them); their must-be-zero fields are not checked. Address families
 * other than 0 and 2 decode unchanged, for the routing layer to ignore (RFC 2453 §3.9.2).
 * Reserved header bytes are ignored on receipt and sent as zero.
 */
public final class RipCodec {
    public static final int HEADER_LENGTH = 4;
    public static final int ENTRY_LENGTH = 20;
    /** Largest RIP message: 4 + 25 × 20 = 504 bytes. */
    public static final int MAX_LENGTH = HEADER_LENGTH + RipPacket.MAX_ENTRIES * ENTRY_LENGTH;
    public static final int AFI_AUTHENTICATION = 0xFFFF;
    /** The RIPv2 multicast group 224.0.0.9. */
    public static final Ipv4Address RIP2_ROUTERS = Ipv4Address.of(224, 0, 0, 9);

    private RipCodec() {
    }

    public static RipPacket decode(byte[] buf, int off, int len) throws MalformedPacketException {
        if (len < HEADER_LENGTH) {
            throw new MalformedPacketException("rip-truncated", len + " bytes, need 4");
        }
        if ((len - HEADER_LENGTH) % ENTRY_LENGTH != 0) {
            throw new MalformedPacketException("rip-bad-length", len + " bytes is not 4 + 20k");
        }
        int n = (len - HEADER_LENGTH) / ENTRY_LENGTH;
        if (n > RipPacket.MAX_ENTRIES) {
            throw new MalformedPacketException("rip-too-many-entries", n + " entries, at most 25");
        }
        int command = buf[off] & 0xff;
        int version = buf[off + 1] & 0xff;
        if (version == 0) {
            throw new MalformedPacketException("rip-bad-version", "version 0");
        }
        if (command != RipPacket.REQUEST && command != RipPacket.RESPONSE) {
            throw new MalformedPacketException("rip-bad-command", "command " + command);
        }
        List<RipEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int p = off + HEADER_LENGTH + i * ENTRY_LENGTH;
            int afi = u16(buf, p);
            if (afi == AFI_AUTHENTICATION) {
                throw new MalformedPacketException("rip-auth-unsupported", "authentication entry " + i);
            }
            long metric = u32(buf, p + 16);
            if (metric < 1 || metric > RipEntry.INFINITY) {
                throw new MalformedPacketException("rip-bad-metric", "metric " + metric + " in entry " + i);
            }
            entries.add(new RipEntry(afi, u16(buf, p + 2), Ipv4Address.read(buf, p + 4), Ipv4Address.read(buf, p + 8),
                    Ipv4Address.read(buf, p + 12), (int) metric));
        }
        return new RipPacket(command, version, entries);
    }

    /** Writes the message at {@code buf[off]} and returns its length. */
    public static int encode(RipPacket m, byte[] buf, int off) {
        buf[off] = (byte) m.command();
        buf[off + 1] = (byte) m.version();
        buf[off + 2] = 0;
        buf[off + 3] = 0;
        int p = off + HEADER_LENGTH;
        for (RipEntry e : m.entries()) {
            putU16(buf, p, e.addressFamily());
            putU16(buf, p + 2, e.routeTag());
            e.address().write(buf, p + 4);
            e.mask().write(buf, p + 8);
            e.nextHop().write(buf, p + 12);
            Ipv4Address.writeBits(buf, p + 16, e.metric());
            p += ENTRY_LENGTH;
        }
        return p - off;
    }

    /** The message in a fresh buffer with headroom for UDP, IPv4 and Ethernet headers. */
    public static PacketBuffer toBuffer(RipPacket m) {
        PacketBuffer pb = PacketBuffer.allocate(m.encodedLength());
        encode(m, pb.array(), pb.append(m.encodedLength()));
        return pb;
    }

    public static int command(byte[] buf, int off) {
        return buf[off] & 0xff;
    }

    public static int version(byte[] buf, int off) {
        return buf[off + 1] & 0xff;
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static long u32(byte[] b, int p) {
        return Integer.toUnsignedLong(Ipv4Address.readBits(b, p));
    }

    private static void putU16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }
}
