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
 * Encrypt-then-MAC ESP transforms ({@link EncryptThenMacEspCipher}) on BouncyCastle's AES engine,
 * CBC mode and HMAC: the reference implementation the JDK transforms are checked against.
 *
 * <p>The key schedules are set up once: later CBC initialisations pass only the IV.
 */
final class CbcHmacEspCipher extends EncryptThenMacEspCipher {
    private final CBCModeCipher encryptor;
    private final CBCModeCipher decryptor;
    private final BlockCipher ivEngine;
    private final HMac hmac;

    CbcHmacEspCipher(EspEncryption encryption, byte[] encryptionKey,
                     EspIntegrity integrity, byte[] integrityKey, boolean esn) {
        super(encryption, integrity, esn);
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
        } else {
            Digest digest = integrity == EspIntegrity.HMAC_SHA1_96 ? new SHA1Digest() : new SHA256Digest();
            hmac = new HMac(digest);
            hmac.init(new KeyParameter(integrityKey));
            macLength(hmac.getMacSize());
        }
    }

    @Override
    void encryptBlock(byte[] in, byte[] out, int outOff) {
        ivEngine.processBlock(in, 0, out, outOff);
    }

    @Override
    void cbc(boolean encrypt, byte[] buf, int ivOff, int textOff, int length) {
        CBCModeCipher c = encrypt ? encryptor : decryptor;
        c.init(encrypt, new ParametersWithIV(null, buf, ivOff, AES_BLOCK));
        for (int p = textOff; p < textOff + length; p += AES_BLOCK) {
            c.processBlock(buf, p, buf, p);
        }
    }

    @Override
    void macUpdate(byte[] buf, int off, int len) {
        hmac.update(buf, off, len);
    }

    @Override
    void macFinal(byte[] out) {
        hmac.doFinal(out, 0);
    }
}
