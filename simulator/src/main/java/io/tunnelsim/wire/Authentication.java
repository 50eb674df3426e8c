package io.tunnelsim.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Authentication configured on an OSPF or RIP interface: none, a clear-text password (OSPF
 * AuType 1, RFC 2328 §D.3; RIPv2 authentication type 2, RFC 2453 §5.2) or keyed MD5 with a key
 * ID (OSPF AuType 2, RFC 2328 §D.3; RIPv2 authentication type 3, RFC 2082).
 *
 * <p>The key is ASCII. Keyed MD5 pads it with zeros to 16 bytes (RFC 2328 §D.4.3, RFC 2082
 * §3.2.1); a clear-text password is zero padded to the field (8 bytes in OSPF, 16 in RIP).
 *
 * @param mode {@link Mode#NONE}, {@link Mode#SIMPLE} or {@link Mode#MD5}
 * @param key the password or the MD5 secret (null for NONE)
 * @param keyId 0..255, the key ID carried by keyed-MD5 packets (0 otherwise)
 */
public record Authentication(Mode mode, String key, int keyId) {
    /** Longest MD5 secret (RFC 2328 §D.4.3, RFC 2082 §3.2.1: 16 bytes). */
    public static final int MD5_KEY_LENGTH = 16;
    /** Length of a keyed-MD5 digest. */
    public static final int DIGEST_LENGTH = 16;
    public static final Authentication NONE = new Authentication(Mode.NONE, null, 0);

    public enum Mode {
        NONE, SIMPLE, MD5
    }

    public Authentication {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.NONE) {
            if (key != null || keyId != 0) {
                throw new IllegalArgumentException("no authentication takes no key");
            }
        } else {
            Objects.requireNonNull(key, "key");
            if (key.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(key) || key.length() > MD5_KEY_LENGTH) {
                throw new IllegalArgumentException("an authentication key is 1 to 16 ASCII characters");
            }
            if (keyId < 0 || keyId > 255 || (mode == Mode.SIMPLE && keyId != 0)) {
                throw new IllegalArgumentException("key ID " + keyId + " (0-255, and only with md5)");
            }
        }
    }

    public static Authentication simple(String password) {
        return new Authentication(Mode.SIMPLE, password, 0);
    }

    public static Authentication md5(int keyId, String key) {
        return new Authentication(Mode.MD5, key, keyId);
    }

    /** The key zero padded (or cut) to {@code n} bytes. */
    public byte[] paddedKey(int n) {
        byte[] out = new byte[n];
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(k, 0, out, 0, Math.min(n, k.length));
        return out;
    }

    /** A fresh MD5 instance (every JRE has MD5). */
    public static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why two ends with authentication {@code x} (at {@code a}) and {@code y} (at {@code b}) refuse
     * each other's packets (RFC 2328 §D, RFC 2453 §5.2, RFC 2082), or null when they agree.
     */
    public static String mismatch(Object a, Authentication x, Object b, Authentication y) {
        if (x.equals(y)) {
            return null;
        }
        return x.mode() != y.mode() ? a + " uses " + x + ", " + b + " " + y
                : x.keyId() != y.keyId() ? a + " sends key ID " + x.keyId() + ", " + b + " " + y.keyId()
                : "the keys of " + a + " and " + b + " differ";
    }

    /** A description without the secret, for logs and show commands. */
    @Override
    public String toString() {
        return switch (mode) {
            case NONE -> "none";
            case SIMPLE -> "simple";
            case MD5 -> "md5 key-id " + keyId;
        };
    }
}
