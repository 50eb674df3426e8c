package io.tunnelsim.ipsec;

import io.tunnelsim.ipsec.crypto.EspCipherProvider;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.wire.Bytes;

/**
 * What both peers of an IPsec session agree on, as a router's transform set and IPsec profile
 * would say it: algorithms, mode, lifetimes, replay window and where the keys come from. Plain
 * values only, so a topology file maps onto it directly.
 *
 * <pre>
 * crypto ipsec transform-set TS esp-gcm          (encryption, integrity)
 *  mode transport                                 (mode)
 * crypto ipsec security-association lifetime seconds 3600      (lifetimeSeconds)
 * crypto ipsec security-association lifetime kilobytes 4608000 (lifetimeBytes / 1000)
 * crypto ipsec security-association replay window-size 64      (replayWindow)
 * </pre>
 *
 * <p>Lifetimes are the hard limits of RFC 4301 §4.4.2.1; the session replaces an SA pair at the
 * soft limit, {@link #SOFT_LIFETIME_PERCENT} % of the hard one (a router's rekey margin). Zero
 * means no limit. {@code overlapSeconds} is how long the replaced inbound SAs keep accepting
 * packets still in flight.
 *
 * <p>Keys: {@code manualKeys == null} means {@code keys: auto} — SPIs and keys derived by
 * {@link KeyDerivation} from the scenario seed and the peer names, new ones on every rekey.
 * Manual keys (RFC 4301 §4.5) are fixed: such SAs cannot be rekeyed, so they take no lifetime.
 * AES-GCM refuses them (RFC 4106 §8: a counter reset after a reboot would repeat IVs under the
 * same key).
 *
 * @param encryption     ESP encryption transform
 * @param integrity      ESP integrity transform ({@code NONE} with AES-GCM)
 * @param mode           TRANSPORT (tunnel protection over GRE) or TUNNEL (crypto map)
 * @param lifetimeSeconds hard lifetime in seconds, 0 = none
 * @param lifetimeBytes  hard lifetime in payload bytes, 0 = none
 * @param replayWindow   anti-replay window size in packets (RFC 4303 §3.4.3), {@link #MIN_REPLAY_WINDOW} to
 *                       {@link #MAX_REPLAY_WINDOW}; 0 disables the check, as a router's
 *                       {@code crypto ipsec security-association replay disable} (the receiver's choice, §3.4.3)
 * @param overlapSeconds how long replaced inbound SAs stay installed after a rekey
 * @param manualKeys     fixed keys, or null for {@code keys: auto}
 */
