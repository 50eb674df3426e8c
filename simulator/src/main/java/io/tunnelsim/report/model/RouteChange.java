package io.tunnelsim.report.model;

import java.util.Objects;

/**
 * One FIB entry of one router changing its next hop, structured (the text form is
 * {@link FibChange}).
 *
 * @param timeNs simulated time in nanoseconds
 * @param node   router name
 * @param prefix the prefix, e.g. {@code 10.2.0.0/24}
 * @param from   the paths before, e.g. {@code tunnel0} or {@code eth1 192.0.2.1}
 *               ({@code " + "} between equal-cost paths); {@code none} when the route was added
 * @param to     the paths after; {@code none} when the route was removed
 */
public record RouteChange(long timeNs, String node, String prefix, String from, String to) {
    public RouteChange {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
