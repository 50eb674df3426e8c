package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;

/** Observes every FIB change of every node (convergence measurement, tunnel line protocol). */
@FunctionalInterface
public interface FibListener {
    /** {@code before} or {@code after} is null when the entry was added or removed. */
    void fibChanged(Node node, Ipv4Prefix prefix, FibEntry before, FibEntry after);
}
