package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An OSPFv2 packet (RFC 2328 §A.3.1): the header fields that are not derived (version, type,
 * packet length and checksum are computed by {@link OspfCodec}) and the typed body.
 *
 * @param auType {@link #AUTH_NULL}, {@link #AUTH_SIMPLE} or {@link #AUTH_CRYPTOGRAPHIC}
 * @param authentication the 64-bit authentication field as an unsigned big-endian number: the
 *        password for simple authentication; key ID, digest length and crypto sequence number
 *        for cryptographic authentication (§D.3)
 */
public record OspfPacket(Ipv4Address routerId, Ipv4Address areaId, int auType, long authentication,
                         OspfMessage message) {

    public static final int AUTH_NULL = 0;
    public static final int AUTH_SIMPLE = 1;
    public static final int AUTH_CRYPTOGRAPHIC = 2;

    public OspfPacket {
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(areaId, "areaId");
        Objects.requireNonNull(message, "message");
        if (auType < AUTH_NULL || auType > AUTH_CRYPTOGRAPHIC) {
            throw new IllegalArgumentException("AuType " + auType);
        }
        if (auType == AUTH_NULL && authentication != 0) {
            throw new IllegalArgumentException("null authentication with a non-zero authentication field");
        }
    }

    /** A packet with null authentication. */
    public static OspfPacket of(Ipv4Address routerId, Ipv4Address areaId, OspfMessage message) {
        return new OspfPacket(routerId, areaId, AUTH_NULL, 0, message);
    }

    /** A packet with simple password authentication; the password is up to 8 ASCII characters, zero padded. */
    public static OspfPacket withPassword(Ipv4Address routerId, Ipv4Address areaId, String password,
                                          OspfMessage message) {
        return new OspfPacket(routerId, areaId, AUTH_SIMPLE, passwordField(password), message);
    }

    /** The 64-bit authentication field for a simple password (RFC 2328 §D.3). */
    public static long passwordField(String password) {
        byte[] b = password.getBytes(StandardCharsets.US_ASCII);
        if (b.length > 8) {
            throw new IllegalArgumentException("OSPF password longer than 8 characters");
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (i < b.length ? b[i] & 0xff : 0);
        }
        return v;
    }

    /** A keyed-MD5 packet (§D.3): key ID, digest length 16, cryptographic sequence number. */
    public static OspfPacket withMd5(Ipv4Address routerId, Ipv4Address areaId, int keyId, long cryptoSequence,
                                     OspfMessage message) {
        if (keyId < 0 || keyId > 255 || cryptoSequence < 0 || cryptoSequence > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("key ID " + keyId + " / sequence " + cryptoSequence);
        }
        return new OspfPacket(routerId, areaId, AUTH_CRYPTOGRAPHIC,
                ((long) keyId << 40) | ((long) Authentication.DIGEST_LENGTH << 32) | cryptoSequence, message);
    }

    /** The key ID of a keyed-MD5 packet. */
    public int keyId() {
        return (int) (authentication >>> 40) & 0xff;
    }

    /** The cryptographic sequence number of a keyed-MD5 packet (unsigned 32 bits). */
    public long cryptoSequence() {
        return authentication & 0xFFFF_FFFFL;
    }

    public int type() {
        return message.type();
    }
}
