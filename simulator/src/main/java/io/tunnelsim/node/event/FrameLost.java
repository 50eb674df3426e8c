package io.tunnelsim.node.event;

import io.tunnelsim.wire.DropReason;

/**
 * A frame carrying a probe packet vanished on a link: a silent failure, random loss, or the
 * carrier went away while it was on the wire. No node dropped it, so no node counts it (the
 * segment's own counters do). Published only for probe packets (trace tag not 0) and only while
 * something subscribes to this type.
 *
 * @param link   the link's name as in the topology; {@link #node()} returns it too, since a link
 *               stands where the node would
 * @param reason why it vanished ({@code silent-failure}, {@code random-loss}, {@code no-carrier})
 * @param probe  the packet's trace tag
 */
public record FrameLost(long timeNs, String link, DropReason reason, long probe) implements NetEvent {

    @Override
    public String node() {
        return link;
    }
}
