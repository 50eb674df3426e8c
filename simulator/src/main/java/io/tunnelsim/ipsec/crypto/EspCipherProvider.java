package io.tunnelsim.ipsec.crypto;

/** Creates the {@link EspCipher} of an SA from its algorithms and keys. */
public interface EspCipherProvider {

    /**
     * @param encryptionKey key material of {@link EspEncryption#keyMaterialLength()} bytes
     *                      (for GCM: AES key followed by the 4-byte salt)
     * @param integrityKey  key of {@link EspIntegrity#keyLength()} bytes (empty for NONE)
     * @param esn           whether the SA uses 64-bit extended sequence numbers
     * @throws IllegalArgumentException for a bad combination or key length
     */
    EspCipher create(EspEncryption encryption, byte[] encryptionKey,
                     EspIntegrity integrity, byte[] integrityKey, boolean esn);

    /** Checks an algorithm combination and key lengths, naming the problem. */
    static void validate(EspEncryption encryption, byte[] encryptionKey,
                         EspIntegrity integrity, byte[] integrityKey) {
        if (encryption == null || integrity == null) {
            throw new IllegalArgumentException("missing ESP algorithm");
        }
        if (encryption.combinedMode() && integrity != EspIntegrity.NONE) {
            throw new IllegalArgumentException(encryption + " is a combined mode and takes no integrity algorithm (RFC 4106 §8)");
        }
        if (encryption == EspEncryption.NULL && integrity == EspIntegrity.NONE) {
            throw new IllegalArgumentException("ESP needs confidentiality, integrity or both (RFC 4303 §3.2)");
        }
        int encLen = encryptionKey == null ? 0 : encryptionKey.length;
        if (encLen != encryption.keyMaterialLength()) {
            throw new IllegalArgumentException(encryption + " needs " + encryption.keyMaterialLength()
                    + " bytes of key material, got " + encLen);
        }
        int authLen = integrityKey == null ? 0 : integrityKey.length;
        if (authLen != integrity.keyLength()) {
            throw new IllegalArgumentException(integrity + " needs a " + integrity.keyLength()
                    + "-byte key, got " + authLen);
        }
    }
}
