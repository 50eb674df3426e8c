package io.tunnelsim.report.model;

import java.util.Locale;

/**
 * What became of one flow (or, summarised, of every flow) after one timeline action. Definitions
 * are in {@code io.tunnelsim.report.ConvergenceAnalyzer}.
 */
public enum Outcome {
    /** Every probe sent in the action's window was delivered (or is still in flight at the end). */
    NO_LOSS,
    /** Probes were lost, and from some probe on every later probe in the window was delivered. */
    RECOVERED,
    /** Still losing probes when the next action ran; only a lower bound of the outage exists. */
    NOT_RECOVERED_BEFORE_NEXT_ACTION,
    /** Still losing probes when the run ended; only a lower bound of the outage exists. */
    NOT_RECOVERED_BY_END_OF_RUN,
    /** The flow delivered no probe before the action: there was nothing to lose or recover. */
    NEVER_WORKED,
    /** The action lies after the end of the run ({@code --until}): it never happened. */
    NOT_RUN;

    /** The machine-readable name used in CSV and JSON files, e.g. {@code not-recovered-before-next-action}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when the outage has a value (possibly zero), false when only a bound or nothing exists. */
    public boolean recovered() {
        return this == NO_LOSS || this == RECOVERED;
    }
}
