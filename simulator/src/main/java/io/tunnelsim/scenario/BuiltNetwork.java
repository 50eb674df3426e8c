package io.tunnelsim.scenario;

import io.tunnelsim.node.Network;
import io.tunnelsim.node.Segment;
import io.tunnelsim.topology.TopologySpec;
import java.util.List;
import java.util.Map;

/**
 * A network built from a topology for one variant, with the lookups the scenario runner needs:
 * the segment of each link by name and the notes on what the variant generated.
 *
 * @param generated human-readable lines describing generated configuration (routes, protocols)
 */
public record BuiltNetwork(Network network, TopologySpec topology, Map<String, Segment> segmentsByLink,
                           List<String> generated) {
}
