package io.tunnelsim.report.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a flow fared before the first timeline action (during start-up, while routing converged),
 * reported apart from the loss any action causes.
 *
 * @param flow             flow name
 * @param probesSent       probes sent before the first action (the whole run when there is none)
 * @param lostProbes       of those, how many were lost (probes still in flight at the end excluded)
 * @param firstDeliveredNs send time of the flow's first delivered probe, if any probe was ever delivered
 * @param neverWorked      true when probes were sent before the first action and none was delivered
 */
public record FlowStartup(String flow, int probesSent, int lostProbes, OptionalLong firstDeliveredNs, boolean neverWorked) {
    public FlowStartup {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(firstDeliveredNs, "firstDeliveredNs");
    }
}
