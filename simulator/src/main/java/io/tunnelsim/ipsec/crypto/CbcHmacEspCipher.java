package io.tunnelsim.ipsec.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Encrypt-then-MAC ESP transforms: AES-CBC (RFC 3602) or NULL encryption (RFC 2410), with
 * HMAC-SHA-1-96 (RFC 2404), HMAC-SHA-256-128 (RFC 4868) or no integrity.
 *
 * <p>Per RFC 4303 §3.3.2 / §3.4.4 the ICV is computed after encryption over
 * {@code SPI || Sequence Number || IV || ciphertext}, followed, with extended sequence numbers,
 * by the high 32 bits of the sequence number (§2.2.1: authenticated, never sent); the HMAC output
 * is truncated to the ICV length (RFC 2404 §2, RFC 4868 §2.1). The receiver verifies the ICV before
 * decrypting, comparing in constant time.
 *
 * <p>IV: {@code E_K("ESP-CBC-IV" padded || 64-bit sequence number)} under the SA's own AES key,
 * i.e. the forward cipher applied to a unique nonce — the first method of NIST SP 800-38A
 * Appendix C. It is deterministic, never repeats within an SA and is unpredictable without the
 * key, which is what CBC requires (RFC 3602 §3).
 *
 * <p>The key schedules are set up once: later CBC initialisations pass only the IV.
 */
final class CbcHmacEspCipher implements EspCipher {
    private static final int AES_BLOCK = 16;

    private final EspEncryption encryption;
    private final EspIntegrity integrity;
    private final boolean esn;
    private final CBCModeCipher encryptor;
    private final CBCModeCipher decryptor;
    private final BlockCipher ivEngine;
    private final HMac hmac;
    private final byte[] mac;
    private final byte[] ivBlock = new byte[AES_BLOCK];
    private final byte[] seqHigh = new byte[4];

    CbcHmacEspCipher(EspEncryption encryption, byte[] encryptionKey,
                     EspIntegrity integrity, byte[] integrityKey, boolean esn) {
        this.encryption = encryption;
        this.integrity = integrity;
        this.esn = esn;
        if (encryption == EspEncryption.NULL) {
            encryptor = null;
            decryptor = null;
            ivEngine = null;
        } else {
            KeyParameter key = new KeyParameter(encryptionKey);
            encryptor = CBCBlockCipher.newInstance(AESEngine.newInstance());
            encryptor.init(true, key);
            decryptor = CBCBlockCipher.newInstance(AESEngine.newInstance());
            decryptor.init(false, key);
            ivEngine = AESEngine.newInstance();
            ivEngine.init(true, key);
        }
        if (integrity == EspIntegrity.NONE) {
            hmac = null;
            mac = null;
        } else {
            Digest digest = integrity == EspIntegrity.HMAC_SHA1_96 ? new SHA1Digest() : new SHA256Digest();
            hmac = new HMac(digest);
            hmac.init(new KeyParameter(integrityKey));
            mac = new byte[hmac.getMacSize()];
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
        // "ESP-CBC-" as a domain label, then the sequence number, big-endian.
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
        ivEngine.processBlock(ivBlock, 0, buf, ivOff);
    }

    @Override
    public void seal(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int ivOff = espOff + 8;
        int textOff = ivOff + ivLength();
        if (encryptor != null) {
            checkBlocks(textLength);
            encryptor.init(true, new ParametersWithIV(null, buf, ivOff, AES_BLOCK));
            for (int p = textOff; p < textOff + textLength; p += AES_BLOCK) {
                encryptor.processBlock(buf, p, buf, p);
            }
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
            decryptor.init(false, new ParametersWithIV(null, buf, ivOff, AES_BLOCK));
            for (int p = textOff; p < textOff + textLength; p += AES_BLOCK) {
                decryptor.processBlock(buf, p, buf, p);
            }
        }
        return true;
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
        hmac.doFinal(mac, 0);
    }

    private static void checkBlocks(int textLength) {
        if (textLength % AES_BLOCK != 0) {
            throw new IllegalArgumentException("CBC text of " + textLength + " bytes is not a whole number of blocks");
        }
    }
}
