package io.tunnelsim.report.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The data-plane outcome of one timeline action for one flow, plus the action's control-plane
 * activity (shared by all flows of that action). Definitions are in
 * {@code io.tunnelsim.report.ConvergenceAnalyzer}.
 *
 * @param action           action label
 * @param atNs             action time in nanoseconds
 * @param flow             flow name
 * @param outcome          what became of the flow
 * @param probesSent       probes of this flow sent in the action's window
 * @param lostProbes       of those, how many were lost (in-flight probes are not lost)
 * @param inFlightProbes   of those, how many were sent so close to the end of the run that their
 *                         reply could not have been seen
 * @param lossWindows      stretches of consecutive loss in the window, in time order
 * @param recoveryNs       time from the action to full recovery (receive time of the first probe
 *                         of the loss-free tail); present only when the outcome is recovered
 * @param timeToZeroLossNs time from the action to the sending of that probe; present with recoveryNs
 * @param windowEndNs      end of the action's window: the next action, or the end of the run
 * @param nextAction       label of the action that closed the window, when one did
 * @param controlPlane     FIB and state changes in the window
 * @param cause            why the flow lost probes (the causal chain); empty without loss, or
 *                         before {@code CauseAnalyzer} has run
 */
public record ActionResult(String action, long atNs, String flow, Outcome outcome, int probesSent, int lostProbes,
                           int inFlightProbes, List<LossWindow> lossWindows, OptionalLong recoveryNs,
                           OptionalLong timeToZeroLossNs, long windowEndNs, Optional<String> nextAction,
                           ControlPlane controlPlane, Optional<OutageCause> cause) {

    /** A result without its causal chain (added later by {@link #withCause}). */
    public ActionResult(String action, long atNs, String flow, Outcome outcome, int probesSent, int lostProbes,
                        int inFlightProbes, List<LossWindow> lossWindows, OptionalLong recoveryNs,
                        OptionalLong timeToZeroLossNs, long windowEndNs, Optional<String> nextAction,
                        ControlPlane controlPlane) {
        this(action, atNs, flow, outcome, probesSent, lostProbes, inFlightProbes, lossWindows, recoveryNs,
                timeToZeroLossNs, windowEndNs, nextAction, controlPlane, Optional.empty());
    }

    /** This result with its causal chain. */
    public ActionResult withCause(Optional<OutageCause> c) {
        return new ActionResult(action, atNs, flow, outcome, probesSent, lostProbes, inFlightProbes, lossWindows,
                recoveryNs, timeToZeroLossNs, windowEndNs, nextAction, controlPlane, c);
    }

    public ActionResult {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recoveryNs, "recoveryNs");
        Objects.requireNonNull(timeToZeroLossNs, "timeToZeroLossNs");
        Objects.requireNonNull(nextAction, "nextAction");
        Objects.requireNonNull(controlPlane, "controlPlane");
        lossWindows = List.copyOf(lossWindows);
        if (lostProbes < 0 || inFlightProbes < 0 || lostProbes + inFlightProbes > probesSent) {
            throw new IllegalArgumentException("lost " + lostProbes + " + in flight " + inFlightProbes
                    + " not in [0, " + probesSent + "]");
        }
        if (recoveryNs.isPresent() != timeToZeroLossNs.isPresent() || recoveryNs.isPresent() != outcome.recovered()) {
            throw new IllegalArgumentException("recovery and time to zero loss exist exactly when the flow recovered");
        }
    }

    /** True when the flow delivered every probe from some point up to the end of the window. */
    public boolean recovered() {
        return outcome.recovered();
    }

    /** The longest loss window; 0 without loss; empty unless recovered (see {@link #outageAtLeastNs}). */
    public OptionalLong longestLossWindowNs() {
        if (!recovered()) {
            return OptionalLong.empty();
        }
        long max = 0;
        for (LossWindow w : lossWindows) {
            max = Math.max(max, w.durationNs());
        }
        return OptionalLong.of(max);
    }

    /** Sum of the loss windows: total time without delivery; empty unless recovered. */
    public OptionalLong timeWithoutDeliveryNs() {
        if (!recovered()) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (LossWindow w : lossWindows) {
            sum += w.durationNs();
        }
        return OptionalLong.of(sum);
    }

    /**
     * For a flow that had not recovered when its window closed: the open loss window up to that
     * point, a lower bound of the outage. Empty otherwise.
     */
    public OptionalLong outageAtLeastNs() {
        if (outcome != Outcome.NOT_RECOVERED_BEFORE_NEXT_ACTION && outcome != Outcome.NOT_RECOVERED_BY_END_OF_RUN) {
            return OptionalLong.empty();
        }
        LossWindow last = lossWindows.get(lossWindows.size() - 1);
        return OptionalLong.of(last.durationNs());
    }
}
