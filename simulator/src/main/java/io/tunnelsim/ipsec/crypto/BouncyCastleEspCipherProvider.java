package io.tunnelsim.ipsec.crypto;

/**
 * {@link EspCipherProvider} backed by BouncyCastle's lightweight API. This package is the only
 * place in the simulator that imports {@code org.bouncycastle}.
 */
public final class BouncyCastleEspCipherProvider implements EspCipherProvider {

    public static final BouncyCastleEspCipherProvider INSTANCE = new BouncyCastleEspCipherProvider();

    private BouncyCastleEspCipherProvider() {
    }

    @Override
    public EspCipher create(EspEncryption encryption, byte[] encryptionKey,
                            EspIntegrity integrity, byte[] integrityKey, boolean esn) {
        EspCipherProvider.validate(encryption, encryptionKey, integrity, integrityKey);
        if (encryption.combinedMode()) {
            return new GcmEspCipher(encryption, encryptionKey, esn);
        }
        return new CbcHmacEspCipher(encryption, encryptionKey, integrity, integrityKey, esn);
    }
}
