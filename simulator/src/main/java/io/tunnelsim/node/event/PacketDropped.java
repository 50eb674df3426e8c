package io.tunnelsim.node.event;

/**
 * A node dropped a packet for a named reason. Published only while something subscribes to
 * this type (the per-packet path allocates nothing otherwise).
 *
 * <p>Simplifications: the event names the node and the reason; the interface is not yet
 * carried (drop sites count on the node).
 */
public record PacketDropped(long timeNs, String node, DropReason reason) implements NetEvent {
}
