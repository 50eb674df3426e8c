package io.tunnelsim.routing.bfd;

import io.tunnelsim.wire.DropReason;

/**
 * Why a received BFD Control packet was dropped (RFC 5880 §6.8.6, RFC 5881 §4–5, RFC 5883 §5).
 * The first group are the codec's checks, which need no session; the rest are made by the
 * node's BFD service. Each constant's {@link #label()} is the stable name the node counts the
 * drop under ({@code show counters}, {@code summary.json}).
 */
public enum BfdDrop implements DropReason {
    /** Fewer than the 24 bytes of the mandatory section. */
    TRUNCATED("bfd-truncated"),
    /** Version other than 1. */
    BAD_VERSION("bfd-bad-version"),
    /** Length field below 24, or below 26 with the A bit. */
    BAD_LENGTH("bfd-bad-length"),
    /** Length field beyond the UDP payload. */
    LENGTH_EXCEEDS_PAYLOAD("bfd-length-exceeds-payload"),
    /** Detect Mult 0. */
    ZERO_DETECT_MULT("bfd-zero-detect-mult"),
    /** The M (multipoint) bit, reserved for future point-to-multipoint extensions. */
    MULTIPOINT("bfd-multipoint"),
    /** My Discriminator 0. */
    ZERO_MY_DISCRIMINATOR("bfd-zero-my-discriminator"),
    /** Your Discriminator 0 while the State field is Init or Up. */
    ZERO_YOUR_DISCRIMINATOR("bfd-zero-your-discriminator"),
    /** The A bit: no authentication is configured, so the packet must be discarded. */
    AUTH_UNSUPPORTED("bfd-auth-unsupported"),
    /** Single hop with an IP TTL other than 255 (RFC 5881 §5, GTSM). */
    TTL_NOT_255("bfd-ttl-not-255"),
    /** Single hop from a UDP source port below 49152 (RFC 5881 §4). */
    BAD_SOURCE_PORT("bfd-bad-source-port"),
    /** Multihop with a TTL below the session's {@code minimum-ttl} (RFC 5883 §5). */
    TTL_BELOW_MINIMUM("bfd-ttl-below-minimum"),
    /** Your Discriminator names no session of this node. */
    UNKNOWN_DISCRIMINATOR("bfd-unknown-discriminator"),
    /** Your Discriminator names a session of the other kind (single hop/multihop) or another interface. */
    SESSION_MISMATCH("bfd-session-mismatch"),
    /** Your Discriminator 0 and no session for the interface and source (or source and destination). */
    NO_SESSION("bfd-no-session"),
    /** The session is AdminDown: the packet is discarded by its state machine (RFC 5880 §6.8.6). */
    ADMIN_DOWN("bfd-admin-down"),
    /** The node's BFD service is not running (the router is down). */
    NOT_RUNNING("bfd-not-running");

    private final String label;

    BfdDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
