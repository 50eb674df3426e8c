package io.tunnelsim.ipsec;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.crypto.EspCipher;
import io.tunnelsim.ipsec.crypto.EspCipherProvider;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.ipsec.crypto.JdkEspCipherProvider;
import java.util.HexFormat;

/**
 * One unidirectional ESP security association, RFC 4301 §4.4.2: SPI, endpoints, mode,
 * algorithms and keys, the outbound sequence counter or the inbound replay window, lifetime and
 * counters.
 *
 * <p>An SA is either {@link Direction#OUTBOUND} (sealed with by the sender) or
 * {@link Direction#INBOUND} (opened with by the receiver); a pair of peers uses two, one each way.
 * Build both from one {@link Builder}, changing only the direction.
 *
 * <p>Lifetimes: byte limits are checked on every packet; time limits when the owner calls
 * {@link #checkLifetime(long)} with the current simulation time, typically from timers set at
 * {@link #softExpiryTime()} and {@link #hardExpiryTime()}. Once hard-expired an SA refuses all
 * packets.
 *
 * <p>Simplifications: IPv4 endpoints only; no IKE: keys are configured or derived by
 * {@link KeyDerivation}; the SA does not carry its own traffic selectors (the SPD entry that
 * points to it does).
 */
public final class SecurityAssociation {

    public enum Mode { TRANSPORT, TUNNEL }

    public enum Direction { INBOUND, OUTBOUND }

    public enum LifetimeState { ALIVE, SOFT_EXPIRED, HARD_EXPIRED }

    private final long spi;
    private final Ipv4Address source;
    private final Ipv4Address destination;
    private final Mode mode;
    private final Direction direction;
    private final EspEncryption encryption;
    private final byte[] encryptionKey;
    private final EspIntegrity integrity;
    private final byte[] integrityKey;
    private final boolean esn;
    private final boolean antiReplay;
    private final SaLifetime lifetime;
    private final long createdAt;
    private final EspCipher cipher;
    private final ReplayWindow replayWindow;

    private long lastSequence;
    private LifetimeState state = LifetimeState.ALIVE;
    private long packets;
    private long bytes;
    private final long[] drops = new long[EspDropReason.values().length];

