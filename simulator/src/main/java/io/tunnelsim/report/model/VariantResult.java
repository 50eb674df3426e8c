package io.tunnelsim.report.model;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the report needs from one simulation run of one variant (e.g. {@code ospf}).
 *
 * @param name           variant name; used as a directory name, so letters, digits, '.', '_', '-'
 * @param actions        per action and flow results, ordered by action time then flow
 * @param probes         every probe of the run
 * @param keyEvents      selected event-log lines (state changes, failures), already formatted
 * @param counters       named counters (drops by reason, packets sent), sorted by name
 * @param eventsExecuted scheduler events executed by the run
 * @param startup        per flow, how it fared before the first action, by flow name
 * @param endNs          simulated time the run stopped at (the duration, or {@code --until})
 */
public record VariantResult(String name, List<ActionResult> actions, List<ProbeRecord> probes,
                            List<String> keyEvents, SortedMap<String, Long> counters, long eventsExecuted,
                            List<FlowStartup> startup, long endNs) {

    public VariantResult {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9._-]+") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("variant name '" + name
                    + "' must use only letters, digits, '.', '_' and '-'");
        }
        actions = List.copyOf(actions);
        probes = List.copyOf(probes);
        keyEvents = List.copyOf(keyEvents);
        counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
        startup = List.copyOf(startup);
    }

    /** Flows that delivered no probe before the first action, by name. */
    public List<String> flowsNeverWorked() {
        return startup.stream().filter(FlowStartup::neverWorked).map(FlowStartup::flow).toList();
    }
}