public record IpsecProfile(EspEncryption encryption, EspIntegrity integrity, SecurityAssociation.Mode mode,
                           long lifetimeSeconds, long lifetimeBytes, int replayWindow, long overlapSeconds,
                           ManualKeys manualKeys) {

    /** Routers' default SA lifetime: one hour. */
    public static final long DEFAULT_LIFETIME_SECONDS = 3600;
    /** Routers' default volume lifetime: 4 608 000 kilobytes. */
    public static final long DEFAULT_LIFETIME_BYTES = 4_608_000_000L;
    public static final long DEFAULT_OVERLAP_SECONDS = 30;
    /** Why AES-GCM refuses manual keys. */
    public static final String GCM_MANUAL_KEYS = "AES-GCM cannot use manual keys: RFC 4106 §8 forbids statically "
            + "configured keys, because a counter that restarts (a reboot) repeats IVs under the same key; use keys: auto";

    /** Smallest replay window: 0, anti-replay disabled. */
    public static final int MIN_REPLAY_WINDOW = 0;
    /** Largest replay window the receiver keeps. */
    public static final int MAX_REPLAY_WINDOW = ReplayWindow.MAX_SIZE;

    /** The SA pair is replaced when this share of either hard lifetime is used up. */
    public static final int SOFT_LIFETIME_PERCENT = 90;

    /**
     * Fixed keys for the two directions of a session; "a" and "b" are the first and second
     * endpoint given to {@link IpsecSetup}. Keys are hex strings (an optional {@code 0x} prefix and
     * {@code :} separators are ignored); for AES-GCM the encryption key is key followed by the
     * 4-byte salt; an empty integrity key goes with {@code NONE}.
     */
    public record ManualKeys(long spiAToB, String encryptionKeyAToB, String integrityKeyAToB,
                             long spiBToA, String encryptionKeyBToA, String integrityKeyBToA) {
        public ManualKeys {
            if (!Esp.isValidSpi(spiAToB) || !Esp.isValidSpi(spiBToA)) {
                throw new IllegalArgumentException("manual SPIs must lie in " + Esp.MIN_SPI + "-" + Esp.MAX_SPI);
            }
            if (encryptionKeyAToB == null || encryptionKeyBToA == null) {
                throw new IllegalArgumentException("manual keys need an encryption key each way (empty for NULL)");
            }
            integrityKeyAToB = integrityKeyAToB == null ? "" : integrityKeyAToB;
            integrityKeyBToA = integrityKeyBToA == null ? "" : integrityKeyBToA;
        }

        /** Parses a hex key: optional 0x prefix, optional ':' or whitespace separators. */
        public static byte[] parseHex(String text) {
            String t = text.strip();
            if (t.startsWith("0x") || t.startsWith("0X")) {
                t = t.substring(2);
            }
            t = t.replace(":", "").replace(" ", "");
            if (t.length() % 2 != 0 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("key '" + text + "' is not an even number of hex digits");
            }
            return Bytes.fromHex(t);
        }
    }

    public IpsecProfile {
        if (encryption == null || integrity == null || mode == null) {
            throw new IllegalArgumentException("IPsec profile needs encryption, integrity and mode");
        }
        if (encryption.combinedMode() && integrity != EspIntegrity.NONE) {
            throw new IllegalArgumentException(encryption + " is a combined mode and takes no integrity algorithm");
        }
        if (encryption == EspEncryption.NULL && integrity == EspIntegrity.NONE) {
            throw new IllegalArgumentException("ESP needs confidentiality, integrity or both (RFC 4303 §3.2)");
        }
        if (lifetimeSeconds < 0 || lifetimeBytes < 0 || overlapSeconds < 0) {
            throw new IllegalArgumentException("lifetimes and overlap must not be negative");
        }
        if (lifetimeSeconds > Long.MAX_VALUE / 1_000_000_000L || overlapSeconds > Long.MAX_VALUE / 1_000_000_000L) {
            throw new IllegalArgumentException("lifetime or overlap too large");
        }
        if (replayWindow < MIN_REPLAY_WINDOW || replayWindow > MAX_REPLAY_WINDOW) {
            throw new IllegalArgumentException("replay window " + replayWindow + " is outside " + MIN_REPLAY_WINDOW + "-"
                    + MAX_REPLAY_WINDOW + " (0 disables anti-replay)");
        }
        if (manualKeys != null) {
            if (encryption.combinedMode()) {
                throw new IllegalArgumentException(GCM_MANUAL_KEYS);
            }
            if (lifetimeSeconds != 0 || lifetimeBytes != 0) {
                throw new IllegalArgumentException("manually keyed SAs cannot be rekeyed: set both lifetimes to 0");
            }
            EspCipherProvider.validate(encryption, ManualKeys.parseHex(manualKeys.encryptionKeyAToB()),
                    integrity, ManualKeys.parseHex(manualKeys.integrityKeyAToB()));
            EspCipherProvider.validate(encryption, ManualKeys.parseHex(manualKeys.encryptionKeyBToA()),
                    integrity, ManualKeys.parseHex(manualKeys.integrityKeyBToA()));
            if (manualKeys.spiAToB() == manualKeys.spiBToA()) {
                throw new IllegalArgumentException("the two directions need different SPIs");
            }
        }
    }

    /** Tunnel protection defaults: transport mode, routers' default lifetimes, window 64, {@code keys: auto}. */
    public static IpsecProfile transport(EspEncryption encryption, EspIntegrity integrity) {
        return new IpsecProfile(encryption, integrity, SecurityAssociation.Mode.TRANSPORT, DEFAULT_LIFETIME_SECONDS,
                DEFAULT_LIFETIME_BYTES, ReplayWindow.DEFAULT_SIZE, DEFAULT_OVERLAP_SECONDS, null);
    }

    /** Crypto map defaults: tunnel mode, otherwise as {@link #transport}. */
    public static IpsecProfile tunnel(EspEncryption encryption, EspIntegrity integrity) {
        return transport(encryption, integrity).withMode(SecurityAssociation.Mode.TUNNEL);
    }

    public IpsecProfile withMode(SecurityAssociation.Mode m) {
        return new IpsecProfile(encryption, integrity, m, lifetimeSeconds, lifetimeBytes, replayWindow, overlapSeconds,
                manualKeys);
    }

    public IpsecProfile withLifetime(long seconds, long bytes) {
        return new IpsecProfile(encryption, integrity, mode, seconds, bytes, replayWindow, overlapSeconds, manualKeys);
    }

    public IpsecProfile withReplayWindow(int size) {
        return new IpsecProfile(encryption, integrity, mode, lifetimeSeconds, lifetimeBytes, size, overlapSeconds,
                manualKeys);
    }

    public IpsecProfile withOverlap(long seconds) {
        return new IpsecProfile(encryption, integrity, mode, lifetimeSeconds, lifetimeBytes, replayWindow, seconds,
                manualKeys);
    }

    /** Fixed keys; clears the lifetimes, which manual SAs do not have. */
    public IpsecProfile withManualKeys(ManualKeys keys) {
        return new IpsecProfile(encryption, integrity, mode, keys == null ? lifetimeSeconds : 0,
                keys == null ? lifetimeBytes : 0, replayWindow, overlapSeconds, keys);
    }

    /** The SA lifetime: the soft limits at {@link #SOFT_LIFETIME_PERCENT} % of the hard ones. */
    public SaLifetime saLifetime() {
        long hardNanos = lifetimeSeconds * 1_000_000_000L;
        return new SaLifetime(hardNanos / 100 * SOFT_LIFETIME_PERCENT, hardNanos,
                lifetimeBytes / 100 * SOFT_LIFETIME_PERCENT, lifetimeBytes);
    }

    /**
     * Why two ends configured with {@code x} and {@code y} could not agree on an SA, or null when
     * they can. IKE quick mode (or the IKEv2 CHILD_SA exchange) needs the same transform and
     * mode at both ends; manual keys need manual keys at the other end that mirror them (the
     * same profile used at both ends is read from each end's side, so it mirrors itself).
     * Lifetimes and replay windows may differ: lifetimes are agreed ({@link #agreed}), a replay
     * window is the receiver's own.
     */
    public static String mismatch(IpsecProfile x, IpsecProfile y) {
        if (x.encryption != y.encryption || x.integrity != y.integrity || x.mode != y.mode) {
            return "local " + x.transformText() + ", peer " + y.transformText();
        }
        ManualKeys kx = x.manualKeys;
        ManualKeys ky = y.manualKeys;
        if ((kx == null) != (ky == null)) {
            return "manual keys at one end, keys: auto at the other";
        }
        if (kx != null && !kx.equals(ky) && !(kx.spiAToB == ky.spiBToA && kx.spiBToA == ky.spiAToB
                && sameHex(kx.encryptionKeyAToB, ky.encryptionKeyBToA) && sameHex(kx.encryptionKeyBToA, ky.encryptionKeyAToB)
                && sameHex(kx.integrityKeyAToB, ky.integrityKeyBToA) && sameHex(kx.integrityKeyBToA, ky.integrityKeyAToB))) {
            return "the manual keys of the two ends do not mirror each other (spi-out of one is spi-in of the other)";
        }
        return null;
    }

    private static boolean sameHex(String p, String q) {
        return java.util.Arrays.equals(ManualKeys.parseHex(p), ManualKeys.parseHex(q));
    }

    /**
     * The profile a session of two compatible ends runs: {@code x}'s, with each lifetime the
     * shorter of the two (a responder accepts a proposal whose lifetime is not above its own;
     * 0, no limit, gives way to any limit).
     */
    public static IpsecProfile agreed(IpsecProfile x, IpsecProfile y) {
        if (x.manualKeys != null) {
            return x;
        }
        return x.withLifetime(shorter(x.lifetimeSeconds, y.lifetimeSeconds), shorter(x.lifetimeBytes, y.lifetimeBytes));
    }

    private static long shorter(long p, long q) {
        return p == 0 ? q : q == 0 ? p : Math.min(p, q);
    }

    /** The transform-set spelling, e.g. {@code esp-aes esp-sha256-hmac, mode tunnel}. */
    public String transformText() {
        String enc = switch (encryption) {
            case NULL -> "esp-null";
            case AES_CBC_128 -> "esp-aes";
            case AES_CBC_256 -> "esp-aes 256";
            case AES_GCM_128_16 -> "esp-gcm";
            case AES_GCM_256_16 -> "esp-gcm 256";
        };
        String auth = switch (integrity) {
            case NONE -> "";
            case HMAC_SHA1_96 -> " esp-sha-hmac";
            case HMAC_SHA256_128 -> " esp-sha256-hmac";
        };
        return enc + auth + ", mode " + (mode == SecurityAssociation.Mode.TUNNEL ? "tunnel" : "transport");
    }

    /**
     * The largest GRE packet (GRE header and passenger, without its IPv4 header) that this
     * profile's ESP packet carries within {@code outerMtu}, padding included: the tunnel MTU a
     * router reports under protection is this minus the GRE header. ESP (RFC 4303 §2.4) pads
     * payload + 2 trailer bytes to the cipher's block (4 bytes at least), so the figure is exact
     * rather than worst-case:
     * <pre>
     *   room    = outerMtu − 20 (outer IPv4)
     *   enc     = floor((room − 8 (SPI, seq) − IV − ICV) / align) × align
     *   payload = enc − 2 (pad length, next header)   [tunnel mode: − 20 more, the inner IPv4 header]
     *   AES-GCM-128 transport, 1500:  1480 − 8 − 8 − 16 = 1448 → 1446 → passenger 1442 after 4 bytes of GRE
     *   AES-CBC-128 + HMAC-SHA-256-128 transport, 1500: 1480 − 8 − 16 − 16 = 1440 → 1438 → passenger 1434
     * </pre>
     */
    public int largestGrePacket(int outerMtu) {
        int align = Math.max(4, encryption.blockSize());
        int fixed = Esp.HEADER_LENGTH + encryption.ivLength() + encryption.icvLength() + integrity.icvLength();
        int enc = (outerMtu - 20 - fixed) / align * align;
        int payload = enc - Esp.TRAILER_LENGTH;
        return mode == SecurityAssociation.Mode.TUNNEL ? payload - 20 : payload;
    }

    /** The most bytes ESP adds to a packet of this profile (header, IV, worst padding, trailer, ICV, outer header in tunnel mode). */
    public int overhead() {
        int alignment = Math.max(4, encryption.blockSize());
        int esp = Esp.HEADER_LENGTH + encryption.ivLength() + (alignment - 1) + Esp.TRAILER_LENGTH
                + encryption.icvLength() + integrity.icvLength();
        return mode == SecurityAssociation.Mode.TUNNEL ? esp + 20 : esp;
    }
}
