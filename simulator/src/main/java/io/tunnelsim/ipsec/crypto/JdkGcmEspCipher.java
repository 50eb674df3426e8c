package io.tunnelsim.ipsec.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM in ESP ({@link GcmFraming}, RFC 4106) on the JDK's {@code AES/GCM/NoPadding},
 * encrypting and decrypting in place; the bytes equal those of {@link GcmEspCipher}.
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
final class JdkGcmEspCipher extends GcmFraming {
    private final byte[] keyMaterial;
    private final SecretKeySpec key;
    private final Cipher sealer;
    private final Cipher opener;
    private GcmEspCipher repeatedNonceSealer;

    JdkGcmEspCipher(EspEncryption encryption, byte[] keyMaterial, boolean esn) throws GeneralSecurityException {
        super(encryption, keyMaterial, esn);
        this.keyMaterial = keyMaterial.clone();
        this.key = new SecretKeySpec(keyMaterial, 0, encryption.keyLength(), "AES");
        this.sealer = Cipher.getInstance("AES/GCM/NoPadding");
        this.opener = Cipher.getInstance("AES/GCM/NoPadding");
        // Fails here, not on the first packet, when the runtime cannot do AES-GCM with this key.
        opener.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    }

    @Override
    public void seal(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int textOff = espOff + TEXT_OFFSET;
        frame(buf, espOff, sequenceHigh);
        try {
            sealer.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        } catch (InvalidAlgorithmParameterException repeated) {
            repeatedNonceSealer().seal(buf, espOff, textLength, sequenceHigh);
            return;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM initialisation failed", e);
        }
        try {
            sealer.updateAAD(aad, 0, aadLength());
            sealer.doFinal(buf, textOff, textLength, buf, textOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
    }

    @Override
    public boolean open(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int textOff = espOff + TEXT_OFFSET;
        frame(buf, espOff, sequenceHigh);
        try {
            opener.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            opener.updateAAD(aad, 0, aadLength());
            opener.doFinal(buf, textOff, textLength + TAG, buf, textOff);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private GcmEspCipher repeatedNonceSealer() {
        if (repeatedNonceSealer == null) {
            repeatedNonceSealer = new GcmEspCipher(encryption(), keyMaterial, esn());
        }
        return repeatedNonceSealer;
    }
}
