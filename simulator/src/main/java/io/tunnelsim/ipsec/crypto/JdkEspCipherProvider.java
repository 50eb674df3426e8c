package io.tunnelsim.ipsec.crypto;

import java.security.GeneralSecurityException;

/**
 * {@link EspCipherProvider} backed by the JDK's own JCA provider (SunJCE on OpenJDK), whose
 * AES-GCM, AES-CBC, HMAC-SHA-1 and HMAC-SHA-256 the HotSpot JIT replaces by AES-NI, PCLMULQDQ and
 * SHA instructions where the CPU has them. This is the simulator's default provider: it produces
 * the same bytes as {@link BouncyCastleEspCipherProvider} (a test checks both on the published
 * vectors and on seeded random packets for every transform), only faster.
 *
 * <p>BouncyCastle stays the reference and the fallback: a transform whose JCA algorithm the
 * running JDK does not offer is built with BouncyCastle instead, and so is the rare GCM packet
 * whose nonce repeats the previous one of the SA (SunJCE refuses to encrypt twice under one key
 * and nonce; the simulator only does so when a caller reseals with an explicit IV, as the
 * test-vector paths do).
 */
public final class JdkEspCipherProvider implements EspCipherProvider {

    public static final JdkEspCipherProvider INSTANCE = new JdkEspCipherProvider();

    private JdkEspCipherProvider() {
    }

    @Override
    public EspCipher create(EspEncryption encryption, byte[] encryptionKey,
                            EspIntegrity integrity, byte[] integrityKey, boolean esn) {
        EspCipherProvider.validate(encryption, encryptionKey, integrity, integrityKey);
        try {
            if (encryption.combinedMode()) {
                return new JdkGcmEspCipher(encryption, encryptionKey, esn);
            }
            return new JdkCbcHmacEspCipher(encryption, encryptionKey, integrity, integrityKey, esn);
        } catch (GeneralSecurityException e) {
            // The JDK lacks the algorithm (a stripped-down or restricted runtime).
            return BouncyCastleEspCipherProvider.INSTANCE.create(encryption, encryptionKey, integrity, integrityKey, esn);
        }
    }
}
