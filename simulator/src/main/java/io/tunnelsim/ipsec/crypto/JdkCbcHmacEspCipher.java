package io.tunnelsim.ipsec.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypt-then-MAC ESP transforms ({@link EncryptThenMacEspCipher}) on the JDK's
 * {@code AES/CBC/NoPadding}, {@code HmacSHA1} and {@code HmacSHA256}; the bytes equal those of
 * {@link CbcHmacEspCipher}.
 *
 * <p>The ciphers and the MAC are created and keyed once per SA; the IV is computed by a separate
 * {@code AES/ECB/NoPadding} instance under the same key. Per packet only what the JCA API forces is
 * created: the {@link IvParameterSpec} for the CBC initialisation and the JDK's copies of key and
 * IV. The text goes through a per-SA scratch array because SunJCE copies (allocates) the whole
 * input when a CBC call's input and output overlap.
 */
final class JdkCbcHmacEspCipher extends EncryptThenMacEspCipher {
    private final SecretKeySpec key;
    private final Cipher encryptor;
    private final Cipher decryptor;
    private final Cipher ivEngine;
    private final Mac hmac;
    private byte[] scratch = new byte[2048];

    JdkCbcHmacEspCipher(EspEncryption encryption, byte[] encryptionKey,
                        EspIntegrity integrity, byte[] integrityKey, boolean esn) throws GeneralSecurityException {
        super(encryption, integrity, esn);
        if (encryption == EspEncryption.NULL) {
            key = null;
            encryptor = null;
            decryptor = null;
            ivEngine = null;
        } else {
            key = new SecretKeySpec(encryptionKey, "AES");
            encryptor = Cipher.getInstance("AES/CBC/NoPadding");
            decryptor = Cipher.getInstance("AES/CBC/NoPadding");
            ivEngine = Cipher.getInstance("AES/ECB/NoPadding");
            ivEngine.init(Cipher.ENCRYPT_MODE, key);
            decryptor.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(new byte[AES_BLOCK]));
        }
        if (integrity == EspIntegrity.NONE) {
            hmac = null;
        } else {
            String algorithm = integrity == EspIntegrity.HMAC_SHA1_96 ? "HmacSHA1" : "HmacSHA256";
            hmac = Mac.getInstance(algorithm);
            hmac.init(new SecretKeySpec(integrityKey, algorithm));
            macLength(hmac.getMacLength());
        }
    }

    @Override
    void encryptBlock(byte[] in, byte[] out, int outOff) {
        try {
            ivEngine.doFinal(in, 0, AES_BLOCK, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES block encryption cannot fail", e);
        }
    }

    @Override
    void cbc(boolean encrypt, byte[] buf, int ivOff, int textOff, int length) {
        try {
            Cipher c = encrypt ? encryptor : decryptor;
            c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, new IvParameterSpec(buf, ivOff, AES_BLOCK));
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            c.doFinal(buf, textOff, length, scratch, 0);
            System.arraycopy(scratch, 0, buf, textOff, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC on whole blocks cannot fail", e);
        }
    }

    @Override
    void macUpdate(byte[] buf, int off, int len) {
        hmac.update(buf, off, len);
    }

    @Override
    void macFinal(byte[] out) {
        try {
            hmac.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC output buffer is sized to the MAC", e);
        }
    }
}
