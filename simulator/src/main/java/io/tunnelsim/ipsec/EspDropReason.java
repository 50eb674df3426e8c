package io.tunnelsim.ipsec;

/** Why ESP processing refused a packet, with the stable names under which nodes count drops. */
public enum EspDropReason implements io.tunnelsim.wire.DropReason {
    /** No inbound SA has the packet's SPI (RFC 4303 §3.4.2). */
    UNKNOWN_SPI("esp-unknown-spi"),
    /** Duplicate, or older than the left edge of the replay window (RFC 4303 §3.4.3). */
    REPLAY("esp-replay"),
    /** Integrity check failed (RFC 4303 §3.4.4). */
    ICV_FAILED("esp-icv-failed"),
    /** Pad length larger than the text, or padding not the default 1, 2, 3, … (RFC 4303 §2.4). */
    BAD_PADDING("esp-bad-padding"),
    /** Shorter than header + IV + trailer + ICV. */
    TRUNCATED("esp-truncated"),
    /** Encrypted text not a whole number of cipher blocks. */
    BAD_LENGTH("esp-bad-length"),
    /** The outbound counter would cycle; the SA must be replaced (RFC 4303 §3.3.3). */
    SEQUENCE_OVERFLOW("esp-seq-overflow"),
    /** The SA reached its hard lifetime (RFC 4301 §4.4.2.1). */
    SA_EXPIRED("esp-sa-expired");

    private final String reason;

    EspDropReason(String reason) {
        this.reason = reason;
    }

    /** The stable drop-reason name, e.g. {@code esp-replay}. */
    public String reason() {
        return reason;
    }

    @Override
    public String label() {
        return reason;
    }
}