    private SecurityAssociation(Builder b, EspCipherProvider provider) {
        if (!Esp.isValidSpi(b.spi)) {
            throw new IllegalArgumentException("SPI " + b.spi + " is outside " + Esp.MIN_SPI + "-" + Esp.MAX_SPI);
        }
        if (b.source == null || b.destination == null) {
            throw new IllegalArgumentException("SA needs a source and a destination address");
        }
        if (b.direction == null) {
            throw new IllegalArgumentException("SA needs a direction");
        }
        this.spi = b.spi;
        this.source = b.source;
        this.destination = b.destination;
        this.mode = b.mode;
        this.direction = b.direction;
        this.encryption = b.encryption;
        this.encryptionKey = b.encryptionKey.clone();
        this.integrity = b.integrity;
        this.integrityKey = b.integrityKey.clone();
        this.esn = b.esn;
        this.antiReplay = b.antiReplay;
        this.lifetime = b.lifetime;
        this.createdAt = b.createdAt;
        this.lastSequence = b.lastSequence;
        this.cipher = provider.create(encryption, encryptionKey, integrity, integrityKey, esn);
        this.replayWindow = new ReplayWindow(b.replayWindowSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    public long spi() {
        return spi;
    }

    public Ipv4Address source() {
        return source;
    }

    public Ipv4Address destination() {
        return destination;
    }

    public Mode mode() {
        return mode;
    }

    public Direction direction() {
        return direction;
    }

    public EspEncryption encryption() {
        return encryption;
    }

    /** A copy of the encryption key material (for GCM: key followed by salt). */
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    public EspIntegrity integrity() {
        return integrity;
    }

    public byte[] integrityKey() {
        return integrityKey.clone();
    }

    public boolean extendedSequenceNumbers() {
        return esn;
    }

    public boolean antiReplay() {
        return antiReplay;
    }

    public SaLifetime lifetime() {
        return lifetime;
    }

    public long createdAt() {
        return createdAt;
    }

    public EspCipher cipher() {
        return cipher;
    }

    /** The inbound replay window (also tracks the ESN high half). */
    public ReplayWindow replayWindow() {
        return replayWindow;
    }

    /** The sequence number of the last packet sealed (0 before the first). */
    public long lastSequence() {
        return lastSequence;
    }

    /** Packets sealed (outbound) or accepted (inbound). */
    public long packets() {
        return packets;
    }

    /** Payload bytes sealed or accepted. */
    public long bytes() {
        return bytes;
    }

    public long drops(EspDropReason reason) {
        return drops[reason.ordinal()];
    }

    public LifetimeState lifetimeState() {
        return state;
    }

    /** Absolute simulation time of the soft expiry, or {@link Long#MAX_VALUE} if none. */
    public long softExpiryTime() {
        return lifetime.softNanos() == 0 ? Long.MAX_VALUE : createdAt + lifetime.softNanos();
    }

    public long hardExpiryTime() {
        return lifetime.hardNanos() == 0 ? Long.MAX_VALUE : createdAt + lifetime.hardNanos();
    }

    /** Re-evaluates the lifetime at simulation time {@code now} (nanoseconds) and returns it. */
    public LifetimeState checkLifetime(long now) {
        if (now >= hardExpiryTime()) {
            state = LifetimeState.HARD_EXPIRED;
        } else if (state == LifetimeState.ALIVE && now >= softExpiryTime()) {
            state = LifetimeState.SOFT_EXPIRED;
        }
        return state;
    }

    /** Claims the next outbound sequence number, or returns 0 when the counter would cycle. */
    long claimSequence() {
        long limit = esn ? -1L : 0xFFFF_FFFFL;
        if (lastSequence == limit) {
            return 0;
        }
        return ++lastSequence;
    }

    void countAccepted(int payloadBytes) {
        packets++;
        bytes += payloadBytes;
        if (lifetime.hardBytes() > 0 && bytes >= lifetime.hardBytes()) {
            state = LifetimeState.HARD_EXPIRED;
        } else if (state == LifetimeState.ALIVE && lifetime.softBytes() > 0 && bytes >= lifetime.softBytes()) {
            state = LifetimeState.SOFT_EXPIRED;
        }
    }

    void countDrop(EspDropReason reason) {
        drops[reason.ordinal()]++;
    }

    @Override
    public String toString() {
        return "SA[" + direction + " spi=0x" + HexFormat.of().toHexDigits((int) spi) + " " + source + "->" + destination
                + " " + mode + " " + encryption + "/" + integrity + (esn ? " esn" : "") + "]";
    }

    /** Mutable, reusable description of an SA; {@link #build()} may be called repeatedly. */
    public static final class Builder {
        private long spi;
        private Ipv4Address source;
        private Ipv4Address destination;
        private Mode mode = Mode.TUNNEL;
        private Direction direction;
        private EspEncryption encryption = EspEncryption.AES_GCM_128_16;
        private byte[] encryptionKey = new byte[0];
        private EspIntegrity integrity = EspIntegrity.NONE;
        private byte[] integrityKey = new byte[0];
        private boolean esn;
        private boolean antiReplay = true;
        private int replayWindowSize = ReplayWindow.DEFAULT_SIZE;
        private SaLifetime lifetime = SaLifetime.UNLIMITED;
        private long createdAt;
        private long lastSequence;

        private Builder() {
        }

        public Builder spi(long spi) {
            this.spi = spi;
            return this;
        }

        public Builder source(Ipv4Address source) {
            this.source = source;
            return this;
        }

        public Builder destination(Ipv4Address destination) {
            this.destination = destination;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder encryption(EspEncryption encryption, byte[] keyMaterial) {
            this.encryption = encryption;
            this.encryptionKey = keyMaterial == null ? new byte[0] : keyMaterial.clone();
            return this;
        }

        public Builder integrity(EspIntegrity integrity, byte[] key) {
            this.integrity = integrity;
            this.integrityKey = key == null ? new byte[0] : key.clone();
            return this;
        }

        public Builder extendedSequenceNumbers(boolean esn) {
            this.esn = esn;
            return this;
        }

        /** Whether the receiver rejects replays (RFC 4303 §3.4.3 leaves the choice to it). */
        public Builder antiReplay(boolean antiReplay) {
            this.antiReplay = antiReplay;
            return this;
        }

        public Builder replayWindowSize(int size) {
            this.replayWindowSize = size;
            return this;
        }

        public Builder lifetime(SaLifetime lifetime) {
            this.lifetime = lifetime == null ? SaLifetime.UNLIMITED : lifetime;
            return this;
        }

        /** Simulation time (nanoseconds) at which the SA is installed; lifetimes count from it. */
        public Builder createdAt(long nanos) {
            this.createdAt = nanos;
            return this;
        }

        /**
         * Starts the outbound counter so that the next packet carries {@code next}; normally 1.
         * Useful to reproduce published test vectors or to exercise counter wrap.
         */
        public Builder nextSequence(long next) {
            this.lastSequence = next - 1;
            return this;
        }

        /** Builds with the default cipher provider, the JDK's (see {@link JdkEspCipherProvider}). */
        public SecurityAssociation build() {
            return build(JdkEspCipherProvider.INSTANCE);
        }

        public SecurityAssociation build(EspCipherProvider provider) {
            return new SecurityAssociation(this, provider);
        }
    }
}
