package io.tunnelsim.ipsec.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM in ESP ({@link GcmFraming}, RFC 4106) on BouncyCastle: the reference implementation the
 * JDK transform is checked against.
 *
 * <p>The AES key schedule and GHASH tables are computed once per SA: later initialisations pass a
 * null key so BouncyCastle reuses them. Sealing and opening use separate GCM instances so that a
 * decrypted nonce never trips the encryption-side nonce-reuse guard. Output goes through a scratch
 * array because BouncyCastle copies (allocates) whenever input and output overlap.
 */
final class GcmEspCipher extends GcmFraming {
    private final GCMModeCipher sealer;
    private final GCMModeCipher opener;
    private byte[] scratch = new byte[2048];

    GcmEspCipher(EspEncryption encryption, byte[] keyMaterial, boolean esn) {
        super(encryption, keyMaterial, esn);
        KeyParameter key = new KeyParameter(keyMaterial, 0, encryption.keyLength());
        this.sealer = GCMBlockCipher.newInstance(AESEngine.newInstance());
        this.opener = GCMBlockCipher.newInstance(AESEngine.newInstance());
        // The first init sets the key. Its nonce is 16 bytes long, so it can never equal a real
        // 12-byte nonce and trip the nonce-reuse guard on the first packet.
        byte[] initNonce = new byte[16];
        sealer.init(true, new AEADParameters(key, TAG_BITS, initNonce));
        opener.init(false, new AEADParameters(key, TAG_BITS, initNonce));
    }

    @Override
    public void seal(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int textOff = espOff + TEXT_OFFSET;
        prepare(sealer, true, buf, espOff, sequenceHigh);
        byte[] out = scratch(textLength + TAG);
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
        int textOff = espOff + TEXT_OFFSET;
        prepare(opener, false, buf, espOff, sequenceHigh);
        byte[] out = scratch(textLength + TAG);
        int n = opener.processBytes(buf, textOff, textLength + TAG, out, 0);
        try {
            n += opener.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            return false;
        }
        System.arraycopy(out, 0, buf, textOff, n);
        return true;
    }

    private void prepare(GCMModeCipher gcm, boolean encrypt, byte[] buf, int espOff, int sequenceHigh) {
        frame(buf, espOff, sequenceHigh);
        gcm.init(encrypt, new AEADParameters(null, TAG_BITS, nonce));
        gcm.processAADBytes(aad, 0, aadLength());
    }

    private byte[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        return scratch;
    }
}
