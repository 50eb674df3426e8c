package io.tunnelsim.wire;

/**
 * Encodes and decodes GRE headers: RFC 2784 §2 with the key and sequence number fields of
 * RFC 2890 §2.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C| |K|S| Reserved0       | Ver |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Checksum (optional)      |       Reserved1 (Optional)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Key (optional)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Sequence Number (Optional)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The optional fields appear in that order, each only when its bit (C, K, S) is set. The
 * checksum (RFC 2784 §2.5) is the RFC 1071 checksum over the GRE header and the whole payload.
 *
 * <p>Receive rules: the version (bits 13-15) must be 0 ({@code gre-bad-version}); bits 1, 4
 * and 5 must be zero ({@code gre-reserved-bits}) — RFC 2784 §2.3 requires discarding a packet
 * with any of bits 1-5 set by a receiver without RFC 1701 support, and RFC 2890 gives bits 2
 * and 3 to K and S; bits 6-12 are ignored on receipt as RFC 2784 §2.3 demands. Reserved1 is
 * ignored on receipt.
 *
 * <p>Simplifications: RFC 1701 routing and recursion control are not supported (such packets
 * are malformed here). Any protocol type decodes; forwarding the payload is the caller's job.
 */
public final class GreCodec {
    /** IP protocol number of GRE. */
    public static final int IP_PROTOCOL = 47;
    public static final int BASE_LENGTH = 4;
    public static final int MAX_LENGTH = 16;

    private static final int FLAG_C = 0x8000;
    private static final int FLAG_K = 0x2000;
    private static final int FLAG_S = 0x1000;
    /** Bits 1, 4 and 5 of the first 16-bit word. */
    private static final int MUST_BE_ZERO = 0x4000 | 0x0800 | 0x0400;
    private static final int VERSION_MASK = 0x0007;

    private GreCodec() {
    }

    /**
     * Decodes the GRE header at {@code buf[off]}; {@code len} covers exactly the header and its
     * payload, i.e. the outer IP payload without any link-layer padding, since the checksum runs
     * over all of it. The payload starts at {@code off + header.length()}.
     */
    public static GreHeader decode(byte[] buf, int off, int len) throws MalformedPacketException {
        if (len < BASE_LENGTH) {
            throw new MalformedPacketException(WireDrop.GRE_TRUNCATED, len + " bytes, need 4");
        }
        int flags = u16(buf, off);
        if ((flags & VERSION_MASK) != 0) {
            throw new MalformedPacketException(WireDrop.GRE_BAD_VERSION, "version " + (flags & VERSION_MASK));
        }
        if ((flags & MUST_BE_ZERO) != 0) {
            throw new MalformedPacketException(WireDrop.GRE_RESERVED_BITS,
                    String.format("flags 0x%04x have bits 1, 4 or 5 set", flags));
        }
        boolean c = (flags & FLAG_C) != 0;
        boolean k = (flags & FLAG_K) != 0;
        boolean s = (flags & FLAG_S) != 0;
        int hlen = BASE_LENGTH + (c ? 4 : 0) + (k ? 4 : 0) + (s ? 4 : 0);
        if (len < hlen) {
            throw new MalformedPacketException(WireDrop.GRE_TRUNCATED, len + " bytes, header needs " + hlen);
        }
        int p = off + BASE_LENGTH;
        if (c) {
            if (InternetChecksum.sum(buf, off, len, 0) != 0xffff) {
                throw new MalformedPacketException(WireDrop.GRE_BAD_CHECKSUM,
                        String.format("checksum 0x%04x does not verify", u16(buf, p)));
            }
            p += 4;
        }
        long key = 0;
        if (k) {
            key = u32(buf, p);
            p += 4;
        }
        long seq = 0;
        if (s) {
            seq = u32(buf, p);
        }
        return new GreHeader(c, k, s, u16(buf, off + 2), key, seq);
    }

    /**
     * Writes the header at {@code buf[off]} and returns its length. If a checksum is present its
     * field is written as zero: call {@link #fillChecksum} once the payload is in place.
     */
    public static int encode(GreHeader h, byte[] buf, int off) {
        int flags = (h.checksumPresent() ? FLAG_C : 0) | (h.keyPresent() ? FLAG_K : 0)
                | (h.sequencePresent() ? FLAG_S : 0);
        putU16(buf, off, flags);
        putU16(buf, off + 2, h.protocolType());
        int p = off + BASE_LENGTH;
        if (h.checksumPresent()) {
            putU32(buf, p, 0);
            p += 4;
        }
        if (h.keyPresent()) {
            putU32(buf, p, h.key());
            p += 4;
        }
        if (h.sequencePresent()) {
            putU32(buf, p, h.sequence());
            p += 4;
        }
        return p - off;
    }

    /**
     * Computes and stores the checksum of the GRE packet at {@code buf[off .. off+len)} (header
     * plus payload). Does nothing when the C bit is clear.
     */
    public static void fillChecksum(byte[] buf, int off, int len) {
        if ((u16(buf, off) & FLAG_C) == 0) {
            return;
        }
        buf[off + 4] = 0;
        buf[off + 5] = 0;
        putU16(buf, off + 4, InternetChecksum.finish(InternetChecksum.sum(buf, off, len, 0)));
    }

    /**
     * Prepends {@code h} to the packet in {@code pb} (the payload) and, when the C bit is set,
     * computes the checksum over header and payload. Returns the offset of the GRE header.
     */
    public static int push(PacketBuffer pb, GreHeader h) {
        int at = pb.push(h.length());
        encode(h, pb.array(), at);
        fillChecksum(pb.array(), at, pb.length());
        return at;
    }

    // ---- cheap accessors for the receive path (no validation: decode first or check length) ----

    /** Header length implied by the C, K and S bits of the header at {@code buf[off]}. */
    public static int headerLength(byte[] buf, int off) {
        int flags = u16(buf, off);
        return BASE_LENGTH + ((flags & FLAG_C) != 0 ? 4 : 0) + ((flags & FLAG_K) != 0 ? 4 : 0)
                + ((flags & FLAG_S) != 0 ? 4 : 0);
    }

    public static int protocolType(byte[] buf, int off) {
        return u16(buf, off + 2);
    }

    public static boolean keyPresent(byte[] buf, int off) {
        return (u16(buf, off) & FLAG_K) != 0;
    }

    /** The key field; meaningful only when {@link #keyPresent} is true. */
    public static long key(byte[] buf, int off) {
        int flags = u16(buf, off);
        return u32(buf, off + BASE_LENGTH + ((flags & FLAG_C) != 0 ? 4 : 0));
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static long u32(byte[] b, int p) {
        return ((long) u16(b, p) << 16) | u16(b, p + 2);
    }

    private static void putU16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    private static void putU32(byte[] b, int p, long v) {
        putU16(b, p, (int) (v >>> 16) & 0xffff);
        putU16(b, p + 2, (int) v & 0xffff);
    }
}
