package io.tunnelsim.report.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One action of one variant across all its flows: the figure a comparison table shows. Flows
 * that never worked are counted apart and left out of the figures.
 *
 * @param action                    action label
 * @param atNs                      action time
 * @param outcome                   the worst outcome over the flows that worked
 * @param flows                     number of flows
 * @param flowsNotRecovered         flows still losing probes when the window closed
 * @param flowsNeverWorked          flows that had delivered nothing before the action
 * @param longestLossWindowNs       longest loss window of any flow; empty unless recovered
 * @param timeWithoutDeliveryNs     largest total time without delivery of any flow; empty unless recovered
 * @param recoveryNs                latest full recovery of any flow after the action; empty unless recovered
 * @param outageAtLeastNs           when not recovered: the longest open loss window, a lower bound
 * @param lostProbes                lost probes summed over the flows
 * @param inFlightProbes            probes still in flight at the end of the run, summed
 * @param controlPlaneNs            last FIB change anywhere after the action; empty when none
 * @param windowEndNs               end of the action's window
 * @param nextAction                the action that closed the window, when one did
 */
public record ActionSummary(String action, long atNs, Outcome outcome, int flows, int flowsNotRecovered,
                            int flowsNeverWorked, OptionalLong longestLossWindowNs, OptionalLong timeWithoutDeliveryNs,
                            OptionalLong recoveryNs, OptionalLong outageAtLeastNs, long lostProbes, long inFlightProbes,
                            OptionalLong controlPlaneNs, long windowEndNs, Optional<String> nextAction) {
    public ActionSummary {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(longestLossWindowNs, "longestLossWindowNs");
        Objects.requireNonNull(timeWithoutDeliveryNs, "timeWithoutDeliveryNs");
        Objects.requireNonNull(recoveryNs, "recoveryNs");
        Objects.requireNonNull(outageAtLeastNs, "outageAtLeastNs");
        Objects.requireNonNull(controlPlaneNs, "controlPlaneNs");
        Objects.requireNonNull(nextAction, "nextAction");
    }

    public boolean recovered() {
        return outcome.recovered();
    }
}
