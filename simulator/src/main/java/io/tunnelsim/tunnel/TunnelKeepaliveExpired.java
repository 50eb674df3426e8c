package io.tunnelsim.tunnel;

import io.tunnelsim.node.event.NetEvent;

/**
 * A GRE tunnel's keepalives went unanswered {@code retries} times in a row, so its line
 * protocol goes down now (the {@code LineProtocolChanged} follows at the same time). IOS logs
 * no line of its own for this, so neither does the event log; the event tells analysis why the
 * line protocol fell.
 *
 * @param iface      the tunnel's name as in the topology ({@code tunnel0})
 * @param unanswered keepalives sent and not answered
 * @param periodNs   the keepalive period
 */
public record TunnelKeepaliveExpired(long timeNs, String node, String iface, int unanswered, long periodNs)
        implements NetEvent {
}
