package io.tunnelsim.report.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The data-plane outcome of one timeline action for one flow, plus the action's control-plane
 * activity (shared by all flows of that action). Definitions are in
 * {@code io.tunnelsim.report.ConvergenceAnalyzer}.
 *
 * @param action          action label
 * @param atNs            action time in nanoseconds
 * @param flow            flow name
 * @param probesSent      probes of this flow sent in the action's window
 * @param lostProbes      of those, how many were lost
 * @param outageNs        outage duration; empty when the flow never recovered in the window
 * @param timeToZeroLossNs time from the action to the first probe of the loss-free tail;
 *                        empty when the flow never recovered in the window
 * @param controlPlane    FIB and state changes in the window
 */
public record ActionResult(String action, long atNs, String flow, int probesSent, int lostProbes,
                           OptionalLong outageNs, OptionalLong timeToZeroLossNs, ControlPlane controlPlane) {

    public ActionResult {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(outageNs, "outageNs");
        Objects.requireNonNull(timeToZeroLossNs, "timeToZeroLossNs");
        Objects.requireNonNull(controlPlane, "controlPlane");
        if (lostProbes < 0 || lostProbes > probesSent) {
            throw new IllegalArgumentException("lostProbes " + lostProbes + " not in [0, " + probesSent + "]");
        }
        if (outageNs.isPresent() != timeToZeroLossNs.isPresent()) {
            throw new IllegalArgumentException("outage and time to zero loss must both be present or both absent");
        }
    }

    /** True when the flow delivered every probe from some point up to the end of the window. */
    public boolean recovered() {
        return outageNs.isPresent();
    }
}
