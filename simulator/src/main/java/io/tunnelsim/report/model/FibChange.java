package io.tunnelsim.report.model;

import java.util.Objects;

/**
 * One change of one router's forwarding table (a route added, removed or given a new next hop).
 *
 * @param timeNs simulated time in nanoseconds
 * @param router router name
 * @param detail short description, e.g. {@code 10.2.0.0/16 via Tunnel1}; may be empty
 */
public record FibChange(long timeNs, String router, String detail) {
    public FibChange {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(detail, "detail");
    }
}
