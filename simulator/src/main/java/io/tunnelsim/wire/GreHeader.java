package io.tunnelsim.wire;

/**
 * A GRE header (RFC 2784 with the RFC 2890 key and sequence number extensions).
 *
 * <p>The checksum value itself is not part of the record: {@link GreCodec} computes it when
 * encoding and verifies it when decoding, so a header only says whether one is present.
 * {@code key} and {@code sequence} are unsigned 32-bit values and are zero when absent.
 *
 * @param checksumPresent the C bit: checksum and reserved1 fields are present
 * @param keyPresent the K bit (RFC 2890 §2.1)
 * @param sequencePresent the S bit (RFC 2890 §2.1)
 * @param protocolType EtherType of the payload, e.g. {@link #IPV4} or {@link #IPV6}
 * @param key the key field, 0..2^32-1; 0 when {@code keyPresent} is false
 * @param sequence the sequence number field, 0..2^32-1; 0 when {@code sequencePresent} is false
 */
public record GreHeader(boolean checksumPresent, boolean keyPresent, boolean sequencePresent,
                        int protocolType, long key, long sequence) {

    /** EtherType of an IPv4 payload. */
    public static final int IPV4 = 0x0800;
    /** EtherType of an IPv6 payload. */
    public static final int IPV6 = 0x86DD;
    /** Transparent Ethernet bridging, recognised but not forwarded by the simulator. */
    public static final int TRANSPARENT_ETHERNET = 0x6558;

    public GreHeader {
        if (protocolType < 0 || protocolType > 0xffff) {
            throw new IllegalArgumentException("protocol type out of range: " + protocolType);
        }
        if (key < 0 || key > 0xffff_ffffL || (!keyPresent && key != 0)) {
            throw new IllegalArgumentException("key out of range or set without K bit: " + key);
        }
        if (sequence < 0 || sequence > 0xffff_ffffL || (!sequencePresent && sequence != 0)) {
            throw new IllegalArgumentException("sequence out of range or set without S bit: " + sequence);
        }
    }

    /** A basic 4-byte header with no optional fields. */
    public static GreHeader of(int protocolType) {
        return new GreHeader(false, false, false, protocolType, 0, 0);
    }

    public GreHeader withChecksum() {
        return new GreHeader(true, keyPresent, sequencePresent, protocolType, key, sequence);
    }

    public GreHeader withKey(long newKey) {
        return new GreHeader(checksumPresent, true, sequencePresent, protocolType, newKey, sequence);
    }

    public GreHeader withSequence(long newSequence) {
        return new GreHeader(checksumPresent, keyPresent, true, protocolType, key, newSequence);
    }

    /** Encoded length in bytes: 4, plus 4 for each optional field present. */
    public int length() {
        return 4 + (checksumPresent ? 4 : 0) + (keyPresent ? 4 : 0) + (sequencePresent ? 4 : 0);
    }
}
