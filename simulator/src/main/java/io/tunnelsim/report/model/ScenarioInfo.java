package io.tunnelsim.report.model;

import java.util.List;
import java.util.Objects;

/**
 * The scenario a report is about.
 *
 * @param name            scenario name
 * @param description     free text, shown at the top of the HTML report
 * @param seed            run seed (for a sweep: the base seed)
 * @param durationNs      simulated duration
 * @param probeIntervalNs interval between two probes of one flow
 * @param actions         timeline actions in time order
 */
public record ScenarioInfo(String name, String description, long seed, long durationNs, long probeIntervalNs,
                           List<TimelineAction> actions) {

    public ScenarioInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (durationNs <= 0) {
            throw new IllegalArgumentException("durationNs must be > 0: " + durationNs);
        }
        if (probeIntervalNs <= 0) {
            throw new IllegalArgumentException("probeIntervalNs must be > 0: " + probeIntervalNs);
        }
        actions = List.copyOf(actions);
        for (int i = 1; i < actions.size(); i++) {
            if (actions.get(i).atNs() < actions.get(i - 1).atNs()) {
                throw new IllegalArgumentException("actions must be in time order: '" + actions.get(i).label()
                        + "' comes before '" + actions.get(i - 1).label() + "'");
            }
        }
    }
}
