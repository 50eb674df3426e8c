package io.tunnelsim.node.event;

/**
 * A state change inside the simulated network, published on the network's event bus at the
 * simulated time it happens. Events are immutable values; subscribers (the event log, the
 * convergence analysis, a protocol module's own tables) read them and never change them.
 *
 * <p>Each protocol module lists the event types it publishes, so a reader of the module knows
 * what it can observe without reading log text.
 */
public interface NetEvent {

    /** Simulated time of the change, in nanoseconds. */
    long timeNs();

    /** Name of the node the change happened on. */
    String node();
}
