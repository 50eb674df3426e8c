package io.tunnelsim.ipsec.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM in ESP, RFC 4106.
 *
 * <pre>
 *   nonce (12) = salt (4, last octets of the key material) || explicit IV (8, sent in the packet)
 *   AAD        = SPI || Sequence Number                       (RFC 4106 §5, 32-bit)
 *              = SPI || ESN high 32 bits || ESN low 32 bits   (with extended sequence numbers)
 *   ciphertext = GCM(payload || padding || pad length || next header), ICV = 16-byte tag
 * </pre>
 * The explicit IV is the 64-bit sequence number (RFC 4106 §3.1 requires only uniqueness per key;
 * the counter is the usual choice and never repeats within an SA).
 *
 * <p>The AES key schedule and GHASH tables are computed once per SA: later initialisations pass a
 * null key so BouncyCastle reuses them. Sealing and opening use separate GCM instances so that a
 * decrypted nonce never trips the encryption-side nonce-reuse guard. Output goes through a scratch
 * array because BouncyCastle copies (allocates) whenever input and output overlap.
 */
final class GcmEspCipher implements EspCipher {
    private static final int TAG_BITS = 128;
    private static final int SALT = 4;

    private final EspEncryption encryption;
    private final boolean esn;
    private final GCMModeCipher sealer;
    private final GCMModeCipher opener;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[12];
    private byte[] scratch = new byte[2048];

    GcmEspCipher(EspEncryption encryption, byte[] keyMaterial, boolean esn) {
        this.encryption = encryption;
        this.esn = esn;
        int keyLen = encryption.keyLength();
        System.arraycopy(keyMaterial, keyLen, nonce, 0, SALT);
        KeyParameter key = new KeyParameter(keyMaterial, 0, keyLen);
        this.sealer = GCMBlockCipher.newInstance(AESEngine.newInstance());
        this.opener = GCMBlockCipher.newInstance(AESEngine.newInstance());
        // The first init sets the key. Its nonce is 16 bytes long, so it can never equal a real
        // 12-byte nonce and trip the nonce-reuse guard on the first packet.
        byte[] initNonce = new byte[16];
        sealer.init(true, new AEADParameters(key, TAG_BITS, initNonce));
        opener.init(false, new AEADParameters(key, TAG_BITS, initNonce));
    }

    @Override
    public EspEncryption encryption() {
        return encryption;
    }

    @Override
    public EspIntegrity integrity() {
        return EspIntegrity.NONE;
    }

    @Override
    public int ivLength() {
        return 8;
    }

    @Override
    public int icvLength() {
        return EspEncryption.GCM_ICV_LENGTH;
    }

    @Override
    public int alignment() {
        return 4;
    }

    @Override
    public void writeIv(long sequence, byte[] buf, int ivOff) {
        for (int i = 7; i >= 0; i--) {
            buf[ivOff + i] = (byte) sequence;
            sequence >>>= 8;
        }
    }

    @Override
    public void seal(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int textOff = espOff + 16;
        prepare(sealer, true, buf, espOff, sequenceHigh);
        byte[] out = scratch(textLength + 16);
        int n = sealer.processBytes(buf, textOff, textLength, out, 0);
        try {
            n += sealer.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        System.arraycopy(out, 0, buf, textOff, n);
    }

    @Override
    public boolean open(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int textOff = espOff + 16;
        prepare(opener, false, buf, espOff, sequenceHigh);
        byte[] out = scratch(textLength + 16);
        int n = opener.processBytes(buf, textOff, textLength + 16, out, 0);
        try {
            n += opener.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            return false;
        }
        System.arraycopy(out, 0, buf, textOff, n);
        return true;
    }

    private void prepare(GCMModeCipher gcm, boolean encrypt, byte[] buf, int espOff, int sequenceHigh) {
        System.arraycopy(buf, espOff + 8, nonce, SALT, 8);
        gcm.init(encrypt, new AEADParameters(null, TAG_BITS, nonce));
        if (esn) {
            System.arraycopy(buf, espOff, aad, 0, 4);
            aad[4] = (byte) (sequenceHigh >>> 24);
            aad[5] = (byte) (sequenceHigh >>> 16);
            aad[6] = (byte) (sequenceHigh >>> 8);
            aad[7] = (byte) sequenceHigh;
            System.arraycopy(buf, espOff + 4, aad, 8, 4);
            gcm.processAADBytes(aad, 0, 12);
        } else {
            gcm.processAADBytes(buf, espOff, 8);
        }
    }

    private byte[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        return scratch;
    }
}
