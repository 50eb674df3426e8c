package io.tunnelsim.report.model;

import java.util.Objects;

/**
 * A tunnel line-protocol or routing adjacency changing state.
 *
 * @param timeNs simulated time in nanoseconds
 * @param node   router name
 * @param what   the object, e.g. {@code Tunnel0} or {@code OSPF nbr 2.2.2.2 on Tunnel0}
 * @param state  new state, e.g. {@code down}, {@code up}, {@code FULL}
 */
public record StateChange(long timeNs, String node, String what, String state) {
    public StateChange {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(state, "state");
    }
}
