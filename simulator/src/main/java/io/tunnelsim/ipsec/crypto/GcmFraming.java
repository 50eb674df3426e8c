package io.tunnelsim.ipsec.crypto;

/**
 * The ESP framing shared by the AES-GCM transforms of every provider, RFC 4106.
 *
 * <pre>
 *   nonce (12) = salt (4, last octets of the key material) || explicit IV (8, sent in the packet)
 *   AAD        = SPI || Sequence Number                       (RFC 4106 §5, 32-bit)
 *              = SPI || ESN high 32 bits || ESN low 32 bits   (with extended sequence numbers)
 *   ciphertext = GCM(payload || padding || pad length || next header), ICV = 16-byte tag
 * </pre>
 * The explicit IV is the 64-bit sequence number (RFC 4106 §3.1 requires only uniqueness per key;
 * the counter is the usual choice and never repeats within an SA).
 */
abstract class GcmFraming implements EspCipher {
    static final int TAG_BITS = 128;
    static final int TAG = EspEncryption.GCM_ICV_LENGTH;
    static final int SALT = 4;
    /** Offset of the text from the start of the ESP header: SPI, sequence number, explicit IV. */
    static final int TEXT_OFFSET = 16;

    private final EspEncryption encryption;
    private final boolean esn;
    /** salt || explicit IV of the packet being processed. */
    final byte[] nonce = new byte[12];
    /** The AAD of the packet being processed: its first {@link #aadLength()} bytes. */
    final byte[] aad = new byte[12];

    GcmFraming(EspEncryption encryption, byte[] keyMaterial, boolean esn) {
        this.encryption = encryption;
        this.esn = esn;
        System.arraycopy(keyMaterial, encryption.keyLength(), nonce, 0, SALT);
    }

    @Override
    public final EspEncryption encryption() {
        return encryption;
    }

    @Override
    public final EspIntegrity integrity() {
        return EspIntegrity.NONE;
    }

    @Override
    public final int ivLength() {
        return 8;
    }

    @Override
    public final int icvLength() {
        return TAG;
    }

    @Override
    public final int alignment() {
        return 4;
    }

    @Override
    public final void writeIv(long sequence, byte[] buf, int ivOff) {
        for (int i = 7; i >= 0; i--) {
            buf[ivOff + i] = (byte) sequence;
            sequence >>>= 8;
        }
    }

    final boolean esn() {
        return esn;
    }

    final int aadLength() {
        return esn ? 12 : 8;
    }

    /** Loads the packet's nonce and AAD into {@link #nonce} and {@link #aad}. */
    final void frame(byte[] buf, int espOff, int sequenceHigh) {
        System.arraycopy(buf, espOff + 8, nonce, SALT, 8);
        if (esn) {
            System.arraycopy(buf, espOff, aad, 0, 4);
            aad[4] = (byte) (sequenceHigh >>> 24);
            aad[5] = (byte) (sequenceHigh >>> 16);
            aad[6] = (byte) (sequenceHigh >>> 8);
            aad[7] = (byte) sequenceHigh;
            System.arraycopy(buf, espOff + 4, aad, 8, 4);
        } else {
            System.arraycopy(buf, espOff, aad, 0, 8);
        }
    }
}
