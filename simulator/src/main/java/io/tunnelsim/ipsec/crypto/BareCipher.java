package io.tunnelsim.ipsec.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The raw primitives behind the ESP transforms, without any ESP framing, from the JDK's provider
 * ({@code jdk*}) and from BouncyCastle: the baseline against which benchmarks measure what
 * sequence numbers, padding, headers and replay checks cost. Lives here because this package
 * alone imports BouncyCastle. Not for packet processing.
 */
public interface BareCipher {

    /** Encrypts {@code len} bytes at {@code off} in place and writes the tag or MAC after them. */
    void encrypt(byte[] buf, int off, int len, long counter);

    /** AES-GCM with a 16-byte tag, nonce = 4 fixed bytes || 64-bit counter, no AAD. */
    static BareCipher aesGcm(byte[] key) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, new byte[16]));
        byte[] nonce = new byte[12];
        byte[] out = new byte[4096];
        return (buf, off, len, counter) -> {
            for (int i = 11; i >= 4; i--) {
                nonce[i] = (byte) counter;
                counter >>>= 8;
            }
            gcm.init(true, new AEADParameters(null, 128, nonce));
            int n = gcm.processBytes(buf, off, len, out, 0);
            try {
                n += gcm.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException(e);
            }
            System.arraycopy(out, 0, buf, off, n);
        };
    }

    /**
     * AES-CBC (IV = the 16 bytes before {@code off}, {@code len} a multiple of 16) followed by
     * HMAC-SHA-256 over IV and ciphertext, truncated to 16 bytes.
     */
    static BareCipher aesCbcHmacSha256(byte[] key, byte[] authKey) {
        CBCModeCipher cbc = CBCBlockCipher.newInstance(AESEngine.newInstance());
        cbc.init(true, new KeyParameter(key));
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(authKey));
        byte[] mac = new byte[32];
        return (buf, off, len, counter) -> {
            cbc.init(true, new ParametersWithIV(null, buf, off - 16, 16));
            for (int p = off; p < off + len; p += 16) {
                cbc.processBlock(buf, p, buf, p);
            }
            hmac.update(buf, off - 16, len + 16);
            hmac.doFinal(mac, 0);
            System.arraycopy(mac, 0, buf, off + len, 16);
        };
    }

    /**
     * The JDK's {@code AES/GCM/NoPadding} with a 16-byte tag, nonce = 4 fixed bytes || 64-bit
     * counter, no AAD, in place: one {@code init} and one {@code doFinal} per call, the least the
     * JCA API allows.
     */
    static BareCipher jdkAesGcm(byte[] key) {
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            SecretKeySpec k = new SecretKeySpec(key, "AES");
            byte[] nonce = new byte[12];
            return (buf, off, len, counter) -> {
                for (int i = 11; i >= 4; i--) {
                    nonce[i] = (byte) counter;
                    counter >>>= 8;
                }
                try {
                    gcm.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, nonce));
                    gcm.doFinal(buf, off, len, buf, off);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no AES-GCM", e);
        }
    }

    /**
     * The JDK's {@code AES/CBC/NoPadding} (IV = the 16 bytes before {@code off}, {@code len} a
     * multiple of 16) in place, then {@code HmacSHA256} over IV and ciphertext truncated to 16 bytes.
     */
    static BareCipher jdkAesCbcHmacSha256(byte[] key, byte[] authKey) {
        try {
            Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
            SecretKeySpec k = new SecretKeySpec(key, "AES");
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(authKey, "HmacSHA256"));
            byte[] mac = new byte[32];
            return (buf, off, len, counter) -> {
                try {
                    cbc.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(buf, off - 16, 16));
                    cbc.doFinal(buf, off, len, buf, off);
                    hmac.update(buf, off - 16, len + 16);
                    hmac.doFinal(mac, 0);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
                System.arraycopy(mac, 0, buf, off + len, 16);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no AES-CBC or HmacSHA256", e);
        }
    }
}
