package io.tunnelsim.report.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One stretch of consecutive lost probes of a flow: from the send time of the first lost probe
 * to the receive time of the first probe delivered after it. This is how long the flow was cut
 * off, independent of when the action that caused it happened.
 *
 * @param startNs     send time of the first lost probe
 * @param endNs       receive time of the first probe delivered after the stretch; empty when no
 *                    probe was delivered before the action's window closed (open window)
 * @param lost        lost probes in the stretch
 * @param openUntilNs end of the action's window; for an open window the duration is at least
 *                    {@code openUntilNs - startNs}
 */
public record LossWindow(long startNs, OptionalLong endNs, int lost, long openUntilNs) {
    public LossWindow {
        Objects.requireNonNull(endNs, "endNs");
        if (lost <= 0) {
            throw new IllegalArgumentException("a loss window loses at least one probe");
        }
        if (endNs.isPresent() && endNs.getAsLong() < startNs) {
            throw new IllegalArgumentException("loss window ends before it starts");
        }
    }

    public boolean open() {
        return endNs.isEmpty();
    }

    /** Duration of a closed window; for an open one, the lower bound up to the window's end. */
    public long durationNs() {
        return endNs.isPresent() ? endNs.getAsLong() - startNs : Math.max(0, openUntilNs - startNs);
    }
}
