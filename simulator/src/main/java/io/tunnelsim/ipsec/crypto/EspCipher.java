package io.tunnelsim.ipsec.crypto;

/**
 * The cryptographic half of one SA's ESP transform: confidentiality and integrity over an ESP
 * packet laid out in a byte array. Framing (sequence numbers, padding, replay) stays with the
 * caller; this interface only fills in the IV, encrypts or decrypts and computes or checks the ICV.
 *
 * <p>Every method works on the packet starting at {@code espOff}:
 * <pre>
 *   espOff          SPI (4) | Sequence Number (4)
 *   espOff + 8      IV ({@link #ivLength()} bytes)
 *   espOff + 8 + iv payload + padding + pad length + next header ({@code textLength} bytes)
 *   ... + textLength ICV ({@link #icvLength()} bytes)
 * </pre>
 * With extended sequence numbers the high 32 bits are not sent but are authenticated: in the AAD
 * for combined modes (RFC 4106 §5) and appended after the payload for HMAC (RFC 4303 §2.2.1).
 *
 * <p>An instance holds cipher state and scratch space; it belongs to one SA and is not thread-safe.
 */
public interface EspCipher {

    EspEncryption encryption();

    EspIntegrity integrity();

    int ivLength();

    int icvLength();

    /** The alignment of payload + padding + trailer: {@code max(4, cipher block size)}. */
    int alignment();

    /**
     * Writes the IV for the packet with 64-bit sequence number {@code sequence}: deterministic,
     * unique per sequence number under one key, and for CBC unpredictable without the key.
     */
    void writeIv(long sequence, byte[] buf, int ivOff);

    /**
     * Encrypts {@code textLength} bytes in place (the IV is already written) and writes the ICV
     * after them.
     */
    void seal(byte[] buf, int espOff, int textLength, int sequenceHigh);

    /**
     * Verifies the ICV and, only if it is correct, decrypts the text in place.
     *
     * @return false when the ICV does not verify (the text is then unspecified)
     */
    boolean open(byte[] buf, int espOff, int textLength, int sequenceHigh);
}
