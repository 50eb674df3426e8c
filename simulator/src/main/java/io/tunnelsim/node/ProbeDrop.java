package io.tunnelsim.node;

import io.tunnelsim.wire.DropReason;

/**
 * Drop reasons of the probe receivers of a scenario. Each constant's {@link #label()} is the stable
 * name the node counts the drop under ({@code show counters}, {@code summary.json}).
 */
public enum ProbeDrop implements DropReason {
    PROBE_TRUNCATED("probe-truncated"),
    PROBE_UNKNOWN_FLOW("probe-unknown-flow");

    private final String label;

    ProbeDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
