package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.security.MessageDigest;
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
 * authentication entry (address family 0xFFFF) of a type other than 2 or 3
 * ({@code rip-auth-unsupported}), not first, or a keyed-MD5 trailer out of place
 * ({@code rip-bad-auth}).
 *
 * <p>Authentication: the first entry may be an authentication entry (AFI 0xFFFF). Type 2
 * (RFC 2453 §5.2) carries a 16-byte clear-text password. Type 3, keyed MD5 (RFC 2082 §3.1),
 * carries the offset of the trailer ("packet length"), key ID, auth data length and sequence
 * number; the trailer (AFI 0xFFFF, type 1, 16-byte digest) follows the route entries; the
 * digest is MD5 over the message up to the digest followed by the key zero padded to 16
 * bytes. FRR writes an auth data length of 20 (its "old-ripd" default, counting the
 * trailer's header), RFC 2082 16: both are read and written as given. {@link #decode} returns
 * the route entries only; {@link #authentication} reads the authentication entry and
 * {@link #verify} checks it against an interface's configuration.
 *
 * <p>Simplifications: RFC 4822 (HMAC-SHA) is not supported. Version 1 packets decode (the caller
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
    /** Authentication types: clear-text password (RFC 2453 §5.2), keyed MD5 (RFC 2082). */
    public static final int AUTH_SIMPLE = 2;
    public static final int AUTH_MD5 = 3;
    /** The RIPv2 multicast group 224.0.0.9. */
    public static final Ipv4Address RIP2_ROUTERS = Ipv4Address.of(224, 0, 0, 9);

    private RipCodec() {
    }

    public static RipPacket decode(byte[] buf, int off, int len) throws MalformedPacketException {
        int range = check(buf, off, len);
        int first = firstEntry(range);
        int last = endEntry(range);
        List<RipEntry> entries = new ArrayList<>(last - first);
        for (int i = first; i < last; i++) {
            int p = entryOffset(off, i);
            entries.add(new RipEntry(u16(buf, p), u16(buf, p + 2), Ipv4Address.read(buf, p + 4), Ipv4Address.read(buf, p + 8),
                    Ipv4Address.read(buf, p + 12), entryMetric(buf, p)));
        }
        return new RipPacket(buf[off] & 0xff, buf[off + 1] & 0xff, entries);
    }

    /**
     * Applies every check of {@link #decode} to the message at {@code buf[off]} without building
     * it, and returns the range of its route entries (authentication entry and trailer
     * excluded): read it with {@link #firstEntry} and {@link #endEntry}, the entries themselves
     * with {@link #entryOffset} and the {@code entry*} readers. A caller that needs only the
     * fields (a router processing a response) reads the same checked bytes {@code decode} would.
     */
    public static int check(byte[] buf, int off, int len) throws MalformedPacketException {
        if (len < HEADER_LENGTH) {
            throw new MalformedPacketException(WireDrop.RIP_TRUNCATED, len + " bytes, need 4");
        }
        if ((len - HEADER_LENGTH) % ENTRY_LENGTH != 0) {
            throw new MalformedPacketException(WireDrop.RIP_BAD_LENGTH, len + " bytes is not 4 + 20k");
        }
        int n = (len - HEADER_LENGTH) / ENTRY_LENGTH;
        if (n > RipPacket.MAX_ENTRIES) {
            throw new MalformedPacketException(WireDrop.RIP_TOO_MANY_ENTRIES, n + " entries, at most 25");
        }
        int command = buf[off] & 0xff;
        int version = buf[off + 1] & 0xff;
        if (version == 0) {
            throw new MalformedPacketException(WireDrop.RIP_BAD_VERSION, "version 0");
        }
        if (command != RipPacket.REQUEST && command != RipPacket.RESPONSE) {
            throw new MalformedPacketException(WireDrop.RIP_BAD_COMMAND, "command " + command);
        }
        int first = 0;
        int last = n;
        if (n > 0 && u16(buf, off + HEADER_LENGTH) == AFI_AUTHENTICATION) {
            int at = u16(buf, off + HEADER_LENGTH + 2);
            first = 1;
            if (at == AUTH_MD5) {
                int trailer = u16(buf, off + HEADER_LENGTH + 4);
                if (trailer < HEADER_LENGTH + ENTRY_LENGTH || (trailer - HEADER_LENGTH) % ENTRY_LENGTH != 0
                        || trailer + ENTRY_LENGTH != len || u16(buf, off + trailer) != AFI_AUTHENTICATION
                        || u16(buf, off + trailer + 2) != 1) {
                    throw new MalformedPacketException(WireDrop.RIP_BAD_AUTH, "keyed-MD5 trailer not at offset " + trailer);
                }
                last = (trailer - HEADER_LENGTH) / ENTRY_LENGTH;
            } else if (at != AUTH_SIMPLE) {
                throw new MalformedPacketException(WireDrop.RIP_AUTH_UNSUPPORTED, "authentication type " + at);
            }
        }
        for (int i = first; i < last; i++) {
            int p = entryOffset(off, i);
            if (u16(buf, p) == AFI_AUTHENTICATION) {
                throw new MalformedPacketException(WireDrop.RIP_BAD_AUTH, "authentication entry " + i + " is not the first");
            }
            long metric = u32(buf, p + 16);
            if (metric < 1 || metric > RipEntry.INFINITY) {
                throw new MalformedPacketException(WireDrop.RIP_BAD_METRIC, "metric " + metric + " in entry " + i);
            }
        }
        return first << 8 | last;
    }

    /** Index of the first route entry in a range returned by {@link #check}. */
    public static int firstEntry(int range) {
        return range >>> 8;
    }

    /** One past the index of the last route entry in a range returned by {@link #check}. */
    public static int endEntry(int range) {
        return range & 0xff;
    }

    /** Offset of entry {@code i} of the message at {@code off}. */
    public static int entryOffset(int off, int i) {
        return off + HEADER_LENGTH + i * ENTRY_LENGTH;
    }

    public static int entryAddressFamily(byte[] buf, int entry) {
        return u16(buf, entry);
    }

    public static int entryRouteTag(byte[] buf, int entry) {
        return u16(buf, entry + 2);
    }

    public static int entryAddress(byte[] buf, int entry) {
        return Ipv4Address.readBits(buf, entry + 4);
    }

    public static int entryMask(byte[] buf, int entry) {
        return Ipv4Address.readBits(buf, entry + 8);
    }

    public static int entryNextHop(byte[] buf, int entry) {
        return Ipv4Address.readBits(buf, entry + 12);
    }

    /** The metric of a checked entry (1–16). */
    public static int entryMetric(byte[] buf, int entry) {
        return Ipv4Address.readBits(buf, entry + 16);
    }

    /** Writes the 4-byte header of a message at {@code buf[off]}. */
    public static void writeHeader(byte[] buf, int off, int command, int version) {
        buf[off] = (byte) command;
        buf[off + 1] = (byte) version;
        buf[off + 2] = 0;
        buf[off + 3] = 0;
    }

    /** Writes one 20-byte route entry at {@code buf[p]}, as {@link #encode} writes a {@link RipEntry}. */
    public static void writeEntry(byte[] buf, int p, int addressFamily, int routeTag, int address, int mask, int nextHop,
                                  int metric) {
        putU16(buf, p, addressFamily);
        putU16(buf, p + 2, routeTag);
        Ipv4Address.writeBits(buf, p + 4, address);
        Ipv4Address.writeBits(buf, p + 8, mask);
        Ipv4Address.writeBits(buf, p + 12, nextHop);
        Ipv4Address.writeBits(buf, p + 16, metric);
    }

    /**
     * The authentication entry of a message (already accepted by {@link #decode}), or null
     * when it has none.
     *
     * @param type {@link #AUTH_SIMPLE} or {@link #AUTH_MD5}
     * @param password the 16-byte password field of type 2 (zero padded)
     * @param trailerOffset type 3: offset of the trailer from the RIP header
     */
    public record AuthField(int type, byte[] password, int trailerOffset, int keyId, int authDataLength, long sequence) {
        public static AuthField md5(int keyId, int authDataLength, long sequence) {
            return new AuthField(AUTH_MD5, null, 0, keyId, authDataLength, sequence);
        }

        public static AuthField simple(byte[] password16) {
            return new AuthField(AUTH_SIMPLE, password16, 0, 0, 0, 0);
        }
    }

    public static AuthField authentication(byte[] buf, int off, int len) {
        if (len < HEADER_LENGTH + ENTRY_LENGTH || u16(buf, off + HEADER_LENGTH) != AFI_AUTHENTICATION) {
            return null;
        }
        int p = off + HEADER_LENGTH;
        int type = u16(buf, p + 2);
        if (type == AUTH_SIMPLE) {
            byte[] pw = new byte[16];
            System.arraycopy(buf, p + 4, pw, 0, 16);
            return new AuthField(type, pw, 0, 0, 0, 0);
        }
        return new AuthField(type, null, u16(buf, p + 4), buf[p + 6] & 0xff, buf[p + 7] & 0xff, u32(buf, p + 8));
    }

    /**
     * Checks a received message at {@code buf[off]} ({@code len} bytes) against the receiving
     * interface's authentication (RFC 2453 §5.2, RFC 2082 §3.2.2); returns null when it is
     * accepted, else the drop reason's label: {@code rip-auth-mismatch} (authenticated message
     * on an interface without authentication, or another type, or none where one is
     * configured; a wrong password), {@code rip-auth-bad-key-id}, {@code rip-auth-bad-digest}.
     */
    public static String verify(byte[] buf, int off, int len, Authentication a, MessageDigest md, byte[] scratch) {
        WireDrop r = authFailure(buf, off, len, a, md, scratch);
        return r == null ? null : r.label();
    }

    /**
     * As {@link #verify}, the reason typed: null when the message is accepted, else
     * {@link WireDrop#RIP_AUTH_MISMATCH}, {@link WireDrop#RIP_AUTH_BAD_KEY_ID} or
     * {@link WireDrop#RIP_AUTH_BAD_DIGEST}.
     */
    public static WireDrop authFailure(byte[] buf, int off, int len, Authentication a, MessageDigest md, byte[] scratch) {
        AuthField f = authentication(buf, off, len);
        if (a.mode() == Authentication.Mode.NONE) {
            return f == null ? null : WireDrop.RIP_AUTH_MISMATCH;
        }
        int want = a.mode() == Authentication.Mode.SIMPLE ? AUTH_SIMPLE : AUTH_MD5;
        if (f == null || f.type() != want) {
            return WireDrop.RIP_AUTH_MISMATCH;
        }
        if (want == AUTH_SIMPLE) {
            return java.util.Arrays.equals(f.password(), a.paddedKey(16)) ? null : WireDrop.RIP_AUTH_MISMATCH;
        }
        if (f.keyId() != a.keyId()) {
            return WireDrop.RIP_AUTH_BAD_KEY_ID;
        }
        int digestAt = off + f.trailerOffset() + 4;
        md.reset();
        md.update(buf, off, f.trailerOffset() + 4);
        md.update(a.paddedKey(Authentication.MD5_KEY_LENGTH));
        try {
            md.digest(scratch, 0, Authentication.DIGEST_LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        int d = 0;
        for (int i = 0; i < Authentication.DIGEST_LENGTH; i++) {
            d |= scratch[i] ^ buf[digestAt + i];
        }
        return d == 0 ? null : WireDrop.RIP_AUTH_BAD_DIGEST;
    }

    /** Bytes of the message with an authentication entry (and a keyed-MD5 trailer) of type {@code auth}. */
    public static int encodedLength(RipPacket m, AuthField auth) {
        return m.encodedLength() + (auth == null ? 0 : auth.type() == AUTH_MD5 ? 2 * ENTRY_LENGTH : ENTRY_LENGTH);
    }

    /**
     * Writes the message with the authentication entry {@code auth} (null: none) at
     * {@code buf[off]}; keyed MD5 also gets its trailer and digest, from {@code key16} and
     * {@code md}. Returns the length.
     */
    public static int encode(RipPacket m, AuthField auth, byte[] key16, MessageDigest md, byte[] buf, int off) {
        if (auth == null) {
            return encode(m, buf, off);
        }
        buf[off] = (byte) m.command();
        buf[off + 1] = (byte) m.version();
        buf[off + 2] = 0;
        buf[off + 3] = 0;
        int p = off + HEADER_LENGTH;
        putU16(buf, p, AFI_AUTHENTICATION);
        putU16(buf, p + 2, auth.type());
        int trailer = HEADER_LENGTH + ENTRY_LENGTH * (1 + m.entries().size());
        if (auth.type() == AUTH_SIMPLE) {
            System.arraycopy(auth.password(), 0, buf, p + 4, 16);
        } else {
            putU16(buf, p + 4, trailer);
            buf[p + 6] = (byte) auth.keyId();
            buf[p + 7] = (byte) auth.authDataLength();
            Ipv4Address.writeBits(buf, p + 8, (int) auth.sequence());
            java.util.Arrays.fill(buf, p + 12, p + 20, (byte) 0);
        }
        int n = encode(m, buf, p + ENTRY_LENGTH - HEADER_LENGTH) - HEADER_LENGTH; // entries after the auth entry
        // encode() rewrote the 4 header bytes where the auth entry's last 4 bytes end: restore them
        if (auth.type() == AUTH_SIMPLE) {
            System.arraycopy(auth.password(), 12, buf, p + 16, 4);
        } else {
            java.util.Arrays.fill(buf, p + 16, p + 20, (byte) 0);
        }
        p += ENTRY_LENGTH + n;
        if (auth.type() == AUTH_MD5) {
            putU16(buf, p, AFI_AUTHENTICATION);
            putU16(buf, p + 2, 1);
            md.reset();
            md.update(buf, off, p + 4 - off);
            md.update(key16, 0, Authentication.MD5_KEY_LENGTH);
            try {
                md.digest(buf, p + 4, Authentication.DIGEST_LENGTH);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            p += ENTRY_LENGTH;
        }
        return p - off;
    }

    /** Writes the message at {@code buf[off]} and returns its length. */
    public static int encode(RipPacket m, byte[] buf, int off) {
        writeHeader(buf, off, m.command(), m.version());
        int p = off + HEADER_LENGTH;
        for (RipEntry e : m.entries()) {
            writeEntry(buf, p, e.addressFamily(), e.routeTag(), e.address().bits(), e.mask().bits(), e.nextHop().bits(),
                    e.metric());
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
