package io.tunnelsim.ipsec.module;

import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.ipsec.IpsecProfile;
import io.tunnelsim.ipsec.SecurityAssociation;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;

/**
 * An IPsec profile, used either as tunnel protection on a GRE tunnel or as a crypto map on an
 * Ethernet interface. Crypto-map use needs {@code peer}, {@code local} and {@code remote}.
 *
 * @param keys            manual keys, or empty for {@code keys: auto} (derived from the run's seed)
 * @param lifetimeNs      SA lifetime by time, 0 = none
 * @param lifetimeBytes   SA lifetime by volume, 0 = none
 * @param replayWindow    anti-replay window in packets, 0 disables the check
 * @param dfBit           DF bit of the outside header (IOS {@code crypto ipsec df-bit}, default copy)
 * @param fragmentation   where a packet too large once encrypted is fragmented (IOS
 *                        {@code crypto ipsec fragmentation}, default before encryption)
 */
public record IpsecProfileSpec(String name, Esp esp, Auth auth, Mode mode, Optional<Ipv4Address> peer,
                               Optional<Ipv4Prefix> local, Optional<Ipv4Prefix> remote, Optional<ManualKeys> keys,
                               long lifetimeNs, long lifetimeBytes, int replayWindow,
                               io.tunnelsim.ipsec.IpsecPeer.DfBit dfBit,
                               io.tunnelsim.ipsec.IpsecPeer.Fragmentation fragmentation) {

    /** A profile with IOS's DF defaults ({@code df-bit copy}, {@code fragmentation before-encryption}). */
    public IpsecProfileSpec(String name, Esp esp, Auth auth, Mode mode, Optional<Ipv4Address> peer,
                            Optional<Ipv4Prefix> local, Optional<Ipv4Prefix> remote, Optional<ManualKeys> keys,
                            long lifetimeNs, long lifetimeBytes, int replayWindow) {
        this(name, esp, auth, mode, peer, local, remote, keys, lifetimeNs, lifetimeBytes, replayWindow,
                io.tunnelsim.ipsec.IpsecPeer.DfBit.COPY, io.tunnelsim.ipsec.IpsecPeer.Fragmentation.BEFORE_ENCRYPTION);
    }

    /**
     * The profile the simulator runs for this spec; {@code defaultMode} applies when the spec
     * names no mode. Manually keyed profiles take no lifetime.
     *
     * @throws IllegalArgumentException for combinations the loader reports as errors
     */
    public IpsecProfile toProfile(Mode defaultMode) {
        EspEncryption enc = switch (esp) {
            case AES_GCM_128 -> EspEncryption.AES_GCM_128_16;
            case AES_GCM_256 -> EspEncryption.AES_GCM_256_16;
            case AES_CBC_128 -> EspEncryption.AES_CBC_128;
            case AES_CBC_256 -> EspEncryption.AES_CBC_256;
            case NULL -> EspEncryption.NULL;
        };
        EspIntegrity integ = switch (auth) {
            case HMAC_SHA256_128 -> EspIntegrity.HMAC_SHA256_128;
            case HMAC_SHA1_96 -> EspIntegrity.HMAC_SHA1_96;
            case NONE -> EspIntegrity.NONE;
        };
        Mode m = mode != null ? mode : defaultMode;
        IpsecProfile profile = IpsecProfile.transport(enc, integ)
                .withMode(m == Mode.TUNNEL ? SecurityAssociation.Mode.TUNNEL : SecurityAssociation.Mode.TRANSPORT)
                .withReplayWindow(replayWindow);
        if (keys.isPresent()) {
            ManualKeys k = keys.get();
            return profile.withLifetime(0, 0).withManualKeys(new IpsecProfile.ManualKeys(k.spiOut(), k.keyOut(), k.authOut(),
                    k.spiIn(), k.keyIn(), k.authIn()));
        }
        long seconds = lifetimeNs > 0 ? Math.max(1, lifetimeNs / 1_000_000_000L) : 0;
        return profile.withLifetime(seconds, lifetimeBytes);
    }

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

        /** The YAML words, declaration order. */
        public static java.util.List<String> yamlNames() {
            return java.util.Arrays.stream(values()).map(Esp::yamlName).toList();
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

        /** The YAML words, declaration order. */
        public static java.util.List<String> yamlNames() {
            return java.util.Arrays.stream(values()).map(Auth::yamlName).toList();
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
     * {@link io.tunnelsim.topology.SpecValues#hexBytes(String)} for bytes. Auth keys are empty for AEAD transforms.
     */
    public record ManualKeys(long spiIn, long spiOut, String keyIn, String keyOut, String authIn, String authOut) {
    }
}
