package io.tunnelsim.ipsec.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM in ESP, RFC 4106, on the JDK's {@code AES/GCM/NoPadding}: the same construction as
 * {@link GcmEspCipher} (nonce = salt || explicit IV, AAD = SPI || sequence number, or
 * SPI || ESN high || ESN low, 16-byte ICV), encrypting and decrypting in place.
 *
 * <p>One {@link Cipher} seals and another opens, each created once per SA; the AES key schedule is
 * kept by the JDK across initialisations with the same key. Per packet only the objects the JCA
 * API forces are created: the {@link GCMParameterSpec} that carries the nonce, and what SunJCE
 * builds on every GCM initialisation (on JDK 17 about 1 KiB: a fresh GHASH and counter state,
 * copies of key and nonce).
 *
 * <p>SunJCE refuses to encrypt twice in a row under one key and nonce; such a packet (a caller
 * resealing with an explicit IV) is sealed by the BouncyCastle transform instead, which yields the
 * same bytes.
 */
final class JdkGcmEspCipher implements EspCipher {
    private static final int TAG_BITS = 128;
    private static final int TAG = 16;
    private static final int SALT = 4;

    private final EspEncryption encryption;
    private final boolean esn;
    private final byte[] keyMaterial;
    private final SecretKeySpec key;
    private final Cipher sealer;
    private final Cipher opener;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[12];
    private GcmEspCipher repeatedNonceSealer;

    JdkGcmEspCipher(EspEncryption encryption, byte[] keyMaterial, boolean esn) throws GeneralSecurityException {
        this.encryption = encryption;
        this.esn = esn;
        this.keyMaterial = keyMaterial.clone();
        int keyLen = encryption.keyLength();
        System.arraycopy(keyMaterial, keyLen, nonce, 0, SALT);
        this.key = new SecretKeySpec(keyMaterial, 0, keyLen, "AES");
        this.sealer = Cipher.getInstance("AES/GCM/NoPadding");
        this.opener = Cipher.getInstance("AES/GCM/NoPadding");
        // Fails here, not on the first packet, when the runtime cannot do AES-GCM with this key.
        opener.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
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
        return TAG;
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
        System.arraycopy(buf, espOff + 8, nonce, SALT, 8);
        try {
            sealer.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        } catch (InvalidAlgorithmParameterException repeated) {
            repeatedNonceSealer().seal(buf, espOff, textLength, sequenceHigh);
            return;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM initialisation failed", e);
        }
        try {
            aad(sealer, buf, espOff, sequenceHigh);
            sealer.doFinal(buf, textOff, textLength, buf, textOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
    }

    @Override
    public boolean open(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int textOff = espOff + 16;
        System.arraycopy(buf, espOff + 8, nonce, SALT, 8);
        try {
            opener.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            aad(opener, buf, espOff, sequenceHigh);
            opener.doFinal(buf, textOff, textLength + TAG, buf, textOff);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private void aad(Cipher gcm, byte[] buf, int espOff, int sequenceHigh) {
        if (esn) {
            System.arraycopy(buf, espOff, aad, 0, 4);
            aad[4] = (byte) (sequenceHigh >>> 24);
            aad[5] = (byte) (sequenceHigh >>> 16);
            aad[6] = (byte) (sequenceHigh >>> 8);
            aad[7] = (byte) sequenceHigh;
            System.arraycopy(buf, espOff + 4, aad, 8, 4);
            gcm.updateAAD(aad, 0, 12);
        } else {
            gcm.updateAAD(buf, espOff, 8);
        }
    }

    private GcmEspCipher repeatedNonceSealer() {
        if (repeatedNonceSealer == null) {
            repeatedNonceSealer = new GcmEspCipher(encryption, keyMaterial, esn);
        }
        return repeatedNonceSealer;
    }
}
