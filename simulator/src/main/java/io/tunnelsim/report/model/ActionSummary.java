package io.tunnelsim.report.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One action of one variant across all its flows: the figure a comparison table shows.
 *
 * @param action            action label
 * @param atNs              action time
 * @param flows             number of flows
 * @param flowsNotRecovered flows that never recovered in the window
 * @param worstOutageNs     largest outage over the flows; empty when any flow never recovered
 * @param lostProbes        lost probes summed over the flows
 * @param controlPlaneNs    last FIB change anywhere after the action; empty when none
 */
public record ActionSummary(String action, long atNs, int flows, int flowsNotRecovered, OptionalLong worstOutageNs,
                            long lostProbes, OptionalLong controlPlaneNs) {
    public ActionSummary {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(worstOutageNs, "worstOutageNs");
        Objects.requireNonNull(controlPlaneNs, "controlPlaneNs");
    }

    public boolean recovered() {
        return flowsNotRecovered == 0;
    }
}
