package io.tunnelsim.report.model;

import java.util.Objects;

/**
 * A scenario timeline action as the report sees it.
 *
 * @param label human-readable label, e.g. {@code fail isp-a (silent)}; unique within a scenario
 * @param atNs  simulated time of the action in nanoseconds
 * @param kind  failure, restoration or other
 */
public record TimelineAction(String label, long atNs, ActionKind kind) {
    public TimelineAction {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (atNs < 0) {
            throw new IllegalArgumentException("action '" + label + "' at negative time " + atNs);
        }
    }
}
