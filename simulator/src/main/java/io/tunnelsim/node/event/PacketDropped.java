package io.tunnelsim.node.event;

import io.tunnelsim.wire.DropReason;

/**
 * A node dropped a packet for a named reason. Published only while something subscribes to
 * this type (the per-packet path allocates nothing otherwise).
 *
 * @param iface the interface (name as in the topology) the packet was dropped on — its egress
 *              when it was being sent, its ingress when it was being received — or null when
 *              the drop site does not name one
 * @param probe the packet's trace tag ({@code PacketBuffer.trace()}): which probe packet was
 *              lost, 0 for any other packet or a drop site that does not have the packet
 *
 * <p>Simplifications: drop sites on the forwarding path of data packets carry the interface and
 * the tag; control-plane drop sites and malformed packets (a codec's {@code WireDrop}) do not.
 */
public record PacketDropped(long timeNs, String node, DropReason reason, String iface, long probe) implements NetEvent {

    /** A drop that names neither an interface nor a probe. */
    public PacketDropped(long timeNs, String node, DropReason reason) {
        this(timeNs, node, reason, null, 0);
    }
}
