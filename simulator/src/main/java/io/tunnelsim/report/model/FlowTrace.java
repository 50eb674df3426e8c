package io.tunnelsim.report.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the run saw of one flow's probe packets on their way.
 *
 * @param flow      flow name
 * @param source    the sending node
 * @param addresses the flow's source and destination addresses (the FIB prefixes that matter)
 * @param visited   per probe sequence number, the nodes its packets (probe and echo reply)
 *                  reached, sorted; probes the run did not follow are absent
 */
public record FlowTrace(String flow, String source, List<String> addresses, SortedMap<Long, List<String>> visited) {
    public FlowTrace {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(source, "source");
        addresses = List.copyOf(addresses);
        TreeMap<Long, List<String>> v = new TreeMap<>();
        for (Map.Entry<Long, List<String>> e : visited.entrySet()) {
            v.put(e.getKey(), List.copyOf(e.getValue()));
        }
        visited = java.util.Collections.unmodifiableSortedMap(v);
    }
}
