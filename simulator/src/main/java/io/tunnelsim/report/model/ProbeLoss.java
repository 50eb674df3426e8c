package io.tunnelsim.report.model;

import java.util.Objects;

/**
 * Where and why one probe packet (or its echo reply) was lost, from the network's typed drop
 * events.
 *
 * @param flow   flow name
 * @param seq    the probe's sequence number in its flow
 * @param timeNs when it was dropped
 * @param where  the node that dropped it, or the link it vanished on (see {@code onLink})
 * @param iface  the interface (name as in the topology), or empty when the drop site names none
 * @param reason the drop reason's label, e.g. {@code no-route}, {@code silent-failure}
 * @param onLink true when a link lost it (silent failure, random loss, carrier loss in flight)
 */
public record ProbeLoss(String flow, long seq, long timeNs, String where, String iface, String reason, boolean onLink) {
    public ProbeLoss {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(reason, "reason");
    }
}
