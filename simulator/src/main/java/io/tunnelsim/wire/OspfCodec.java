package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes OSPFv2 packets (RFC 2328 Appendix A), IP protocol 89.
 *
 * <pre>
 * Packet header (§A.3.1)
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Version #   |     Type      |         Packet length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Router ID                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Area ID                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |             AuType            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Authentication                          |
 * +                                                               +
 * |                       Authentication                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Hello (§A.3.2)                         Database Description (§A.3.3)
 * |          Network Mask          |     |  Interface MTU  | Options |0|0|0|0|0|I|M|MS|
 * | HelloInterval | Options | Prio |     |          DD sequence number                |
 * |      RouterDeadInterval        |     |  LSA headers (20 bytes each) ...           |
 * |      Designated Router         |
 * |   Backup Designated Router     |     Link State Request (§A.3.4), per entry:
 * |  Neighbor (4 bytes each) ...   |     |  LS type (32 bits) | Link State ID | Advertising Router |
 *
 * Link State Update (§A.3.5)             Link State Acknowledgment (§A.3.6)
 * |            # LSAs              |     |  LSA headers (20 bytes each) ...           |
 * |  LSAs ...                      |
 * </pre>
 *
 * <p>The checksum is the RFC 1071 checksum of the whole packet except the 64-bit
 * authentication field (§D.4.1, §D.4.2). With cryptographic authentication (AuType 2, §D.4.3)
 * the checksum is not computed: it is neither set nor verified.
 *
 * <p>Malformed: fewer than 24 bytes or a packet length beyond the data ({@code ospf-truncated});
 * version other than 2 ({@code ospf-bad-version}); type outside 1..5 ({@code ospf-bad-type});
 * AuType above 2 ({@code ospf-bad-autype}); checksum not verifying ({@code ospf-bad-checksum});
 * a packet length below 24 or a body whose size does not fit its type ({@code ospf-bad-length});
 * an LS type in a request entry above 255 ({@code ospf-bad-ls-type}); and every LSA failure of
 * {@link LsaCodec} and {@link Lsa#decode}.
 *
 * <p>Keyed MD5 (AuType 2, §D.4.3): the authentication field holds zero (16 bits), the key ID,
 * the digest length (16) and the cryptographic sequence number; the checksum field is zero and
 * the 16-byte digest, MD5 over the packet followed by the key zero padded to 16 bytes, follows
 * the packet (outside its packet length, inside the IP datagram). {@link #encode(OspfPacket,
 * byte[], MessageDigest, byte[], int)} writes it, {@link #digestVerifies} checks it. A digest
 * length other than 16 is {@code ospf-bad-auth-length}; a datagram without room for the digest
 * is {@code ospf-truncated}.
 *
 * <p>Simplifications: bytes after the packet length and digest (an RFC 5613 LLS block) are
 * ignored. A Link
 * State Update with one bad LSA is rejected whole, whereas RFC 2328 §13 discards only that
 * LSA; the good ones are then retransmitted by the neighbour, costing time but not
 * correctness.
 */
public final class OspfCodec {
    /** IP protocol number of OSPF. */
    public static final int IP_PROTOCOL = 89;
    public static final int VERSION = 2;
    public static final int HEADER_LENGTH = 24;
    /** AllSPFRouters and AllDRouters (RFC 2328 §A.1). */
    public static final Ipv4Address ALL_SPF_ROUTERS = Ipv4Address.of(224, 0, 0, 5);
    public static final Ipv4Address ALL_D_ROUTERS = Ipv4Address.of(224, 0, 0, 6);

    /** Options field bits (§A.2; O from RFC 5250, L from RFC 5613). */
    public static final int OPTION_MT = 0x01;
    public static final int OPTION_E = 0x02;
    public static final int OPTION_MC = 0x04;
    public static final int OPTION_NP = 0x08;
    public static final int OPTION_L = 0x10;
    public static final int OPTION_DC = 0x20;
    public static final int OPTION_O = 0x40;

    private static final int DD_I = 0x04;
    private static final int DD_M = 0x02;
    private static final int DD_MS = 0x01;
    private static final int AUTH_OFFSET = 16;

    private OspfCodec() {
    }

    public static OspfPacket decode(byte[] buf, int off, int len) throws MalformedPacketException {
        if (len < HEADER_LENGTH) {
            throw new MalformedPacketException(WireDrop.OSPF_TRUNCATED, len + " bytes, need 24");
        }
        int version = buf[off] & 0xff;
        if (version != VERSION) {
            throw new MalformedPacketException(WireDrop.OSPF_BAD_VERSION, "version " + version);
        }
        int type = buf[off + 1] & 0xff;
        if (type < OspfMessage.HELLO || type > OspfMessage.LINK_STATE_ACK) {
            throw new MalformedPacketException(WireDrop.OSPF_BAD_TYPE, "type " + type);
        }
        int plen = packetLength(buf, off);
        if (plen < HEADER_LENGTH) {
            throw new MalformedPacketException(WireDrop.OSPF_BAD_LENGTH, "packet length " + plen);
        }
        if (plen > len) {
            throw new MalformedPacketException(WireDrop.OSPF_TRUNCATED, "packet length " + plen + ", " + len + " bytes");
        }
        int auType = u16(buf, off + 14);
        if (auType > OspfPacket.AUTH_CRYPTOGRAPHIC) {
            throw new MalformedPacketException(WireDrop.OSPF_BAD_AUTYPE, "AuType " + auType);
        }
        if (auType == OspfPacket.AUTH_CRYPTOGRAPHIC) {
            int dlen = buf[off + AUTH_OFFSET + 3] & 0xff;
            if (dlen != Authentication.DIGEST_LENGTH) {
                throw new MalformedPacketException(WireDrop.OSPF_BAD_AUTH_LENGTH, "MD5 digest length " + dlen + ", not 16");
            }
            if (plen + dlen > len) {
                throw new MalformedPacketException(WireDrop.OSPF_TRUNCATED, "no room for the " + dlen + "-byte digest");
            }
        } else if (checksumSum(buf, off, plen) != 0xffff) {
            throw new MalformedPacketException(WireDrop.OSPF_BAD_CHECKSUM,
                    String.format("checksum 0x%04x does not verify", u16(buf, off + 12)));
        }
        long auth = ((long) Ipv4Address.readBits(buf, off + AUTH_OFFSET) << 32)
                | Integer.toUnsignedLong(Ipv4Address.readBits(buf, off + AUTH_OFFSET + 4));
        if (auType == OspfPacket.AUTH_NULL) {
            auth = 0; // §D.4.1: the field is not examined on receipt
        }
        OspfMessage m = decodeBody(type, buf, off + HEADER_LENGTH, plen - HEADER_LENGTH);
        return new OspfPacket(Ipv4Address.read(buf, off + 4), Ipv4Address.read(buf, off + 8), auType, auth, m);
    }

    /** The packet length field: header and body, without a cryptographic digest. */
    public static int encodedLength(OspfPacket p) {
        return HEADER_LENGTH + bodyLength(p.message());
    }

    /** Bytes the packet takes in its IP datagram: the packet length plus a keyed-MD5 digest. */
    public static int wireLength(OspfPacket p) {
        return encodedLength(p) + (p.auType() == OspfPacket.AUTH_CRYPTOGRAPHIC ? Authentication.DIGEST_LENGTH : 0);
    }

    /** Writes the packet with its length and checksum at {@code buf[off]} and returns its length. */
    public static int encode(OspfPacket p, byte[] buf, int off) {
        if (p.auType() == OspfPacket.AUTH_CRYPTOGRAPHIC) {
            throw new IllegalArgumentException("a keyed-MD5 packet needs its key: use encode(p, key, md, buf, off)");
        }
        return encodeHeaderAndBody(p, buf, off);
    }

    /**
     * Writes a keyed-MD5 packet (§D.4.3) and its digest at {@code buf[off]}, using {@code md}
     * and the key zero padded to 16 bytes ({@code key16}); returns the bytes written (packet
     * length + 16). Packets of other AuTypes are written as by {@link #encode(OspfPacket, byte[], int)}.
     */
    public static int encode(OspfPacket p, byte[] key16, MessageDigest md, byte[] buf, int off) {
        if (p.auType() != OspfPacket.AUTH_CRYPTOGRAPHIC) {
            return encodeHeaderAndBody(p, buf, off);
        }
        int len = encodeHeaderAndBody(p, buf, off);
        md.reset();
        md.update(buf, off, len);
        md.update(key16, 0, Authentication.MD5_KEY_LENGTH);
        try {
            md.digest(buf, off + len, Authentication.DIGEST_LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        return len + Authentication.DIGEST_LENGTH;
    }

    /**
     * True when the keyed-MD5 digest after the packet at {@code buf[off]} (of {@code len}
     * bytes in its datagram) is the one {@code key16} gives (§D.4.3 step 3). {@code scratch}
     * takes the computed digest (16 bytes).
     */
    public static boolean digestVerifies(byte[] buf, int off, int len, byte[] key16, MessageDigest md, byte[] scratch) {
        int plen = packetLength(buf, off);
        if (plen + Authentication.DIGEST_LENGTH > len) {
            return false;
        }
        md.reset();
        md.update(buf, off, plen);
        md.update(key16, 0, Authentication.MD5_KEY_LENGTH);
        try {
            md.digest(scratch, 0, Authentication.DIGEST_LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        int d = 0;
        for (int i = 0; i < Authentication.DIGEST_LENGTH; i++) {
            d |= scratch[i] ^ buf[off + plen + i];
        }
        return d == 0;
    }

    private static int encodeHeaderAndBody(OspfPacket p, byte[] buf, int off) {
        int len = encodedLength(p);
        if (len > 0xffff) {
            throw new IllegalArgumentException("OSPF packet of " + len + " bytes");
        }
        buf[off] = VERSION;
        buf[off + 1] = (byte) p.type();
        putU16(buf, off + 2, len);
        p.routerId().write(buf, off + 4);
        p.areaId().write(buf, off + 8);
        putU16(buf, off + 12, 0);
        putU16(buf, off + 14, p.auType());
        encodeBody(p.message(), buf, off + HEADER_LENGTH);
        if (p.auType() != OspfPacket.AUTH_CRYPTOGRAPHIC) {
            putU16(buf, off + 12, InternetChecksum.finish(checksumSum(buf, off, len)));
        }
        Ipv4Address.writeBits(buf, off + AUTH_OFFSET, (int) (p.authentication() >>> 32));
        Ipv4Address.writeBits(buf, off + AUTH_OFFSET + 4, (int) p.authentication());
        return len;
    }

    /** The packet in a fresh buffer with headroom for IPv4, GRE, ESP and Ethernet headers. */
    public static PacketBuffer toBuffer(OspfPacket p) {
        int len = encodedLength(p);
        PacketBuffer pb = PacketBuffer.allocate(len);
        encode(p, pb.array(), pb.append(len));
        return pb;
    }

    /** A packet of any AuType in a fresh buffer, with its keyed-MD5 digest when it has one. */
    public static PacketBuffer toBuffer(OspfPacket p, byte[] key16, MessageDigest md) {
        int len = wireLength(p);
        PacketBuffer pb = PacketBuffer.allocate(len);
        encode(p, key16, md, pb.array(), pb.append(len));
        return pb;
    }

    public static byte[] toBytes(OspfPacket p) {
        byte[] b = new byte[encodedLength(p)];
        encode(p, b, 0);
        return b;
    }

    // ---- cheap accessors for the receive path ----

    public static int type(byte[] buf, int off) {
        return buf[off + 1] & 0xff;
    }

    public static int packetLength(byte[] buf, int off) {
        return u16(buf, off + 2);
    }

    public static int routerIdBits(byte[] buf, int off) {
        return Ipv4Address.readBits(buf, off + 4);
    }

    public static int areaIdBits(byte[] buf, int off) {
        return Ipv4Address.readBits(buf, off + 8);
    }

    /** Sum of the packet without the authentication field; 0xffff when the checksum verifies. */
    private static int checksumSum(byte[] buf, int off, int plen) {
        int s = InternetChecksum.sum(buf, off, AUTH_OFFSET, 0);
        return InternetChecksum.sum(buf, off + HEADER_LENGTH, plen - HEADER_LENGTH, s);
    }

    private static int bodyLength(OspfMessage m) {
        if (m instanceof OspfHello h) {
            return 20 + 4 * h.neighbors().size();
        } else if (m instanceof OspfDatabaseDescription d) {
            return 8 + LsaHeader.LENGTH * d.lsaHeaders().size();
        } else if (m instanceof OspfLinkStateRequest r) {
            return 12 * r.requests().size();
        } else if (m instanceof OspfLinkStateUpdate u) {
            int n = 4;
            for (Lsa l : u.lsas()) {
                n += l.length();
            }
            return n;
        } else {
            return LsaHeader.LENGTH * ((OspfLinkStateAck) m).lsaHeaders().size();
        }
    }

    private static void encodeBody(OspfMessage m, byte[] buf, int off) {
        if (m instanceof OspfHello h) {
            h.networkMask().write(buf, off);
            putU16(buf, off + 4, h.helloInterval());
            buf[off + 6] = (byte) h.options();
            buf[off + 7] = (byte) h.routerPriority();
            Ipv4Address.writeBits(buf, off + 8, (int) h.routerDeadInterval());
            h.designatedRouter().write(buf, off + 12);
            h.backupDesignatedRouter().write(buf, off + 16);
            int p = off + 20;
            for (Ipv4Address n : h.neighbors()) {
                n.write(buf, p);
                p += 4;
            }
        } else if (m instanceof OspfDatabaseDescription d) {
            putU16(buf, off, d.interfaceMtu());
            buf[off + 2] = (byte) d.options();
            buf[off + 3] = (byte) ((d.init() ? DD_I : 0) | (d.more() ? DD_M : 0) | (d.master() ? DD_MS : 0));
            Ipv4Address.writeBits(buf, off + 4, (int) d.ddSequenceNumber());
            int p = off + 8;
            for (LsaHeader h : d.lsaHeaders()) {
                p += LsaCodec.encodeHeader(h, buf, p);
            }
        } else if (m instanceof OspfLinkStateRequest r) {
            int p = off;
            for (LsaKey k : r.requests()) {
                Ipv4Address.writeBits(buf, p, k.type());
                Ipv4Address.writeBits(buf, p + 4, k.linkStateIdBits());
                Ipv4Address.writeBits(buf, p + 8, k.advertisingRouterBits());
                p += 12;
            }
        } else if (m instanceof OspfLinkStateUpdate u) {
            Ipv4Address.writeBits(buf, off, u.lsas().size());
            int p = off + 4;
            for (Lsa l : u.lsas()) {
                p += l.copyTo(buf, p);
            }
        } else {
            int p = off;
            for (LsaHeader h : ((OspfLinkStateAck) m).lsaHeaders()) {
                p += LsaCodec.encodeHeader(h, buf, p);
            }
        }
    }

    private static OspfMessage decodeBody(int type, byte[] buf, int off, int len) throws MalformedPacketException {
        switch (type) {
            case OspfMessage.HELLO: {
                if (len < 20 || len % 4 != 0) {
                    throw new MalformedPacketException(WireDrop.OSPF_BAD_LENGTH, "hello body of " + len + " bytes");
                }
                List<Ipv4Address> neighbors = new ArrayList<>((len - 20) / 4);
                for (int p = off + 20; p < off + len; p += 4) {
                    neighbors.add(Ipv4Address.read(buf, p));
                }
                return new OspfHello(Ipv4Address.read(buf, off), u16(buf, off + 4), buf[off + 6] & 0xff,
                        buf[off + 7] & 0xff, u32(buf, off + 8), Ipv4Address.read(buf, off + 12),
                        Ipv4Address.read(buf, off + 16), neighbors);
            }
            case OspfMessage.DATABASE_DESCRIPTION: {
                if (len < 8 || (len - 8) % LsaHeader.LENGTH != 0) {
                    throw new MalformedPacketException(WireDrop.OSPF_BAD_LENGTH, "database description body of " + len
                            + " bytes");
                }
                int flags = buf[off + 3] & 0xff;
                return new OspfDatabaseDescription(u16(buf, off), buf[off + 2] & 0xff, (flags & DD_I) != 0,
                        (flags & DD_M) != 0, (flags & DD_MS) != 0, u32(buf, off + 4),
                        headers(buf, off + 8, len - 8));
            }
            case OspfMessage.LINK_STATE_REQUEST: {
                if (len % 12 != 0) {
                    throw new MalformedPacketException(WireDrop.OSPF_BAD_LENGTH, "link state request body of " + len
                            + " bytes");
                }
                List<LsaKey> keys = new ArrayList<>(len / 12);
                for (int p = off; p < off + len; p += 12) {
                    long lsType = u32(buf, p);
                    if (lsType > 0xff) {
                        throw new MalformedPacketException(WireDrop.OSPF_BAD_LS_TYPE, "requested LS type " + lsType);
                    }
                    keys.add(new LsaKey((int) lsType, Ipv4Address.readBits(buf, p + 4), Ipv4Address.readBits(buf, p + 8)));
                }
                return new OspfLinkStateRequest(keys);
            }
            case OspfMessage.LINK_STATE_UPDATE: {
                if (len < 4) {
                    throw new MalformedPacketException(WireDrop.OSPF_BAD_LENGTH, "link state update body of " + len
                            + " bytes");
                }
                long count = u32(buf, off);
                if (count > (len - 4) / LsaHeader.LENGTH) {
                    throw new MalformedPacketException(WireDrop.OSPF_BAD_LENGTH, count + " LSAs cannot fit in " + len
                            + " bytes");
                }
                List<Lsa> lsas = new ArrayList<>((int) count);
                int p = off + 4;
                int end = off + len;
                for (int i = 0; i < count; i++) {
                    Lsa l = Lsa.decode(buf, p, end - p);
                    lsas.add(l);
                    p += l.length();
                }
                if (p != end) {
                    throw new MalformedPacketException(WireDrop.OSPF_BAD_LENGTH, (end - p) + " bytes after " + count
                            + " LSAs");
                }
                return new OspfLinkStateUpdate(lsas);
            }
            default: {
                if (len % LsaHeader.LENGTH != 0) {
                    throw new MalformedPacketException(WireDrop.OSPF_BAD_LENGTH, "link state ack body of " + len + " bytes");
                }
                return new OspfLinkStateAck(headers(buf, off, len));
            }
        }
    }

    private static List<LsaHeader> headers(byte[] buf, int off, int len) throws MalformedPacketException {
        List<LsaHeader> list = new ArrayList<>(len / LsaHeader.LENGTH);
        for (int p = off; p < off + len; p += LsaHeader.LENGTH) {
            list.add(LsaCodec.decodeHeader(buf, p, LsaHeader.LENGTH));
        }
        return list;
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
