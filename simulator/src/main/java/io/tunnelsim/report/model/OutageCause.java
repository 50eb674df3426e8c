package io.tunnelsim.report.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why one flow lost probes after one timeline action: the causal chain from the action to the
 * first delivered probe. Built by {@code io.tunnelsim.report.CauseAnalyzer} (definitions there)
 * only for a flow that lost probes in the action's window.
 *
 * @param path           the nodes the chain looks at: those the flow's probes crossed before the
 *                       action and after recovery, and those that dropped its probes; sorted
 * @param detection      the first event on the path that detected the change, if any
 * @param fibChanges     FIB changes on the path, for prefixes holding the flow's source or
 *                       destination, from the action to recovery (or the window's end)
 * @param firstDelivered the first probe delivered after the last loss (the recovery probe), if any
 * @param lost           lost probes (as {@link ActionResult#lostProbes})
 * @param inFlight       probes still in flight when the run ended (not drops)
 * @param drops          lost probes by place and reason, most first; their counts sum to {@code lost}
 */
public record OutageCause(List<String> path, Optional<Detection> detection, List<RouteChange> fibChanges,
                          Optional<ProbeRecord> firstDelivered, int lost, int inFlight, List<DropCount> drops) {

    public OutageCause {
        path = List.copyOf(path);
        Objects.requireNonNull(detection, "detection");
        fibChanges = List.copyOf(fibChanges);
        Objects.requireNonNull(firstDelivered, "firstDelivered");
        drops = List.copyOf(drops);
        int sum = 0;
        for (DropCount d : drops) {
            sum += d.count();
        }
        if (sum != lost) {
            throw new IllegalArgumentException("drop counts sum to " + sum + ", not to the " + lost + " lost probes");
        }
    }

    /** {@code 168 no-route at hq, 3 silent-failure in isp-a}. */
    public String dropSummary() {
        StringBuilder sb = new StringBuilder();
        for (DropCount d : drops) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(d.describe());
        }
        return sb.toString();
    }
}
