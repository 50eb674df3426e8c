package io.tunnelsim.wire;

/**
 * Raised by a codec when bytes do not form a valid header. The {@link #dropReason()} says why
 * (a {@link WireDrop} from the codecs in this package, the protocol's own enum from a codec
 * above it, such as BFD's or ESP's); the receiving node counts the drop under it. The
 * exception has no stack trace: it is part of the per-packet path.
 */
public final class MalformedPacketException extends Exception {
    private final DropReason reason;

    public MalformedPacketException(DropReason reason, String detail) {
        super(reason.label() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    /** Why the bytes were refused. */
    public DropReason dropReason() {
        return reason;
    }

    /** The reason's label, e.g. {@code ipv4-bad-checksum}: the name the drop is counted under. */
    public String reason() {
        return reason.label();
    }
}
