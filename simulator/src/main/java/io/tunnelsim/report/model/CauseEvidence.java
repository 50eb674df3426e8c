package io.tunnelsim.report.model;

import java.util.List;

/**
 * The raw material of the causal chains of one run, gathered from the network's typed events
 * while it ran.
 *
 * @param flows      per flow, where its probes went
 * @param drops      every drop of a probe packet, in time order
 * @param detections state changes that can detect a failure or a repair, in time order
 * @param routes     FIB changes from the first action on, in time order
 */
public record CauseEvidence(List<FlowTrace> flows, List<ProbeLoss> drops, List<Detection> detections,
                            List<RouteChange> routes) {
    public CauseEvidence {
        flows = List.copyOf(flows);
        drops = List.copyOf(drops);
        detections = List.copyOf(detections);
        // a log's view is read-only and fixed already; a copy would make every record at once
        routes = routes instanceof FibChangeLog.View<?> ? routes : List.copyOf(routes);
    }

    /** No evidence (a run that did not gather any): every chain has only its drop counts. */
    public static CauseEvidence none() {
        return new CauseEvidence(List.of(), List.of(), List.of(), List.of());
    }
}
