package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes and decodes LSA headers and bodies (RFC 2328 §A.4). {@link Lsa} combines them with
 * the raw bytes.
 *
 * <pre>
 * LSA header (§A.4.1)
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            LS age             |    Options    |    LS type    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Link State ID                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Advertising Router                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     LS sequence number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         LS checksum           |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Router-LSA body (§A.4.2)             Network-LSA body (§A.4.3)
 * |  0  |V|E|B|   0   |  # links   |    |          Network Mask         |
 * |           Link ID              |    |        Attached Router        |
 * |          Link Data             |    |             ...               |
 * | Type | # TOS |      metric     |
 * |  (TOS entries: TOS | 0 | TOS metric, # TOS times)
 * |  ... next link
 *
 * Summary-LSA body (§A.4.4)             AS-external-LSA body (§A.4.5)
 * |          Network Mask          |    |          Network Mask         |
 * |   0   |        metric (24)     |    |E|  0  |     metric (24)       |
 * |  (TOS | TOS metric)*           |    |      Forwarding address       |
 *                                       |      External Route Tag       |
 *                                       |  (E|TOS | metric, fwd, tag)*  |
 * </pre>
 *
 * <p>Malformed: fewer than 20 bytes or a length field beyond the data ({@code lsa-truncated});
 * a length field below 20 or a body whose size does not match its own counts
 * ({@code lsa-bad-length}); a Fletcher checksum that does not verify ({@code lsa-bad-checksum});
 * the reserved sequence number 0x80000000 ({@code lsa-bad-sequence}); a router link type
 * outside 1..4 ({@code lsa-bad-link-type}).
 *
 * <p>Simplifications: TOS-specific metrics (obsolete since RFC 2328) are skipped when decoding
 * and never encoded, so an LSA carrying them keeps them only in its raw bytes. Unknown Router-LSA
 * flag bits are ignored. LSA types 9-11 decode to
 * {@link OspfOpaqueLsa} (RFC 5250), other types outside 1-5 to {@link OspfUnknownLsa}.
 */
public final class LsaCodec {
    private static final int FLAG_V = 0x04;
    private static final int FLAG_E = 0x02;
    private static final int FLAG_B = 0x01;
    private static final int EXTERNAL_E_BIT = 0x80;

    private LsaCodec() {
    }

    /** Decodes the 20-byte LSA header at {@code buf[off]} without checking the body or checksum. */
    public static LsaHeader decodeHeader(byte[] buf, int off, int len) throws MalformedPacketException {
        if (len < LsaHeader.LENGTH) {
            throw new MalformedPacketException(WireDrop.LSA_TRUNCATED, len + " bytes, need 20");
        }
        int length = u16(buf, off + 18);
        if (length < LsaHeader.LENGTH) {
            throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "length field " + length);
        }
        return new LsaHeader(u16(buf, off), buf[off + 2] & 0xff, buf[off + 3] & 0xff, Ipv4Address.read(buf, off + 4),
                Ipv4Address.read(buf, off + 8), Ipv4Address.readBits(buf, off + 12), u16(buf, off + 16), length);
    }

    /** Writes the 20-byte header at {@code buf[off]} and returns 20. */
    public static int encodeHeader(LsaHeader h, byte[] buf, int off) {
        putU16(buf, off, h.age());
        buf[off + 2] = (byte) h.options();
        buf[off + 3] = (byte) h.type();
        h.linkStateId().write(buf, off + 4);
        h.advertisingRouter().write(buf, off + 8);
        Ipv4Address.writeBits(buf, off + 12, h.sequenceNumber());
        putU16(buf, off + 16, h.checksum());
        putU16(buf, off + 18, h.length());
        return LsaHeader.LENGTH;
    }

    /** Encoded size of a body. {@link OspfUnknownLsa} has no encoding of its own. */
    public static int bodyLength(LsaBody body) {
        if (body instanceof OspfRouterLsa r) {
            return 4 + 12 * r.links().size();
        } else if (body instanceof OspfNetworkLsa n) {
            return 4 + 4 * n.attachedRouters().size();
        } else if (body instanceof OspfSummaryLsa) {
            return 8;
        } else if (body instanceof OspfAsExternalLsa) {
            return 16;
        } else if (body instanceof OspfOpaqueLsa o) {
            return o.information().length;
        }
        throw new IllegalArgumentException("cannot encode " + body);
    }

    /** Writes a body at {@code buf[off]} and returns its length. */
    public static int encodeBody(LsaBody body, byte[] buf, int off) {
        if (body instanceof OspfRouterLsa r) {
            buf[off] = (byte) ((r.virtualLinkEndpoint() ? FLAG_V : 0) | (r.asBoundaryRouter() ? FLAG_E : 0)
                    | (r.areaBorderRouter() ? FLAG_B : 0));
            buf[off + 1] = 0;
            putU16(buf, off + 2, r.links().size());
            int p = off + 4;
            for (OspfRouterLsa.Link l : r.links()) {
                l.linkId().write(buf, p);
                l.linkData().write(buf, p + 4);
                buf[p + 8] = (byte) l.type();
                buf[p + 9] = 0;
                putU16(buf, p + 10, l.metric());
                p += 12;
            }
            return p - off;
        } else if (body instanceof OspfNetworkLsa n) {
            n.networkMask().write(buf, off);
            int p = off + 4;
            for (Ipv4Address a : n.attachedRouters()) {
                a.write(buf, p);
                p += 4;
            }
            return p - off;
        } else if (body instanceof OspfSummaryLsa s) {
            s.networkMask().write(buf, off);
            Ipv4Address.writeBits(buf, off + 4, s.metric());
            return 8;
        } else if (body instanceof OspfAsExternalLsa e) {
            e.networkMask().write(buf, off);
            Ipv4Address.writeBits(buf, off + 4, (e.type2Metric() ? EXTERNAL_E_BIT << 24 : 0) | e.metric());
            e.forwardingAddress().write(buf, off + 8);
            Ipv4Address.writeBits(buf, off + 12, (int) e.externalRouteTag());
            return 16;
        } else if (body instanceof OspfOpaqueLsa o) {
            byte[] info = o.information();
            System.arraycopy(info, 0, buf, off, info.length);
            return info.length;
        }
        throw new IllegalArgumentException("cannot encode " + body);
    }

    /** Decodes the body of an LSA of the given type from {@code buf[off .. off+len)}. */
    public static LsaBody decodeBody(int type, byte[] buf, int off, int len) throws MalformedPacketException {
        switch (type) {
            case LsaHeader.ROUTER:
                return decodeRouter(buf, off, len);
            case LsaHeader.NETWORK: {
                if (len < 4 || len % 4 != 0) {
                    throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "network-LSA body of " + len + " bytes");
                }
                List<Ipv4Address> routers = new ArrayList<>((len - 4) / 4);
                for (int p = off + 4; p < off + len; p += 4) {
                    routers.add(Ipv4Address.read(buf, p));
                }
                return new OspfNetworkLsa(Ipv4Address.read(buf, off), routers);
            }
            case LsaHeader.SUMMARY_NETWORK:
            case LsaHeader.SUMMARY_ASBR:
                if (len < 8 || len % 4 != 0) {
                    throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "summary-LSA body of " + len + " bytes");
                }
                return new OspfSummaryLsa(type == LsaHeader.SUMMARY_ASBR, Ipv4Address.read(buf, off),
                        Ipv4Address.readBits(buf, off + 4) & 0xFF_FFFF);
            case LsaHeader.AS_EXTERNAL: {
                if (len < 16 || (len - 16) % 12 != 0) {
                    throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "AS-external-LSA body of " + len + " bytes");
                }
                int word = Ipv4Address.readBits(buf, off + 4);
                return new OspfAsExternalLsa(Ipv4Address.read(buf, off), (word >>> 24 & EXTERNAL_E_BIT) != 0,
                        word & 0xFF_FFFF, Ipv4Address.read(buf, off + 8),
                        Integer.toUnsignedLong(Ipv4Address.readBits(buf, off + 12)));
            }
            case OspfOpaqueLsa.LINK_LOCAL:
            case OspfOpaqueLsa.AREA:
            case OspfOpaqueLsa.AS:
                return new OspfOpaqueLsa(type, Arrays.copyOfRange(buf, off, off + len));
            default:
                return new OspfUnknownLsa(type);
        }
    }

    /**
     * Makes every check {@link #decodeBody} makes, with the same failures, without building the
     * body: a received LSA is validated on arrival and decoded only when its contents are used.
     */
    public static void checkBody(int type, byte[] buf, int off, int len) throws MalformedPacketException {
        switch (type) {
            case LsaHeader.ROUTER:
                checkRouter(buf, off, len);
                return;
            case LsaHeader.NETWORK:
                if (len < 4 || len % 4 != 0) {
                    throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "network-LSA body of " + len + " bytes");
                }
                return;
            case LsaHeader.SUMMARY_NETWORK:
            case LsaHeader.SUMMARY_ASBR:
                if (len < 8 || len % 4 != 0) {
                    throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "summary-LSA body of " + len + " bytes");
                }
                return;
            case LsaHeader.AS_EXTERNAL:
                if (len < 16 || (len - 16) % 12 != 0) {
                    throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "AS-external-LSA body of " + len + " bytes");
                }
                return;
            default:
        }
    }

    private static void checkRouter(byte[] buf, int off, int len) throws MalformedPacketException {
        if (len < 4) {
            throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "router-LSA body of " + len + " bytes");
        }
        int count = u16(buf, off + 2);
        int p = off + 4;
        int end = off + len;
        for (int i = 0; i < count; i++) {
            if (end - p < 12) {
                throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "router-LSA link " + i + " cut short");
            }
            int linkType = buf[p + 8] & 0xff;
            if (linkType < OspfRouterLsa.POINT_TO_POINT || linkType > OspfRouterLsa.VIRTUAL) {
                throw new MalformedPacketException(WireDrop.LSA_BAD_LINK_TYPE, "link " + i + " has type " + linkType);
            }
            p += 12 + 4 * (buf[p + 9] & 0xff);
            if (p > end) {
                throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, "router-LSA link " + i + " TOS entries cut short");
            }
        }
        if (p != end) {
            throw new MalformedPacketException(WireDrop.LSA_BAD_LENGTH, (end - p) + " bytes after the last router link");
        }
    }

    private static OspfRouterLsa decodeRouter(byte[] buf, int off, int len) throws MalformedPacketException {
        checkRouter(buf, off, len); // the same checks, so decoding and checking refuse the same bodies
        int flags = buf[off] & 0xff;
        int count = u16(buf, off + 2);
        List<OspfRouterLsa.Link> links = new ArrayList<>(count);
        int p = off + 4;
        for (int i = 0; i < count; i++) {
            links.add(new OspfRouterLsa.Link(Ipv4Address.read(buf, p), Ipv4Address.read(buf, p + 4), buf[p + 8] & 0xff,
                    u16(buf, p + 10)));
            p += 12 + 4 * (buf[p + 9] & 0xff);
        }
        return new OspfRouterLsa((flags & FLAG_V) != 0, (flags & FLAG_E) != 0, (flags & FLAG_B) != 0, links);
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    static void putU16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }
}
