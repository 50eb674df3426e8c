package io.tunnelsim.wire;

/**
 * Raised by a codec when bytes do not form a valid header. The {@link #reason()} is a short
 * stable name (e.g. {@code ipv4-bad-checksum}) under which the receiving node counts the drop.
 */
public final class MalformedPacketException extends Exception {
    private final String reason;

    public MalformedPacketException(String reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
