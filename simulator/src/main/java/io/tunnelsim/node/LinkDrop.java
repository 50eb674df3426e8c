package io.tunnelsim.node;

import io.tunnelsim.wire.DropReason;

/**
 * Why a frame vanished on a link rather than in a node (published as
 * {@link io.tunnelsim.node.event.FrameLost} for probe packets; the segment counts them in
 * {@code link.lost-*}).
 */
public enum LinkDrop implements DropReason {
    /** The link fails silently: frames vanish, interfaces stay up. */
    SILENT_FAILURE("silent-failure"),
    /** The link's configured random loss. */
    RANDOM_LOSS("random-loss"),
    /** The carrier went away while the frame was on the wire. */
    NO_CARRIER("no-carrier");

    private final String label;

    LinkDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
