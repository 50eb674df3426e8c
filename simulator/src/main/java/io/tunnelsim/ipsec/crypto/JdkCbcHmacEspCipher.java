package io.tunnelsim.ipsec.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypt-then-MAC ESP transforms on the JDK's {@code AES/CBC/NoPadding}, {@code HmacSHA1} and
 * {@code HmacSHA256}: the same construction as {@link CbcHmacEspCipher} (RFC 3602 CBC, RFC 2404 /
 * RFC 4868 truncated HMAC over SPI || sequence || IV || ciphertext [|| ESN high], IV =
 * {@code E_K("ESP-CBC-" || sequence)}), in place.
 *
 * <p>The ciphers and the MAC are created and keyed once per SA; the IV is computed by a separate
 * {@code AES/ECB/NoPadding} instance under the same key. Per packet only what the JCA API forces is
 * created: the {@link IvParameterSpec} for the CBC initialisation and the JDK's copies of key and
 * IV. The text goes through a per-SA scratch array because SunJCE copies (allocates) the whole
 * input when a CBC call's input and output overlap. The receiver verifies the ICV, in constant
 * time, before decrypting.
 */
final class JdkCbcHmacEspCipher implements EspCipher {
    private static final int AES_BLOCK = 16;

    private final EspEncryption encryption;
    private final EspIntegrity integrity;
    private final boolean esn;
    private final SecretKeySpec key;
    private final Cipher encryptor;
    private final Cipher decryptor;
    private final Cipher ivEngine;
    private final Mac hmac;
    private final byte[] mac;
    private final byte[] ivBlock = new byte[AES_BLOCK];
    private final byte[] seqHigh = new byte[4];
    private byte[] scratch = new byte[2048];

    JdkCbcHmacEspCipher(EspEncryption encryption, byte[] encryptionKey,
                        EspIntegrity integrity, byte[] integrityKey, boolean esn) throws GeneralSecurityException {
        this.encryption = encryption;
        this.integrity = integrity;
        this.esn = esn;
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
            mac = null;
        } else {
            String algorithm = integrity == EspIntegrity.HMAC_SHA1_96 ? "HmacSHA1" : "HmacSHA256";
            hmac = Mac.getInstance(algorithm);
            hmac.init(new SecretKeySpec(integrityKey, algorithm));
            mac = new byte[hmac.getMacLength()];
        }
    }

    @Override
    public EspEncryption encryption() {
        return encryption;
    }

    @Override
    public EspIntegrity integrity() {
        return integrity;
    }

    @Override
    public int ivLength() {
        return encryption.ivLength();
    }

    @Override
    public int icvLength() {
        return integrity.icvLength();
    }

    @Override
    public int alignment() {
        return Math.max(4, encryption.blockSize());
    }

    @Override
    public void writeIv(long sequence, byte[] buf, int ivOff) {
        if (ivEngine == null) {
            return;
        }
        ivBlock[0] = 'E';
        ivBlock[1] = 'S';
        ivBlock[2] = 'P';
        ivBlock[3] = '-';
        ivBlock[4] = 'C';
        ivBlock[5] = 'B';
        ivBlock[6] = 'C';
        ivBlock[7] = '-';
        for (int i = 15; i >= 8; i--) {
            ivBlock[i] = (byte) sequence;
            sequence >>>= 8;
        }
        try {
            ivEngine.doFinal(ivBlock, 0, AES_BLOCK, buf, ivOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES block encryption cannot fail", e);
        }
    }

    @Override
    public void seal(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int ivOff = espOff + 8;
        int textOff = ivOff + ivLength();
        if (encryptor != null) {
            checkBlocks(textLength);
            crypt(encryptor, Cipher.ENCRYPT_MODE, buf, ivOff, textOff, textLength);
        }
        if (hmac != null) {
            computeMac(buf, espOff, textOff + textLength - espOff, sequenceHigh);
            System.arraycopy(mac, 0, buf, textOff + textLength, integrity.icvLength());
        }
    }

    @Override
    public boolean open(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int ivOff = espOff + 8;
        int textOff = ivOff + ivLength();
        if (hmac != null) {
            computeMac(buf, espOff, textOff + textLength - espOff, sequenceHigh);
            int icvOff = textOff + textLength;
            int diff = 0;
            for (int i = 0; i < integrity.icvLength(); i++) {
                diff |= mac[i] ^ buf[icvOff + i];
            }
            if (diff != 0) {
                return false;
            }
        }
        if (decryptor != null) {
            checkBlocks(textLength);
            crypt(decryptor, Cipher.DECRYPT_MODE, buf, ivOff, textOff, textLength);
        }
        return true;
    }

    private void crypt(Cipher cbc, int mode, byte[] buf, int ivOff, int textOff, int textLength) {
        try {
            cbc.init(mode, key, new IvParameterSpec(buf, ivOff, AES_BLOCK));
            byte[] out = scratch(textLength);
            cbc.doFinal(buf, textOff, textLength, out, 0);
            System.arraycopy(out, 0, buf, textOff, textLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC on whole blocks cannot fail", e);
        }
    }

    private byte[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        return scratch;
    }

    private void computeMac(byte[] buf, int off, int len, int sequenceHigh) {
        hmac.update(buf, off, len);
        if (esn) {
            seqHigh[0] = (byte) (sequenceHigh >>> 24);
            seqHigh[1] = (byte) (sequenceHigh >>> 16);
            seqHigh[2] = (byte) (sequenceHigh >>> 8);
            seqHigh[3] = (byte) sequenceHigh;
            hmac.update(seqHigh, 0, 4);
        }
        try {
            hmac.doFinal(mac, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC output buffer is sized to the MAC", e);
        }
    }

    private static void checkBlocks(int textLength) {
        if (textLength % AES_BLOCK != 0) {
            throw new IllegalArgumentException("CBC text of " + textLength + " bytes is not a whole number of blocks");
        }
    }
}
