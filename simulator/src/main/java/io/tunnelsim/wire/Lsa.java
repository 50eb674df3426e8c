package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.Arrays;

/**
 * One LSA as a link-state database stores it: its exact bytes (what is flooded and
 * checksummed) together with the decoded header and body. Immutable; the bytes are never
 * exposed, only copied out.
 *
 * <p>Instances that differ only in their LS age (the same LSA aged in a database, or with
 * InfTransDelay added for flooding) share one byte array: its first two bytes hold the age
 * of whichever instance created it, and the age of each is written from its header
 * wherever the bytes leave the object ({@link #copyTo}, {@link #toByteArray}).
 *
 * <p>Two {@code Lsa} objects are equal when their bytes are equal (age included). Whether two
 * instances are the same instance in the RFC 2328 §13.1 sense is
 * {@link LsaHeader#compareInstance}; whether their contents differ for the purpose of
 * scheduling a routing table calculation (§13.2) is {@link #contentsDiffer}.
 */
public final class Lsa {
    private final byte[] bytes;
    private final LsaHeader header;
    /**
     * The decoded body; for a received LSA null until first asked for. {@link #decode} has
     * already checked the body's structure, so decoding it later cannot fail. A copy that is
     * only compared with the database (not newer, or an instance already held elsewhere) is
     * never decoded. Bodies are immutable, so a racing second decode is harmless.
     */
    private LsaBody body;

    private Lsa(byte[] bytes, LsaHeader header, LsaBody body) {
        this.bytes = bytes;
        this.header = header;
        this.body = body;
    }

    /**
     * Builds a new LSA instance: encodes header and body, sets the length and the Fletcher
     * checksum. The LS type comes from the body.
     */
    public static Lsa originate(int age, int options, Ipv4Address linkStateId, Ipv4Address advertisingRouter,
                                int sequenceNumber, LsaBody body) {
        if (sequenceNumber == LsaHeader.RESERVED_SEQUENCE_NUMBER) {
            throw new IllegalArgumentException("sequence number 0x80000000 is reserved");
        }
        int length = LsaHeader.LENGTH + LsaCodec.bodyLength(body);
        byte[] b = new byte[length];
        LsaHeader h = new LsaHeader(age, options, body.type(), linkStateId, advertisingRouter, sequenceNumber, 0,
                length);
        LsaCodec.encodeHeader(h, b, 0);
        LsaCodec.encodeBody(body, b, LsaHeader.LENGTH);
        int checksum = LsaChecksum.compute(b, 0, length);
        LsaCodec.putU16(b, LsaChecksum.CHECKSUM_OFFSET, checksum);
        return new Lsa(b, new LsaHeader(age, options, body.type(), linkStateId, advertisingRouter, sequenceNumber,
                checksum, length), body);
    }

    /**
     * Decodes and verifies the LSA at {@code buf[off]}; {@code len} is the number of bytes
     * available, of which the LSA uses its length field's worth. The bytes are copied.
     * Every check of the codec is made here (length, Fletcher checksum, sequence number, the
     * body's structure); only building the body objects is left until {@link #body()} is
     * first called.
     */
    public static Lsa decode(byte[] buf, int off, int len) throws MalformedPacketException {
        LsaHeader h = LsaCodec.decodeHeader(buf, off, len);
        if (h.length() > len) {
            throw new MalformedPacketException(WireDrop.LSA_TRUNCATED, "length field " + h.length() + ", " + len + " bytes");
        }
        if (!LsaChecksum.verify(buf, off, h.length())) {
            throw new MalformedPacketException(WireDrop.LSA_BAD_CHECKSUM,
                    String.format("%s: checksum 0x%04x does not verify", h.key(), h.checksum()));
        }
        if (h.sequenceNumber() == LsaHeader.RESERVED_SEQUENCE_NUMBER) {
            throw new MalformedPacketException(WireDrop.LSA_BAD_SEQUENCE, h.key() + ": reserved sequence number");
        }
        LsaCodec.checkBody(h.type(), buf, off + LsaHeader.LENGTH, h.length() - LsaHeader.LENGTH);
        return new Lsa(Arrays.copyOfRange(buf, off, off + h.length()), h, null);
    }

    public LsaHeader header() {
        return header;
    }

    public LsaBody body() {
        LsaBody b = body;
        if (b == null) {
            try {
                b = LsaCodec.decodeBody(header.type(), bytes, LsaHeader.LENGTH, bytes.length - LsaHeader.LENGTH);
            } catch (MalformedPacketException e) {
                throw new IllegalStateException("body checked on decode no longer decodes: " + header, e);
            }
            body = b;
        }
        return b;
    }

    public LsaKey key() {
        return header.key();
    }

    public int length() {
        return bytes.length;
    }

    public int age() {
        return header.age();
    }

    /**
     * The same LSA with a different LS age (aging in the database, or InfTransDelay added on
     * flooding). The checksum does not cover the age, so it stays valid.
     */
    public Lsa withAge(int newAge) {
        if (newAge == header.age()) {
            return this;
        }
        LsaHeader h = header;
        return new Lsa(bytes, new LsaHeader(newAge, h.options(), h.type(), h.linkStateId(), h.advertisingRouter(),
                h.sequenceNumber(), h.checksum(), h.length()), body);
    }

    /** Copies the LSA's bytes into {@code dst[off]} and returns its length. */
    public int copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
        LsaCodec.putU16(dst, off, header.age());
        return bytes.length;
    }

    public byte[] toByteArray() {
        byte[] b = bytes.clone();
        LsaCodec.putU16(b, 0, header.age());
        return b;
    }

    /**
     * RFC 2328 §13.2: true when the contents of the two instances differ — options, MaxAge
     * status, length, or the body — which is what triggers a routing table calculation. The
     * age, sequence number and checksum do not count.
     */
    public boolean contentsDiffer(Lsa other) {
        if (header.options() != other.header.options() || header.isMaxAge() != other.header.isMaxAge()
                || bytes.length != other.bytes.length) {
            return true;
        }
        return !Arrays.equals(bytes, LsaHeader.LENGTH, bytes.length, other.bytes, LsaHeader.LENGTH,
                other.bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lsa l && header.age() == l.header.age() && bytes.length == l.bytes.length
                && Arrays.equals(bytes, 2, bytes.length, l.bytes, 2, l.bytes.length);
    }

    @Override
    public int hashCode() {
        int h = header.age();
        for (int i = 2; i < bytes.length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return header.toString();
    }
}
