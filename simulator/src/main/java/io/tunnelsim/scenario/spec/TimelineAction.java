package io.tunnelsim.scenario.spec;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.LinkSpec;
import io.tunnelsim.topology.Location;
import io.tunnelsim.topology.TopologySpec;

/**
 * One timeline entry. Switch on {@link #type()}; {@link ActionType#target()} says whether
 * {@link #target()} names a link, an interface or a node.
 *
 * @param target     as written: a link name or {@code node:iface} (link actions), {@code node:iface}
 *                   (interface actions), or a node name
 * @param endpoint   present when the target was written as {@code node:iface}
 * @param impairment present for {@link ActionType#IMPAIR}
 * @param location   where the entry was written
 */
public record TimelineAction(long atNs, ActionType type, String target, Optional<Endpoint> endpoint,
                             Optional<Impairment> impairment, Location location) {

    /** New values for a link; absent fields stay as they are. */
    public record Impairment(OptionalDouble loss, OptionalLong delayNs) {
    }

    /** The link a link action applies to in a topology (the loader checked it exists in every variant's). */
    public Optional<LinkSpec> link(TopologySpec topology) {
        return endpoint.isPresent() ? topology.linkOf(endpoint.get()) : topology.link(target);
    }

    /** The node the action concerns: the target node, or the node of the endpoint. */
    public String node() {
        return endpoint.map(Endpoint::node).orElse(target);
    }
}
