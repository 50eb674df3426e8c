package io.tunnelsim.ipsec.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
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
 *
 * <p>GCM: 16-byte tag, nonce = 4 zero bytes || 64-bit counter, no AAD. CBC + HMAC: the IV is the
 * 16 bytes before {@code off}, {@code len} a multiple of 16, HMAC-SHA-256 over IV and ciphertext
 * truncated to 16 bytes. Output goes to a separate array (the plain use of each API); encryption
 * copies it back over the input, decryption leaves the input as it was so it can be repeated.
 */
public interface BareCipher {

    /** Encrypts {@code len} bytes at {@code off} and writes the tag or MAC after them. */
    void encrypt(byte[] buf, int off, int len, long counter);

    /**
     * Verifies the tag or MAC after the {@code len} bytes at {@code off} and decrypts them into
     * scratch space; the input is left unchanged.
     *
     * @return whether the tag or MAC verified
     */
    boolean decrypt(byte[] buf, int off, int len, long counter);

    private static byte[] nonce(byte[] nonce, long counter) {
        for (int i = 11; i >= 4; i--) {
            nonce[i] = (byte) counter;
            counter >>>= 8;
        }
        return nonce;
    }

    /** BouncyCastle's AES-GCM. */
    static BareCipher aesGcm(byte[] key) {
        GCMModeCipher enc = GCMBlockCipher.newInstance(AESEngine.newInstance());
        enc.init(true, new AEADParameters(new KeyParameter(key), 128, new byte[16]));
        GCMModeCipher dec = GCMBlockCipher.newInstance(AESEngine.newInstance());
        dec.init(false, new AEADParameters(new KeyParameter(key), 128, new byte[16]));
        byte[] nonce = new byte[12];
        byte[] out = new byte[4096];
        return new BareCipher() {
            @Override
            public void encrypt(byte[] buf, int off, int len, long counter) {
                enc.init(true, new AEADParameters(null, 128, nonce(nonce, counter)));
                int n = enc.processBytes(buf, off, len, out, 0);
                try {
                    n += enc.doFinal(out, n);
                } catch (InvalidCipherTextException e) {
                    throw new IllegalStateException(e);
                }
                System.arraycopy(out, 0, buf, off, n);
            }

            @Override
            public boolean decrypt(byte[] buf, int off, int len, long counter) {
                dec.init(false, new AEADParameters(null, 128, nonce(nonce, counter)));
                int n = dec.processBytes(buf, off, len + 16, out, 0);
                try {
                    dec.doFinal(out, n);
                    return true;
                } catch (InvalidCipherTextException e) {
                    return false;
                }
            }
        };
    }

    /** BouncyCastle's AES-CBC and HMAC-SHA-256. */
    static BareCipher aesCbcHmacSha256(byte[] key, byte[] authKey) {
        CBCModeCipher enc = CBCBlockCipher.newInstance(AESEngine.newInstance());
        enc.init(true, new KeyParameter(key));
        CBCModeCipher dec = CBCBlockCipher.newInstance(AESEngine.newInstance());
        dec.init(false, new KeyParameter(key));
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(authKey));
        byte[] mac = new byte[32];
        byte[] out = new byte[4096];
        return new BareCipher() {
            @Override
            public void encrypt(byte[] buf, int off, int len, long counter) {
                enc.init(true, new ParametersWithIV(null, buf, off - 16, 16));
                for (int p = 0; p < len; p += 16) {
                    enc.processBlock(buf, off + p, out, p);
                }
                System.arraycopy(out, 0, buf, off, len);
                hmac.update(buf, off - 16, len + 16);
                hmac.doFinal(mac, 0);
                System.arraycopy(mac, 0, buf, off + len, 16);
            }

            @Override
            public boolean decrypt(byte[] buf, int off, int len, long counter) {
                hmac.update(buf, off - 16, len + 16);
                hmac.doFinal(mac, 0);
                int diff = 0;
                for (int i = 0; i < 16; i++) {
                    diff |= mac[i] ^ buf[off + len + i];
                }
                dec.init(false, new ParametersWithIV(null, buf, off - 16, 16));
                for (int p = 0; p < len; p += 16) {
                    dec.processBlock(buf, off + p, out, p);
                }
                return diff == 0;
            }
        };
    }

    /** The JDK's {@code AES/GCM/NoPadding}: one {@code init} and one {@code doFinal} per call. */
    static BareCipher jdkAesGcm(byte[] key) {
        try {
            Cipher enc = Cipher.getInstance("AES/GCM/NoPadding");
            Cipher dec = Cipher.getInstance("AES/GCM/NoPadding");
            SecretKeySpec k = new SecretKeySpec(key, "AES");
            byte[] nonce = new byte[12];
            byte[] out = new byte[4096];
            return new BareCipher() {
                @Override
                public void encrypt(byte[] buf, int off, int len, long counter) {
                    try {
                        enc.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, nonce(nonce, counter)));
                        int n = enc.doFinal(buf, off, len, out, 0);
                        System.arraycopy(out, 0, buf, off, n);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public boolean decrypt(byte[] buf, int off, int len, long counter) {
                    try {
                        dec.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, nonce(nonce, counter)));
                        dec.doFinal(buf, off, len + 16, out, 0);
                        return true;
                    } catch (AEADBadTagException e) {
                        return false;
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no AES-GCM", e);
        }
    }

    /** The JDK's {@code AES/CBC/NoPadding} and {@code HmacSHA256}. */
    static BareCipher jdkAesCbcHmacSha256(byte[] key, byte[] authKey) {
        try {
            Cipher enc = Cipher.getInstance("AES/CBC/NoPadding");
            Cipher dec = Cipher.getInstance("AES/CBC/NoPadding");
            SecretKeySpec k = new SecretKeySpec(key, "AES");
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(authKey, "HmacSHA256"));
            byte[] mac = new byte[32];
            byte[] out = new byte[4096];
            return new BareCipher() {
                @Override
                public void encrypt(byte[] buf, int off, int len, long counter) {
                    try {
                        enc.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(buf, off - 16, 16));
                        enc.doFinal(buf, off, len, out, 0);
                        System.arraycopy(out, 0, buf, off, len);
                        hmac.update(buf, off - 16, len + 16);
                        hmac.doFinal(mac, 0);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                    System.arraycopy(mac, 0, buf, off + len, 16);
                }

                @Override
                public boolean decrypt(byte[] buf, int off, int len, long counter) {
                    try {
                        hmac.update(buf, off - 16, len + 16);
                        hmac.doFinal(mac, 0);
                        int diff = 0;
                        for (int i = 0; i < 16; i++) {
                            diff |= mac[i] ^ buf[off + len + i];
                        }
                        dec.init(Cipher.DECRYPT_MODE, k, new IvParameterSpec(buf, off - 16, 16));
                        dec.doFinal(buf, off, len, out, 0);
                        return diff == 0;
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no AES-CBC or HmacSHA256", e);
        }
    }
}
