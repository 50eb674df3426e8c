package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ActionSummary;
import io.tunnelsim.report.model.Outcome;

import io.tunnelsim.report.model.ControlPlane;
import io.tunnelsim.report.model.StateChange;

import java.util.List;
import java.util.Optional;

/**
 * Durations and outcomes as people read them, one unit per magnitude: {@code 34.26 s} from one
 * second up (two decimals), {@code 947 ms} below, {@code 0 s} for zero. Integer arithmetic, half
 * up, so the text is exact and independent of locale. Machine files keep full precision
 * ({@link Seconds}).
 */
public final class Human {

    private Human() {
    }

    /** {@code 34.26 s}, {@code 947 ms}, {@code 0 s}; negative values keep their sign. */
    public static String duration(long ns) {
        if (ns == Long.MIN_VALUE) {
            throw new IllegalArgumentException("time out of range");
        }
        String sign = ns < 0 ? "-" : "";
        long a = Math.abs(ns);
        if (a == 0) {
            return "0 s";
        }
        long ms = (a + 500_000L) / 1_000_000L;
        if (ms < 1000) {
            return sign + Math.max(ms, 1) + " ms";
        }
        long cs = (a + 5_000_000L) / 10_000_000L;
        long frac = cs % 100;
        return sign + cs / 100 + "." + (frac < 10 ? "0" : "") + frac + " s";
    }

    /** A time on the simulated clock: {@code t = 20.00 s}. */
    public static String at(long ns) {
        return "t = " + duration(ns);
    }

    /** One sentence on the outcome of one flow after one action. */
    public static String outcome(ActionResult r) {
        return outcome(r.outcome(), r.longestLossWindowNs().orElse(0), r.lossWindows().size(),
                r.timeWithoutDeliveryNs().orElse(0), r.recoveryNs().orElse(0), r.outageAtLeastNs().orElse(0),
                r.nextAction(), r.windowEndNs());
    }

    /** One sentence on the outcome of an action over all flows (worst flow). */
    public static String outcome(ActionSummary s) {
        return outcome(s.outcome(), s.longestLossWindowNs().orElse(0), -1, s.timeWithoutDeliveryNs().orElse(0),
                s.recoveryNs().orElse(0), s.outageAtLeastNs().orElse(0), s.nextAction(), s.windowEndNs());
    }

    private static String outcome(Outcome o, long window, int windows, long without, long recovery, long atLeast,
                                  Optional<String> next, long windowEnd) {
        return switch (o) {
            case NO_LOSS -> "no loss";
            case RECOVERED -> "cut off " + duration(window)
                    + (windows > 1 ? " (longest of " + windows + " loss windows, " + duration(without) + " in all)"
                    : (windows < 0 && without > window ? " (" + duration(without) + " without delivery in all)" : ""))
                    + ", fully recovered " + duration(recovery) + " after the action";
            case NOT_RECOVERED_BEFORE_NEXT_ACTION -> "not recovered before the next action ("
                    + next.orElse("?") + " at " + duration(windowEnd) + "): cut off for at least " + duration(atLeast);
            case NOT_RECOVERED_BY_END_OF_RUN -> "not recovered by the end of the run (" + at(windowEnd)
                    + "): cut off for at least " + duration(atLeast);
            case NEVER_WORKED -> "flow never worked: no probe delivered before this action";
            case NOT_RUN -> "not run: the run ended before this action";
        };
    }

    /**
     * The first tunnel, track, adjacency or node state change after the action (on any router):
     * what noticed the failure, e.g. {@code track 100 Down on hq 2.00 s after the action}.
     */
    public static String firstDetection(ActionResult r) {
        List<StateChange> changes = r.controlPlane().stateChanges();
        if (changes.isEmpty()) {
            return "no tunnel, track or adjacency changed state";
        }
        StateChange c = changes.get(0);
        return c.what() + " " + c.state() + " on " + c.node() + " " + duration(c.timeNs() - r.atNs()) + " after the action";
    }

    /**
     * Sentences that explain figures which look contradictory: a last FIB change long after the
     * traffic recovered (changes that carried no probe), loss that began long after the action,
     * and several loss windows. Empty when there is nothing to explain.
     */
    public static String reading(ActionSummary s, ControlPlane cp) {
        if (!s.recovered() || s.outcome() == Outcome.NO_LOSS && cp.lastFibChangeNs().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        long recovery = s.recoveryNs().getAsLong();
        long window = s.longestLossWindowNs().getAsLong();
        if (cp.lastFibChangeNs().isPresent() && cp.lastFibChangeNs().getAsLong() > recovery + 500_000_000L) {
            sb.append("The last FIB change (").append(duration(cp.lastFibChangeNs().getAsLong()))
                    .append(" after the action) comes after traffic recovered");
            if (s.outcome() == Outcome.NO_LOSS) {
                sb.setLength(0);
                sb.append("Nothing was lost; the FIB changes (last one ").append(duration(cp.lastFibChangeNs().getAsLong()))
                        .append(" after the action) moved no probe traffic");
            } else {
                sb.append(" (").append(duration(recovery)).append("): those changes moved no probe traffic");
            }
            List<String> later = new java.util.ArrayList<>();
            for (StateChange c : cp.stateChanges()) {
                if (c.timeNs() - s.atNs() > recovery) {
                    later.add(c.what() + " " + c.state() + " on " + c.node() + " at " + duration(c.timeNs() - s.atNs()));
                }
            }
            if (!later.isEmpty()) {
                sb.append(" (").append(String.join(", ", later)).append(")");
            }
            sb.append(". ");
        }
        if (s.outcome() == Outcome.RECOVERED && recovery - window > 1_000_000_000L) {
            sb.append("The loss began about ").append(duration(recovery - window))
                    .append(" after the action: traffic flowed until then, so the cut-off time (")
                    .append(duration(window)).append(") is shorter than the time to full recovery (")
                    .append(duration(recovery)).append("). ");
        }
        if (s.outcome() == Outcome.RECOVERED && s.timeWithoutDeliveryNs().getAsLong() > window) {
            sb.append("Several loss windows: ").append(duration(s.timeWithoutDeliveryNs().getAsLong()))
                    .append(" without delivery in all. ");
        }
        return sb.toString().trim();
    }
}
