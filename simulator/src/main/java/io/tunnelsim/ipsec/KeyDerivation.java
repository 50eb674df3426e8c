package io.tunnelsim.ipsec;

import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic keying for {@code keys: auto}: the SPI and keys of an SA follow from the scenario
 * seed, the two peers, the SA generation (incremented on every rekey) and the direction, so a
 * scenario run twice produces identical ciphertext, and the Wireshark SA table can be written
 * before the first packet.
 *
 * <p>The derivation is HKDF with HMAC-SHA-256 (RFC 5869):
 * <pre>
 *   lo, hi = the two peer names, sorted (String order)
 *   PRK    = HMAC-SHA-256(key = "tunnelsim ipsec keys auto v1", seed as 8 bytes big-endian)
 *   info   = lo || 0x00 || hi || 0x00 || generation (4 bytes) || direction (1 byte: 0 = lo to hi,
 *            1 = hi to lo) || encryption name || 0x00 || integrity name        (names in UTF-8,
 *            algorithm names are the enum constants, e.g. AES_GCM_128_16, HMAC_SHA256_128)
 *   OKM    = HKDF-Expand(PRK, info, 4 + key material length + integrity key length)
 *   SPI    = 256 + (OKM[0..4) as unsigned 32-bit) mod (2^32 - 256)   (never a reserved SPI)
 *   encryption key material = the next bytes (GCM: key then salt), integrity key = the rest
 * </pre>
 * Different peers, generations, directions or algorithms give unrelated keys and SPIs. SPIs of
 * different SAs can still collide by chance (probability about n^2 / 2^33); {@link Sad#addInbound}
 * rejects a duplicate, and a caller can then move to the next generation.
 *
 * <p>Simplifications: this replaces IKE. The keys are only as secret as the seed, which is
 * intended: the simulator publishes them for packet captures anyway.
 */
public final class KeyDerivation {
    private static final byte[] EXTRACT_SALT = "tunnelsim ipsec keys auto v1".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_LENGTH = 32;

    /** An SA's derived SPI and keys. */
    public record SaKeys(long spi, byte[] encryptionKey, byte[] integrityKey) {
        public SaKeys {
            encryptionKey = encryptionKey.clone();
            integrityKey = integrityKey.clone();
        }

        @Override
        public byte[] encryptionKey() {
            return encryptionKey.clone();
        }

        @Override
        public byte[] integrityKey() {
            return integrityKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SaKeys k && k.spi == spi && Arrays.equals(k.encryptionKey, encryptionKey)
                    && Arrays.equals(k.integrityKey, integrityKey);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(spi) * 31 + Arrays.hashCode(encryptionKey);
        }

        @Override
        public String toString() {
            return "SaKeys[spi=0x" + Long.toHexString(spi) + "]";
        }
    }

    private KeyDerivation() {
    }

    /**
     * Derives the SPI and keys of the SA carrying traffic from {@code sender} to {@code receiver}.
     *
     * @param generation 0 for the first SA pair, incremented on each rekey
     */
    public static SaKeys derive(long seed, String sender, String receiver, int generation,
                                EspEncryption encryption, EspIntegrity integrity) {
        if (sender == null || receiver == null || sender.equals(receiver)) {
            throw new IllegalArgumentException("key derivation needs two distinct peer names, got " + sender + " and " + receiver);
        }
        if (generation < 0) {
            throw new IllegalArgumentException("SA generation " + generation + " is negative");
        }
        boolean senderIsLow = sender.compareTo(receiver) < 0;
        String lo = senderIsLow ? sender : receiver;
        String hi = senderIsLow ? receiver : sender;

        byte[] ikm = new byte[8];
        for (int i = 0; i < 8; i++) {
            ikm[i] = (byte) (seed >>> (56 - 8 * i));
        }
        byte[] prk = hmac(EXTRACT_SALT, ikm);

        byte[] loBytes = lo.getBytes(StandardCharsets.UTF_8);
        byte[] hiBytes = hi.getBytes(StandardCharsets.UTF_8);
        byte[] encName = encryption.name().getBytes(StandardCharsets.US_ASCII);
        byte[] intName = integrity.name().getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[loBytes.length + 1 + hiBytes.length + 1 + 4 + 1 + encName.length + 1 + intName.length];
        int p = 0;
        System.arraycopy(loBytes, 0, info, p, loBytes.length);
        p += loBytes.length + 1;
        System.arraycopy(hiBytes, 0, info, p, hiBytes.length);
        p += hiBytes.length + 1;
        info[p++] = (byte) (generation >>> 24);
        info[p++] = (byte) (generation >>> 16);
        info[p++] = (byte) (generation >>> 8);
        info[p++] = (byte) generation;
        info[p++] = (byte) (senderIsLow ? 0 : 1);
        System.arraycopy(encName, 0, info, p, encName.length);
        p += encName.length + 1;
        System.arraycopy(intName, 0, info, p, intName.length);

        int encLength = encryption.keyMaterialLength();
        int intLength = integrity.keyLength();
        byte[] okm = expand(prk, info, 4 + encLength + intLength);
        long raw = Esp.readU32(okm, 0);
        long spi = Esp.MIN_SPI + raw % (Esp.MAX_SPI + 1 - Esp.MIN_SPI);
        return new SaKeys(spi, Arrays.copyOfRange(okm, 4, 4 + encLength),
                Arrays.copyOfRange(okm, 4 + encLength, 4 + encLength + intLength));
    }

    /** HKDF-Expand, RFC 5869 §2.3. */
    static byte[] expand(byte[] prk, byte[] info, int length) {
        byte[] okm = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int counter = 1; done < length; counter++) {
            byte[] input = new byte[t.length + info.length + 1];
            System.arraycopy(t, 0, input, 0, t.length);
            System.arraycopy(info, 0, input, t.length, info.length);
            input[input.length - 1] = (byte) counter;
            t = hmac(prk, input);
            int n = Math.min(HASH_LENGTH, length - done);
            System.arraycopy(t, 0, okm, done, n);
            done += n;
        }
        return okm;
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a mandatory JDK algorithm", e);
        }
    }
}
