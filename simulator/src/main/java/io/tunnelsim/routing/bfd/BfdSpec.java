package io.tunnelsim.routing.bfd;

import java.util.List;
import java.util.Map;

/**
 * A router's {@code bfd:} section, defaults applied.
 *
 * @param timers the node's timers (FRR's 300 ms / 300 ms × 3 when not written)
 * @param interfaces timers of single-hop sessions per interface
 * @param peers sessions that run whether or not a client uses them (FRR {@code peer})
 */
public record BfdSpec(BfdTimers timers, Map<String, BfdTimers> interfaces, List<Peer> peers) {
    /**
     * A configured peer.
     *
     * @param shutdown the session is held AdminDown
     */
    public record Peer(BfdPeer key, BfdTimers timers, int minimumTtl, boolean shutdown) {
    }
}
