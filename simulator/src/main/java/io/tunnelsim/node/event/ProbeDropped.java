package io.tunnelsim.node.event;

import io.tunnelsim.wire.DropReason;

/**
 * A probe packet (trace tag not 0, {@code PacketBuffer.trace()}) was lost at a node: a counted
 * drop (the same one {@link PacketDropped} reports) or a loss no counter sees (it arrived on a
 * down interface or at a crashed node). Built only for probe packets and only while something
 * subscribes to this type, so following a run's probes costs nothing for its other packets;
 * losses on a link are {@link FrameLost}.
 *
 * @param iface the interface (name as in the topology) — the egress when the packet was being
 *              sent, the ingress when it was being received — or null when the site names none
 * @param probe the packet's trace tag
 */
public record ProbeDropped(long timeNs, String node, DropReason reason, String iface, long probe) implements NetEvent {
}
