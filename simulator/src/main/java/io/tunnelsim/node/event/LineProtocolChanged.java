package io.tunnelsim.node.event;

/**
 * An interface's line protocol went up or down ({@code %LINEPROTO-5-UPDOWN}): for Ethernet
 * with carrier, for a GRE tunnel by its line-protocol rules (route to the destination,
 * keepalives, recursion), for any interface on shutdown.
 *
 * @param iface the interface's display name
 */
public record LineProtocolChanged(long timeNs, String node, String iface, boolean up) implements LoggedEvent {

    @Override
    public String facility() {
        return "LINEPROTO-5-UPDOWN";
    }

    @Override
    public String message() {
        return "Line protocol on Interface " + iface + ", changed state to " + (up ? "up" : "down");
    }
}
