package io.tunnelsim.scenario;

import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.report.model.CauseEvidence;
import io.tunnelsim.report.model.FibChange;
import io.tunnelsim.report.model.StateChange;
import java.util.List;

/**
 * What one run of one variant produced, before analysis.
 *
 * @param fibChanges FIB changes from the first timeline action on (convergence is measured after actions)
 * @param fibChangesTotal every FIB change of the run, initial convergence included
 * @param endNs      simulated time the run stopped at
 * @param actionTimes the (possibly shifted) time of every timeline action, in timeline order
 * @param live       what the live driver measured, or null for a normal (deterministic) run
 * @param causes     where probes went and died, detections and structured FIB changes, for the
 *                   outage chains; {@link CauseEvidence#none()} when the run did not gather them
 */
public record RunResult(String variant, BuiltNetwork built, List<ProbeFlow> probes, List<FibChange> fibChanges, long fibChangesTotal,
                        List<StateChange> stateChanges, List<EventLog.Entry> events, long endNs, List<Long> actionTimes,
                        io.tunnelsim.live.LiveStats live, CauseEvidence causes) {

    public RunResult(String variant, BuiltNetwork built, List<ProbeFlow> probes, List<FibChange> fibChanges, long fibChangesTotal,
                     List<StateChange> stateChanges, List<EventLog.Entry> events, long endNs, List<Long> actionTimes) {
        this(variant, built, probes, fibChanges, fibChangesTotal, stateChanges, events, endNs, actionTimes, null,
                CauseEvidence.none());
    }
}
