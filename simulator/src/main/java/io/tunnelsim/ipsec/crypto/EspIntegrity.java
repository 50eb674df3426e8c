package io.tunnelsim.ipsec.crypto;

/**
 * ESP integrity algorithms: HMAC truncated to the ICV length.
 *
 * <ul>
 *   <li>{@code NONE} — no separate integrity transform: required with combined-mode encryption
 *       (RFC 4106), and tolerated with CBC for confidentiality-only SAs (RFC 4303 §3.2 permits them;
 *       RFC 3602's packet test cases use one).</li>
 *   <li>{@code HMAC_SHA1_96} — RFC 2404: 20-byte key, ICV = first 12 bytes of HMAC-SHA-1.</li>
 *   <li>{@code HMAC_SHA256_128} — RFC 4868 §2.1: 32-byte key, ICV = first 16 bytes of
 *       HMAC-SHA-256.</li>
 * </ul>
 */
public enum EspIntegrity {
    NONE(0, 0),
    HMAC_SHA1_96(20, 12),
    HMAC_SHA256_128(32, 16);

    private final int keyLength;
    private final int icvLength;

    EspIntegrity(int keyLength, int icvLength) {
        this.keyLength = keyLength;
        this.icvLength = icvLength;
    }

    public int keyLength() {
        return keyLength;
    }

    public int icvLength() {
        return icvLength;
    }
}
