package io.tunnelsim.node.event;

/**
 * An interface changed state: carrier came or went ({@code %LINK-3-UPDOWN}) or an operator
 * shut it down or brought it up ({@code %LINK-5-CHANGED}).
 *
 * @param iface the interface's display name ({@code Ethernet0}, {@code Tunnel0})
 * @param up    the new state
 * @param cause what changed it
 */
public record InterfaceStateChanged(long timeNs, String node, String iface, boolean up, Cause cause)
        implements LoggedEvent {

    /** Why the state changed. */
    public enum Cause {
        /** Carrier on the attached segment. */
        CARRIER,
        /** {@code shutdown} / {@code no shutdown}. */
        ADMIN
    }

    @Override
    public String facility() {
        return cause == Cause.CARRIER ? "LINK-3-UPDOWN" : "LINK-5-CHANGED";
    }

    @Override
    public String message() {
        return "Interface " + iface + ", changed state to " + (up ? "up" : cause == Cause.CARRIER ? "down" : "administratively down");
    }
}
