package io.tunnelsim.ipsec.crypto;

/**
 * ESP encryption transforms the simulator implements, with the sizes that shape the packet.
 *
 * <ul>
 *   <li>{@code NULL} — RFC 2410: no confidentiality, no IV, 4-byte alignment; only valid together
 *       with an integrity algorithm (RFC 4303 §3.2 forbids ESP with neither).</li>
 *   <li>{@code AES_CBC_*} — RFC 3602: 16-byte IV carried in each packet, payload padded to the
 *       16-byte block.</li>
 *   <li>{@code AES_GCM_*_16} — RFC 4106: combined mode with a 16-byte ICV; key material is the AES
 *       key followed by a 4-byte salt, each packet carries an 8-byte explicit IV; the payload only
 *       needs ESP's 4-byte alignment.</li>
 * </ul>
 */
public enum EspEncryption {
    NULL(0, 0, 0, 1, false),
    AES_CBC_128(16, 0, 16, 16, false),
    AES_CBC_256(32, 0, 16, 16, false),
    AES_GCM_128_16(16, 4, 8, 1, true),
    AES_GCM_256_16(32, 4, 8, 1, true);

    /** RFC 4106 §3: the combined-mode ICV of the {@code _16} variants. */
    public static final int GCM_ICV_LENGTH = 16;

    private final int keyLength;
    private final int saltLength;
    private final int ivLength;
    private final int blockSize;
    private final boolean combinedMode;

    EspEncryption(int keyLength, int saltLength, int ivLength, int blockSize, boolean combinedMode) {
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.ivLength = ivLength;
        this.blockSize = blockSize;
        this.combinedMode = combinedMode;
    }

    /** Bytes of cipher key proper (without salt). */
    public int keyLength() {
        return keyLength;
    }

    /** Bytes of salt appended to the key (RFC 4106 §8.1: the last 4 octets of the key material). */
    public int saltLength() {
        return saltLength;
    }

    /** Length of the key material an SA is configured with: key followed by salt. */
    public int keyMaterialLength() {
        return keyLength + saltLength;
    }

    public int ivLength() {
        return ivLength;
    }

    /** The cipher's block size; ESP pads payload+trailer to {@code max(4, blockSize)}. */
    public int blockSize() {
        return blockSize;
    }

    /** True for AEAD transforms that carry their own ICV and take no separate integrity algorithm. */
    public boolean combinedMode() {
        return combinedMode;
    }

    /** ICV bytes the transform itself contributes (non-zero only for combined modes). */
    public int icvLength() {
        return combinedMode ? GCM_ICV_LENGTH : 0;
    }
}
