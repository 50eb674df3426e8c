package io.tunnelsim.ipsec.crypto;

/**
 * The ESP framing shared by every encrypt-then-MAC transform, whichever provider supplies the
 * primitives: AES-CBC (RFC 3602) or NULL encryption (RFC 2410), with HMAC-SHA-1-96 (RFC 2404),
 * HMAC-SHA-256-128 (RFC 4868) or no integrity.
 *
 * <p>Per RFC 4303 §3.3.2 / §3.4.4 the ICV is computed after encryption over
 * {@code SPI || Sequence Number || IV || ciphertext}, followed, with extended sequence numbers,
 * by the high 32 bits of the sequence number (§2.2.1: authenticated, never sent); the HMAC output
 * is truncated to the ICV length (RFC 2404 §2, RFC 4868 §2.1). The receiver verifies the ICV before
 * decrypting, comparing in constant time.
 *
 * <p>IV: {@code E_K("ESP-CBC-" || 64-bit sequence number)} under the SA's own AES key, i.e. the
 * forward cipher applied to a unique nonce — the first method of NIST SP 800-38A Appendix C. It is
 * deterministic, never repeats within an SA and is unpredictable without the key, which is what
 * CBC requires (RFC 3602 §3).
 *
 * <p>A provider supplies four primitives: one AES block encryption (for the IV), CBC over whole
 * blocks in place, and HMAC update / final.
 */
abstract class EncryptThenMacEspCipher implements EspCipher {
    static final int AES_BLOCK = 16;

    private final EspEncryption encryption;
    private final EspIntegrity integrity;
    private final boolean esn;
    private final boolean encrypts;
    private final boolean authenticates;
    /** The full HMAC output; the ICV is its first {@code icvLength()} bytes. */
    private byte[] mac;
    private final byte[] ivBlock = new byte[AES_BLOCK];
    private final byte[] seqHigh = new byte[4];

    EncryptThenMacEspCipher(EspEncryption encryption, EspIntegrity integrity, boolean esn) {
        this.encryption = encryption;
        this.integrity = integrity;
        this.esn = esn;
        this.encrypts = encryption != EspEncryption.NULL;
        this.authenticates = integrity != EspIntegrity.NONE;
    }

    /** Called once by the subclass constructor, when its MAC knows its output length. */
    final void macLength(int length) {
        mac = new byte[length];
    }

    /** Encrypts one AES block from {@code in} into {@code out} at {@code outOff}. */
    abstract void encryptBlock(byte[] in, byte[] out, int outOff);

    /** AES-CBC over {@code length} bytes (whole blocks) at {@code textOff}, in place, with the IV at {@code ivOff}. */
    abstract void cbc(boolean encrypt, byte[] buf, int ivOff, int textOff, int length);

    abstract void macUpdate(byte[] buf, int off, int len);

    /** Finishes the MAC into {@code out} (full length) and resets it for the next packet. */
    abstract void macFinal(byte[] out);

    @Override
    public final EspEncryption encryption() {
        return encryption;
    }

    @Override
    public final EspIntegrity integrity() {
        return integrity;
    }

    @Override
    public final int ivLength() {
        return encryption.ivLength();
    }

    @Override
    public final int icvLength() {
        return integrity.icvLength();
    }

    @Override
    public final int alignment() {
        return Math.max(4, encryption.blockSize());
    }

    @Override
    public final void writeIv(long sequence, byte[] buf, int ivOff) {
        if (!encrypts) {
            return;
        }
        // "ESP-CBC-" as a domain label, then the sequence number, big-endian.
        ivBlock[0] = 'E';
        ivBlock[1] = 'S';
        ivBlock[2] = 'P';
        ivBlock[3] = '-';
        ivBlock[4] = 'C';
        ivBlock[5] = 'B';
        ivBlock[6] = 'C';
        ivBlock[7] = '-';
        for (int i = 15; i >= 8; i--) {
            ivBlock[i] = (byte) sequence;
            sequence >>>= 8;
        }
        encryptBlock(ivBlock, buf, ivOff);
    }

    @Override
    public final void seal(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int ivOff = espOff + 8;
        int textOff = ivOff + ivLength();
        if (encrypts) {
            checkBlocks(textLength);
            cbc(true, buf, ivOff, textOff, textLength);
        }
        if (authenticates) {
            computeMac(buf, espOff, textOff + textLength - espOff, sequenceHigh);
            System.arraycopy(mac, 0, buf, textOff + textLength, integrity.icvLength());
        }
    }

    @Override
    public final boolean open(byte[] buf, int espOff, int textLength, int sequenceHigh) {
        int ivOff = espOff + 8;
        int textOff = ivOff + ivLength();
        if (authenticates) {
            computeMac(buf, espOff, textOff + textLength - espOff, sequenceHigh);
            int icvOff = textOff + textLength;
            int diff = 0;
            for (int i = 0; i < integrity.icvLength(); i++) {
                diff |= mac[i] ^ buf[icvOff + i];
            }
            if (diff != 0) {
                return false;
            }
        }
        if (encrypts) {
            checkBlocks(textLength);
            cbc(false, buf, ivOff, textOff, textLength);
        }
        return true;
    }

    private void computeMac(byte[] buf, int off, int len, int sequenceHigh) {
        macUpdate(buf, off, len);
        if (esn) {
            seqHigh[0] = (byte) (sequenceHigh >>> 24);
            seqHigh[1] = (byte) (sequenceHigh >>> 16);
            seqHigh[2] = (byte) (sequenceHigh >>> 8);
            seqHigh[3] = (byte) sequenceHigh;
            macUpdate(seqHigh, 0, 4);
        }
        macFinal(mac);
    }

    private static void checkBlocks(int textLength) {
        if (textLength % AES_BLOCK != 0) {
            throw new IllegalArgumentException("CBC text of " + textLength + " bytes is not a whole number of blocks");
        }
    }
}
