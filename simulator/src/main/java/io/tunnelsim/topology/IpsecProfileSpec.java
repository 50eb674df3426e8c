package io.tunnelsim.topology;

import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;

/**
 * An IPsec profile, used either as tunnel protection on a GRE tunnel or as a crypto map on an
 * Ethernet interface. Crypto-map use needs {@code peer}, {@code local} and {@code remote}.
 *
 * @param keys            manual keys, or empty for {@code keys: auto} (derived from the run's seed)
 * @param lifetimeNs      SA lifetime by time, 0 = none
 * @param lifetimeBytes   SA lifetime by volume, 0 = none
 * @param replayWindow    anti-replay window in packets, 0 disables the check
 */
public record IpsecProfileSpec(String name, Esp esp, Auth auth, Mode mode, Optional<Ipv4Address> peer,
                               Optional<Ipv4Prefix> local, Optional<Ipv4Prefix> remote, Optional<ManualKeys> keys,
                               long lifetimeNs, long lifetimeBytes, int replayWindow) {

    /** ESP encryption transform; key length includes the 4-byte salt for GCM (RFC 4106 §8.1). */
    public enum Esp {
        AES_GCM_128("aes-gcm-128", 20), AES_GCM_256("aes-gcm-256", 36), AES_CBC_128("aes-cbc-128", 16),
        AES_CBC_256("aes-cbc-256", 32), NULL("null", 0);

        private final String yamlName;
        private final int keyBytes;

        Esp(String yamlName, int keyBytes) {
            this.yamlName = yamlName;
            this.keyBytes = keyBytes;
        }

        public String yamlName() {
            return yamlName;
        }

        public int keyBytes() {
            return keyBytes;
        }

        public boolean isAead() {
            return this == AES_GCM_128 || this == AES_GCM_256;
        }
    }

    /** ESP integrity transform. */
    public enum Auth {
        HMAC_SHA256_128("hmac-sha256-128", 32), HMAC_SHA1_96("hmac-sha1-96", 20), NONE("none", 0);

        private final String yamlName;
        private final int keyBytes;

        Auth(String yamlName, int keyBytes) {
            this.yamlName = yamlName;
            this.keyBytes = keyBytes;
        }

        public String yamlName() {
            return yamlName;
        }

        public int keyBytes() {
            return keyBytes;
        }
    }

    /** RFC 4301 modes. */
    public enum Mode {
        TUNNEL, TRANSPORT
    }

    /**
     * Manually keyed SAs. Keys are lower-case hex without prefix; use
     * {@link SpecValues#hexBytes(String)} for bytes. Auth keys are empty for AEAD transforms.
     */
    public record ManualKeys(long spiIn, long spiOut, String keyIn, String keyOut, String authIn, String authOut) {
    }
}
