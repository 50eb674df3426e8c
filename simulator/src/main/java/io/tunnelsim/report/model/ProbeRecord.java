package io.tunnelsim.report.model;

import java.util.Objects;

/**
 * One probe packet of a flow: when it was sent and, if it arrived, when it was received.
 *
 * <p>{@code receivedNs} is {@link #NOT_RECEIVED} for a lost probe. The value never reaches
 * an output file: writers test {@link #delivered()} and leave the field empty instead.
 *
 * @param flow       flow name, e.g. {@code site-a->hq}
 * @param seq        sequence number within the flow, starting anywhere, increasing
 * @param sentNs     simulated send time in nanoseconds
 * @param receivedNs simulated receive time in nanoseconds, or {@link #NOT_RECEIVED}
 */
public record ProbeRecord(String flow, long seq, long sentNs, long receivedNs) {

    /** Marker for a probe that never arrived. */
    public static final long NOT_RECEIVED = -1L;

    public ProbeRecord {
        Objects.requireNonNull(flow, "flow");
        if (sentNs < 0) {
            throw new IllegalArgumentException("sentNs must be >= 0: " + sentNs);
        }
        if (receivedNs != NOT_RECEIVED && receivedNs < sentNs) {
            throw new IllegalArgumentException("probe " + flow + "#" + seq + " received at " + receivedNs
                    + " ns before it was sent at " + sentNs + " ns");
        }
    }

    /** A probe that was sent and lost. */
    public static ProbeRecord lost(String flow, long seq, long sentNs) {
        return new ProbeRecord(flow, seq, sentNs, NOT_RECEIVED);
    }

    public boolean delivered() {
        return receivedNs != NOT_RECEIVED;
    }
}
